"""Search across every record, in Chinese or English, best matches first.

`search` ranks records with the analysis `ask` uses (question words dropped, Chinese split into
bigrams, synonyms and aliases, spelling), so a glued phrase (渝康码功能) or a paraphrase finds its
record. `matches`, the --search filter of the listings, stays a plain all-terms substring test.
"""

from __future__ import annotations

import re

from cqsmart.errors import UsageError, echo
from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.query.result import Hint, Result, hint

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


SEARCHED_KINDS = ("figure", "initiative", "target", "source", "check")
FINDS = 0.5  # the share of the search text a record must match
SEARCH_CANDIDATES = 1000  # a search lists every good match, not only the best few


def _searched(base: FactBase) -> list[JsonRecord]:
    return [record for kind in SEARCHED_KINDS for record in base.of_kind(kind)]


def search(base: FactBase, text: str, derived: bool = False) -> Result:
    """Records that match most of the text, best first; derived figures only when asked for."""
    if not _terms(text):
        raise UsageError("search needs some text, e.g. 渝康码, 'health code' or cloud")
    from cqsmart.query.answer.index import index_of
    from cqsmart.query.answer.question import understand
    from cqsmart.query.answer.score import coverage, label_coverage, weighed

    index = index_of(base, "records", lambda: _searched(base))
    query = understand(text, index, whole=False)
    if not query.slots:  # nothing the analysis reads as words (a date such as 8月13日): plain matching
        rows = [record for record in _searched(base) if matches(record, text)]
        rows = [row for row in rows if derived or not (row["kind"] == "figure" and row["derived"])]
        return Result(rows, "record", None if rows else _nothing(text))
    scored = []
    for document in index.candidates(query, limit=SEARCH_CANDIDATES):
        record = document.record
        is_derived = record["kind"] == "figure" and record["derived"]  # both indexed: no record is decoded
        if is_derived and not derived:
            continue
        share = coverage(query, document, index) if query.slots else 0.0
        if share >= FINDS:
            asked = is_derived and "derived" in query.intents  # implied GDP: those first
            points = weighed(share, label_coverage(query, document, index))
            scored.append((not asked, -round(points, 6), document.position, record))
    rows = [item[-1] for item in sorted(scored, key=lambda item: item[:3])]
    return Result(rows, "record", None if rows else _nothing(text))


def _nothing(text: str) -> Hint:
    return hint(f"nothing matches {echo(text)}", "no-match", words=echo(text))
