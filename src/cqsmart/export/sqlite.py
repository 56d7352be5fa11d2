"""SQLite for Datasette and sqlite-utils: a table per kind, a links table, full-text search that both
tools find, and a Datasette metadata file beside the database.

Built with sqlite-utils, so the full-text tables are the ones its `search` and Datasette expect
(`figures_fts` with content="figures"). SQLite's tokenizers do not split Chinese into words: each run
of Chinese characters is one token. So every table gets a `zh_terms` column that holds each run's
substrings of 1 to ZH_TERM_LENGTH characters, separated by spaces; a Chinese query term then equals
one of them, however it is worded (云长, 渝康码, 数字经济).
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
from cqsmart.export.tables import DESCRIPTIONS, FOREIGN_KEYS, Table, tables
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
_CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def zh_terms(texts: Iterable[str | None]) -> str:
    """Every substring of 1 to ZH_TERM_LENGTH characters of each token holding Chinese, once each."""
    terms: dict[str, None] = {}
    for text in texts:
        for run in _RUN.findall(text or ""):
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


def searchable(table: Table) -> Table:
    """The table with its `zh_terms` column, if it has the text columns full-text search covers."""
    names = [name for name, _ in table.columns]
    if table.name == "sources" or not all(name in names for name in SEARCHED):
        return table
    positions = [names.index(name) for name in SEARCHED]
    rows = [[*row, zh_terms(row[position] for position in positions)] for row in table.rows]
    return Table(table.name, [*table.columns, (TERMS_COLUMN, "string")], rows)


def metadata_path(path: Path) -> Path:
    """`facts.db` → `facts.metadata.json`, for `datasette facts.db -m facts.metadata.json`."""
    return path.with_name(f"{path.stem}.metadata.json")


class SqliteExporter(Exporter):
    def write(self, base: FactBase, path: Path, force: bool) -> None:
        import sqlite_utils

        all_tables = [searchable(table) for table in tables(base)]
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
            if any(name == TERMS_COLUMN for name, _ in table.columns):
                # porter: English words match their other forms (codes, code); Chinese tokens pass unchanged.
                database[table.name].enable_fts([*SEARCHED, TERMS_COLUMN], tokenize="porter")
        database.index_foreign_keys()
        _records_fts(database, all_tables)


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
    source = "; ".join(f"{s['publisher']['en']} ({s['publisher']['zh']}) {s['year']}: {s['label']['zh']}" for s in sources)
    described = {**DESCRIPTIONS, TERMS_COLUMN: f"Chinese substrings of 1–{ZH_TERM_LENGTH} characters, for full-text search"}
    table_notes: dict[str, Any] = {}
    for table in all_tables:
        names = [column for column, _ in table.columns]
        entry: dict[str, Any] = {"title": TITLES.get(table.name, table.name)}
        if LABEL_COLUMN in names:
            entry["label_column"] = LABEL_COLUMN
        if TERMS_COLUMN in names:
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
