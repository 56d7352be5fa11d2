"""`ask` and `search` read their full-text index from the fact-base cache: built once, beside the
base's database, and kept until the base or the analysis code changes. The query layer makes the
terms; the store keeps them; this joins the two."""

from __future__ import annotations

import os
from collections.abc import Callable

from cqsmart import __version__
from cqsmart.model import years
from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.query.answer import document, fulltext, index
from cqsmart.query.answer.index import Index, build, index_rows
from cqsmart.query.text import analysis, chinese, english, lexicon


def use_cached_indexes() -> None:
    index.provider = cached_index


def _code_stamp() -> str:
    """The analysis code and tables as installed: an edited lexicon must not meet an index built by the old one.
    Every module whose code shapes what an index holds is here (document says which texts a record has,
    chinese and t2s fold the records' characters, english stems their words, years names their months; t2s
    by its path, as analysis imports it only when a text needs it); those that read only the question (fit,
    pinyin, clauses, rewrite, values) need not be."""
    stamps = []
    t2s = os.path.join(os.path.dirname(str(analysis.__file__)), "t2s.py")
    for path in (
        *(str(module.__file__) for module in (analysis, chinese, document, english, fulltext, index, lexicon, years)),
        t2s,
    ):
        try:
            status = os.stat(path)
            stamps.append(f"{status.st_size}:{status.st_mtime_ns}")
        except (OSError, TypeError):
            stamps.append("?")
    return ",".join(stamps)


def cached_index(base: FactBase, name: str, records: Callable[[], list[JsonRecord]]) -> Index:
    """The index of `records()` (named `name`: figures, records), from the cache when it has it."""
    content = getattr(base.encoded, "content", b"") if base.encoded else b""  # what identifies the records
    if not content:
        return build(base, records())
    from cqsmart.store.cache import Cache, Key, artefact_limit

    key = Key().add(b"i", fulltext.FORMAT.encode()).add(b"v", __version__.encode())
    key.add(b"n", name.encode()).add(b"c", _code_stamp().encode()).add(b"b", content)
    cache = Cache.default()
    # The index holds its key whole (what it was built from, framed), so no hash need be made of it.
    identity, form = key.framed.hex(), fulltext.FORMAT
    found = cache.read_index(name, identity, artefact_limit(len(base.by_id)), form, fulltext.META)
    if found is None:
        rows = index_rows(base, records())
        found = cache.write_index(
            name, identity, lambda connection: fulltext.fill(connection, identity, *rows), form, fulltext.META
        )
        found = found or fulltext.in_memory(identity, *rows)
    return build(base, (), found)
