"""A fact base as plain, already-validated JSON records (cheap to build, no Pydantic needed), and the
JSON contract: the fields of each kind of row, in output order."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

JsonRecord = Mapping[str, Any]


@dataclass(frozen=True)
class FactBase:
    records: tuple[JsonRecord, ...]
    origin: str
    # Each record's JSON text as written by jsontext, when the cache has it: output without re-encoding.
    encoded: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)
    by_id: dict[str, JsonRecord] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_id", {record["id"]: record for record in self.records})

    def of_kind(self, kind: str) -> list[JsonRecord]:
        return [record for record in self.records if record["kind"] == kind]


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
        "period",
        "source",
        "derived",
        "formula",
        "inputs",
        "note",
    ),
    "initiative": ("id", "kind", "topic", "line", "label", "parent", "figures", "source", "note"),
    "target": ("id", "kind", "topic", "area", "label", "figures", "deadline", "source", "note"),
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
    ),
}
# `ask`: a figure as `stats --json` gives it, and how well it answers the question (higher is better).
FIELDS_BY_KIND["answer"] = (*FIELDS_BY_KIND["figure"], "score")
FIELDS_BY_KIND["record"] = tuple(
    dict.fromkeys(name for kind in ("figure", "initiative", "target", "source") for name in FIELDS_BY_KIND[kind])
)
