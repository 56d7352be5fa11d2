"""The bases of the user's library, each with its sources and how many records of each kind it holds."""

from __future__ import annotations

from collections import Counter

from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.query.result import Result, hint


def library(bases: list[tuple[str, str, FactBase]]) -> Result:
    """One row per (id, where it is kept, its records), in the order given."""
    rows: list[JsonRecord] = []
    for base_id, path, base in bases:
        counts = Counter(record["kind"] for record in base.records)
        rows.append(
            {
                "id": base_id,
                "path": path,
                "sources": [source["id"] for source in base.of_kind("source")],
                "figures": counts["figure"],
                "initiatives": counts["initiative"],
                "targets": counts["target"],
                "records": len(base.records),
            }
        )
    said = hint("the library is empty; add a base with 'cqsmart library add PATH'", "library-empty")
    return Result(rows, "library", None if rows else said)
