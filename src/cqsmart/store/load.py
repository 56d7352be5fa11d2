"""Loading a fact base: from the cache when its content is known, else read, validated and cached."""

from __future__ import annotations

import functools
import gc
import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from cqsmart.errors import InvalidFactBase
from cqsmart.model import jsontext
from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.store.cache import content_key, union_key
from cqsmart.store.database import Records, in_memory
from cqsmart.store.lazy import index_row
from cqsmart.store.locate import FactFile, FoundFile, find_fact_files, read_found, resolve_paths

if TYPE_CHECKING:
    import sqlite3

    from cqsmart.store.cache import Cache


def parse_json(item: FactFile) -> Any:
    """The file's JSON, or an InvalidFactBase naming the line and column where it breaks."""
    try:
        text = item.content.decode("utf-8-sig")  # Windows editors write a BOM
    except UnicodeDecodeError as error:
        raise InvalidFactBase([f"{item.name}: $: not UTF-8 (invalid byte at offset {error.start})"]) from None
    try:
        return json.loads(text, parse_int=_integer)
    except json.JSONDecodeError as error:
        raise InvalidFactBase(
            [f"{item.name}: $: invalid JSON at line {error.lineno} column {error.colno}: {error.msg}"]
        ) from None
    except RecursionError:
        raise InvalidFactBase([f"{item.name}: $: JSON nested too deeply"]) from None


def _integer(text: str) -> int | Decimal:
    """Integers longer than any consumer holds stay Decimal, so validation reports them at their JSON path
    (and Python's limit on converting thousands of digits is never reached)."""
    return int(text) if len(text) <= 20 else Decimal(text)


def validate(files: list[FactFile]) -> list[JsonRecord]:
    """Validate every file and the base as a whole; raise with every problem found, not just the first."""
    from cqsmart.store.validate import validate_documents  # Pydantic is loaded only when validating

    documents: list[tuple[FactFile, Any]] = []
    problems: list[object] = []
    for item in files:
        try:
            documents.append((item, parse_json(item)))
        except InvalidFactBase as error:
            problems.extend(error.problems)
    records, record_problems = validate_documents([(item.name, item.kind, data) for item, data in documents])
    problems.extend(record_problems)
    if problems:
        raise InvalidFactBase(problems)
    return records


@contextmanager
def no_cyclic_collection() -> Iterator[None]:
    """Validating and caching a large base makes millions of objects and no reference cycles: the
    cyclic collector would scan them again and again (over half the time at 100k figures) and find
    nothing to free. Reference counting still frees everything."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


def validated_form(files: list[FactFile]) -> tuple[list[list[Any]], list[bytes]]:
    """The index rows and JSON lines of a valid base (what the cache holds), or InvalidFactBase with
    every problem. A base whose records are all valid on their own takes the fast path."""
    from cqsmart.store.validate import encode, validate_quickly

    quick = validate_quickly(files)
    if quick is None:
        records = validate(files)  # reports every problem; returns only if the fast path was wrong to give up
        return [index_row(record) for record in records], [line.encode() for line in jsontext.record_lines(records)]
    records, problems, escape = quick
    if problems:
        raise InvalidFactBase(problems)
    return encode(records, escape)


@dataclass
class Base:
    """One base of those loaded together: its name in messages, its files, and whether it came from the
    user's library (a library base that fails is left out with a note, never the reason a command fails)."""

    origin: str
    found: list[FoundFile]
    from_library: bool = False
    unreadable: str = ""  # why the files could not be read, for a library base (a named one raises)

    @functools.cached_property
    def files(self) -> list[FactFile]:
        """The files' bytes, read once, when the cache does not know the base by its files' statuses."""
        if self.unreadable:
            return []
        try:
            return read_found(self.found)
        except InvalidFactBase as failure:
            if not self.from_library:
                raise
            self.unreadable = str(failure.problems[0])
            return []

    def key(self, cache: Cache | None) -> str:
        """The key of the base's content, from its files' bytes, which the cache then remembers."""
        key = content_key(self.files)
        if cache is not None and not self.unreadable:
            cache.remember(self.found, key)
        return key


