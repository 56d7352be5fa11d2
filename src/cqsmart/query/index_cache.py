"""The search index of a fact base, kept beside the fact-base cache so `ask` and `search` skip building it.

Keyed by the records' own JSON text (as the fact-base cache holds it) and the analysis version; an
entry carries a checksum of its payload, so a damaged one is rebuilt, never trusted. Best effort: a
cache that cannot be read or written costs only the few milliseconds of building the index again.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from typing import Any

from cqsmart import __version__
from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.query import analysis as analysis_module
from cqsmart.query import index as index_module
from cqsmart.query import lexicon as lexicon_module
from cqsmart.query.analysis import Analysis, Concepts
from cqsmart.query.index import Document, Index, build

# Bump when the analysis or the lexicon changes what an index holds.
INDEX_VERSION = "cqsmart-index-2"
KEEP_ENTRIES = 8


def _slots(analysis: Analysis) -> list[list[str]]:
    return [sorted(slot) for slot in analysis.slots]


def _analysis(slots: list[list[str]]) -> Analysis:
    return Analysis(slots=[frozenset(slot) for slot in slots])


def _encode(index: Index) -> dict[str, Any]:
    return {
        "documents": [
            [doc.record["id"], doc.keys, _slots(doc.label_zh), _slots(doc.label_en), _slots(doc.head), _slots(doc.head_zh)]
            for doc in index.documents
        ],
        "chinese": index.concepts.chinese,
        "english": [[list(words), name] for entries in index.concepts.english.values() for words, name in entries],
        "frequency": index.frequency,
        "words": sorted(index.words),
    }


def _decode(data: dict[str, Any], base: FactBase) -> Index:
    documents = []
    for position, (record_id, keys, zh, en, head, head_zh) in enumerate(data["documents"]):
        heads = _analysis(head), _analysis(head_zh)
        documents.append(Document(base.by_id[record_id], position, keys, _analysis(zh), _analysis(en), *heads))
    english: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for words, name in data["english"]:
        english.setdefault(words[0], []).append((tuple(words), name))
    concepts = Concepts(tuple((member, name) for member, name in data["chinese"]), english)
    return Index(documents, concepts, data["frequency"], frozenset(data["words"]))


def _code_stamp() -> str:
    """The analysis code and tables as installed: an edited lexicon must not meet an index built by the old one."""
    stamps = []
    for module in (analysis_module, index_module, lexicon_module):
        try:
            stat = os.stat(str(module.__file__))
            stamps.append(f"{stat.st_size}:{stat.st_mtime_ns}")
        except (OSError, TypeError):
            stamps.append("?")
    return ",".join(stamps)


def cached_index(base: FactBase, name: str, records: Callable[[], list[JsonRecord]]) -> Index:
    """The index of `records()` (named `name`: figures, records), from the cache when it has it."""
    if not base.encoded:
        return build(base, records())
    from cqsmart.store.cache import Cache, content_hash

    digest = content_hash(f"{INDEX_VERSION}\0{__version__}\0{name}\0{_code_stamp()}".encode())
    for line in base.encoded.values():
        digest.update(line.encode() + b"\n")
    key = digest.hexdigest()
    directory = Cache.default().directory
    path = directory / f"index-{key}.json"
    try:
        header, _, payload = path.read_bytes().partition(b"\n")
        if json.loads(header) == {"format": INDEX_VERSION, "hash": content_hash(payload).hexdigest()}:
            return _decode(json.loads(payload), base)
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        pass
    index = build(base, records())
    _write(directory, path, index)
    return index


def _write(directory: Any, path: Any, index: Index) -> None:
    from cqsmart.errors import CqsmartError
    from cqsmart.store.cache import content_hash
    from cqsmart.store.files import write_atomically

    payload = json.dumps(_encode(index), ensure_ascii=False, separators=(",", ":")).encode()
    header = json.dumps({"format": INDEX_VERSION, "hash": content_hash(payload).hexdigest()}).encode()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        write_atomically(path, header + b"\n" + payload, force=True)
        entries = sorted(directory.glob("index-*.json"), key=lambda entry: entry.stat().st_mtime, reverse=True)
        for stale in entries[KEEP_ENTRIES:]:
            stale.unlink(missing_ok=True)
    except (OSError, CqsmartError):
        pass
