"""Every record of the base, one JSON object per line, as the --json outputs print them (with quantities)."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from cqsmart.export import Exporter
from cqsmart.model import jsontext
from cqsmart.model.factbase import FactBase
from cqsmart.render.machine import complete
from cqsmart.store.files import replacing


def lines(base: FactBase) -> bytes:
    return "".join(line + "\n" for line in jsontext.record_lines(complete(list(base.records), base))).encode("utf-8")


class JsonLinesExporter(Exporter):
    stdout = "text"

    def write(self, base: FactBase, path: Path, force: bool) -> None:
        with replacing(path, force) as temporary:
            temporary.write_bytes(lines(base))

    def write_stream(self, base: FactBase, stream: BinaryIO, terminal: bool = False) -> None:
        stream.write(lines(base))  # JSON escapes control and bidi characters, terminal or not
