"""Records read from the store, decoded only as far as a command needs them.

A stored base holds the few fields that filters use and each record's JSON line. A record answers
those fields from its index row and decodes its own line only when asked for anything else, and a
JSON listing writes the lines as they are: a query over 100,000 figures never builds 100,000 full
dictionaries.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol

from cqsmart.model.factbase import JsonRecord

# The index row of a record: these fields, in this order (null where a kind has no such field).
INDEX_FIELDS = ("id", "kind", "derived", "topic", "metric", "start", "end", "basis", "line", "area", "source_id")
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


def index_row(record: JsonRecord) -> list[Any]:
    """The record's row, in the order of INDEX_FIELDS (spelt out: a large base makes one per record)."""
    get = record.get
    period = get("period") or {}
    cited = get("source")
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
        cited.get("id") if isinstance(cited, dict) else None,  # the source it cites, for --source
    ]


class Lines(Protocol):
    """Where records' JSON lines are kept (the store's database), by position."""

    def line(self, position: int) -> str: ...
    def joined(self, positions: list[int]) -> bytes: ...
    def decode(self, position: int) -> dict[str, Any]: ...


class LazyRecord(Mapping[str, Any]):
    """A record answered from its index row until a field outside it is asked for.

    Listings touch a few fields of every record, so look-ups are kept to one dict access: `get`
    is defined here rather than inherited (Mapping's goes through an exception handler).
    """

    __slots__ = ("_fields", "_full", "_index", "_position", "_store")

    def __init__(self, store: Lines, position: int, index: Sequence[Any]) -> None:
        self._store = store
        self._position = position
        self._index = index
        self._fields = _INDEXED_BY_KIND.get(index[1], _ID_AND_KIND)
        self._full: dict[str, Any] | None = None

    def _decoded(self) -> dict[str, Any]:
        if self._full is None:
            self._full = self._store.decode(self._position)
        return self._full

    @property
    def position(self) -> int:
        return self._position

    @property
    def decoded(self) -> bool:
        return self._full is not None

    def adopt(self, fields: dict[str, Any]) -> None:
        """Take the record's fields, decoded by the store with its neighbours'."""
        if self._full is None:
            self._full = fields

    def __getitem__(self, key: str) -> Any:
        position = self._fields.get(key) if self._full is None else None
        if position is None:
            return self._decoded()[key]
        if position != _PERIOD:
            return self._index[position]
        return {"start": self._index[5], "end": self._index[6], "basis": self._index[7]}

    def get(self, key: str, default: Any = None) -> Any:
        full = self._full
        if full is not None:  # a decoded record answers as a dict does, at the cost of one call
            return full.get(key, default)
        position = self._fields.get(key)
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


def cached_runs(rows: Iterable[Any], longest: int = 4096) -> Iterator[bytes | Any]:
    """The rows, with each run of records of one store given as the bytes of their lines joined by
    `,` and a newline, as a JSON array holds them (asked of the store a run at a time, not a line a
    record). Any other row passes as it is. A record's line holds no raw newline: JSON writes a
    newline in a string as an escape."""
    store: Lines | None = None
    positions: list[int] = []
    for row in rows:
        if type(row) is LazyRecord:
            if row._store is store and len(positions) < longest:
                positions.append(row._position)
                continue
            if store is not None:
                yield store.joined(positions)
            store, positions = row._store, [row._position]
            continue
        if store is not None:
            yield store.joined(positions)
            store = None
        yield row
    if store is not None:
        yield store.joined(positions)
