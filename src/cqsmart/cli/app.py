"""The Typer application object, its error handling, and the plumbing every command shares."""

# No `from __future__ import annotations`: Typer would eval the callback's string annotations on every run.
import os
import sys
from collections.abc import Callable, Sequence
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NamedTuple

import typer
from typer._click import core as click_core
from typer._click import exceptions as click_exceptions
from typer.core import TyperGroup

from cqsmart import __version__
from cqsmart.cli.commands import CommandsOnDemand
from cqsmart.cli.streams import (
    error,
    make_streams_safe,
    output_failed,
    output_stream,
)
from cqsmart.errors import CqsmartError, InvalidFactBase, UsageError, Words, echo
from cqsmart.model.factbase import FactBase
from cqsmart.model.years import read_year
from cqsmart.query.result import Result
from cqsmart.render import Options, parse_fields, renderer_for
from cqsmart.render.plain import default_lang, inert

INTERRUPTED_EXIT = 130


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

        make_streams_safe()
        name = prog_name or "cqsmart"
        args = hoist_global_options(sys.argv[1:] if args is None else list(args))

        def run() -> Any:
            if _completion_for_named_shell(args):
                return 0
            return super(CqsmartGroup, self).main(args, name, complete_var, False, windows_expand_args, **extra)

        with no_cyclic_collection():  # a run lasts a moment and makes many objects but no garbage cycles
            code = _exit_code(run, args)
        sys.exit(code)


class OutputFailed(Exception):
    """An OSError raised inside a command, carried past Click, which would turn a closed pipe into exit 1."""

    def __init__(self, failure: OSError) -> None:
        super().__init__(str(failure))
        self.failure = failure


def _exit_code(run: Callable[[], Any], args: Sequence[str] = ()) -> int:
    """Run the command and flush its output, turning every way it can end into one line and a code
    (in the language `args` ask for)."""
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
        from cqsmart.cli.messages import lang_of_run, message

        said = message(failure.key, failure.lang or lang_of_run(args), **failure.params) if failure.key else str(failure)
        error(said)
        return failure.exit_code
    except OutputFailed as failure:
        return output_failed(failure.failure)
    except OSError as failure:
        return output_failed(failure)
    return result if isinstance(result, int) else 0


def _completion_for_named_shell(args: Sequence[str] | None) -> bool:
    """`--show-completion zsh`, `--install-completion fish`: that shell's script, not a guess."""
    from cqsmart.cli.completion import run_shell_request, shell_request

    request = shell_request(sys.argv[1:] if args is None else list(args))
    if request is not None:
        run_shell_request(*request)
    return request is not None


GLOBAL_WITH_VALUE = ("--facts",)
GLOBAL_FLAGS = ("--no-cache", "--no-pager", "--no-library")


def hoist_global_options(args: list[str]) -> list[str]:
    """`cqsmart stats --facts F` means `cqsmart --facts F stats`: the app's own options may follow the
    command too, as users type them."""
    position = 0
    while position < len(args) and args[position] != "--":
        if args[position] in GLOBAL_WITH_VALUE:
            position += 2
        elif args[position].startswith("-"):
            position += 1
        else:
            break
    if position >= len(args) or args[position] == "--":
        return args
    moved: list[str] = []
    rest: list[str] = []
    tail = args[position + 1 :]
    index = 0
    while index < len(tail):
        word = tail[index]
        if word == "--":
            rest += tail[index:]
            break
        if word in GLOBAL_WITH_VALUE and index + 1 < len(tail):
            moved += tail[index : index + 2]
            index += 2
            continue
        if word in GLOBAL_FLAGS or word.startswith(tuple(f"{name}=" for name in GLOBAL_WITH_VALUE)):
            moved.append(word)
        else:
            rest.append(word)
        index += 1
    return [*args[:position], *moved, args[position], *rest]


def usable_path(value: str | None) -> str | None:
    """A path the operating system can take: it would refuse a NUL character with a bare ValueError."""
    if value is not None and "\x00" in value:
        raise typer.BadParameter("a path cannot contain a NUL character")
    return value


def usable_paths(values: list[str] | None) -> list[str] | None:
    for value in values or ():
        usable_path(value)
    return values


def file_path_parser(text: str) -> Path:
    """For paths of files to write: `out.svg/` names a folder, and Path() would silently drop the slash."""
    usable_path(text)
    if text.endswith(("/", os.sep)):
        raise typer.BadParameter(f"{echo(text)} ends with '/', so it names a folder; give a file name")
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


app = CommandsOnDemand(
    cls=CqsmartGroup,
    name="cqsmart",
    help="Cited facts about Chongqing's smart-city and digital-economy programme (Chongqing Daily, 2021).",
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)


