"""Errors the CLI maps to exit codes: 1 for a named thing not found, 2 for bad usage or a bad fact base."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple


class Words(NamedTuple):
    """A list in a message, joined in the message's language (`a, b` or `a、b`). Where `field` names a
    kind of slug (topic, line, area), Chinese shows each by its Chinese name, which options also take."""

    items: tuple[str, ...]
    field: str = ""

    def __str__(self) -> str:
        return ", ".join(self.items)


Param = str | Words


class CqsmartError(Exception):
    """`key` and `params` name the message in the CLI's bilingual table (cli/messages.py), which the
    CLI prints in the run's language; the text is its English form, for callers outside the CLI."""

    exit_code = 2

    def __init__(self, text: str = "", key: str = "", **params: Param) -> None:
        super().__init__(text)
        self.key = key
        self.params = params
        self.lang = ""  # the language a command chose for its output (ask: the question's), if not the run's


class NotFound(CqsmartError):
    """A named record, metric or year does not exist; exit 1."""

    exit_code = 1


class UsageError(CqsmartError):
    """An option value that cannot be used; exit 2."""


class InvalidFactBase(CqsmartError):
    """A fact base that failed validation; every problem is kept so all are reported at once."""

    def __init__(self, problems: Sequence[object]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


ECHO_LIMIT = 80


def echo(text: str) -> str:
    """What the user typed, quoted for a message: shortened when long (the line says what was wrong, it
    does not give a 120 KB question back), and not escaped here, so the one printer of messages shows
    every character alike (a byte that was not UTF-8 as \\xff, not as Python's \\udcff)."""
    if len(text) <= ECHO_LIMIT:
        return f"'{text}'"
    return f"'{text[:ECHO_LIMIT]}…' ({len(text):,} characters)"
