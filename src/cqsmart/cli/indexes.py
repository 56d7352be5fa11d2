"""`ask` and `search` read their index from the fact-base cache: built once, with the base, and kept
until the base or the analysis code changes. The query layer builds; the store keeps; this joins them."""

from __future__ import annotations

import marshal
import os
from collections.abc import Callable

from cqsmart import __version__
from cqsmart.model import years
from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.query import analysis, chinese, english, index, index_form, lexicon
from cqsmart.query.index import Index, build


def use_cached_indexes() -> None:
    index.provider = cached_index


def _code_stamp() -> str:
    """The analysis code and tables as installed: an edited lexicon must not meet an index built by the old one.
    Every module whose code shapes what an index holds is here (chinese and t2s fold the records' characters,
    english stems their words, years names their months; t2s by its path, as analysis imports it only when a
    text needs it); those that read only the question (fit, pinyin, clauses, rewrite, values) need not be."""
    stamps = []
    t2s = os.path.join(os.path.dirname(str(analysis.__file__)), "t2s.py")
    for path in (*(str(module.__file__) for module in (analysis, chinese, english, index, index_form, lexicon, years)), t2s):
        try:
            status = os.stat(path)
            stamps.append(f"{status.st_size}:{status.st_mtime_ns}")
        except (OSError, TypeError):
            stamps.append("?")
    return ",".join(stamps)


def cached_index(base: FactBase, name: str, records: Callable[[], list[JsonRecord]]) -> Index:
    """The index of `records()` (named `name`: figures, records), from the cache when it has it."""
    if not base.encoded:
        return build(base, records())
    from cqsmart.store.cache import Cache, Key, artefact_limit

    key = Key().add(b"i", str(index_form.INDEX_VERSION).encode()).add(b"v", __version__.encode())
    key.add(b"n", name.encode()).add(b"c", _code_stamp().encode())
    content = getattr(base.encoded, "content", b"")  # what identifies the records (their cache key), when known
    if content:
        key.add(b"b", content)
    else:
        for line in base.encoded.values():
            key.add(b"l", line.encode())
    cache = Cache.default()
    payload = cache.read_artefact("index", key.hexdigest(), artefact_limit(len(base.records)))
    if payload is not None:
        try:
            return index_form.decode(marshal.loads(payload), base)
        except (ValueError, KeyError, TypeError, EOFError):
            pass
    built = build(base, records())
    cache.write_artefact("index", key.hexdigest(), marshal.dumps(index_form.encode(built)))
    return built
