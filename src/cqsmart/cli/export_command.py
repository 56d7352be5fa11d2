"""`cqsmart export`: the fact base into SQLite, a data package, a workbook or an Excel CSV."""

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from cqsmart.cli.app import app, file_path_parser, load_base, usable_path
from cqsmart.cli.streams import error
from cqsmart.errors import UsageError
from cqsmart.model.factbase import FactBase
from cqsmart.store.files import shown


class ExportFormat(str, Enum):
    sqlite = "sqlite"
    datapackage = "datapackage"
    xlsx = "xlsx"
    csv = "csv"
    jsonl = "jsonl"


def written(base: FactBase, fmt: str) -> str:
    """The rows each file or table received, as the user will count them."""
    from cqsmart.export.tables import tables

    if fmt == "jsonl":  # one line per record, whatever its kind
        return f"{len(base.records)} record{'' if len(base.records) == 1 else 's'}"
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
    target: Annotated[
        str,
        typer.Argument(
            metavar="PATH",
            callback=usable_path,
            help="The file (or, for datapackage, the folder) to write; - for stdout (not datapackage).",
        ),
    ],
    to: Annotated[ExportFormat, typer.Option("--to", help="What to write.")],
    force: Annotated[bool, typer.Option("--force", help="Replace PATH if it exists.")] = False,
) -> None:
    """Export the fact base for Datasette, Frictionless, Excel.

    sqlite: a table per kind, a links table, full-text search per table, and a Datasette
    metadata.json beside it; datapackage: a folder of CSVs with datapackage.json; xlsx: a sheet per
    table; csv: all figures, with the BOM Excel needs (for scripts, `stats --format csv` stays plain
    UTF-8); jsonl: every record, one JSON object per line. PATH - writes to stdout; sqlite and
    xlsx only when stdout is not a terminal.

    Examples:

    \b
      cqsmart export --to sqlite facts.db
      cqsmart export --to datapackage facts-package
      cqsmart export --to xlsx facts.xlsx --force
      cqsmart export --to jsonl - | jq -c 'select(.kind == "target") | .quantities'
    """
    from cqsmart.export import exporter_for

    exporter = exporter_for(to.value)
    if target == "-":
        _check_stdout(to.value, exporter.stdout)
        base = load_base(ctx)
        sys.stdout.flush()
        exporter.write_stream(base, sys.stdout.buffer, terminal=_stdout_is_terminal())
        sys.stdout.buffer.flush()
        error(f"wrote to stdout ({to.value}): {written(base, to.value)}")
        return
    path = Path(target) if to is ExportFormat.datapackage else file_path_parser(target)
    base = load_base(ctx)
    exporter.write(base, path, force)
    error(f"wrote {shown(path)} ({to.value}): {written(base, to.value)}")
    sys.stdout.flush()


def _check_stdout(fmt: str, kind: str) -> None:
    """A folder cannot go to stdout, and binary data would garble a terminal."""
    if not kind:
        raise UsageError(f"{fmt} writes a folder, not a stream; name the folder instead of -")
    if kind == "binary" and _stdout_is_terminal():
        raise UsageError(f"{fmt} is binary; not writing it to a terminal (redirect stdout, e.g. > facts.{fmt}, or name a file)")


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()
