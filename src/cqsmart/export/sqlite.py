"""SQLite for Datasette and sqlite-utils: a table per kind, a links table, full-text search that both
tools find, and a Datasette metadata file beside the database.

Built with sqlite-utils, so the full-text tables are the ones its `search` and Datasette expect
(`figures_fts` with content="figures"). SQLite's tokenizers do not split Chinese into words: each run
of Chinese characters is one token. So each full-text table has a `zh_terms` column of its own (not
in the table people read) that holds each run's substrings of 1 to ZH_TERM_LENGTH characters,
separated by spaces, with the marks between Chinese characters dropped (“渝快办”用户数 is one run); a
Chinese query term then equals one of them, however it is worded or glued (云长, 渝康码, 渝快办用户).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from cqsmart import __version__
from cqsmart.errors import UsageError
from cqsmart.export import Exporter
from cqsmart.export.tables import DESCRIPTIONS, FOREIGN_KEYS, Table, source_title, tables
from cqsmart.model.factbase import FactBase
from cqsmart.store.files import check_target, replacing, shown

SQL_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "NUMERIC", "boolean": "INTEGER", "array": "TEXT"}
# NUMERIC keeps 6387 an integer and 18.3 a real.
# The earlier single index over all kinds (trigram: Chinese queries of three characters or more), kept
# for the queries written against it.
FTS_TABLE = "records_fts"
SEARCHED = ("label_zh", "label_en", "source_quote", "note")  # the text columns each table's FTS indexes
TERMS_COLUMN = "zh_terms"
ZH_TERM_LENGTH = 12
LABEL_COLUMN = "label_en"  # what Datasette shows for a row that another row points to
_PRIMARY_KEYS = {"links": ("from_id", "relation", "figure_id")}
_RUN = re.compile(r"[^\W_]+")  # a token as SQLite's unicode61 tokenizer reads it: letters and digits
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CHINESE = re.compile(f"[{_HAN}]")
_MARKS_BETWEEN_CHINESE = re.compile(f"(?<=[{_HAN}])[^\\w\\s]+(?=[{_HAN}])")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def zh_terms(texts: Iterable[str | None]) -> str:
    """Every substring of 1 to ZH_TERM_LENGTH characters of each token holding Chinese, once each."""
    terms: dict[str, None] = {}
    for text in texts:
        for run in _RUN.findall(_MARKS_BETWEEN_CHINESE.sub("", text or "")):
            if not _CHINESE.search(run):
                continue
            for start in range(len(run)):
                for end in range(start + 1, min(len(run), start + ZH_TERM_LENGTH) + 1):
                    terms[run[start:end]] = None
    return " ".join(terms)


def create_statement(table: Table) -> str:
    columns = [f"{_quoted(name)} {SQL_TYPES[kind]}" for name, kind in table.columns]
    if table.columns[0][0] == "id":
        columns[0] += " PRIMARY KEY"
    if table.name in _PRIMARY_KEYS:
        columns.append(f"PRIMARY KEY ({', '.join(map(_quoted, _PRIMARY_KEYS[table.name]))})")
    for column, other in FOREIGN_KEYS.get(table.name, []):
        columns.append(f"FOREIGN KEY ({_quoted(column)}) REFERENCES {_quoted(other)}(id)")
    return f"CREATE TABLE {_quoted(table.name)} ({', '.join(columns)})"


def searchable(table: Table) -> bool:
    """The table has the text columns full-text search covers."""
    names = [name for name, _ in table.columns]
    return table.name != "sources" and all(name in names for name in SEARCHED)


def metadata_path(path: Path) -> Path:
    """`facts.db` → `facts.metadata.json`, for `datasette facts.db -m facts.metadata.json`."""
    return path.with_name(f"{path.stem}.metadata.json")


class SqliteExporter(Exporter):
    def write(self, base: FactBase, path: Path, force: bool) -> None:
        import sqlite_utils

        all_tables = tables(base)
        check_target(path, force)  # the database is named in any refusal before its metadata file
        check_target(metadata_path(path), force)
        with replacing(path, force) as temporary:
            database = sqlite_utils.Database(temporary)
            try:
                self.fill(database, all_tables)
            except sqlite3.Error as failure:  # a full disk, a file-size limit: SQLite's own errors
                raise UsageError(f"cannot write {shown(path)}: {failure}") from None
            finally:
                database.close()
            with replacing(metadata_path(path), force) as notes:
                notes.write_text(json.dumps(metadata(base, path.stem, all_tables), ensure_ascii=False, indent=2) + "\n")

    @staticmethod
    def fill(database: Any, all_tables: list[Table]) -> None:
        database.execute("PRAGMA foreign_keys = ON")
        with database.conn:
            for table in all_tables:
                database.execute(create_statement(table))
                names = [name for name, _ in table.columns]
                database[table.name].insert_all(dict(zip(names, row, strict=True)) for row in table.rows)
        for table in all_tables:
            if searchable(table):
                _table_fts(database, table.name)
        database.index_foreign_keys()
        _records_fts(database, all_tables)


def _table_fts(database: Any, name: str) -> None:
    """`NAME_fts`, as sqlite-utils makes it (content=[NAME], so its `search` and Datasette find it), with
    `zh_terms` held only in the index. porter: English words match their other forms (codes, code);
    Chinese tokens pass unchanged."""
    columns = ", ".join(map(_quoted, [*SEARCHED, TERMS_COLUMN]))
    fts = _quoted(f"{name}_fts")
    with database.conn:
        database.execute(f"CREATE VIRTUAL TABLE {fts} USING FTS5 ({columns}, tokenize='porter', content=[{name}])")
        rows = database.execute(f"SELECT rowid, {', '.join(map(_quoted, SEARCHED))} FROM {_quoted(name)}").fetchall()
        database.conn.executemany(
            f"INSERT INTO {fts} (rowid, {columns}) VALUES ({', '.join('?' * (len(SEARCHED) + 2))})",
            [(*row, zh_terms(row[1:])) for row in rows],
        )


def _records_fts(database: Any, all_tables: list[Table]) -> None:
    with database.conn:
        database.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(id UNINDEXED, kind UNINDEXED, label_zh, label_en, note, quote, "
            "tokenize='trigram')"
        )
        for table in all_tables:
            names = [name for name, _ in table.columns]
            if "label_zh" not in names:
                continue
            quote = "source_quote" if "source_quote" in names else "NULL"
            database.execute(
                f"INSERT INTO {FTS_TABLE} SELECT id, ?, label_zh, label_en, note, {quote} FROM {_quoted(table.name)}",
                (table.name.removesuffix("s"),),
            )


TITLES = {
    "sources": "Sources: the documents every record quotes",
    "figures": "Figures: growth, scale, counts, rankings",
    "initiatives": "Initiatives and the figures they hold",
    "targets": "Forward targets and their quantities",
    "links": "Which figures each initiative and target holds, and what each derived figure is derived from",
}


def metadata(base: FactBase, name: str, all_tables: list[Table]) -> dict[str, Any]:
    """Datasette metadata: titles, the source, the licence, and label columns so that links show labels."""
    sources = base.of_kind("source")
    source = "; ".join(source_title(s) for s in sources)
    described = DESCRIPTIONS
    table_notes: dict[str, Any] = {}
    for table in all_tables:
        names = [column for column, _ in table.columns]
        entry: dict[str, Any] = {"title": TITLES.get(table.name, table.name)}
        if LABEL_COLUMN in names:
            entry["label_column"] = LABEL_COLUMN
        if searchable(table):
            entry["fts_table"] = f"{table.name}_fts"
        columns = {column: described[column] for column in names if column in described}
        if columns:
            entry["columns"] = columns
        table_notes[table.name] = entry
    table_notes[FTS_TABLE] = {"hidden": True}
    return {
        "title": "Chongqing smart-city and digital-economy facts (cqsmart)",
        "description": f"Figures, initiatives and targets, each cited verbatim from its source (cqsmart {__version__}).",
        "source": source,
        "license": "MIT (the cqsmart fact base); quoted text remains its publisher's, cited for reference",
        "databases": {name: {"tables": table_notes}},
    }
