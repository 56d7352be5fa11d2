"""The search index as plain data (dicts, tuples, frozensets, strings), so a store can keep it and
give it back; building and using it stays in `query.index`. No I/O here."""

from __future__ import annotations

from typing import Any

from cqsmart.model.factbase import FactBase
from cqsmart.query.analysis import Concepts
from cqsmart.query.index import Document, Index

# Bump when the analysis or the lexicon changes what an index holds.
INDEX_VERSION = "cqsmart-index-5"


def encode(index: Index) -> dict[str, Any]:
    plain: dict[str, Any] = shared(_plain(index))
    return plain


def _plain(index: Index) -> dict[str, Any]:
    return {
        "documents": [(doc.record["id"], doc.keys, doc.label_zh, doc.label_en, doc.head, doc.head_zh) for doc in index.documents],
        "chinese": index.concepts.chinese,
        "english": index.concepts.english,
        "frequency": index.frequency,
        "words": index.words,
    }


def shared(data: Any) -> Any:
    """The same data with each distinct string and float held once: marshal then writes a repeated
    one as a reference to the first (a key such as u:码 occurs in dozens of documents), so the
    artefact is a fifth smaller and read back that much faster."""
    strings: dict[str, str] = {}
    floats: dict[str, float] = {}  # by their hex form: 0.0 and -0.0 are equal, and stay two

    def one(value: Any) -> Any:
        if isinstance(value, str):
            return strings.setdefault(value, value)
        if isinstance(value, float):
            return floats.setdefault(value.hex(), value)
        if isinstance(value, dict):
            return {one(key): one(item) for key, item in value.items()}
        if isinstance(value, (list, tuple, frozenset)):
            return type(value)(one(item) for item in value)
        return value

    return one(data)


def decode(data: dict[str, Any], base: FactBase) -> Index:
    documents = []
    for position, (record_id, *parts) in enumerate(data["documents"]):
        documents.append(Document(base.by_id[record_id], position, *parts))
    return Index(documents, Concepts(data["chinese"], data["english"]), data["frequency"], data["words"])
