"""What a citation of one record can say: the record, the source it quotes, and the verbatim quote.
Only what the source record knows is used; nothing (a URL, a page, a date) is made up."""

from __future__ import annotations

from typing import NamedTuple

from cqsmart.errors import NotFound
from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.query.lookup import record as find_record

STYLES = ("apa", "mla", "chicago", "bibtex", "plain")


class Citing(NamedTuple):
    record: JsonRecord
    source: JsonRecord
    quote: str  # the source's words, verbatim; empty for a derived figure, which the source never states
    inputs: tuple[JsonRecord, ...] = ()  # for a derived figure, the stated figures it comes from


def citing(base: FactBase, record_id: str) -> Citing:
    record = find_record(base, record_id)
    if record["kind"] == "source":
        return Citing(record, record, "")
    inputs = tuple(base.by_id[ref] for ref in record.get("inputs") or () if ref in base.by_id)
    citation = record.get("source") or next((item.get("source") for item in inputs if item.get("source")), None)
    if not isinstance(citation, dict) or citation.get("id") not in base.by_id:
        raise NotFound(f"{record_id} names no source record to cite")
    quote = "" if record.get("derived") else str(citation.get("quote", ""))
    return Citing(record, base.by_id[citation["id"]], quote, inputs)
