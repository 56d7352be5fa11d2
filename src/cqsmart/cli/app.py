"""The Typer application object, its error handling, and the plumbing every command shares."""

from __future__ import annotations

import errno
import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer
from typer._click import core as click_core
from typer._click import exceptions as click_exceptions
from typer.core import TyperGroup

from cqsmart import __version__
from cqsmart.errors import CqsmartError, InvalidFactBase, UsageError
from cqsmart.model.factbase import FactBase
from cqsmart.model.years import read_year
from cqsmart.query.listing import years_with_figures
from cqsmart.query.result import Result
from cqsmart.render import Options, parse_fields, renderer_for
from cqsmart.render.values import default_lang, inert

PIPE_CLOSED_EXIT = 141  # what shells report for a producer whose reader went away (128 + SIGPIPE)
INTERRUPTED_EXIT = 130


def error(message: str) -> None:
    """One line on stderr; anything quoted from a fact file or the command line is shown inert."""
    sys.stderr.write(f"cqsmart: {inert(message)}\n")


class CqsmartGroup(TyperGroup):
    """Runs the app non-standalone so every failure becomes one line on stderr and a set exit code."""

    def invoke(self, ctx: click_core.Context) -> Any:
        try:
            return super().invoke(ctx)
        except OSError as failure:
            raise OutputFailed(failure) from None

    def get_params(self, ctx: Any) -> list[Any]:
        """The completion options say that they take a shell's name (see completion.shell_request)."""
        params: list[Any] = super().get_params(ctx)
        for param in params:
            if param.name in ("install_completion", "show_completion"):
                action = "Install" if param.name == "install_completion" else "Print"
                param.help = f"{action} completion for a shell named after it (bash, zsh, fish, powershell), else this one."
        return params

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        from cqsmart.store.load import no_cyclic_collection

        _make_streams_safe()
        name = prog_name or "cqsmart"

        def run() -> Any:
            if _completion_for_named_shell(args):
                return 0
            return super(CqsmartGroup, self).main(args, name, complete_var, False, windows_expand_args, **extra)

        with no_cyclic_collection():  # a run lasts a moment and makes many objects but no garbage cycles
            code = _exit_code(run)
        sys.exit(code)


class OutputFailed(Exception):
    """An OSError raised inside a command, carried past Click, which would turn a closed pipe into exit 1."""

    def __init__(self, failure: OSError) -> None:
        super().__init__(str(failure))
        self.failure = failure


def _exit_code(run: Callable[[], Any]) -> int:
    """Run the command and flush its output, turning every way it can end into one line and a code."""
    try:
        result = run()
        sys.stdout.flush()  # here, not at interpreter exit, where a failure could only be "ignored"
    except click_exceptions.NoArgsIsHelpError as failure:
        sys.stderr.write(failure.ctx.get_help() + "\n" if failure.ctx else "")
        return 2
    except click_exceptions.UsageError as failure:
        command = failure.ctx.command_path if failure.ctx else "cqsmart"
        error(f"{failure.format_message()} (see '{command} --help')")
        return 2
    except click_exceptions.ClickException as failure:
        error(failure.format_message())
        return failure.exit_code
    except (typer.Abort, KeyboardInterrupt):
        return INTERRUPTED_EXIT
    except InvalidFactBase as failure:
        error(f"invalid fact base ({len(failure.problems)} problem{'s' if len(failure.problems) != 1 else ''}):")
        sys.stderr.writelines(f"{inert(str(problem))}\n" for problem in failure.problems)
        return failure.exit_code
    except CqsmartError as failure:
        error(str(failure))
        return failure.exit_code
    except OutputFailed as failure:
        return _output_failed(failure.failure)
    except OSError as failure:
        return _output_failed(failure)
    return result if isinstance(result, int) else 0


def _output_failed(failure: OSError) -> int:
    """A closed pipe ends quietly (`| head`); a closed or full stdout, or an unwritable file, says so."""
    _silence_stdout()
    if isinstance(failure, BrokenPipeError):
        return PIPE_CLOSED_EXIT
    if failure.filename is None:  # reading and writing named files report their own errors
        error(f"cannot write results to stdout: {failure.strerror or failure}")
    else:
        error(f"{failure.filename}: {failure.strerror or failure}")
    return 2


def _silence_stdout() -> None:
    """Output still buffered would fail again when the interpreter exits: point stdout at nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        sys.stdout = io.StringIO()


def _completion_for_named_shell(args: Sequence[str] | None) -> bool:
    """`--show-completion zsh`, `--install-completion fish`: that shell's script, not a guess."""
    from cqsmart.cli.completion import run_shell_request, shell_request

    request = shell_request(sys.argv[1:] if args is None else list(args))
    if request is not None:
        run_shell_request(*request)
    return request is not None


def _make_streams_safe() -> None:
    """Streams that report a closed pipe and survive an ASCII locale.

    Under PYTHONUNBUFFERED (common in containers) stdout writes straight to the raw file, where a
    partial write to a closed pipe is silently accepted; a BufferedWriter retries partial writes and
    raises BrokenPipeError. In an ASCII or C locale, Chinese degrades to visible escapes instead of
    UnicodeEncodeError.
    """
    if sys.stderr is None:  # started with 2>&-: messages have nowhere to go
        sys.stderr = io.StringIO()
    if sys.stdout is None:  # started with >&-: fail on the first result written, not before
        sys.stdout = ClosedStream()
    stdout = sys.stdout
    if isinstance(stdout, io.TextIOWrapper) and isinstance(stdout.buffer, io.RawIOBase):
        encoding, errors = stdout.encoding, stdout.errors
        stdout.flush()
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(stdout.detach()), encoding=encoding, errors=errors)
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if not encoding.startswith("utf") and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")


