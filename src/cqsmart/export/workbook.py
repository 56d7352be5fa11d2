"""An Excel workbook: a sheet per table, header row frozen, numbers stored as numbers."""

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

        workbook = Workbook()
        workbook.remove(workbook.active)
        for table in tables(base):
            sheet = workbook.create_sheet(table.name)
            sheet.append([name for name, _ in table.columns])
            for cell in sheet[1]:
                cell.font = Font(bold=True)
            for number, row in enumerate(table.rows, start=2):
                # Control characters cannot be stored in a workbook at all: shown escaped, as in CSV output.
                sheet.append([inert(value) if isinstance(value, str) else value for value in row])
                for column, value in enumerate(row, start=1):
                    if isinstance(value, str):
                        sheet.cell(number, column).data_type = "s"  # openpyxl makes "=…" a live formula
            sheet.freeze_panes = "A2"
        content = io.BytesIO()
        problem = _save_quietly(workbook, content)
        if problem is not None:
            raise UsageError(f"cannot write {shown(path)}: {problem}")
        with replacing(path, force) as temporary:
            temporary.write_bytes(content.getvalue())


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
