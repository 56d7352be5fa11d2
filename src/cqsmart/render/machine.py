"""Formats for scripts: JSON, JSON Lines, CSV and TSV, with the contract's field names."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from typing import Any, TextIO

from cqsmart.model import jsontext
from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.query.result import Result
from cqsmart.render import Options, Renderer
from cqsmart.render.values import flatten, inert


def stream_is_unicode(stream: TextIO) -> bool:
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("-", "").replace("_", "")
    return encoding.startswith("utf")


# Characters JSON may carry raw but a terminal would act on: C1 controls, bidi overrides, line separators.
def dump(data: Any, stream: TextIO, indent: int | None = None) -> str:
    """\\u-escaped where the stream cannot carry Chinese, which is still the same JSON."""
    return jsontext.dumps(data, not stream_is_unicode(stream), indent)


def project(rows: list[JsonRecord], columns: tuple[str, ...]) -> list[JsonRecord]:
    return [{name: row.get(name) for name in columns} for row in rows]


class JsonRenderer(Renderer):
    def selected(self, result: Result, options: Options) -> list[JsonRecord]:
        """Records pass through whole (each with its own kind's fields) unless --fields picks some."""
        columns = self.columns(result.kind, options.fields)
        return result.rows if options.fields is None else project(result.rows, columns)

    def lines(self, result: Result, base: FactBase, options: Options, stream: TextIO) -> Iterator[str]:
        """Each row's JSON text; whole records come as already encoded by the cache where possible."""
        rows = self.selected(result, options)
        unicode = stream_is_unicode(stream)
        if options.fields is None and unicode and base.encoded and all(base.by_id.get(row.get("id", "")) is row for row in rows):
            return (base.encoded[row["id"]] for row in rows)
        return iter(jsontext.record_lines(rows, ascii_only=not unicode))

    def render(self, result: Result, base: FactBase, options: Options, stream: TextIO) -> None:
        """Written line by line, so a large listing is never held in memory as one string."""
        separator = "[\n"
        for line in self.lines(result, base, options, stream):
            stream.write(separator + line)
            separator = ",\n"
        stream.write("[]\n" if separator == "[\n" else "\n]\n")


class JsonLinesRenderer(JsonRenderer):
    def render(self, result: Result, base: FactBase, options: Options, stream: TextIO) -> None:
        for line in self.lines(result, base, options, stream):
            stream.write(line + "\n")


class CsvRenderer(Renderer):
    delimiter = ","
    always_utf8 = True

    def render(self, result: Result, base: FactBase, options: Options, stream: TextIO) -> None:
        columns = self.columns(result.kind, options.fields)
        rows = [flatten(row) for row in project(result.rows, columns)]
        header = _flat_header(columns, result.kind)
        writer = csv.DictWriter(stream, fieldnames=header, delimiter=self.delimiter, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({name: _cell(row.get(name)) for name in header})


class TsvRenderer(CsvRenderer):
    delimiter = "\t"


_NESTED = {
    "label": ("zh", "en"),
    "label_a": ("zh", "en"),
    "label_b": ("zh", "en"),
    "period": ("start", "end", "basis"),
    "source": ("id", "quote"),
    "publisher": ("zh", "en"),
    "reporter": ("zh", "en"),
    "photographer": ("zh", "en"),
    "interviewee": ("name_zh", "name_en", "role_zh", "role_en"),
}


def _flat_header(columns: tuple[str, ...], kind: str) -> list[str]:
    """Stable CSV columns even when a value is null (a derived figure has no source object)."""
    header: list[str] = []
    for name in columns:
        parts = _NESTED.get(name)
        header.extend(f"{name}_{part}" for part in parts) if parts else header.append(name)
    return header


def _cell(value: Any) -> Any:
    """CSV cells are text a person may `cat` to a terminal: control and bidi characters are escaped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return inert(value) if isinstance(value, str) else value
