"""A one-line count of what a fact base holds, for `validate`."""

from __future__ import annotations

from collections import Counter

from cqsmart.model.factbase import FactBase


def summary(base: FactBase) -> str:
    counts = Counter(record["kind"] for record in base.records)
    derived = sum(1 for record in base.of_kind("figure") if record["derived"])
    parts = [_count(counts[kind], kind) for kind in ("figure", "initiative", "target", "source")]
    parts += [_count(counts["check"], "check")] if counts["check"] else []
    if counts["alias"]:
        parts.append(f"{counts['alias']} alias{'' if counts['alias'] == 1 else 'es'}")
    return f"{_count(len(base.records), 'record')}: {', '.join(parts)} ({derived} of the figures derived)"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
