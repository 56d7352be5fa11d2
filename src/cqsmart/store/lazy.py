"""Records read from the cache, decoded only as far as a command needs them.

A cached base is an index (the few fields that filters use) and each record's JSON line. A record
answers index fields from the index and decodes its own line only when asked for anything else,
and a JSON listing writes the lines as they are: a query over 100,000 figures never builds
100,000 full dictionaries.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any

from cqsmart.model.factbase import JsonRecord

# The index row of a record: these fields, in this order (null where a kind has no such field).
INDEX_FIELDS = ("id", "kind", "derived", "topic", "metric", "start", "end", "basis", "line", "area")
_INDEXED_BY_KIND: dict[str, frozenset[str]] = {
    "figure": frozenset({"id", "kind", "derived", "topic", "metric", "period"}),
    "initiative": frozenset({"id", "kind", "topic", "line"}),
    "target": frozenset({"id", "kind", "topic", "area"}),
    "source": frozenset({"id", "kind"}),
    "alias": frozenset({"id", "kind"}),
}
_POSITION = {name: position for position, name in enumerate(INDEX_FIELDS)}
_NEWLINE = re.compile(rb"\n")


def index_row(record: JsonRecord) -> list[Any]:
    period = record.get("period") or {}
    values = {**record, "start": period.get("start"), "end": period.get("end"), "basis": period.get("basis")}
    return [values.get(name) for name in INDEX_FIELDS]


class LineStore:
    """The record lines of a cached JSON array, sliced from its bytes on demand."""

    def __init__(self, array: bytes) -> None:
        self.array = array
        self.breaks = [match.start() for match in _NEWLINE.finditer(array)]

    def __len__(self) -> int:
        return len(self.breaks) - 1

    def line(self, position: int) -> str:
        text = self.array[self.breaks[position] + 1 : self.breaks[position + 1]]
        return (text[:-1] if text.endswith(b",") else text).decode()


class LazyRecord(Mapping[str, Any]):
    __slots__ = ("_full", "_index", "_position", "_store")

    def __init__(self, store: LineStore, position: int, index: list[Any]) -> None:
        self._store = store
        self._position = position
        self._index = index
        self._full: dict[str, Any] | None = None

    def _decoded(self) -> dict[str, Any]:
        if self._full is None:
            self._full = json.loads(self._store.line(self._position))
        return self._full

    def __getitem__(self, key: str) -> Any:
        if self._full is None and key in _INDEXED_BY_KIND.get(self._index[1], ()):
            if key == "period":
                return {"start": self._index[5], "end": self._index[6], "basis": self._index[7]}
            return self._index[_POSITION[key]]
        return self._decoded()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._decoded())

    def __len__(self) -> int:
        return len(self._decoded())

    @property
    def line(self) -> str:
        """The record's JSON text, exactly as the renderer would write it."""
        return self._store.line(self._position)


class LazyLines(Mapping[str, str]):
    """id → JSON line, for the records of one store; `content` is all of them as cached, for hashing."""

    def __init__(self, records: dict[str, LazyRecord], content: bytes = b"") -> None:
        self._records = records
        self.content = content

    def __getitem__(self, key: str) -> str:
        return self._records[key].line

    def __iter__(self) -> Iterator[str]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)


def lazy_records(index: list[list[Any]], array: bytes) -> tuple[list[LazyRecord], LazyLines] | None:
    """Records over a cached array, or None if the index and the lines do not match up."""
    store = LineStore(array)
    if len(store) != len(index) or not all(isinstance(row, list) and len(row) == len(INDEX_FIELDS) for row in index):
        return None
    records = [LazyRecord(store, position, row) for position, row in enumerate(index)]
    return records, LazyLines({record["id"]: record for record in records}, array)
