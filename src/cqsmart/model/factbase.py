"""A fact base as plain, already-validated JSON records (cheap to build, no Pydantic needed), and the
JSON contract: the fields of each kind of row, in output order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, Protocol

from cqsmart.model.generated import RECORD_FIELDS

JsonRecord = Mapping[str, Any]
Span = tuple["int | None", "int | None"]


class RecordStore(Protocol):
    """Where a base's records are kept when they are not all in memory (the store's database): each
    query asks it for what its answer needs."""

    content: bytes

    def all(self) -> list[JsonRecord]: ...
    def get(self, record_id: str) -> JsonRecord | None: ...
    def ids(self) -> list[str]: ...
    def count(self) -> int: ...
    def kinds(self) -> list[str]: ...
    def select(self, kind: str, equal: dict[str, Any], span: Span | None = None) -> list[JsonRecord]: ...
    def values(self, field: str, kind: str | None = None) -> set[Any]: ...
    def referring(self, record_id: str) -> list[tuple[str, JsonRecord]]: ...
    def encoded(self, record_id: str) -> str | None: ...
    def many(self, record_ids: list[str]) -> list[JsonRecord]: ...
    def citing(self, source_id: str) -> list[str]: ...
    def only(self, record_ids: Iterable[str], content: bytes) -> RecordStore: ...


def covers(period: Mapping[str, Any], start: int | None, end: int | None) -> bool:
    """The period meets the span from start to end (either open); a period with no years meets only an open one."""
    if start is None and end is None:
        return True
    if period["start"] is None:
        return False
    return (start is None or period["end"] >= start) and (end is None or period["start"] <= end)


class _ById(Mapping[str, JsonRecord]):
    def __init__(self, store: RecordStore) -> None:
        self._store = store

    def __getitem__(self, key: str) -> JsonRecord:
        found = self._store.get(key) if isinstance(key, str) else None
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._store.get(key) is not None

    def __iter__(self) -> Iterator[str]:
        return iter(self._store.ids())

    def __len__(self) -> int:
        return self._store.count()


class _ByKind(Mapping[str, list[JsonRecord]]):
    def __init__(self, store: RecordStore) -> None:
        self._store = store
        self._kinds: dict[str, list[JsonRecord]] = {}

    def __getitem__(self, kind: str) -> list[JsonRecord]:
        found = self._kinds.get(kind)
        if found is None:
            found = self._kinds[kind] = self._store.select(kind, {})
        if not found:
            raise KeyError(kind)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._store.kinds())

    def __len__(self) -> int:
        return len(self._store.kinds())


class _Encoded(Mapping[str, str]):
    """id → the record's JSON text as the store holds it; `content` identifies them all."""

    def __init__(self, store: RecordStore) -> None:
        self._store = store
        self.content = store.content

    def __getitem__(self, key: str) -> str:
        found = self._store.encoded(key)
        if found is None:
            raise KeyError(key)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._store.ids())

    def __len__(self) -> int:
        return self._store.count()


class FactBase:
    """The records of one base, with the lookups most queries start from: in memory, or asked of a
    store record by record (then `records` is read whole only by a query that needs every one).

    A plain class rather than a dataclass: creating a dataclass costs a millisecond of every run's start-up.
    """

    __slots__ = ("_records", "by_id", "by_kind", "encoded", "notes", "origin", "store")

    def __init__(
        self,
        records: tuple[JsonRecord, ...] | None,
        origin: str,
        encoded: Mapping[str, str] | None = None,
        by_id: Mapping[str, JsonRecord] | None = None,
        by_kind: Mapping[str, list[JsonRecord]] | None = None,
        store: RecordStore | None = None,
    ) -> None:
        self.origin = origin
        self.store = store
        self._records = records
        # What the reader should know about how the base was put together (a library base left out).
        self.notes: tuple[str, ...] = ()
        if store is not None:
            self.by_id: Mapping[str, JsonRecord] = _ById(store)
            self.by_kind: Mapping[str, list[JsonRecord]] = _ByKind(store)
            self.encoded: Mapping[str, str] = _Encoded(store)
            return
        records = records or ()
        # Each record's JSON text as written by jsontext, when known: output without re-encoding.
        self.encoded = encoded or {}
        self.by_id = by_id or {record["id"]: record for record in records}
        if not by_kind:
            grouped: dict[str, list[JsonRecord]] = {}
            for record in records:
                grouped.setdefault(record["kind"], []).append(record)
            by_kind = grouped
        self.by_kind = by_kind

    @property
    def records(self) -> tuple[JsonRecord, ...]:
        if self._records is None:
            self._records = tuple(self.store.all()) if self.store is not None else ()
        return self._records

    def __repr__(self) -> str:
        return f"FactBase(<{len(self.records)} records>, origin={self.origin!r})"

    def of_kind(self, kind: str) -> list[JsonRecord]:
        return list(self.by_kind.get(kind, ()))

    def select(self, kind: str, equal: dict[str, Any], span: Span | None = None) -> list[JsonRecord]:
        """Records of `kind` whose fields (topic, metric, derived, line, area) equal these values and
        whose period meets the span, in base order."""
        if self.store is not None:
            return self.store.select(kind, equal, span)
        rows = [row for row in self.by_kind.get(kind, ()) if all(row.get(name) == value for name, value in equal.items())]
        return rows if span is None else [row for row in rows if covers(row["period"], *span)]

    def citing(self, source_id: str) -> list[str]:
        """The ids of the records that cite this source."""
        if self.store is not None:
            return self.store.citing(source_id)
        return [
            str(record["id"])
            for record in self.records
            if isinstance(record.get("source"), dict) and record["source"].get("id") == source_id
        ]

    def many(self, record_ids: list[str]) -> dict[str, JsonRecord]:
        """The records with these ids (those that exist), read together: one query, not one an id."""
        if self.store is not None:
            return {str(record["id"]): record for record in self.store.many(record_ids)}
        return {ident: self.by_id[ident] for ident in record_ids if ident in self.by_id}

    def values(self, field: str, kind: str | None = None) -> set[Any]:
        """The distinct values of a field (topic, metric, line, area) over the records (of one kind), nulls left out."""
        if self.store is not None:
            return self.store.values(field, kind)
        rows = self.records if kind is None else self.by_kind.get(kind, ())
        return {row[field] for row in rows if row.get(field) is not None}

    def referring(self, record_id: str) -> list[tuple[str, JsonRecord]]:
        """Each record naming this one in its figures, inputs or parent, with that field, in base order."""
        if self.store is not None:
            return self.store.referring(record_id)
        found: list[tuple[str, JsonRecord]] = []
        for other in self.records:
            for field in ("figures", "inputs", "parent"):
                value = other.get(field)
                if record_id == value or (isinstance(value, list) and record_id in value):
                    found.append((field, other))
        return found


