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
    return {
        "documents": [(doc.record["id"], doc.keys, doc.label_zh, doc.label_en, doc.head, doc.head_zh) for doc in index.documents],
        "chinese": index.concepts.chinese,
        "english": index.concepts.english,
        "frequency": index.frequency,
        "words": index.words,
    }


def decode(data: dict[str, Any], base: FactBase) -> Index:
    documents = []
    for position, (record_id, *parts) in enumerate(data["documents"]):
        documents.append(Document(base.by_id[record_id], position, *parts))
    return Index(documents, Concepts(data["chinese"], data["english"]), data["frequency"], data["words"])
