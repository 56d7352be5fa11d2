"""Loading a fact base: from the cache when its content is known, else read, validated and cached."""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from cqsmart.errors import InvalidFactBase
from cqsmart.model import jsontext
from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.store.cache import content_key
from cqsmart.store.database import Records, in_memory
from cqsmart.store.lazy import index_row
from cqsmart.store.locate import FactFile, read_fact_files, resolve_path

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


def validate(files: list[FactFile], draft: bool = False) -> list[JsonRecord]:
    """Validate every file and the base as a whole; raise with every problem found, not just the first."""
    from cqsmart.store.validate import validate_documents  # Pydantic is loaded only when validating

    documents: list[tuple[FactFile, Any]] = []
    problems: list[object] = []
    for item in files:
        try:
            documents.append((item, parse_json(item)))
        except InvalidFactBase as error:
            problems.extend(error.problems)
    records, record_problems = validate_documents([(item.name, item.kind, data) for item, data in documents], draft)
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


def load(path: str | None = None, *, use_cache: bool = True, draft: bool = False) -> FactBase:
    """The fact base at path; a draft (English labels missing) is only ever validated, never cached."""
    location, origin = resolve_path(path)
    files = read_fact_files(location, origin)
    if draft:
        with no_cyclic_collection():
            records = validate(files, draft)
        return FactBase(tuple(records), origin)
    key = content_key(files)
    if not use_cache:
        return FactBase(None, origin, store=Records(_database(files, key, None)))
    from cqsmart.store.cache import Cache, entry_limit

    cache = Cache.default()
    connection = cache.read(key, entry_limit(files)) or _database(files, key, cache)
    return FactBase(None, origin, store=Records(connection, key.encode(), lambda: _database(files, key, cache)))


def _database(files: list[FactFile], key: str, cache: Cache | None) -> sqlite3.Connection:
    """The base validated and written to the cache, opened; in memory when not cached (asked not to
    be, or the cache cannot be written)."""
    with no_cyclic_collection():
        index, lines = validated_form(files)
        connection = cache.write(key, index, lines) if cache is not None else None
        return connection or in_memory(key, index, lines)
