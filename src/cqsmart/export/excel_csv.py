"""Every figure in one CSV file that Excel opens with Chinese intact (UTF-8 with a BOM)."""

from __future__ import annotations

from pathlib import Path

from cqsmart.export import Exporter
from cqsmart.export.datapackage import write_csv
from cqsmart.export.tables import tables
from cqsmart.model.factbase import FactBase
from cqsmart.store.files import replacing


class ExcelCsvExporter(Exporter):
    stdout = "text"  # the same bytes as the file, BOM included, so `> figures.csv` opens in Excel

    def write(self, base: FactBase, path: Path, force: bool) -> None:
        figures = next(table for table in tables(base) if table.name == "figures")
        with replacing(path, force) as temporary:
            write_csv(temporary, figures, encoding="utf-8-sig")
