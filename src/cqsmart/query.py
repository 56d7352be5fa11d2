"""Pure functions from a fact base and filters to results: filter, search, compare, show."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from cqsmart.base import FactBase, JsonRecord
from cqsmart.errors import NotFound, UsageError

PERCENT_UNITS = ("%", "个百分点")


@dataclass(frozen=True)
class Filters:
    year: int | None = None
    start: int | None = None
    end: int | None = None
    topic: str | None = None
    metric: str | None = None
    text: str | None = None
    derived: bool = False


@dataclass(frozen=True)
class Result:
    """Rows for a listing, and what exists when they are empty, so the CLI can say so on stderr."""

    rows: list[JsonRecord]
    kind: str
    hint: str = ""


def suggest(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, sorted(set(choices)), n=3, cutoff=0.5)
    return f"; did you mean {', '.join(close)}?" if close else ""


def require_known(value: str, choices: set[str], what: str) -> str:
    if value not in choices:
        raise UsageError(f"unknown {what} {value!r}{suggest(value, choices)} ({what}s: {', '.join(sorted(choices))})")
    return value


def years_with_figures(base: FactBase, derived: bool = False) -> list[int]:
    years: set[int] = set()
    for figure in _figures(base, derived):
        start, end = figure["period"]["start"], figure["period"]["end"]
        if start is not None and end is not None:
            years.update(range(start, end + 1))
    return sorted(years)


def _figures(base: FactBase, derived: bool) -> list[JsonRecord]:
    return [record for record in base.of_kind("figure") if derived or not record["derived"]]


def _covers(period: dict[str, Any], start: int | None, end: int | None) -> bool:
    if start is None and end is None:
        return True
    if period["start"] is None:
        return False
    return (start is None or period["end"] >= start) and (end is None or period["start"] <= end)


def figures(base: FactBase, filters: Filters) -> Result:
    if filters.year is not None and (filters.start is not None or filters.end is not None):
        raise UsageError("--year is one year; use --from and --to for a range, not both")
    rows = _figures(base, filters.derived)
    if filters.topic is not None:
        require_known(filters.topic, {row["topic"] for row in _figures(base, True)}, "topic")
        rows = [row for row in rows if row["topic"] == filters.topic]
    if filters.metric is not None:
        require_known(filters.metric, {row["metric"] for row in _figures(base, True)}, "metric")
        rows = [row for row in rows if row["metric"] == filters.metric]
    start = filters.year if filters.year is not None else filters.start
    end = filters.year if filters.year is not None else filters.end
    if start is not None and end is not None and start > end:
        raise UsageError(f"--from {start} is after --to {end}")
    rows = [row for row in rows if _covers(row["period"], start, end)]
    if filters.text:
        rows = [row for row in rows if matches(row, filters.text)]
    hint = ""
    if not rows:
        years = ", ".join(map(str, years_with_figures(base, filters.derived)))
        topics = ", ".join(sorted({row["topic"] for row in _figures(base, filters.derived)}))
        hint = f"no figures match; years with figures: {years}; topics: {topics}"
    return Result(rows, "figure", hint)


def _grouped(base: FactBase, kind: str, group: str, value: str | None, text: str | None) -> Result:
    """Records of a kind, filtered by the field that groups them (an initiative's line, a target's area)."""
    rows = base.of_kind(kind)
    if value is not None:
        require_known(value, {row[group] for row in rows}, group)
        rows = [row for row in rows if row[group] == value]
    if text:
        rows = [row for row in rows if matches(row, text)]
    return Result(rows, kind, "" if rows else f"no {kind}s match")


def initiatives(base: FactBase, line: str | None = None, text: str | None = None) -> Result:
    return _grouped(base, "initiative", "line", line, text)


def targets(base: FactBase, area: str | None = None, text: str | None = None) -> Result:
    return _grouped(base, "target", "area", area, text)


def sources(base: FactBase) -> Result:
    return Result(base.of_kind("source"), "source")


# --- search -----------------------------------------------------------------------------------

_FIELD_WEIGHTS = (("id", 3), ("label", 4), ("metric", 2), ("topic", 2), ("note", 1), ("source", 1))


def _field_text(record: JsonRecord, name: str) -> str:
    value = record.get(name)
    if isinstance(value, dict):
        value = " ".join(str(part) for part in value.values() if part is not None)
    return str(value or "").casefold()


def _terms(text: str) -> list[str]:
    return [term for term in re.split(r"[\s,;]+", text.casefold()) if term]


def score(record: JsonRecord, text: str) -> int:
    """Sum of field weights per term; 0 unless every term is found somewhere in the record."""
    total = 0
    for term in _terms(text):
        weights = [weight for name, weight in _FIELD_WEIGHTS if term in _field_text(record, name)]
        if not weights:
            return 0
        total += max(weights) + len(weights)
    if text.casefold() in _field_text(record, "label"):
        total += 5  # the whole phrase in a label beats scattered words
    return total


def matches(record: JsonRecord, text: str) -> bool:
    return score(record, text) > 0


def search(base: FactBase, text: str) -> Result:
    if not _terms(text):
        raise UsageError("search needs some text, e.g. 渝康码, 'health code' or cloud")
    scored = [(score(record, text), position, record) for position, record in enumerate(base.records)]
    rows = [record for points, _, record in sorted(scored, key=lambda item: (-item[0], item[1])) if points > 0]
    return Result(rows, "record", "" if rows else f"nothing matches {text!r}")


# --- show -------------------------------------------------------------------------------------


def record(base: FactBase, record_id: str) -> JsonRecord:
    found = base.by_id.get(record_id)
    if found is None:
        raise NotFound(f"no record with id {record_id!r}{suggest(record_id, base.by_id)}")
    return found


def linked(base: FactBase, target: JsonRecord) -> list[tuple[str, JsonRecord]]:
    """Records this one refers to and records that refer to it, each with how they relate."""
    links: list[tuple[str, JsonRecord]] = []
    for ref in target.get("figures") or []:
        links.append(("figure", base.by_id[ref]))
    for ref in target.get("inputs") or []:
        links.append(("input", base.by_id[ref]))
    if target.get("parent"):
        links.append(("parent", base.by_id[target["parent"]]))
    for other in base.records:
        if target["id"] in (other.get("figures") or []):
            links.append((f"linked from {other['kind']}", other))
        if target["id"] in (other.get("inputs") or []):
            links.append(("used by derived", other))
        if other.get("parent") == target["id"]:
            links.append(("part", other))
    return links
