"""`cqsmart export`: the fact base into SQLite, a data package, a workbook or an Excel CSV."""

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from cqsmart.cli.app import app, error, load_base, path_parser
from cqsmart.model.factbase import FactBase


class ExportFormat(str, Enum):
    sqlite = "sqlite"
    datapackage = "datapackage"
    xlsx = "xlsx"
    csv = "csv"


def written(base: FactBase, fmt: str) -> str:
    """The rows each file or table received, as the user will count them."""
    from cqsmart.export.tables import tables

    parts = []
    for table in tables(base):
        if fmt == "csv" and table.name != "figures":
            continue
        name = f"{table.name}.csv" if fmt == "datapackage" else table.name
        parts.append(f"{name} {len(table.rows)} row{'' if len(table.rows) == 1 else 's'}")
    return ", ".join(parts)


@app.command()
def export(
    ctx: typer.Context,
    path: Annotated[
        Path, typer.Argument(metavar="PATH", parser=path_parser, help="The file (or, for datapackage, the folder) to write.")
    ],
    to: Annotated[ExportFormat, typer.Option("--to", help="What to write.")],
    force: Annotated[bool, typer.Option("--force", help="Replace PATH if it exists.")] = False,
) -> None:
    """Export the fact base for Datasette, Frictionless, Excel.

    sqlite: a table per kind, a links table and a full-text index (records_fts); datapackage: a
    folder of CSVs with datapackage.json; xlsx: a sheet per table; csv: all figures, with the BOM
    Excel needs (for scripts, `stats --format csv` on stdout stays plain UTF-8).

    Examples:

    \b
      cqsmart export --to sqlite facts.db
      cqsmart export --to datapackage facts-package
      cqsmart export --to xlsx facts.xlsx --force
    """
    from cqsmart.export import exporter_for

    base = load_base(ctx)
    exporter_for(to.value).write(base, path, force)
    error(f"wrote {path} ({to.value}): {written(base, to.value)}")
    sys.stdout.flush()
