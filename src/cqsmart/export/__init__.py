"""Exports of the fact base to the tools analysts use: SQLite, Frictionless data packages, Excel, CSV.

One Exporter class per format, found by name in EXPORTER_BY_NAME; may import `render`, `store` and `model`.
"""

from __future__ import annotations

from pathlib import Path

from cqsmart.model.factbase import FactBase
from cqsmart.registry import instantiate


class Exporter:
    """Writes a whole fact base to `path`; one subclass per format."""

    def write(self, base: FactBase, path: Path, force: bool) -> None:
        raise NotImplementedError


# Format name → module and class; a new format is one module and one entry here.
EXPORTER_BY_NAME: dict[str, tuple[str, str]] = {
    "sqlite": ("cqsmart.export.sqlite", "SqliteExporter"),
    "datapackage": ("cqsmart.export.datapackage", "DataPackageExporter"),
    "xlsx": ("cqsmart.export.workbook", "WorkbookExporter"),
    "csv": ("cqsmart.export.excel_csv", "ExcelCsvExporter"),
}


def exporter_for(name: str) -> Exporter:
    return instantiate(EXPORTER_BY_NAME, name, "export format", Exporter)