def bases_to_load(paths: str | Sequence[str] | None, library: bool) -> list[Base]:
    """The bases named (`--facts`, repeatable, or `$CQSMART_FACTS`), else the bundled one and the library's."""
    chosen = [paths] if isinstance(paths, str) else list(paths or ())
    located, default = resolve_paths(chosen)
    bases = [Base(origin, find_fact_files(location, origin)) for location, origin in located]
    if default and library:
        from cqsmart.store.library import entries

        for entry in entries():
            origin = f"library base {entry.id}"
            try:
                bases.append(Base(origin, find_fact_files(entry.path, origin), True))
            except InvalidFactBase as failure:
                bases.append(Base(origin, [], True, str(failure.problems[0])))
    return bases


def load(path: str | Sequence[str] | None = None, *, use_cache: bool = True, library: bool = True) -> FactBase:
    """The fact base at path (or the union of those at several paths; by default the bundled base with the
    user's library)."""
    bases = bases_to_load(path, library)
    origin = " + ".join(base.origin for base in bases)
    if not use_cache:
        key = union_key([base.key(None) for base in bases])
        connection, notes = _database(bases, key, None)
        return _with_notes(FactBase(None, origin, store=Records(connection)), notes)
    from cqsmart.store.cache import Cache, entry_limit

    cache = Cache.default()
    limit = entry_limit([item for base in bases for item in base.found])
    recalled = [cache.recall(base.found) for base in bases if not base.unreadable]
    known = [each for each in recalled if each is not None]
    key = union_key(known) if len(known) == len(bases) else ""
    cached = cache.read(key, limit) if key else None
    if cached is None:
        # The files are read and hashed: an entry is only ever written under the key of what it holds.
        key = union_key([base.key(cache) for base in bases])
        cached = cache.read(key, limit)
    connection, notes = (cached, []) if cached is not None else _database(bases, key, cache)
    rebuild = lambda: _database(bases, key, cache)[0]  # noqa: E731 - the store calls it when a page is damaged
    return _with_notes(FactBase(None, origin, store=Records(connection, key.encode(), rebuild)), notes)


def _with_notes(base: FactBase, notes: list[str]) -> FactBase:
    base.notes = tuple(notes)
    return base


def _database(bases: list[Base], key: str, cache: Cache | None) -> tuple[sqlite3.Connection, list[str]]:
    """The bases validated (each alone, then together: one id in one base only) and written to the
    cache, opened; in memory when not cached (asked not to be, the cache cannot be written, or a library
    base was left out, so that the note about it is given every time). With a note for each left out."""
    index: list[Any] = []
    lines: list[bytes] = []
    notes: list[str] = []
    problems: list[object] = []
    owner: dict[str, str] = {}
    with no_cyclic_collection():
        for base in bases:
            try:
                if base.unreadable:
                    raise InvalidFactBase([base.unreadable])
                rows, texts = validated_form(base.files)
                clashes = [row[0] for row in rows if row[0] in owner]
                if clashes:
                    clash = clashes[0]
                    raise InvalidFactBase(
                        [f"{base.origin}: id {clash!r} is also in {owner[clash]}; ids must differ across bases"]
                    )
            except InvalidFactBase as failure:
                if not base.from_library:
                    problems.extend(failure.problems)
                    continue
                more = f" (and {len(failure.problems) - 1} more)" if len(failure.problems) > 1 else ""
                notes.append(f"{base.origin} is left out: {failure.problems[0]}{more}; see 'cqsmart library list'")
                continue
            owner.update((row[0], base.origin) for row in rows)
            index.extend(rows)
            lines.extend(texts)
        if problems:
            raise InvalidFactBase(problems)
        connection = cache.write(key, index, lines) if cache is not None and not notes else None
        return connection or in_memory(key, index, lines), notes
