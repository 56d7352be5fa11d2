"""Finding, reading and validating a fact base: the bundled one, `--facts PATH` or `$CQSMART_FACTS`."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cqsmart import __version__, jsontext
from cqsmart.base import FILE_BY_KIND, FactBase, JsonRecord, content_hash
from cqsmart.errors import InvalidFactBase
from cqsmart.files import expand_user
from cqsmart.lazy import index_row, lazy_records

ENV_FACTS = "CQSMART_FACTS"
BUNDLED = "bundled"
# Large enough for a million figures, small enough that a hostile file cannot exhaust memory.
MAX_FILE_BYTES = 128 * 1024 * 1024


@dataclass(frozen=True)
class FactFile:
    """One file: its name as shown in messages, and its kind where the folder layout fixes one.

    Its bytes are read when needed and not kept: hashing a large base for the cache key then
    costs no more memory than its largest file.
    """

    name: str
    kind: str | None
    path: Path

    def read(self) -> bytes:
        return _read_bytes(self.path, self.name)


def bundled_facts_dir() -> Path:
    """The fact base shipped in the wheel, or the checkout's `facts/` in an editable install.

    Found beside this module rather than through importlib.resources, which costs more to import
    than a whole cached query; the package is always installed as files, never zipped.
    """
    packaged = Path(__file__).resolve().parent / "facts"
    if packaged.is_dir():
        return packaged
    return packaged.parents[2] / "facts"


def resolve_path(path: str | None) -> tuple[Path, str]:
    """Where to load from, and how to name it in messages: `--facts` beats the environment."""
    chosen = path or os.environ.get(ENV_FACTS) or None
    if chosen is None:
        return bundled_facts_dir(), BUNDLED
    return expand_user(chosen), chosen


def read_fact_files(path: Path, origin: str) -> list[FactFile]:
    if path.is_dir():
        return _read_folder(path)
    if path.is_file():
        return [FactFile(str(path), None, path)]
    raise InvalidFactBase([f"{origin}: no such file or folder"])


def _read_folder(folder: Path) -> list[FactFile]:
    problems: list[str] = []
    expected = set(FILE_BY_KIND.values())
    present = {entry.name for entry in folder.iterdir() if entry.suffix == ".json"}
    for name in sorted(expected - present):
        problems.append(f"{folder / name}: missing (a fact-base folder holds {', '.join(FILE_BY_KIND.values())})")
    for name in sorted(present - expected):
        problems.append(f"{folder / name}: unexpected file (a fact-base folder holds only {', '.join(FILE_BY_KIND.values())})")
    if problems:
        raise InvalidFactBase(problems)
    return [FactFile(str(folder / name), kind, folder / name) for kind, name in FILE_BY_KIND.items()]


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InvalidFactBase([f"{shown}: file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}"])
        return path.read_bytes()
    except OSError as error:
        raise InvalidFactBase([f"{shown}: cannot be read: {error.strerror or error}"]) from None


def content_key(files: list[FactFile]) -> str:
    """Identifies a fact base by content and the package version that validated it."""
    digest = content_hash(__version__.encode())
    for item in files:
        digest.update(b"\0" + item.path.name.encode() + b"\0")
        digest.update(item.read())
    return digest.hexdigest()


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


def validate(files: list[FactFile]) -> list[JsonRecord]:
    """Validate every file and the base as a whole; raise with every problem found, not just the first."""
    from cqsmart.validation import validate_documents  # Pydantic is loaded only when validating

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


def load(path: str | None = None, *, use_cache: bool = True) -> FactBase:
    location, origin = resolve_path(path)
    files = read_fact_files(location, origin)
    if not use_cache:
        return FactBase(tuple(validate(files)), origin)
    from cqsmart.cache import Cache

    cache, key = Cache.default(), content_key(files)
    cached = cache.read(key)
    lazy = lazy_records(*cached) if cached is not None else None
    if lazy is not None:
        return FactBase(tuple(lazy[0]), origin, lazy[1])
    records = validate(files)
    lines = jsontext.record_lines(records)
    cache.write(key, [index_row(record) for record in records], lines)
    return FactBase(tuple(records), origin, {record["id"]: line for record, line in zip(records, lines, strict=True)})
