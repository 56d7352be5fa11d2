"""Formats for scripts: JSON, JSON Lines, CSV and TSV, with the contract's field names."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import Any, BinaryIO, ClassVar, Literal, TextIO

from cqsmart.model import jsontext
from cqsmart.model.factbase import FIELDS_BY_KIND, QUANTITY_FIELDS, FactBase, JsonRecord
from cqsmart.model.outputs import DECREASE, signed
from cqsmart.query.result import Result
from cqsmart.render import NESTED_PARTS, Options, Renderer, split_flat
from cqsmart.render.plain import inert  # values (quantities in words) is loaded only for CSV cells
from cqsmart.render.plain import stream_is_unicode as stream_is_unicode  # re-exported: tables need it without csv
from cqsmart.store.lazy import LazyRecord, cached_runs

# How a stated decline reads in a record's JSON text: a string value's quotes are escaped, so these
# bytes occur only as the field itself.
_DECLINE = f'"direction":"{DECREASE}"'
_DECLINE_BYTES = _DECLINE.encode()


# extract's draft is a fact file to curate: its records are printed as a fact file holds them (base_value
# unsigned, as `validate --draft` checks it), not as the output contract signs them.
DRAFT = "draft"


def signs(base: FactBase) -> bool:
    return base.origin != DRAFT


def signed_row(row: JsonRecord, cached_too: bool = False) -> JsonRecord:
    """`base_value` as the contract means it: the signed quantity (a decline's is negative). A row of any
    other figure, or of another kind, passes unchanged. A record from the cache is left to the writers
    of its cached text (`_signed_lines`, `_cached_lines`) unless `cached_too`: a listing never decodes it."""
    if type(row) is LazyRecord and not (cached_too and _DECLINE in row.line):
        return row
    if row.get("direction") != DECREASE or not isinstance(row.get("base_value"), (int, float)):
        return row
    return {**row, "base_value": signed(row, "base_value")}


def _signed_lines(chunk: bytes) -> bytes:
    """A run of cached records' lines (joined by `,` and a newline) with each decline's base_value signed."""
    if _DECLINE_BYTES not in chunk:
        return chunk
    lines = chunk.split(b",\n")
    for position, line in enumerate(lines):
        if _DECLINE_BYTES in line:
            lines[position] = jsontext.record_lines([signed_row(json.loads(line))])[0].encode()
    return b",\n".join(lines)


# Characters JSON may carry raw but a terminal would act on: C1 controls, bidi overrides, line separators.
def dump(data: Any, stream: TextIO, indent: int | None = None) -> str:
    """\\u-escaped where the stream cannot carry Chinese, which is still the same JSON."""
    return jsontext.dumps(data, not stream_is_unicode(stream), indent)


def project(rows: list[JsonRecord], columns: tuple[str, ...]) -> list[JsonRecord]:
    """The named fields of each row; a flattened name (label_en) keeps its place in the nesting,
    {"label": {"en": …}}, so JSON field names never depend on how they were asked for."""
    return [_project_row(row, columns) for row in rows]


def _project_row(row: JsonRecord, columns: tuple[str, ...]) -> dict[str, Any]:
    projected: dict[str, Any] = {}
    for name in columns:
        parent, path = split_flat(name)
        if not path:
            projected[name] = row.get(name)
            continue
        value: Any = row.get(parent)
        if parent in columns:  # the whole object was asked for too
            projected[parent] = value
            continue
        if value is None:
            projected.setdefault(parent, None)
            continue
        target = projected.get(parent)
        if not isinstance(target, dict):
            target = projected[parent] = {}
        for step in path[:-1]:
            value = value.get(step) if isinstance(value, dict) else None
            target = target.setdefault(step, {})
        target[path[-1]] = value.get(path[-1]) if isinstance(value, dict) else None
    return projected


_HOLDERS = frozenset(kind for kind, fields in FIELDS_BY_KIND.items() if "quantities" in fields and kind != "record")


def quantities(record: JsonRecord, base: FactBase) -> list[dict[str, Any]]:
    """One entry per figure the record links to, so a script needs no second call to read "≥ 5家"."""
    found = [base.by_id.get(figure_id) for figure_id in record.get("figures") or []]
    key = "base_value"
    return [
        {name: signed(figure, key) if name == key and signs(base) else figure.get(name) for name in QUANTITY_FIELDS}
        for figure in found
        if figure is not None
    ]


def with_quantities(record: JsonRecord, base: FactBase) -> JsonRecord:
    """Initiatives and targets gain `quantities` right after `figures`; other rows pass unchanged."""
    # The kind first: it is read from the cache's index, so a figure from the cache is never decoded here.
    if record.get("kind") not in _HOLDERS or "quantities" in record:
        return signed_row(record, cached_too=True) if signs(base) else record
    row: dict[str, Any] = {}
    for key, value in record.items():
        row[key] = value
        if key == "figures":
            row["quantities"] = quantities(record, base)
    return row


def complete(rows: list[JsonRecord], base: FactBase, kind: str = "record") -> list[JsonRecord]:
    """Rows with their `quantities`; rows of a kind that has none (figures) pass as they are."""
    if "quantities" not in FIELDS_BY_KIND.get(kind, ("quantities",)):
        return [signed_row(row) for row in rows] if signs(base) else rows
    return [with_quantities(row, base) for row in rows]


class JsonRenderer(Renderer):
    def selected(self, result: Result, base: FactBase, options: Options) -> list[JsonRecord]:
        """Records pass through whole (each with its own kind's fields) unless --fields picks some."""
        columns = self.columns(result.kind, options.fields)
        rows = complete(result.rows, base, result.kind)
        if options.fields is None:
            return rows
        return project([signed_row(row, True) for row in rows] if signs(base) else rows, columns)

    def lines(self, result: Result, base: FactBase, options: Options, stream: TextIO) -> Iterator[str]:
        """Each row's JSON text; whole records come as already encoded by the cache where possible."""
        rows = self.selected(result, base, options)
        unicode = stream_is_unicode(stream)
        if options.fields is not None or not unicode or not base.encoded:
            rows = [signed_row(row, True) for row in rows] if signs(base) else rows
            return iter(jsontext.record_lines(rows, ascii_only=not unicode))
        return self._cached_lines(rows, base)

    @staticmethod
    def _cached_lines(rows: list[JsonRecord], base: FactBase) -> Iterator[str]:
        """A record of the base, unchanged, is written as the cache holds it; any other row is encoded."""
        by_id, encoded = base.by_id, base.encoded
        for row in rows:
            ident = row.get("id")
            if isinstance(ident, str) and by_id.get(ident) is row:
                text = encoded[ident]
                yield jsontext.record_lines([signed_row(row, True)])[0] if _DECLINE in text else text
            else:
                yield from jsontext.record_lines([row])

    def render(self, result: Result, base: FactBase, options: Options, stream: TextIO) -> None:
        """Written a run of records at a time, so a large listing is never one string in memory."""
        buffer = utf8_buffer(stream) if options.fields is None else None
        if buffer is None:
            stream.writelines(jsontext.array_chunks(self.lines(result, base, options, stream)))
            stream.write("\n")
            return
        stream.flush()
        # A run of cached records is already megabytes: written one at a time, never joined to others.
        jsontext.write_array(buffer.write, raw_lines(self.selected(result, base, options)), batch=1)
        buffer.write(b"\n")


def utf8_buffer(stream: TextIO) -> BinaryIO | None:
    """The bytes beneath a UTF-8 text stream, where a record from the cache is written as the cache
    holds it: no decoding and encoding again of every line of a large listing."""
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return getattr(stream, "buffer", None) if encoding == "utf8" else None


def raw_lines(rows: list[JsonRecord]) -> Iterator[bytes]:
    """The rows' JSON text in UTF-8, joined by `,` and a newline where they come as runs of records
    from the cache (which cannot have been changed: each is a read-only mapping over its cached
    line), as the cache holds them; any other row is encoded."""
    for item in cached_runs(rows):
        yield _signed_lines(item) if isinstance(item, bytes) else jsontext.record_lines([item])[0].encode()


class JsonLinesRenderer(JsonRenderer):
    def render(self, result: Result, base: FactBase, options: Options, stream: TextIO) -> None:
        buffer = utf8_buffer(stream) if options.fields is None else None
        if buffer is None:
            for line in self.lines(result, base, options, stream):
                stream.write(line + "\n")
            return
        stream.flush()
        # A record's line holds no raw newline, so the runs' separators become the lines' ends.
        for lines in raw_lines(self.selected(result, base, options)):
            buffer.write(lines.replace(b",\n", b"\n") + b"\n")


class CsvRenderer(Renderer):
    delimiter = ","
    always_utf8 = True
    # Text quoted, numbers bare: csv.Sniffer (and csvkit, which uses it) then finds the comma and the
    # quote on any output, even one whose text has more spaces and apostrophes than commas.
    quoting: ClassVar[Literal[0, 1, 2, 3]] = csv.QUOTE_NONNUMERIC

    def render(self, result: Result, base: FactBase, options: Options, stream: TextIO) -> None:
        from cqsmart.render.values import flatten

        columns = self.columns(result.kind, options.fields)
        complete_rows = complete(result.rows, base, result.kind)
        complete_rows = [signed_row(row, True) for row in complete_rows] if signs(base) else complete_rows
        rows = [flatten(as_cells(row)) for row in project(complete_rows, columns)]
        header = flat_header(columns, result.kind)
        writer = csv.DictWriter(
            stream, fieldnames=header, delimiter=self.delimiter, lineterminator="\n", extrasaction="ignore", quoting=self.quoting
        )
        writer.writeheader()
        for row in rows:
            writer.writerow({name: _cell(row.get(name)) for name in header})


class TsvRenderer(CsvRenderer):
    delimiter = "\t"
    quoting: ClassVar[Literal[0, 1, 2, 3]] = csv.QUOTE_MINIMAL  # tabs never occur in text, so a tab file stays as plain as can be


def flat_header(columns: tuple[str, ...], kind: str) -> list[str]:
    """Stable CSV columns even when a value is null (a derived figure has no source object)."""
    header: list[str] = []
    for name in columns:
        parts = NESTED_PARTS.get(name)
        header.extend(f"{name}_{part}" for part in parts) if parts else header.append(name)
    return header


def as_cells(row: JsonRecord) -> JsonRecord:
    """`quantities` is a list of objects: one CSV cell holding its JSON text, which any script can parse."""
    if not isinstance(row.get("quantities"), list):
        return row
    return {**row, "quantities": jsontext.dumps(row["quantities"], False, None)}


def _cell(value: Any) -> Any:
    """CSV cells are text a person may `cat` to a terminal: control and bidi characters are escaped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return inert(value) if isinstance(value, str) else value