class ClosedStream(io.TextIOBase):
    """Stands in for a stdout the shell closed: writing to it is the error a closed descriptor gives."""

    encoding = "utf-8"

    @property
    def buffer(self) -> Any:
        raise OSError(errno.EBADF, "stdout is closed")

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "stdout is closed")

    def fileno(self) -> int:
        raise OSError(errno.EBADF, "stdout is closed")


@contextmanager
def output_stream(utf8: bool) -> Iterator[TextIO]:
    """Stdout for one result, as UTF-8 whatever the locale when `utf8` (CSV and TSV, which the
    programs that read them take as UTF-8); otherwise in the terminal's encoding."""
    stdout = sys.stdout
    buffer = getattr(stdout, "buffer", None)
    if not utf8 or buffer is None or (stdout.encoding or "").lower().replace("-", "") in ("utf8", "utf8sig"):
        yield stdout
        stdout.flush()
        return
    stdout.flush()
    stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=True)
    try:
        yield stream
        stream.flush()
    finally:
        stream.detach()  # the buffer stays open for stdout


def usable_path(value: str | None) -> str | None:
    """A path the operating system can take: it would refuse a NUL character with a bare ValueError."""
    if value is not None and "\x00" in value:
        raise typer.BadParameter("a path cannot contain a NUL character")
    return value


def file_path_parser(text: str) -> Path:
    """For paths of files to write: `out.svg/` names a folder, and Path() would silently drop the slash."""
    usable_path(text)
    if text.endswith(("/", os.sep)):
        raise typer.BadParameter(f"{text!r} ends with '/', so it names a folder; give a file name")
    return Path(text)


def path_parser(text: str) -> Path:
    """For Path parameters: Typer's own conversion would touch the path before any callback ran."""
    usable_path(text)
    return Path(text)


def _show_version(value: bool) -> None:
    if value:
        from cqsmart.model.outputs import CONTRACT_VERSION

        sys.stdout.write(f"cqsmart {__version__} (JSON contract {CONTRACT_VERSION})\n")
        raise typer.Exit()


app = typer.Typer(
    cls=CqsmartGroup,
    name="cqsmart",
    help="Cited facts about Chongqing's smart-city and digital-economy programme (Chongqing Daily, 2021).",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


@dataclass(frozen=True)
class Settings:
    facts: str | None
    use_cache: bool


@app.callback()
def configure(
    ctx: typer.Context,
    facts: Annotated[
        str | None,
        typer.Option(
            "--facts",
            metavar="PATH",
            callback=usable_path,
            help="A fact-base JSON file, or a folder laid out like facts/. Default: $CQSMART_FACTS, else the bundled base.",
        ),
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Validate the fact base afresh instead of using the cache.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Print the package and JSON contract versions and exit."
        ),
    ] = False,
) -> None:
    ctx.obj = Settings(facts, not no_cache)


def load_base(ctx: typer.Context) -> FactBase:
    from cqsmart.store.load import load

    settings = ctx.find_object(Settings) or Settings(None, True)
    return load(settings.facts, use_cache=settings.use_cache)


class Format(str, Enum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    tsv = "tsv"
    markdown = "markdown"


class Lang(str, Enum):
    zh = "zh"
    en = "en"
    both = "both"


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
JsonOption = Annotated[bool, typer.Option("--json", help="Shorthand for --format json.")]
FieldsOption = Annotated[str | None, typer.Option("--fields", metavar="A,B,…", help="Columns to show, e.g. id,label,value.")]
LangOption = Annotated[Lang | None, typer.Option("--lang", help="Label language in tables (default: from the locale).")]
SvgOption = Annotated[
    Path | None,
    typer.Option("--svg", metavar="FILE", help="Also save the table or chart as an SVG picture.", parser=file_path_parser),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Replace the --svg file if it exists.")]
DerivedOption = Annotated[
    bool, typer.Option("--derived", help="Include derived figures (implied by the source, not stated in it).")
]


def emit(
    result: Result,
    base: FactBase,
    fmt: Format,
    as_json: bool,
    fields: str | None,
    lang: Lang | None,
    svg: Path | None = None,
    force: bool = False,
) -> None:
    options = Options(parse_fields(fields), lang.value if lang else default_lang())
    renderer = renderer_for("json" if as_json else fmt.value)
    if svg is not None:
        save_svg(result, base, options, svg, force)
    with output_stream(renderer.always_utf8) as stream:
        renderer.render(result, base, options, stream)
    if result.hint and not result.rows:
        error(result.hint)


def save_svg(result: Result, base: FactBase, options: Options, path: Path, force: bool) -> None:
    from cqsmart.render.human import TableRenderer
    from cqsmart.store.files import check_target, write_atomically

    check_target(path, force)
    from cqsmart.render.human import TITLES

    picture = TableRenderer().svg(result, base, options, title=f"cqsmart: {TITLES[result.kind]}")
    write_atomically(path, picture.encode(), force)
    error(f"saved {path}")


def parse_year(text: str | None, option: str, base: FactBase) -> int | None:
    if text is None:
        return None
    year = read_year(text)
    if year is None:
        years = ", ".join(map(str, years_with_figures(base, derived=True)))
        raise UsageError(f"{option} takes a four-digit year such as 2020, not {text!r}; years with figures: {years}")
    return year
