"""Only the command a run names is imported and built: Typer turns every registered command into a
Click command (reading its signature and annotations) before it parses a word, and a run uses one."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from cqsmart.cli.app import GLOBAL_FLAGS, GLOBAL_WITH_VALUE, app, hoist_global_options
from cqsmart.cli.commands import ORDER


def named_command(args: Sequence[str], names: Sequence[str]) -> str | None:
    """The command the arguments run, when only the app's own options (--facts F, --no-cache, …) come
    before it; None when anything else does (-h, --version, an unknown option, --), since the whole
    app may then be needed (its help lists every command)."""
    words = hoist_global_options(list(args))
    position = 0
    while position < len(words):
        word = words[position]
        if word in GLOBAL_WITH_VALUE:
            position += 2
        elif word in GLOBAL_FLAGS or word.startswith(tuple(f"{name}=" for name in GLOBAL_WITH_VALUE)):
            position += 1
        else:
            break
    if position < len(words) and words[position] in names:
        return words[position]
    return None


@contextmanager
def only_named_command(args: Sequence[str]) -> Iterator[None]:
    """The app with just the command `args` name registered, while it runs (for shell completion, the
    command the words typed so far name); the whole app whenever no single command is named."""
    instruction = os.environ.get("_CQSMART_COMPLETE")
    name = named_command(args, list(ORDER)) if instruction is None else _completed_command(instruction)
    if name is None:
        yield
        return
    with app.only(name):
        yield


def _completed_command(instruction: str) -> str | None:
    """The command a shell's completion request is within (`cqsmart stats --metric <TAB>`: stats), read
    as Typer reads the shell's words; None while the command itself is being typed, or on any doubt."""
    from typer._click.shell_completion import get_completion_class
    from typer._completion_classes import completion_init

    completion_init()  # Typer's shells, as registered when it builds the app (it does so again then)
    _, _, shell = instruction.partition("_")
    completer = get_completion_class(shell)
    if completer is None:
        return None
    try:
        words, _ = completer(None, {}, "cqsmart", "_CQSMART_COMPLETE").get_completion_args()  # type: ignore[arg-type]
    except Exception:  # a malformed request: the whole app answers it, as before
        return None
    return named_command(words, list(ORDER))
