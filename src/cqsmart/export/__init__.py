"""Exports of the fact base to the tools analysts use: SQLite, Frictionless data packages, Excel, CSV.

One Exporter class per format, found by name in EXPORTER_BY_NAME; may import `render`, `store` and `model`.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO, ClassVar

from cqsmart.model.factbase import FactBase
from cqsmart.registry import instantiate


class Exporter:
    """Writes a whole fact base to `path`; one subclass per format."""

    # What `cqsmart export … -` does: "text" goes to stdout, "binary" to stdout unless it is a
    # terminal, and "" (a folder of files) never.
    stdout: ClassVar[str] = "binary"

    def write(self, base: FactBase, path: Path, force: bool) -> None:
        raise NotImplementedError

    def write_stream(self, base: FactBase, stream: BinaryIO, terminal: bool = False) -> None:
        """The very bytes `write` would put in a file, on a stream. `terminal`: the stream is one, so
        a format a person may read there escapes what a terminal would act on (see excel_csv)."""
        import tempfile

        with tempfile.TemporaryDirectory(prefix="cqsmart-export-") as folder:
            path = Path(folder) / "export"
            self.write(base, path, False)
            stream.write(path.read_bytes())


# Format name → module and class; a new format is one module and one entry here.
EXPORTER_BY_NAME: dict[str, tuple[str, str]] = {
    "sqlite": ("cqsmart.export.sqlite", "SqliteExporter"),
    "datapackage": ("cqsmart.export.datapackage", "DataPackageExporter"),
    "xlsx": ("cqsmart.export.workbook", "WorkbookExporter"),
    "csv": ("cqsmart.export.excel_csv", "ExcelCsvExporter"),
    "jsonl": ("cqsmart.export.jsonl", "JsonLinesExporter"),
}


def exporter_for(name: str) -> Exporter:
    return instantiate(EXPORTER_BY_NAME, name, "export format", Exporter)
