"""One source's part of a base read with others: what `--source ID` narrows every listing, search and ask to."""

from __future__ import annotations

from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.query.result import require_known


def from_source(base: FactBase, source_id: str | None) -> FactBase:
    """The records that cite the source, the source itself, derived figures worked out from those only,
    checks on those only, and the aliases (words, not facts, shared by every source)."""
    if source_id is None:
        return base
    require_known(source_id, {str(record["id"]) for record in base.of_kind("source")}, "source")
    kept: dict[str, JsonRecord] = {}
    for record in base.records:
        cited = record.get("source")
        if record["id"] == source_id or (isinstance(cited, dict) and cited.get("id") == source_id):
            kept[record["id"]] = record
    derived = [record for record in base.of_kind("figure") if record["derived"]]
    growing = True
    while growing:  # a derived figure may be worked out from another derived figure
        growing = False
        for record in derived:
            if record["id"] not in kept and all(name in kept for name in record.get("inputs") or ()):
                kept[record["id"]] = record
                growing = True
    for record in base.records:
        if record["kind"] == "alias" or (record["kind"] == "check" and _checks_only(record, kept)):
            kept[record["id"]] = record
    records = tuple(record for record in base.records if record["id"] in kept)
    narrowed = FactBase(
        records, f"{base.origin} (source {source_id})", {key: base.encoded[key] for key in kept if key in base.encoded}
    )
    narrowed.notes = base.notes
    return narrowed


def _checks_only(check: JsonRecord, kept: dict[str, JsonRecord]) -> bool:
    from cqsmart.model.formula import referenced_ids

    formulas = [*check["terms"], *([check["expected"]] if check["expected"] else [])]
    return all(name in kept for formula in formulas for name in referenced_ids(formula))
