"""The search index of a fact base, kept beside the fact-base cache so `ask` and `search` skip building it.

Keyed by the records' own JSON text (as the fact-base cache holds it) and the analysis code; an entry
carries a checksum of its payload, checked before it is read, so a damaged one is rebuilt, never
trusted. The payload is marshalled (plain dicts, tuples, frozensets and strings), which loads several
times faster than JSON. Best effort: a cache that cannot be read or written costs only the time of
building the index again.
"""

from __future__ import annotations

import json
import marshal
import os
from collections.abc import Callable
from typing import Any

from cqsmart import __version__
from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.query import analysis as analysis_module
from cqsmart.query import index as index_module
from cqsmart.query import lexicon as lexicon_module
from cqsmart.query.analysis import Concepts
from cqsmart.query.index import Document, Index, build

# Bump when the analysis or the lexicon changes what an index holds.
INDEX_VERSION = "cqsmart-index-4"
KEEP_ENTRIES = 8


def _encode(index: Index) -> dict[str, Any]:
    return {
        "documents": [(doc.record["id"], doc.keys, doc.label_zh, doc.label_en, doc.head, doc.head_zh) for doc in index.documents],
        "chinese": index.concepts.chinese,
        "english": index.concepts.english,
        "frequency": index.frequency,
        "words": index.words,
    }


def _decode(data: dict[str, Any], base: FactBase) -> Index:
    documents = []
    for position, (record_id, *parts) in enumerate(data["documents"]):
        documents.append(Document(base.by_id[record_id], position, *parts))
    return Index(documents, Concepts(data["chinese"], data["english"]), data["frequency"], data["words"])


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
    content = getattr(base.encoded, "content", b"")  # the cached records as one array, when the store has it
    if content:
        digest.update(content)
    else:
        for line in base.encoded.values():
            digest.update(line.encode() + b"\n")
    key = digest.hexdigest()
    directory = Cache.default().directory
    path = directory / f"index-{key}.marshal"
    try:
        header, _, payload = path.read_bytes().partition(b"\n")
        if json.loads(header) == {"format": INDEX_VERSION, "hash": content_hash(payload).hexdigest()}:
            return _decode(marshal.loads(payload), base)
    except (OSError, ValueError, KeyError, TypeError, EOFError, RecursionError):
        pass
    index = build(base, records())
    _write(directory, path, index)
    return index


def _write(directory: Any, path: Any, index: Index) -> None:
    from cqsmart.errors import CqsmartError
    from cqsmart.store.cache import content_hash
    from cqsmart.store.files import write_atomically

    payload = marshal.dumps(_encode(index))
    header = json.dumps({"format": INDEX_VERSION, "hash": content_hash(payload).hexdigest()}).encode()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        write_atomically(path, header + b"\n" + payload, force=True)
        entries = sorted(directory.glob("index-*.marshal"), key=lambda entry: entry.stat().st_mtime, reverse=True)
        for stale in entries[KEEP_ENTRIES:]:
            stale.unlink(missing_ok=True)
    except (OSError, CqsmartError):
        pass
