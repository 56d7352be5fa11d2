"""Listings: figures by year, span, topic and metric; initiatives by line; targets by area; sources."""

from __future__ import annotations

from typing import NamedTuple

from cqsmart.errors import UsageError, Words
from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.query.answer.search import matches
from cqsmart.query.result import Result, hint, require_known


class Filters(NamedTuple):
    year: int | None = None
    start: int | None = None
    end: int | None = None
    topic: str | None = None
    metric: str | None = None
    text: str | None = None
    derived: bool = False


def years_with_figures(base: FactBase, derived: bool = False) -> list[int]:
    years: set[int] = set()
    for figure in _figures(base, derived):
        start, end = figure["period"]["start"], figure["period"]["end"]
        if start is not None and end is not None:
            years.update(range(start, end + 1))
    return sorted(years)


def _figures(base: FactBase, derived: bool) -> list[JsonRecord]:
    return base.select("figure", {} if derived else {"derived": False})


def figures(base: FactBase, filters: Filters) -> Result:
    if filters.year is not None and (filters.start is not None or filters.end is not None):
        raise UsageError("--year is one year; use --from and --to for a range, not both")
    equal: dict[str, object] = {}
    if filters.topic is not None:
        equal["topic"] = require_known(filters.topic, topics_of(base), "topic")
    if filters.metric is not None:
        equal["metric"] = require_known(filters.metric, base.values("metric", "figure"), "metric")
    start = filters.year if filters.year is not None else filters.start
    end = filters.year if filters.year is not None else filters.end
    if start is not None and end is not None and start > end:
        raise UsageError(f"--from {start} is after --to {end}")
    if not filters.derived:
        equal["derived"] = False
    rows = base.select("figure", equal, (start, end) if start is not None or end is not None else None)
    if filters.text:
        rows = [row for row in rows if matches(row, filters.text)]
    if not rows:
        years = Words(tuple(map(str, years_with_figures(base, filters.derived))))
        topics = Words(tuple(sorted({row["topic"] for row in _figures(base, filters.derived)})), "topic")
        said = hint(f"no figures match; years with figures: {years}; topics: {topics}", "no-figures", years=years, topics=topics)
    return Result(rows, "figure", None if rows else said)


def _grouped(base: FactBase, kind: str, group: str, value: str | None, text: str | None, topic: str | None) -> Result:
    """Records of a kind, filtered by topic and by the field that groups them (an initiative's line, a
    target's area)."""
    equal: dict[str, object] = {}
    if topic is not None:
        equal["topic"] = require_known(topic, topics_of(base), "topic")
    if value is not None:
        equal[group] = require_known(value, {row[group] for row in base.select(kind, equal)}, group)
    rows = base.select(kind, equal)
    if text:
        rows = [row for row in rows if matches(row, text)]
    return Result(rows, kind, None if rows else hint(f"no {kind}s match", f"no-{kind}s"))


def initiatives(base: FactBase, line: str | None = None, text: str | None = None, topic: str | None = None) -> Result:
    return _grouped(base, "initiative", "line", line, text, topic)


def targets(base: FactBase, area: str | None = None, text: str | None = None, topic: str | None = None) -> Result:
    return _grouped(base, "target", "area", area, text, topic)


def topics_of(base: FactBase) -> set[str]:
    """Every topic of any record: one --topic vocabulary for figures, initiatives, targets and search."""
    return {topic for topic in base.values("topic") if isinstance(topic, str)}


def with_topic(base: FactBase, result: Result, topic: str | None) -> Result:
    """A result narrowed to one topic (records without a topic, such as sources, drop out)."""
    if topic is None:
        return result
    topic = require_known(topic, topics_of(base), "topic")
    rows = [row for row in result.rows if row.get("topic") == topic]
    said = hint(f"nothing about {topic} matches", "nothing-about", topic=Words((topic,), "topic"))
    return Result(rows, result.kind, result.hint or (None if rows else said))


def sources(base: FactBase) -> Result:
    return Result(base.of_kind("source"), "source")
