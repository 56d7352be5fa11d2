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
    kept = {source_id, *base.citing(source_id)}
    derived = base.select("figure", {"derived": True})
    growing = True
    while growing:  # a derived figure may be worked out from another derived figure
        growing = False
        for record in derived:
            if record["id"] not in kept and all(name in kept for name in record.get("inputs") or ()):
                kept.add(str(record["id"]))
                growing = True
    kept.update(str(record["id"]) for record in base.of_kind("alias"))
    kept.update(str(record["id"]) for record in base.of_kind("check") if _checks_only(record, kept))
    origin = f"{base.origin} (source {source_id})"
    if base.store is not None:  # a stored base is narrowed by a view: its records are never all read
        narrowed = FactBase(None, origin, store=base.store.only(kept, base.store.content + b"\0source\0" + source_id.encode()))
        narrowed.notes = base.notes
        return narrowed
    records = tuple(record for record in base.records if record["id"] in kept)
    narrowed = FactBase(records, origin, {key: base.encoded[key] for key in kept if key in base.encoded})
    narrowed.notes = base.notes
    return narrowed


def _checks_only(check: JsonRecord, kept: set[str]) -> bool:
    from cqsmart.model.formula import referenced_ids

    formulas = [*check["terms"], *([check["expected"]] if check["expected"] else [])]
    return all(name in kept for formula in formulas for name in referenced_ids(formula))
