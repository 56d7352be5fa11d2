"""One record by id, and the records it links to or that link to it, for `show`."""

from __future__ import annotations

from cqsmart.errors import NotFound, echo
from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.query.result import close_to, suggest


def record(base: FactBase, record_id: str) -> JsonRecord:
    found = base.by_id.get(record_id)
    if found is None:
        close = close_to(record_id, base.by_id)
        key = "no-record-suggest" if close else "no-record"
        text = f"no record with id {echo(record_id)}{suggest(close)}"
        raise NotFound(text, key, id=echo(record_id), close=close)
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
    for field, other in base.referring(target["id"]):
        links.append((_REFERRED_AS.get(field) or f"linked from {other['kind']}", other))
    return links


# How a record relates to one that names it in its inputs or as its parent (in its figures: by its kind).
_REFERRED_AS = {"inputs": "used by derived", "parent": "part"}
