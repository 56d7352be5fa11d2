"""The fact base as flat tables: one per record kind and one of links, with typed columns.

Every export (SQLite, data package, workbook, CSV) is built from this one view, so they agree on
table names, column names and types; and the columns are the JSON contract's fields as the CSV outputs
flatten them, so no export can drop a field that `stats --json` has.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from cqsmart.model.factbase import FIELDS_BY_KIND, FactBase, JsonRecord
from cqsmart.render import split_flat
from cqsmart.render.machine import as_cells, flat_header, with_quantities
from cqsmart.render.values import flatten

Column = tuple[str, str]
Schema = dict[str, Any]


def source_title(source: JsonRecord) -> str:
    """`Publisher (出版者), year: 标题` as an export's metadata names a source; the Chinese alone where there is no English."""
    publisher = source["publisher"]
    name = f"{publisher['en']} ({publisher['zh']})" if publisher.get("en") else publisher["zh"]
    return f"{name}, {source['year']}: {source['label']['zh']}"


def columns(spec: str) -> list[Column]:
    """`from_id from_kind …`: names with their Frictionless Table Schema type (`name:type`, else string)."""
    return [(name, kind or "string") for name, _, kind in (word.partition(":") for word in spec.split())]


def contract_columns(kind: str, defs: dict[str, Schema]) -> list[Column]:
    """A kind's columns exactly as `stats --format csv` (and the other CSV outputs) head them: every field
    of the JSON contract, nested ones flattened (label_zh, period_start), each typed by its JSON schema."""
    definition = defs[kind.capitalize()]
    return [(name, _table_type(_field_schema(name, definition, defs), defs)) for name in flat_header(FIELDS_BY_KIND[kind], kind)]


def _field_schema(flat_name: str, definition: Schema, defs: dict[str, Schema]) -> Schema:
    """The schema of `period_start` is that of `start` in the Period of the record's `period`."""
    parent, path = split_flat(flat_name)
    schema: Schema = definition["properties"][parent]
    for step in path:
        schema = _resolved(schema, defs)["properties"][step]
    return schema


def _resolved(schema: Schema, defs: dict[str, Schema]) -> Schema:
    """A `$ref`, or the one alternative of an `anyOf` with null, followed to what it stands for."""
    while True:
        if "$ref" in schema:
            schema = defs[schema["$ref"].rsplit("/", 1)[-1]]
            continue
        alternatives = [option for option in schema.get("anyOf", []) if option.get("type") != "null"]
        if len(alternatives) != 1:
            return schema
        schema = alternatives[0]


def _json_types(schema: Schema, defs: dict[str, Schema]) -> set[str]:
    schema = _resolved(schema, defs)
    if "anyOf" in schema:
        return set().union(*(_json_types(option, defs) for option in schema["anyOf"] if option.get("type") != "null"))
    return {schema.get("type", "string")}


def _table_type(schema: Schema, defs: dict[str, Schema]) -> str:
    """The Frictionless type of a cell. A list of ids is one text cell, `a;b`, as in `stats --format csv`;
    a list of objects (`quantities`) is JSON text, which Frictionless calls an array."""
    types = _json_types(schema, defs)
    if types == {"array"}:
        items = _resolved(_resolved(schema, defs).get("items", {}), defs)
        return "array" if items.get("type") == "object" else "string"
    if types == {"boolean"}:
        return "boolean"
    if types == {"integer"}:
        return "integer"
    return "number" if types <= {"integer", "number"} else "string"


# What a reader of the data package needs to read a figure as the source states it. Only the fields
# whose meaning the name does not carry; the README's field table says the same at more length.
DESCRIPTIONS: dict[str, str] = {
    "value": "The number exactly as the source states it (13.7 for 13.7%); empty for a rank stated only in words.",
    "base_value": "The signed quantity in base units: 亿 = 1e8, 万 = 1e4, percentages as fractions (18.3% is 0.183); "
    "a stated decline is negative (下降3.5% is -0.035), while value keeps the number as printed.",
    "qualifier": "exact, at_least (以上), more_than (超, 突破, 余), approximately (约, 近) or at_most (前N位).",
    "qualifier_text": "The source's own word for the qualifier (超, 突破, 余, 以上, 近, 前; 前列, 唯一 for a rank "
    "without a number), as it stands in the quote; empty for exact and derived figures.",
    "direction": "decrease for a decline the source states (下降3.5%: the value reads 3.5 and is a fall, "
    "not growth); empty for everything else.",
    "planned": "true for a figure a target plans for (5家以上 to be cultivated), false for one achieved.",
    "derived": "true for a figure the source implies but never states, worked out by `formula` from `inputs`.",
    "inputs": "The ids of the figures a derived figure is worked out from, separated by ;.",
    "confidence": "For a figure drafted by `cqsmart extract`, how sure the draft is, from 0 to 1; else empty.",
    "period_basis": "year, span, as_of_interview (the inferred year of the interview) or unstated.",
    "quantities": "JSON: one entry per linked figure with its id, label, value, unit, base_value, qualifier, "
    "qualifier_text and period.",
}


@functools.cache
def columns_by_kind() -> dict[str, list[Column]]:
    """Built on first use, not at import: the output schemas come from the models, which every export
    command would otherwise build before it had checked its arguments."""
    from cqsmart.model.outputs import output_schema

    defs = output_schema("stats")["$defs"]
    return {kind: contract_columns(kind, defs) for kind in ("figure", "initiative", "target", "source")}


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
        Table(TABLE_BY_KIND[kind], columns_by_kind()[kind], [_row(r, columns_by_kind()[kind], base) for r in base.of_kind(kind)])
        for kind in kinds
    ]
    return [*found, Table("links", LINK_COLUMNS, list(links(base)))]
