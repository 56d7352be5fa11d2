"""SQLite for Datasette and sqlite-utils: a table per kind, a links table, and a full-text index."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from cqsmart.export import Exporter
from cqsmart.export.tables import FOREIGN_KEYS, Table, tables
from cqsmart.model.factbase import FactBase
from cqsmart.store.files import replacing

SQL_TYPES = {
    "string": "TEXT",
    "integer": "INTEGER",
    "number": "NUMERIC",
    "boolean": "INTEGER",
    "array": "TEXT",
}  # NUMERIC keeps 6387 an integer
# trigram indexes every run of three characters, so Chinese (which has no spaces between words)
# is found as well as English; a query needs at least three characters.
FTS_TABLE = "records_fts"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_statement(table: Table) -> str:
    columns = [f"{_quoted(name)} {SQL_TYPES[kind]}" for name, kind in table.columns]
    if table.columns[0][0] == "id":
        columns[0] += " PRIMARY KEY"
    for column, other in FOREIGN_KEYS.get(table.name, []):
        columns.append(f"FOREIGN KEY ({_quoted(column)}) REFERENCES {_quoted(other)}(id)")
    return f"CREATE TABLE {_quoted(table.name)} ({', '.join(columns)})"


class SqliteExporter(Exporter):
    def write(self, base: FactBase, path: Path, force: bool) -> None:
        with replacing(path, force) as temporary:
            connection = sqlite3.connect(temporary)
            try:
                self.fill(connection, tables(base))
                connection.commit()
            finally:
                connection.close()

    @staticmethod
    def fill(connection: sqlite3.Connection, all_tables: list[Table]) -> None:
        connection.execute("PRAGMA foreign_keys = ON")
        for table in all_tables:
            connection.execute(create_statement(table))
            marks = ", ".join("?" for _ in table.columns)
            connection.executemany(f"INSERT INTO {_quoted(table.name)} VALUES ({marks})", table.rows)
        connection.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(id UNINDEXED, kind UNINDEXED, label_zh, label_en, note, quote, "
            "tokenize='trigram')"
        )
        for table in all_tables:
            names = [name for name, _ in table.columns]
            if "label_zh" not in names:
                continue
            quote = "source_quote" if "source_quote" in names else "NULL"
            connection.execute(
                f"INSERT INTO {FTS_TABLE} SELECT id, ?, label_zh, label_en, note, {quote} FROM {_quoted(table.name)}",
                (table.name.removesuffix("s"),),
            )
