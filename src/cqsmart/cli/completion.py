"""Values for shell completion, read from the fact base in use: cheap, and silent on any failure."""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any

from cqsmart.errors import UsageError, echo
from cqsmart.model.factbase import FactBase


def _base(ctx: Any) -> FactBase | None:
    """The base the command line names (--facts), from the cache where possible; None if unusable."""
    from cqsmart.errors import CqsmartError
    from cqsmart.store.load import load

    root = ctx.find_root() if ctx is not None else None
    params = root.params if root is not None else {}
    try:
        return load(params.get("facts"), library=not params.get("no_library"))
    except (CqsmartError, OSError, ValueError):
        return None  # completion must never print an error into the user's prompt


def _completer(values: Callable[[FactBase], list[str]]) -> Callable[[Any, str], list[str]]:
    def complete(ctx: Any, incomplete: str) -> list[str]:
        base = _base(ctx)
        if base is None:
            return []
        return [value for value in values(base) if value.startswith(incomplete)]

    return complete


def _figure_values(key: str) -> Callable[[FactBase], list[str]]:
    return lambda base: sorted({str(record[key]) for record in base.of_kind("figure")})


def _years(base: FactBase) -> list[str]:
    from cqsmart.query.listing import years_with_figures

    return [str(year) for year in years_with_figures(base, derived=True)]


complete_metric = _completer(_figure_values("metric"))
complete_topic = _completer(_figure_values("topic"))
complete_year = _completer(_years)
complete_source = _completer(lambda base: [str(record["id"]) for record in base.of_kind("source")])
complete_id = _completer(lambda base: [record["id"] for record in base.records])
complete_line = _completer(lambda base: sorted({record["line"] for record in base.of_kind("initiative")}))
complete_area = _completer(lambda base: sorted({record["area"] for record in base.of_kind("target")}))
complete_year_or_metric = _completer(lambda base: _years(base) + _figure_values("metric")(base))


SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
_OPTIONS = {"--show-completion": "show", "--install-completion": "install"}


def shell_request(args: Sequence[str]) -> tuple[str, str] | None:
    """("show" or "install", shell) when a completion option names its shell: `--show-completion zsh`.

    Typer makes these options flags that guess the shell, so the word zsh was never read and bash's
    script came out; the name given now decides. With no name the shell is guessed, as before.
    """
    for index, arg in enumerate(args):
        if arg == "--":
            break
        option, equals, value = arg.partition("=")
        if option not in _OPTIONS:
            continue
        if not equals:
            value = args[index + 1] if index + 1 < len(args) else ""
            if not value or value.startswith("-"):
                return None
        if value not in SHELLS:
            raise UsageError(f"{option} takes a shell name, not {echo(value)}; shells: {', '.join(SHELLS)}")
        return _OPTIONS[option], value
    return None


def run_shell_request(action: str, shell: str) -> None:
    """Print the shell's completion script, or install it where that shell looks for it."""
    from typer._completion_shared import get_completion_script, install

    complete_var = "_CQSMART_COMPLETE"
    script = get_completion_script(prog_name="cqsmart", complete_var=complete_var, shell=shell)
    if shell == "zsh":
        script = _zsh_completes_on_first_use(script)
    if action == "show":
        sys.stdout.write(script + "\n")
        return
    _, path = install(shell=shell, prog_name="cqsmart", complete_var=complete_var)
    if shell == "zsh":
        path.write_text(script, encoding="utf-8")
    sys.stderr.write(f"cqsmart: {shell} completion installed in {path}; it takes effect in a new shell\n")


def _zsh_completes_on_first_use(script: str) -> str:
    """Typer's zsh script only registers itself when compinit autoloads it from ~/.zfunc, so the first
    Tab offers nothing. Completing when called as _cqsmart, and registering when sourced, works both ways."""
    registration = "compdef _cqsmart_completion cqsmart"
    both = f'if [[ "${{funcstack[1]}}" == "_cqsmart" ]]; then\n  _cqsmart_completion "$@"\nelse\n  {registration}\nfi'
    return script.replace(registration, both) if registration in script else script
