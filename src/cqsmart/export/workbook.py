"""An Excel workbook: a sheet per table, header row frozen, numbers stored as numbers."""

from __future__ import annotations

from pathlib import Path

from cqsmart.export import Exporter
from cqsmart.export.tables import tables
from cqsmart.model.factbase import FactBase
from cqsmart.store.files import replacing


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
            for row in table.rows:
                sheet.append(row)
            sheet.freeze_panes = "A2"
        with replacing(path, force) as temporary:
            workbook.save(temporary)
