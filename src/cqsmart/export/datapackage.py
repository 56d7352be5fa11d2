"""A Frictionless Data Package: one CSV per table and a datapackage.json describing them."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from cqsmart import __version__
from cqsmart.export import Exporter
from cqsmart.export.tables import DESCRIPTIONS, FOREIGN_KEYS, Table, formula_safe, source_title, tables
from cqsmart.model.factbase import FactBase
from cqsmart.store.files import marker_entry, replacing

MARKER = "datapackage.json"  # lists the files the export wrote, so --force replaces only those


def _cell(value: Any, text: Callable[[str], str]) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return text(value)
    return "" if value is None else value  # numbers stay numbers: -3.5 is a value, never a formula


def write_csv(path: Path, table: Table, encoding: str = "utf-8") -> None:
    with path.open("w", encoding=encoding, newline="") as handle:
        write_rows(handle, table)


def write_rows(handle: TextIO, table: Table, text: Callable[[str], str] = formula_safe) -> None:
    """The table as CSV; every text cell passes through `text`, which by default disarms formulas."""
    writer = csv.writer(handle, lineterminator="\r\n", quoting=csv.QUOTE_NONNUMERIC)  # text quoted, for sniffers
    writer.writerow(name for name, _ in table.columns)
    writer.writerows([_cell(value, text) for value in row] for row in table.rows)


def resource(table: Table) -> dict[str, Any]:
    fields = [{"name": name, "type": kind, **_description(name)} for name, kind in table.columns]
    schema: dict[str, Any] = {"fields": fields}
    if table.columns[0][0] == "id":
        schema["primaryKey"] = ["id"]
    keys = [
        {"fields": [column], "reference": {"resource": "" if other == table.name else other, "fields": ["id"]}}
        for column, other in FOREIGN_KEYS.get(table.name, [])
    ]
    if keys:
        schema["foreignKeys"] = keys
    return {
        "name": table.name,
        "path": f"{table.name}.csv",
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
    }


def _description(name: str) -> dict[str, str]:
    return {"description": DESCRIPTIONS[name]} if name in DESCRIPTIONS else {}


def descriptor(base: FactBase, all_tables: list[Table]) -> dict[str, Any]:
    sources = [
        {
            "title": source_title(source),
            "path": source["file"],
            "description": f"{source['label']['en'] or source['label']['zh']}. SHA-256 of the text: {source['sha256']}."
            + (" The year is inferred, not printed." if source["year_inferred"] else ""),
        }
        for source in base.of_kind("source")
    ]
    return {
        "profile": "tabular-data-package",
        "name": "cqsmart-facts",
        "title": "Chongqing smart-city and digital-economy facts (cqsmart)",
        "description": "Figures, initiatives and targets, each cited verbatim from its source. Exported by cqsmart.",
        "version": __version__,
        "sources": sources,
        "resources": [resource(table) for table in all_tables],
        **marker_entry([f"{table.name}.csv" for table in all_tables]),
    }


class DataPackageExporter(Exporter):
    stdout = ""  # a folder of files

    def write(self, base: FactBase, path: Path, force: bool) -> None:
        all_tables = tables(base)
        with replacing(path, force, folder=True, marker=MARKER) as folder:
            for table in all_tables:
                write_csv(folder / f"{table.name}.csv", table)
            document = json.dumps(descriptor(base, all_tables), ensure_ascii=False, indent=2)
            (folder / MARKER).write_text(document + "\n", encoding="utf-8")
