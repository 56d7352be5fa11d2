"""A fact base as plain, already-validated JSON records (cheap to build, no Pydantic needed), and the
JSON contract: the fields of each kind of row, in output order."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

JsonRecord = Mapping[str, Any]


class FactBase:
    """The records of one base, with the lookups most queries start from.

    A plain class rather than a dataclass: creating a dataclass costs a millisecond of every run's start-up.
    """

    __slots__ = ("by_id", "by_kind", "encoded", "origin", "records")

    def __init__(
        self,
        records: tuple[JsonRecord, ...],
        origin: str,
        encoded: Mapping[str, str] | None = None,
        by_id: dict[str, JsonRecord] | None = None,
        by_kind: Mapping[str, list[JsonRecord]] | None = None,
    ) -> None:
        self.records = records
        self.origin = origin
        # Each record's JSON text as written by jsontext, when the cache has it: output without re-encoding.
        self.encoded: Mapping[str, str] = encoded or {}
        # The loader passes these when it already has them (the cache's index knows every id and kind).
        self.by_id: dict[str, JsonRecord] = by_id or {record["id"]: record for record in records}
        if not by_kind:
            grouped: dict[str, list[JsonRecord]] = {}
            for record in records:
                grouped.setdefault(record["kind"], []).append(record)
            by_kind = grouped
        self.by_kind: Mapping[str, list[JsonRecord]] = by_kind

    def __repr__(self) -> str:
        return f"FactBase(<{len(self.records)} records>, origin={self.origin!r})"

    def of_kind(self, kind: str) -> list[JsonRecord]:
        return list(self.by_kind.get(kind, ()))


# The JSON contract: the fields of each record kind, in output order. Renaming one is a breaking change.
FIELDS_BY_KIND: dict[str, tuple[str, ...]] = {
    "figure": (
        "id",
        "kind",
        "metric",
        "topic",
        "label",
        "value",
        "unit",
        "base_value",
        "qualifier",
        "qualifier_text",
        "period",
        "source",
        "derived",
        "formula",
        "inputs",
        "note",
        "direction",
        "confidence",
        "planned",
    ),
    "initiative": ("id", "kind", "topic", "line", "label", "parent", "figures", "quantities", "source", "note"),
    "target": ("id", "kind", "topic", "area", "label", "figures", "quantities", "deadline", "source", "note"),
    "source": (
        "id",
        "kind",
        "label",
        "publisher",
        "reporter",
        "photographer",
        "interviewee",
        "year",
        "year_inferred",
        "interview_date",
        "photo_date",
        "file",
        "sha256",
        "note",
        "type",
        "url",
        "published",
        "authors",
    ),
    "check": ("id", "kind", "label", "terms", "relation", "expected", "note"),
    # A row of `audit`: a check evaluated, with its arithmetic written out.
    "audit": (
        "id",
        "label",
        "relation",
        "arithmetic",
        "status",
        "values",
        "expected_value",
        "range",
        "terms",
        "expected",
        "inputs",
        "note",
    ),
    "alias": ("id", "kind", "terms", "note"),
    "year-comparison": (
        "metric",
        "label",
        "unit",
        "year_a",
        "value_a",
        "qualifier_a",
        "year_b",
        "value_b",
        "qualifier_b",
        "change",
        "change_unit",
        "derived",
        "values",
        # Added in contract 2: each value as stated, and whether the change is exact.
        "change_qualifier",
        "qualifier_text_a",
        "direction_a",
        "qualifier_text_b",
        "direction_b",
    ),
    "metric-comparison": (
        "year",
        "metric_a",
        "label_a",
        "value_a",
        "metric_b",
        "label_b",
        "value_b",
        "unit",
        "difference",
        "difference_unit",
        # Added in contract 2: each value as stated, and whether the difference is exact.
        "qualifier_a",
        "qualifier_b",
        "difference_qualifier",
        "qualifier_text_a",
        "direction_a",
        "qualifier_text_b",
        "direction_b",
    ),
}
# Fields of output rows that no fact file holds: worked out from the base when a row is written.
COMPUTED_FIELDS: tuple[str, ...] = ("quantities",)
# What each linked figure contributes to an initiative's or target's `quantities`, in output order.
QUANTITY_FIELDS: tuple[str, ...] = ("id", "label", "value", "unit", "base_value", "qualifier", "qualifier_text", "period")
# `ask`: a figure as `stats --json` gives it, and how well it answers the question (higher is better).
FIELDS_BY_KIND["answer"] = (*FIELDS_BY_KIND["figure"], "score")
FIELDS_BY_KIND["record"] = tuple(
    dict.fromkeys(name for kind in ("figure", "initiative", "target", "source", "check") for name in FIELDS_BY_KIND[kind])
)
# `library list`: each base of the user's library, with its sources and counts.
FIELDS_BY_KIND["library"] = ("id", "path", "sources", "figures", "initiatives", "targets", "records")
# Discovery listings: what topics and metrics a base holds.
FIELDS_BY_KIND["topic"] = ("topic", "figures", "initiatives", "targets", "records", "metrics")
FIELDS_BY_KIND["metric"] = (
    "metric",
    "topic",
    "label",
    "unit",
    "years",
    "figures",
    "latest_id",
    "latest_year",
    "latest_value",
    "latest_qualifier",
    "latest_qualifier_text",
    "derived",
)
