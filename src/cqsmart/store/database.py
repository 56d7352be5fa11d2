"""A validated base as one SQLite database: each record's JSON text with the fields queries filter
by, in indexed columns, and what refers to what. Queries ask it for what their answer needs.

A database is built whole under a temporary name and renamed into place, then only ever read (opened
read-only and immutable: no locks, no journal beside it), so a reader never sees half of one.
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, cast
from urllib.parse import quote

from cqsmart.model.factbase import JsonRecord
from cqsmart.store.lazy import INDEX_FIELDS, LazyRecord

FORMAT = "cqsmart-db-4"
_SCHEMA = """
CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE records (
    position INTEGER PRIMARY KEY, id TEXT NOT NULL, kind TEXT NOT NULL, derived JSON_BOOLEAN, topic TEXT,
    metric TEXT, start INTEGER, "end" INTEGER, basis TEXT, line TEXT, area TEXT, source_id TEXT
);
-- Apart from the fields, so that a scan of the fields does not read every record's text.
CREATE TABLE texts (position INTEGER PRIMARY KEY, json BLOB NOT NULL);  -- UTF-8, as validation wrote it
CREATE TABLE refs (position INTEGER NOT NULL, field TEXT NOT NULL, target TEXT NOT NULL);
"""
# Created after the rows are in: one sort per index, not an update per row.
_INDEXES = """
CREATE UNIQUE INDEX records_id ON records (id);
CREATE INDEX records_kind ON records (kind, derived);
CREATE INDEX records_topic ON records (topic, kind);
CREATE INDEX records_metric ON records (metric, kind);
CREATE INDEX records_period ON records (kind, start, "end");
CREATE INDEX refs_target ON refs (target);
CREATE INDEX records_source ON records (source_id);
"""
_COLUMNS = ", ".join('"end"' if name == "end" else name for name in INDEX_FIELDS)
# The columns a selection may test for equality (all indexed).
SELECTABLE = frozenset({"kind", "derived", "topic", "metric", "line", "area"})
REFERENCE_FIELDS = ("figures", "inputs", "parent")
_VIEWS = itertools.count()  # each narrowed store's view has a name of its own
_DECODED_TOGETHER = 1024  # records whose texts one query reads in a scan


def _refs(position: int, line: bytes) -> Iterator[tuple[int, str, str]]:
    record = json.loads(line)
    for field in REFERENCE_FIELDS:
        value = record.get(field)
        for target in value if isinstance(value, list) else [value] if isinstance(value, str) else ():
            yield position, field, target


def _script(connection: sqlite3.Connection, script: str) -> None:
    """Statements one by one: executescript would commit the transaction they belong to."""
    for statement in script.split(";"):
        if statement.strip():
            connection.execute(statement)


def _fill(connection: sqlite3.Connection, key: str, rows: Sequence[Sequence[Any]], lines: Sequence[bytes]) -> None:
    """The schema, the records and their references, then the indexes (one sort each, not an update a row)."""
    _script(connection, _SCHEMA)
    connection.executemany("INSERT INTO meta VALUES (?, ?)", [("format", FORMAT), ("key", key)])
    assert len(rows) == len(lines), "each record has its fields and its text"
    # Positions are the rowids SQLite gives in order (1, 2, …): no tuple is made a row.
    connection.executemany(f"INSERT INTO records ({_COLUMNS}) VALUES ({', '.join('?' * len(INDEX_FIELDS))})", rows)
    connection.executemany("INSERT INTO texts (json) VALUES (?)", zip(lines))
    # Only initiatives, targets and derived figures (and kinds added later) refer to other records.
    referring = (at for at, row in enumerate(rows) if row[1] != "figure" or row[2])
    connection.executemany("INSERT INTO refs VALUES (?, ?, ?)", (ref for at in referring for ref in _refs(at + 1, lines[at])))
    _script(connection, _INDEXES)


def build(path: Path, key: str, rows: Sequence[Sequence[Any]], lines: Sequence[bytes]) -> None:
    """Write the database of a validated base (its index rows and JSON lines) to `path`, a new file,
    in one transaction."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        _script(connection, "PRAGMA page_size = 16384; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; BEGIN")
        _fill(connection, key, rows, lines)
        connection.execute("COMMIT")
    finally:
        connection.close()


def open_read_only(
    path: Path, key: str, limit: int, form: str = FORMAT, extra: tuple[str, ...] = ()
) -> sqlite3.Connection | None:
    """The database at `path` if it is a regular file of at most `limit` bytes, whole (its pages fill
    it) and built in the form `form` for `key` (its meta holding those and the `extra` names); else
    None: a miss, to be rebuilt."""
    try:
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode) or status.st_size > limit:
            return None
        address = f"file:{quote(str(path))}?mode=ro&immutable=1"
        connection = sqlite3.connect(address, uri=True, check_same_thread=False, detect_types=sqlite3.PARSE_DECLTYPES)
    except (OSError, sqlite3.Error):
        return None
    try:
        ((pages,),), ((size,),) = connection.execute("PRAGMA page_count"), connection.execute("PRAGMA page_size")
        meta = dict(connection.execute("SELECT name, value FROM meta"))
        expected = {"format": form, "key": key}
        if pages * size == status.st_size and meta.keys() == {*expected, *extra} and expected.items() <= meta.items():
            return connection
    except (sqlite3.Error, ValueError):
        pass
    connection.close()
    return None


