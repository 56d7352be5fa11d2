"""A full-text index of a base's records in SQLite (FTS5): the terms the query layer reads in each
record's texts, a column per kind of field, so that a question or a search is scored in Python only
against the few records FTS5's bm25 finds for it, and a term's rarity is a count, not a scan.

The index (query/answer/index) makes the terms (it knows the languages); this module holds and asks them.
An index is filled whole, in one transaction, then only read: in memory for this run, or in a file
the store keeps beside the base's database (store/cache, opened read-only and immutable as that is).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

FORMAT = "cqsmart-terms-2"
COLUMNS = ("label", "names", "quote", "other")
# bm25's weight of a match in each column: a label says what a record is, a note only mentions it.
COLUMN_WEIGHTS = (4.0, 2.0, 1.5, 1.0)
_RANK = f"bm25(terms, 0, {', '.join(map(str, COLUMN_WEIGHTS))})"
_SCHEMA = (
    "CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    # Terms are written space-separated by the query layer; unicode61 only splits them there again.
    "CREATE VIRTUAL TABLE terms USING fts5(id UNINDEXED, label, names, quote, other, tokenize = 'unicode61 remove_diacritics 0')",
    "CREATE VIRTUAL TABLE vocabulary USING fts5vocab(terms, 'row')",
    "CREATE TABLE numbers (position INTEGER NOT NULL, value REAL NOT NULL)",
    # Each Chinese character's sound (toneless pinyin).
    "CREATE TABLE sounds (char TEXT PRIMARY KEY, sound TEXT NOT NULL) WITHOUT ROWID",
    "CREATE INDEX sounds_sound ON sounds (sound)",
)
Sounds = Iterable[tuple[str, str]]  # a character and its sound
Row = tuple[int, str, str, str, str, str]  # position, id, then the terms of each column


META = ("format", "key", "words")  # what an index's meta table names


def fill(
    connection: sqlite3.Connection,
    key: str,
    rows: Iterable[Row],
    numbers: Iterable[tuple[int, float]],
    words: Sequence[str],
    sounds: Sounds = (),
) -> None:
    """Write the index into an empty database, in one transaction."""
    connection.execute("BEGIN")
    for statement in _SCHEMA:
        connection.execute(statement)
    connection.executemany("INSERT INTO meta VALUES (?, ?)", [("format", FORMAT), ("key", key), ("words", " ".join(words))])
    connection.executemany("INSERT INTO terms (rowid, id, label, names, quote, other) VALUES (?, ?, ?, ?, ?, ?)", rows)
    connection.executemany("INSERT INTO numbers VALUES (?, ?)", numbers)
    connection.execute("CREATE INDEX numbers_value ON numbers (value)")
    connection.executemany("INSERT OR IGNORE INTO sounds VALUES (?, ?)", sounds)
    connection.execute("COMMIT")


def in_memory(
    key: str, rows: Iterable[Row], numbers: Iterable[tuple[int, float]], words: Sequence[str], sounds: Sounds = ()
) -> sqlite3.Connection:
    """The index held in memory for this run."""
    connection = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    fill(connection, key, rows, numbers, words, sounds)
    return connection


def _among(connection: sqlite3.Connection, query: str, items: Sequence[object]) -> list[tuple[Any, Any]]:
    """The rows of `query`, whose `{}` is filled with a list of parameters, for all of `items` (500 a
    statement: well within SQLite's limit on parameters)."""
    found: list[tuple[Any, Any]] = []
    for start in range(0, len(items), 500):
        chosen = items[start : start + 500]
        found += connection.execute(query.format(", ".join("?" * len(chosen))), chosen).fetchall()
    return found


class Terms:
    """What a built index answers."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        ((size,),) = connection.execute("SELECT count(*) FROM terms")
        self.size = int(size)

    def words(self) -> list[str]:
        """The words of the base as written, kept at build time for spelling correction."""
        ((words,),) = self.connection.execute("SELECT value FROM meta WHERE name = 'words'")
        return str(words).split()

    def best(self, expression: str, limit: int) -> list[tuple[int, str]]:
        """The positions and ids of at most `limit` records matching an FTS5 expression, best first."""
        if not expression:
            return []
        found = f"SELECT rowid, id FROM terms WHERE terms MATCH ? ORDER BY {_RANK}, rowid LIMIT ?"
        return [(int(position), str(ident)) for position, ident in self.connection.execute(found, (expression, limit))]

    def near(self, low: float, high: float) -> list[tuple[int, str]]:
        """The records whose value (or value in base units) lies in [low, high]."""
        near = "SELECT DISTINCT position FROM numbers WHERE value BETWEEN ? AND ? ORDER BY position"
        positions = [int(position) for (position,) in self.connection.execute(near, (low, high))]
        # By rowid: a join would scan the full-text table.
        found = _among(self.connection, "SELECT rowid, id FROM terms WHERE rowid IN ({}) ORDER BY rowid", positions)
        return [(int(position), str(ident)) for position, ident in found]

    def counts(self, terms: Sequence[str]) -> dict[str, int]:
        """How many records hold each term (absent ones hold none)."""
        found = _among(self.connection, "SELECT term, doc FROM vocabulary WHERE term IN ({})", terms)
        return {str(term): int(count) for term, count in found}

    def sounds(self, chars: Iterable[str]) -> dict[str, str]:
        """The sound of each of these characters that has one."""
        found = _among(self.connection, "SELECT char, sound FROM sounds WHERE char IN ({})", sorted(set(chars)))
        return {str(char): str(sound) for char, sound in found}

    def sounding(self, sound: str) -> list[str]:
        """The characters of the base's texts that have this sound."""
        found = "SELECT char FROM sounds JOIN vocabulary ON term = char WHERE sound = ? ORDER BY char"
        return [str(char) for (char,) in self.connection.execute(found, (sound,))]

    def matching(self, expression: str) -> int:
        """How many records match an FTS5 expression."""
        ((count,),) = self.connection.execute("SELECT count(*) FROM terms WHERE terms MATCH ?", (expression,))
        return int(count)
