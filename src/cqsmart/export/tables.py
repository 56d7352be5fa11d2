"""The fact base as flat tables: one per record kind and one of links, with typed columns.

Every export (SQLite, data package, workbook, CSV) is built from this one view, so they agree on
table names, column names and types.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.render.machine import as_cells, with_quantities
from cqsmart.render.values import flatten

Column = tuple[str, str]


def columns(spec: str) -> list[Column]:
    """`id value:number period_start:integer …`: names with their Frictionless Table Schema type."""
    return [(name, kind or "string") for name, _, kind in (word.partition(":") for word in spec.split())]


_LABEL = "label_zh label_en"
_CITATION = "source_id source_quote"
COLUMNS_BY_KIND: dict[str, list[Column]] = {
    "figure": columns(
        f"id metric topic {_LABEL} value:number unit base_value:number qualifier period_start:integer period_end:integer "
        f"period_basis {_CITATION} derived:boolean formula note"
    ),
    # quantities: the linked figures' quantities as JSON text (id, label, value, unit, qualifier, period …).
    "initiative": columns(f"id topic line {_LABEL} parent quantities:array {_CITATION} note"),
    "target": columns(f"id topic area {_LABEL} deadline:integer quantities:array {_CITATION} note"),
    "source": columns(
        f"id {_LABEL} publisher_zh publisher_en reporter_zh reporter_en photographer_zh photographer_en "
        "interviewee_name_zh interviewee_name_en interviewee_role_zh interviewee_role_en "
        "year:integer year_inferred:boolean interview_date photo_date file sha256 note"
    ),
}
TABLE_BY_KIND = {"figure": "figures", "initiative": "initiatives", "target": "targets", "source": "sources"}
LINK_COLUMNS = columns("from_id from_kind relation figure_id")
# Columns that hold the id of a record in another (or the same) table.
FOREIGN_KEYS: dict[str, list[tuple[str, str]]] = {
    "figures": [("source_id", "sources")],
    "initiatives": [("source_id", "sources"), ("parent", "initiatives")],
    "targets": [("source_id", "sources")],
    "links": [("figure_id", "figures")],
}


# What makes a spreadsheet read a cell as a formula (or, after a tab or CR, as the start of one).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def formula_safe(text: str) -> str:
    """A text cell that would start a formula gets a leading apostrophe, as OWASP recommends for CSV:
    Excel and LibreOffice then show the text instead of computing it. Only text cells pass here, so a
    number such as -3.5 stays a number."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


@dataclass(frozen=True)
class Table:
    name: str
    columns: list[Column]
    rows: list[list[Any]]


def _row(record: JsonRecord, columns: list[Column], base: FactBase) -> list[Any]:
    flat = flatten(dict(as_cells(with_quantities(record, base))))
    return [flat.get(name) for name, _ in columns]


def links(base: FactBase) -> Iterator[list[Any]]:
    """Initiatives and targets to the figures they hold, and derived figures to their inputs."""
    for record in base.records:
        for figure_id in record.get("figures") or []:
            yield [record["id"], record["kind"], "holds", figure_id]
        for figure_id in record.get("inputs") or []:
            yield [record["id"], record["kind"], "derived from", figure_id]


def tables(base: FactBase) -> list[Table]:
    """Sources first, so that tables referring to them come after what they refer to."""
    kinds = ("source", "figure", "initiative", "target")
    found = [
        Table(TABLE_BY_KIND[kind], COLUMNS_BY_KIND[kind], [_row(r, COLUMNS_BY_KIND[kind], base) for r in base.of_kind(kind)])
        for kind in kinds
    ]
    return [*found, Table("links", LINK_COLUMNS, list(links(base)))]