def in_memory(key: str, rows: Sequence[Sequence[Any]], lines: Sequence[bytes]) -> sqlite3.Connection:
    """The database of a base that is not cached, held in memory for this run."""
    connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False, detect_types=sqlite3.PARSE_DECLTYPES)
    connection.execute("BEGIN")
    _fill(connection, key, rows, lines)
    connection.execute("COMMIT")
    return connection


# `derived` is read back as JSON's true or false, not SQLite's 1 or 0 (as the declared type of a column
# of these databases only, read by a connection that asks for it).
sqlite3.register_converter("JSON_BOOLEAN", lambda stored: stored == b"1")


class Records:
    """The records of one database, made once each (the same id always gives the same object, so a
    renderer can tell a record of the base from a row made from one)."""

    def __init__(
        self,
        connection: sqlite3.Connection,
        content: bytes = b"",
        rebuild: Callable[[], sqlite3.Connection] | None = None,
        table: str = "records",
    ) -> None:
        self.connection = connection
        # A damaged page is found only when read: then the base is built again (the same records at
        # the same positions, so records already made stay right) and the query asked again.
        self._rebuild = rebuild
        self.content = content  # what identifies the records: their cache key
        self._made: dict[int, LazyRecord] = {}
        self._all: list[JsonRecord] | None = None
        self._table = table  # the records asked about: all of them, or a view of some (`only`)

    def _query(self, sql: str, parameters: Iterable[Any] = ()) -> list[Any]:
        try:
            return self.connection.execute(sql, tuple(parameters)).fetchall()
        except sqlite3.DatabaseError:
            if self._rebuild is None:
                raise
            self.connection, self._rebuild = self._rebuild(), None
            return self.connection.execute(sql, tuple(parameters)).fetchall()

    def _records(self, sql: str, parameters: Iterable[Any] = ()) -> list[JsonRecord]:
        """Records as rows of INDEX_FIELDS with their position last (a LazyRecord reads the fields by place)."""
        made = self._made
        rows = self._query(f"SELECT {_COLUMNS}, position FROM {self._table} {sql}", tuple(parameters))
        if not made:  # the first query of a run: every record is new
            records = [LazyRecord(self, row[-1], row) for row in rows]
            made.update(zip([row[-1] for row in rows], records, strict=True))
            return list[JsonRecord](records)
        found = list[JsonRecord]()
        for row in rows:
            record = made.get(row[-1])
            if record is None:
                record = made[row[-1]] = LazyRecord(self, row[-1], row)
            found.append(record)
        return found

    def all(self) -> list[JsonRecord]:
        if self._all is None:
            self._all = self._records("ORDER BY position")
        return self._all

    def get(self, record_id: str) -> JsonRecord | None:
        found = self._records("WHERE id = ?", (record_id,))
        return found[0] if found else None

    def ids(self) -> list[str]:
        return [ident for (ident,) in self._query(f"SELECT id FROM {self._table} ORDER BY position")]

    def count(self) -> int:
        ((count,),) = self._query(f"SELECT count(*) FROM {self._table}")
        return int(count)

    def many(self, record_ids: list[str]) -> list[JsonRecord]:
        """The records with these ids, decoded together (a question's candidates: two queries, not two an id)."""
        found: list[JsonRecord] = []
        for start in range(0, len(record_ids), 500):  # well within SQLite's limit on parameters
            chosen = record_ids[start : start + 500]
            found += self._records(f"WHERE id IN ({', '.join('?' * len(chosen))})", chosen)
        undecoded = [record for record in found if isinstance(record, LazyRecord) and not record.decoded]
        texts = self._texts([record.position for record in undecoded])
        for record in undecoded:
            record.adopt(json.loads(texts[record.position]))
        return found

    def citing(self, source_id: str) -> list[str]:
        """The ids of the records that cite this source."""
        return [ident for (ident,) in self._query(f"SELECT id FROM {self._table} WHERE source_id = ?", (source_id,))]

    def only(self, record_ids: Iterable[str], content: bytes) -> Records:
        """These records alone, as a store of their own (`content` identifies them): every query of it
        reads a view of the database, so a base narrowed to one source is never read whole."""
        view = f"only_{next(_VIEWS)}"
        self.connection.execute(f"CREATE TEMP TABLE {view}_ids (id TEXT PRIMARY KEY)")
        self.connection.executemany(f"INSERT OR IGNORE INTO {view}_ids VALUES (?)", ((ident,) for ident in record_ids))
        self.connection.execute(f"CREATE TEMP VIEW {view} AS SELECT records.* FROM records JOIN {view}_ids USING (id)")
        return Records(self.connection, content, table=view)

    def kinds(self) -> list[str]:
        return [kind for (kind,) in self._query(f"SELECT DISTINCT kind FROM {self._table} ORDER BY position")]

    def select(self, kind: str, equal: dict[str, Any], span: tuple[int | None, int | None] | None = None) -> list[JsonRecord]:
        """Records of `kind` whose fields equal these values and whose period meets the span, in base order."""
        assert equal.keys() <= SELECTABLE, "only indexed fields are selected by"
        tests, parameters = ["kind = ?"], list[Any]([kind])
        for field, value in equal.items():
            tests.append(f"{field} = ?")
            parameters.append(int(value) if isinstance(value, bool) else value)
        if span is not None and span != (None, None):
            tests.append("start IS NOT NULL")
            if span[0] is not None:
                tests.append('"end" >= ?')
                parameters.append(span[0])
            if span[1] is not None:
                tests.append("start <= ?")
                parameters.append(span[1])
        return self._records(f"WHERE {' AND '.join(tests)} ORDER BY position", parameters)

    def values(self, field: str, kind: str | None = None) -> set[Any]:
        """The distinct values of an indexed field (of one kind's records), nulls left out."""
        assert field in SELECTABLE
        where = f"WHERE {field} IS NOT NULL" + (" AND kind = ?" if kind else "")
        found = self._query(f"SELECT DISTINCT {field} FROM {self._table} {where}", (kind,) if kind else ())
        return {value for (value,) in found}

    def referring(self, record_id: str) -> list[tuple[str, JsonRecord]]:
        """Each record that names this one (in figures, inputs or parent), with the field, in base order."""
        found = list(
            self._query("SELECT DISTINCT position, field FROM refs WHERE target = ? ORDER BY position, field", (record_id,))
        )
        if not found:
            return []
        positions = sorted({position for position, _ in found})
        among = f"WHERE position IN ({', '.join('?' * len(positions))}) ORDER BY position"
        # Keyed by position: a narrowed store's view holds only some of those that refer.
        records = {record.position: record for record in self._records(among, positions) if isinstance(record, LazyRecord)}
        return [(field, records[position]) for position, field in found if position in records]

    # What a LazyRecord asks of its store.
    def decode(self, position: int) -> dict[str, Any]:
        """The fields of the record at `position`, and of the undecoded records made just after it: a
        scan over a kind's records reads their texts a chunk a query, not one query a record."""
        made, last = self._made, position
        while last - position < _DECODED_TOGETHER and (after := made.get(last + 1)) is not None and not after.decoded:
            last += 1
        if last == position:
            return cast("dict[str, Any]", json.loads(self.line(position)))
        texts = self._query("SELECT position, json FROM texts WHERE position BETWEEN ? AND ?", (position, last))
        # One JSON array a chunk: a single parse of a thousand records costs little more than half
        # of a thousand parses.
        every = json.loads(b"[" + b",".join(text for _, text in texts) + b"]")
        decoded = {at: fields for (at, _), fields in zip(texts, every, strict=True)}
        for at in range(position + 1, last + 1):
            made[at].adopt(decoded[at])
        return cast("dict[str, Any]", decoded[position])

    def line(self, position: int) -> str:
        ((text,),) = self._query("SELECT json FROM texts WHERE position = ?", (position,))
        return bytes(text).decode()

    def joined(self, positions: list[int]) -> bytes:
        """The lines at these positions joined by `,` and a newline, as a JSON array holds them."""
        first, last = positions[0], positions[-1]
        if last - first == len(positions) - 1 and positions == list(range(first, last + 1)):
            # Joined and encoded by SQLite: no Python string a record. (A rowid range is read in order.)
            between = "SELECT CAST(group_concat(json, ',' || char(10)) AS BLOB) FROM texts WHERE position BETWEEN ? AND ?"
            return bytes(self._query(between, (first, last))[0][0])
        texts = self._texts(positions)
        return b",\n".join(texts[position] for position in positions)

    def _texts(self, positions: list[int]) -> dict[int, bytes]:
        """The JSON lines at these positions, by position."""
        texts: dict[int, bytes] = {}
        for start in range(0, len(positions), 500):  # well within SQLite's limit on parameters
            chosen = positions[start : start + 500]
            among = f"SELECT position, json FROM texts WHERE position IN ({', '.join('?' * len(chosen))})"
            texts.update(self._query(among, chosen))
        return texts

    def encoded(self, record_id: str) -> str | None:
        by_id = f"SELECT json FROM texts JOIN {self._table} USING (position) WHERE id = ?"
        found = self._query(by_id, (record_id,))
        return bytes(found[0][0]).decode() if found else None
