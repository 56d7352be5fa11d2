"""Every figure in one CSV file that Excel opens with Chinese intact (UTF-8 with a BOM)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO

from cqsmart.export import Exporter
from cqsmart.export.datapackage import write_csv, write_rows
from cqsmart.export.tables import Table, formula_safe, tables
from cqsmart.model.factbase import FactBase
from cqsmart.render.plain import inert
from cqsmart.store.files import replacing

ENCODING = "utf-8-sig"


def figures(base: FactBase) -> Table:
    return next(table for table in tables(base) if table.name == "figures")


class ExcelCsvExporter(Exporter):
    stdout = "text"  # the same bytes as the file, BOM included, so `> figures.csv` opens in Excel

    def write(self, base: FactBase, path: Path, force: bool) -> None:
        with replacing(path, force) as temporary:
            write_csv(temporary, figures(base), encoding=ENCODING)

    def write_stream(self, base: FactBase, stream: BinaryIO, terminal: bool = False) -> None:
        if not terminal:
            super().write_stream(base, stream)
            return
        # A person reads it: escapes, OSC 8 links, \r and \b in a fact's text are shown, not obeyed.
        text = io.TextIOWrapper(stream, encoding=ENCODING, newline="", write_through=True)
        try:
            write_rows(text, figures(base), lambda value: inert(formula_safe(value)))
            text.flush()
        finally:
            text.detach()  # the stream is the caller's; closing the wrapper would close it
