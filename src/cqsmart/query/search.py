"""Search across every record, in Chinese or English, best matches first."""

from __future__ import annotations

import re

from cqsmart.errors import UsageError
from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.query.result import Result

_FIELD_WEIGHTS = (("id", 3), ("label", 4), ("metric", 2), ("topic", 2), ("note", 1), ("source", 1))


def _field_text(record: JsonRecord, name: str) -> str:
    value = record.get(name)
    if isinstance(value, dict):
        value = " ".join(str(part) for part in value.values() if part is not None)
    return str(value or "").casefold()


def _terms(text: str) -> list[str]:
    return [term for term in re.split(r"[\s,;]+", text.casefold()) if term]


def score(record: JsonRecord, text: str) -> int:
    """Sum of field weights per term; 0 unless every term is found somewhere in the record."""
    total = 0
    for term in _terms(text):
        weights = [weight for name, weight in _FIELD_WEIGHTS if term in _field_text(record, name)]
        if not weights:
            return 0
        total += max(weights) + len(weights)
    if text.casefold() in _field_text(record, "label"):
        total += 5  # the whole phrase in a label beats scattered words
    return total


def matches(record: JsonRecord, text: str) -> bool:
    return score(record, text) > 0


def search(base: FactBase, text: str) -> Result:
    if not _terms(text):
        raise UsageError("search needs some text, e.g. 渝康码, 'health code' or cloud")
    scored = [(score(record, text), position, record) for position, record in enumerate(base.records)]
    rows = [record for points, _, record in sorted(scored, key=lambda item: (-item[0], item[1])) if points > 0]
    return Result(rows, "record", "" if rows else f"nothing matches {text!r}")