class Settings(NamedTuple):
    facts: tuple[str, ...]
    use_cache: bool
    pager: bool = True
    library: bool = True


@app.callback()
def configure(
    ctx: typer.Context,
    facts: Annotated[
        list[str] | None,
        typer.Option(
            "--facts",
            metavar="PATH",
            callback=usable_paths,
            help="A fact-base JSON file, or a folder laid out like facts/; repeat it to read several bases together."
            " Default: $CQSMART_FACTS, else the bundled base and your library.",
        ),
    ] = None,
    no_library: Annotated[
        bool, typer.Option("--no-library", help="Read the bundled base alone, not the bases of 'cqsmart library'.")
    ] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Validate the fact base afresh instead of using the cache.")
    ] = False,
    no_pager: Annotated[
        bool, typer.Option("--no-pager", help="Print long tables straight out; they go through $PAGER on a terminal.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            "-V",
            callback=_show_version,
            is_eager=True,
            help="Print the package and JSON contract versions and exit.",
        ),
    ] = False,
) -> None:
    """--facts, --no-cache, --no-library and --no-pager may also follow the command."""
    ctx.obj = Settings(tuple(facts or ()), not no_cache, not no_pager, not no_library)


def load_base(ctx: typer.Context, source: str | None = None) -> FactBase:
    """The bases the command line names, read together (narrowed to one source's records when asked);
    what was left out of them is said on stderr."""
    from cqsmart.cli.streams import error
    from cqsmart.query.narrow import from_source
    from cqsmart.store.load import load

    settings = ctx.find_object(Settings) or Settings((), True)
    base = load(settings.facts, use_cache=settings.use_cache, library=settings.library)
    for note in base.notes:
        error(note)
    return from_source(base, source)


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
FIELDS_HELP = "Columns to show, e.g. {}."
FieldsOption = Annotated[str | None, typer.Option("--fields", metavar="A,B,…", help=FIELDS_HELP.format("id,label"))]
SourceOption = Annotated[
    str | None,
    typer.Option(
        "--source",
        metavar="ID",
        autocompletion=lambda incomplete: _complete_source(incomplete),
        help="Only the records of this source (an id 'cqsmart sources' lists), of the bases read together.",
    ),
]


def _complete_source(incomplete: str) -> list[str]:
    from cqsmart.cli.completion import complete_source

    return complete_source(None, incomplete)


LangOption = Annotated[
    Lang | None, typer.Option("--lang", help="Language of tables: titles, headers, labels, values (default: the locale).")
]
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
    if renderer.for_machines or not wants_pager():
        with output_stream(renderer.always_utf8) as stream:
            renderer.render(result, base, options, stream)
    else:
        from cqsmart.cli.pager import page

        page(lambda stream: renderer.render(result, base, options, stream), sys.stdout)
    if result.hint is not None and not result.rows:  # the query's own English, or its message's Chinese
        from cqsmart.cli.messages import message

        said = result.hint
        error(message(said.key, "zh", **dict(said.params)) if options.lang == "zh" else said.text)


def on_terminal() -> bool:
    return sys.stdout.isatty()


def wants_pager() -> bool:
    from typer._click.globals import get_current_context

    ctx = get_current_context(silent=True)
    settings = ctx.find_object(Settings) if ctx else None
    return (settings is None or settings.pager) and on_terminal()


def single(values: list[str] | None, option: str) -> str | None:
    """An option given more than once is a mistake, not silently its last value."""
    if not values:
        return None
    if len(values) > 1:
        raise UsageError(f"{option} takes one value, given {len(values)}: {', '.join(values)}")
    return values[0]


def save_svg(result: Result, base: FactBase, options: Options, path: Path, force: bool) -> None:
    from cqsmart.render.human import TableRenderer
    from cqsmart.store.files import check_target, write_atomically

    check_target(path, force)
    from cqsmart.render.human import title_of

    picture = TableRenderer().svg(result, base, options, title=f"cqsmart: {title_of(result.kind, options.lang)}")
    write_atomically(path, picture.encode(), force)
    from cqsmart.cli.messages import message

    error(message("saved", options.lang, path=str(path)))


def parse_year(text: str | None, option: str, base: FactBase) -> int | None:
    if text is None:
        return None
    year = read_year(text)
    if year is None:
        from cqsmart.query.listing import years_with_figures

        years = Words(tuple(map(str, years_with_figures(base, derived=True))))
        raise UsageError(
            f"{option} takes a four-digit year such as 2020, not {echo(text)}; years with figures: {years}",
            "bad-year",
            option=option,
            value=echo(text),
            years=years,
        )
    return year
