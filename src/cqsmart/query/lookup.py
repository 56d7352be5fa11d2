"""One record by id, and the records it links to or that link to it, for `show`."""

from __future__ import annotations

from cqsmart.errors import NotFound, echo
from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.query.result import suggest


def record(base: FactBase, record_id: str) -> JsonRecord:
    found = base.by_id.get(record_id)
    if found is None:
        raise NotFound(f"no record with id {echo(record_id)}{suggest(record_id, base.by_id)}")
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
