"""What every query returns, and the checks of named values that every query shares."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from cqsmart.errors import UsageError, echo
from cqsmart.model.factbase import JsonRecord


class Result(NamedTuple):
    """Rows for a listing, and what exists when they are empty, so the CLI can say so on stderr."""

    rows: list[JsonRecord]
    kind: str
    hint: str = ""


def suggest(word: str, choices: Iterable[str]) -> str:
    import difflib  # only for a name that does not exist

    close = difflib.get_close_matches(word, sorted(set(choices)), n=3, cutoff=0.5)
    return f"; did you mean {', '.join(close)}?" if close else ""


def require_known(value: str, choices: set[str], what: str) -> str:
    if value not in choices:
        raise UsageError(f"unknown {what} {echo(value)}{suggest(value, choices)} ({what}s: {', '.join(sorted(choices))})")
    return value