# Fields of output rows that no fact file holds: worked out from the base when a row is written.
COMPUTED_FIELDS: tuple[str, ...] = ("quantities",)


def _with_quantities(fields: tuple[str, ...]) -> tuple[str, ...]:
    """An initiative's or target's fields with its linked figures' quantities after `figures`."""
    at = fields.index("figures") + 1
    return (*fields[:at], *COMPUTED_FIELDS, *fields[at:])


# The JSON contract: the fields of each kind of row, in output order; a record kind's are its model's
# (`model.generated`). Renaming one is a breaking change.
FIELDS_BY_KIND: dict[str, tuple[str, ...]] = {
    "figure": RECORD_FIELDS["figure"],
    "initiative": _with_quantities(RECORD_FIELDS["initiative"]),
    "target": _with_quantities(RECORD_FIELDS["target"]),
    "source": RECORD_FIELDS["source"],
    "check": RECORD_FIELDS["check"],
    # A row of `audit`: a check evaluated, with its arithmetic written out.
    "audit": (
        "id",
        "label",
        "relation",
        "arithmetic",
        "status",
        "values",
        "expected_value",
        "range",
        "terms",
        "expected",
        "inputs",
        "note",
    ),
    "alias": RECORD_FIELDS["alias"],
    "year-comparison": (
        "metric",
        "label",
        "unit",
        "year_a",
        "value_a",
        "qualifier_a",
        "year_b",
        "value_b",
        "qualifier_b",
        "change",
        "change_unit",
        "derived",
        "values",
        # Added in contract 2: each value as stated, and whether the change is exact.
        "change_qualifier",
        "qualifier_text_a",
        "direction_a",
        "qualifier_text_b",
        "direction_b",
    ),
    "metric-comparison": (
        "year",
        "metric_a",
        "label_a",
        "value_a",
        "metric_b",
        "label_b",
        "value_b",
        "unit",
        "difference",
        "difference_unit",
        # Added in contract 2: each value as stated, and whether the difference is exact.
        "qualifier_a",
        "qualifier_b",
        "difference_qualifier",
        "qualifier_text_a",
        "direction_a",
        "qualifier_text_b",
        "direction_b",
    ),
}
# What each linked figure contributes to an initiative's or target's `quantities`, in output order.
QUANTITY_FIELDS: tuple[str, ...] = ("id", "label", "value", "unit", "base_value", "qualifier", "qualifier_text", "period")
# `ask`: a figure as `stats --json` gives it, and how well it answers the question (higher is better);
# added in contract 2, the verdict on a value the question states (null when it states none). From
# ask-3, an initiative or target may answer a question asking what it is: its own fields come last, so
# a figure's CSV columns keep their places.
FIELDS_BY_KIND["answer"] = tuple(
    dict.fromkeys((*FIELDS_BY_KIND["figure"], "score", "claim", *FIELDS_BY_KIND["initiative"], *FIELDS_BY_KIND["target"]))
)
FIELDS_BY_KIND["record"] = tuple(
    dict.fromkeys(name for kind in ("figure", "initiative", "target", "source", "check") for name in FIELDS_BY_KIND[kind])
)
# `library list`: each base of the user's library, with its sources and counts.
FIELDS_BY_KIND["library"] = ("id", "path", "sources", "figures", "initiatives", "targets", "records")
# Discovery listings: what topics and metrics a base holds.
FIELDS_BY_KIND["topic"] = ("topic", "figures", "initiatives", "targets", "records", "metrics")
FIELDS_BY_KIND["metric"] = (
    "metric",
    "topic",
    "label",
    "unit",
    "years",
    "figures",
    "latest_id",
    "latest_year",
    "latest_value",
    "latest_qualifier",
    "latest_qualifier_text",
    "derived",
)
