"""`cqsmart export`: the fact base into SQLite, a data package, a workbook or an Excel CSV."""

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from cqsmart.cli.app import app, error, file_path_parser, load_base, usable_path


class ExportFormat(str, Enum):
    sqlite = "sqlite"
    datapackage = "datapackage"
    xlsx = "xlsx"
    csv = "csv"


@app.command()
def export(
    ctx: typer.Context,
    target: Annotated[
        str, typer.Argument(metavar="PATH", callback=usable_path, help="The file (or, for datapackage, the folder) to write.")
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

    path = Path(target) if to is ExportFormat.datapackage else file_path_parser(target)
    base = load_base(ctx)
    exporter_for(to.value).write(base, path, force)
    error(f"wrote {len(base.records)} records to {path} ({to.value})")
    sys.stdout.flush()
