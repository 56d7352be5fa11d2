"""What every query returns, and the checks of named values that every query shares."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from cqsmart.errors import Param, UsageError, Words, echo
from cqsmart.model.factbase import JsonRecord


class Hint(NamedTuple):
    """What an empty result says on stderr: its English text, and its key and values in the CLI's
    bilingual table (cli/messages.py), so that it is printed in the run's language."""

    text: str
    key: str = ""
    params: tuple[tuple[str, Param], ...] = ()


def hint(text: str, key: str, **params: Param) -> Hint:
    return Hint(text, key, tuple(params.items()))


class Result(NamedTuple):
    """Rows for a listing, and what exists when they are empty, so the CLI can say so on stderr."""

    rows: list[JsonRecord]
    kind: str
    hint: Hint | None = None


def similar(word: str, choices: Iterable[str]) -> list[str]:
    """Up to three of `choices` spelt like `word`, closest first."""
    import difflib  # only for a name that does not exist

    return difflib.get_close_matches(word, sorted(set(choices)), n=3, cutoff=0.5)


def close_to(word: str, choices: Iterable[str]) -> str:
    """Up to three of `choices` spelt like `word`, joined for a message; empty when none is."""
    return ", ".join(similar(word, choices))


def suggest(close: str) -> str:
    """The English question a message asks about names spelt alike (close_to's), if there are any."""
    return f"; did you mean {close}?" if close else ""


def require_known(value: str, choices: set[str], what: str) -> str:
    """`value`, or the slug among `choices` that it names in Chinese or English (数据中心, data centres
    for data-centres), as Chinese views show them; else a UsageError that lists the choices."""
    if value in choices:
        return value
    named = slug_named(value, choices, what)
    if named is not None:
        return named
    close, listed = similar(value, choices), ", ".join(sorted(choices))
    raise UsageError(
        f"unknown {what} {echo(value)}{suggest(', '.join(close))} ({what}s: {listed})",
        "unknown-choice-suggest" if close else "unknown-choice",
        what=what,
        value=echo(value),
        close=Words(tuple(close), what),
        choices=Words(tuple(sorted(choices)), what),
    )


def slug_named(value: str, choices: set[str], what: str) -> str | None:
    from cqsmart.model.vocabulary import slug_labels

    wanted = " ".join(value.replace("-", " ").split()).casefold()
    for slug, names in slug_labels(what).items():
        if slug in choices and wanted in (names[0], names[1].replace("-", " ").casefold()):
            return slug
    return None
