"""Records read from the cache, decoded only as far as a command needs them.

A cached base is an index (the few fields that filters use) and each record's JSON line. A record
answers index fields from the index and decodes its own line only when asked for anything else,
and a JSON listing writes the lines as they are: a query over 100,000 figures never builds
100,000 full dictionaries.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from cqsmart.model.factbase import JsonRecord

# The index row of a record: these fields, in this order (null where a kind has no such field).
INDEX_FIELDS = ("id", "kind", "derived", "topic", "metric", "start", "end", "basis", "line", "area")
_PERIOD = -1  # `period` is answered from three index fields
# For each kind, the fields its index row answers and where they stand in it.
_INDEXED_BY_KIND: dict[str, dict[str, int]] = {
    kind: {name: INDEX_FIELDS.index(name) if name != "period" else _PERIOD for name in names}
    for kind, names in {
        "figure": ("id", "kind", "derived", "topic", "metric", "period"),
        "initiative": ("id", "kind", "topic", "line"),
        "target": ("id", "kind", "topic", "area"),
        "source": ("id", "kind"),
    }.items()
}
# Every kind, including ones added later (checks, aliases), answers its id and kind from the index.
_ID_AND_KIND: dict[str, int] = {"id": 0, "kind": 1}
_NEWLINE = re.compile(rb"\n")
_COMMA = ord(",")


def index_row(record: JsonRecord) -> list[Any]:
    """The record's row, in the order of INDEX_FIELDS (spelt out: a large base makes one per record)."""
    get = record.get
    period = get("period") or {}
    return [
        get("id"),
        get("kind"),
        get("derived"),
        get("topic"),
        get("metric"),
        period.get("start"),
        period.get("end"),
        period.get("basis"),
        get("line"),
        get("area"),
    ]


class LineStore:
    """The record lines of a cached JSON array, sliced on demand from the bytes that hold it (between
    `start` and `end`: the array is never copied out of the cache entry)."""

    def __init__(self, data: bytes, start: int = 0, end: int | None = None) -> None:
        self.data = data
        self.breaks = [match.start() for match in _NEWLINE.finditer(data, start, len(data) if end is None else end)]

    def __len__(self) -> int:
        return len(self.breaks) - 1

    def raw(self, position: int) -> bytes:
        start, end = self.breaks[position] + 1, self.breaks[position + 1]
        return self.data[start : end - 1 if self.data[end - 1] == _COMMA else end]  # one slice: no copy of a copy

    def line(self, position: int) -> str:
        return self.raw(position).decode()

    def run(self, first: int, last: int) -> bytes:
        """Lines first to last as the array holds them, joined by `,` and a newline: one slice."""
        end = self.breaks[last + 1]
        return self.data[self.breaks[first] + 1 : end - 1 if self.data[end - 1] == _COMMA else end]


class ListLines:
    """Record lines already in memory (UTF-8), as a freshly validated base has them."""

    def __init__(self, lines: list[bytes]) -> None:
        self.lines = lines

    def __len__(self) -> int:
        return len(self.lines)

    def line(self, position: int) -> str:
        return self.lines[position].decode()

    def run(self, first: int, last: int) -> bytes:
        return b",\n".join(self.lines[first : last + 1])


class LazyRecord(Mapping[str, Any]):
    """A record answered from its index row until a field outside it is asked for.

    Listings touch a few fields of every record, so look-ups are kept to one dict access: `get`
    is defined here rather than inherited (Mapping's goes through an exception handler).
    """

    __slots__ = ("_fields", "_full", "_index", "_position", "_store")

    def __init__(self, store: LineStore | ListLines, position: int, index: list[Any]) -> None:
        self._store = store
        self._position = position
        self._index = index
        self._fields = _INDEXED_BY_KIND.get(index[1], _ID_AND_KIND)
        self._full: dict[str, Any] | None = None

    def _decoded(self) -> dict[str, Any]:
        if self._full is None:
            self._full = json.loads(self._store.line(self._position))
        return self._full

    def __getitem__(self, key: str) -> Any:
        position = self._fields.get(key) if self._full is None else None
        if position is None:
            return self._decoded()[key]
        if position != _PERIOD:
            return self._index[position]
        return {"start": self._index[5], "end": self._index[6], "basis": self._index[7]}

    def get(self, key: str, default: Any = None) -> Any:
        position = self._fields.get(key) if self._full is None else None
        if position is not None and position != _PERIOD:
            return self._index[position]
        return self[key] if position is not None else self._decoded().get(key, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self._decoded())

    def __len__(self) -> int:
        return len(self._decoded())

    @property
    def line(self) -> str:
        """The record's JSON text, exactly as the renderer would write it."""
        return self._store.line(self._position)


class LazyLines(Mapping[str, str]):
    """id → JSON line, for the records of one store; `content` identifies them all (their cache key)."""

    def __init__(self, records: dict[str, LazyRecord], content: bytes = b"") -> None:
        self._records = records
        self.content = content

    def __getitem__(self, key: str) -> str:
        return self._records[key].line

    def __iter__(self) -> Iterator[str]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)


Loaded = tuple[list[LazyRecord], dict[str, LazyRecord], dict[str, list[LazyRecord]]]


def lazy_records(index: list[list[Any]], store: LineStore | ListLines) -> Loaded | None:
    """Records over a cached array (or lines in memory), and the same records by id and by kind (from
    the index, so no record is asked), or None if the index and the lines disagree."""
    if len(store) != len(index) or not all(isinstance(row, list) and len(row) == len(INDEX_FIELDS) for row in index):
        return None
    records = [LazyRecord(store, position, row) for position, row in enumerate(index)]
    by_kind: dict[str, list[LazyRecord]] = {}
    for row, record in zip(index, records, strict=True):
        kind = by_kind.get(row[1])
        if kind is None:
            kind = by_kind[row[1]] = []
        kind.append(record)
    return records, dict(zip([row[0] for row in index], records, strict=True)), by_kind


def cached_runs(rows: Iterable[Any], longest: int = 4096) -> Iterator[bytes | Any]:
    """The rows, with each run of records that stand one after another in one cached array given as
    the bytes of the run: their lines joined by `,` and a newline, as in the array, so a listing of a
    whole kind is a few slices, not a slice a record. Any other row passes as it is. The array's
    only raw newlines are between its lines: JSON writes a newline in a string as an escape."""
    store: LineStore | ListLines | None = None
    first = last = -1
    for row in rows:
        if type(row) is LazyRecord:
            if row._store is store and row._position == last + 1 and last - first < longest:
                last += 1
                continue
            if store is not None:
                yield store.run(first, last)
            store, first, last = row._store, row._position, row._position
            continue
        if store is not None:
            yield store.run(first, last)
            store = None
        yield row
    if store is not None:
        yield store.run(first, last)
