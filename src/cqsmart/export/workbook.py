"""An Excel workbook: a sheet per table, plus one of the target and initiative quantities, a row each;
header row frozen and filtered, columns as wide as their content, numbers stored as numbers."""

from __future__ import annotations

import gc
import io
import sys
from pathlib import Path
from typing import Any

from cqsmart.errors import UsageError
from cqsmart.export import Exporter
from cqsmart.export.tables import tables
from cqsmart.model.factbase import FactBase
from cqsmart.render.plain import inert
from cqsmart.store.files import replacing, shown


class WorkbookExporter(Exporter):
    def write(self, base: FactBase, path: Path, force: bool) -> None:
        from openpyxl import Workbook
        from openpyxl.styles import Font
        from openpyxl.utils import get_column_letter

        workbook = Workbook()
        workbook.remove(workbook.active)
        for name, header, rows in [
            *((table.name, [name for name, _ in table.columns], table.rows) for table in tables(base)),
            quantities(base),
        ]:
            sheet = workbook.create_sheet(name)
            sheet.append(header)
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            for number, row in enumerate(rows, start=2):
                # Control characters cannot be stored in a workbook at all: shown escaped, as in CSV output.
                sheet.append([inert(value) if isinstance(value, str) else value for value in row])
                for column, value in enumerate(row, start=1):
                    if isinstance(value, str):
                        sheet.cell(number, column).data_type = "s"  # openpyxl makes "=…" a live formula
            sheet.freeze_panes = "A2"
            sheet.auto_filter.ref = sheet.dimensions
            for column, width in enumerate(column_widths(header, rows), start=1):
                sheet.column_dimensions[get_column_letter(column)].width = width
        content = io.BytesIO()
        problem = _save_quietly(workbook, content)
        if problem is not None:
            raise UsageError(f"cannot write {shown(path)}: {problem}")
        with replacing(path, force) as temporary:
            temporary.write_bytes(content.getvalue())


QUANTITY_COLUMNS = [
    "record_id",
    "record_kind",
    "figure_id",
    "label_zh",
    "label_en",
    "value",
    "unit",
    "qualifier",
    "period_start",
    "period_end",
]
WIDEST = 60  # a long note or quote wraps in Excel rather than pushing every other column off screen


def quantities(base: FactBase) -> tuple[str, list[str], list[list[Any]]]:
    """Each quantity a target or initiative names, as a row of its own: a number a spreadsheet can sum."""
    rows: list[list[Any]] = []
    for record in [*base.of_kind("target"), *base.of_kind("initiative")]:
        for ref in record.get("figures") or ():
            figure = base.by_id.get(ref)
            if figure is None:
                continue
            period = figure.get("period") or {}
            label = figure["label"]
            rows.append(
                [
                    record["id"],
                    record["kind"],
                    ref,
                    label["zh"],
                    label["en"],
                    figure.get("value"),
                    figure.get("unit"),
                    figure.get("qualifier"),
                    period.get("start"),
                    period.get("end"),
                ]
            )
    return "quantities", QUANTITY_COLUMNS, rows


def column_widths(header: list[str], rows: list[list[Any]]) -> list[float]:
    """Each column as wide as its widest cell (a Chinese character counts two), within WIDEST."""
    from rich.cells import cell_len

    def size(value: Any) -> int:
        return 0 if value is None else max(cell_len(line) for line in str(value).split("\n"))

    return [min(max(size(value) for value in column) + 2, WIDEST) for column in zip(header, *rows, strict=True)]


def _save_quietly(workbook: Any, content: io.BytesIO) -> str | None:
    """Save, or say why not. openpyxl writes temporary files of its own, and when that fails its
    generators close during garbage collection and report "Exception ignored": that is kept off the
    user's terminal, since the one-line error already says what happened."""
    previous = sys.unraisablehook
    sys.unraisablehook = lambda _: None
    problem = None
    try:
        try:
            workbook.save(content)
        except OSError as failure:
            problem = failure.strerror or str(failure)
        gc.collect()  # the failed save's frames are gone now, so its generators close here
    finally:
        sys.unraisablehook = previous
    return problem
