"""Loading a fact base: from the cache when its content is known, else read, validated and cached."""

from __future__ import annotations

import json
from typing import Any

from cqsmart.errors import InvalidFactBase
from cqsmart.model import jsontext
from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.store.cache import content_key
from cqsmart.store.lazy import index_row, lazy_records
from cqsmart.store.locate import FactFile, read_fact_files, resolve_path


def parse_json(item: FactFile) -> Any:
    """The file's JSON, or an InvalidFactBase naming the line and column where it breaks."""
    try:
        text = item.read().decode("utf-8-sig")  # Windows editors write a BOM
    except UnicodeDecodeError as error:
        raise InvalidFactBase([f"{item.name}: $: not UTF-8 (invalid byte at offset {error.start})"]) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidFactBase(
            [f"{item.name}: $: invalid JSON at line {error.lineno} column {error.colno}: {error.msg}"]
        ) from None
    except RecursionError:
        raise InvalidFactBase([f"{item.name}: $: JSON nested too deeply"]) from None


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


def load(path: str | None = None, *, use_cache: bool = True, draft: bool = False) -> FactBase:
    """The fact base at path; a draft (English labels missing) is only ever validated, never cached."""
    location, origin = resolve_path(path)
    files = read_fact_files(location, origin)
    if not use_cache or draft:
        return FactBase(tuple(validate(files, draft)), origin)
    from cqsmart.store.cache import Cache

    cache, key = Cache.default(), content_key(files)
    cached = cache.read(key)
    lazy = lazy_records(*cached) if cached is not None else None
    if lazy is not None:
        return FactBase(tuple(lazy[0]), origin, lazy[1])
    records = validate(files)
    lines = jsontext.record_lines(records)
    cache.write(key, [index_row(record) for record in records], lines)
    return FactBase(tuple(records), origin, {record["id"]: line for record, line in zip(records, lines, strict=True)})
