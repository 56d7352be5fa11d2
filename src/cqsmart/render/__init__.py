"""Results to text for people and machines: one renderer class per output format, found by name in
RENDERER_BY_NAME. The only layer that knows Rich; may import `query`, `store`, `model` and `errors`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, TextIO

from cqsmart.errors import UsageError
from cqsmart.model.factbase import FIELDS_BY_KIND, FactBase
from cqsmart.registry import instantiate
from cqsmart.render.cells import DEFAULT_COLUMNS, DISPLAY_ONLY

if TYPE_CHECKING:
    from cqsmart.query.result import Result


@dataclass(frozen=True)
class Options:
    fields: tuple[str, ...] | None = None
    lang: str = "en"
    title: str = ""


class Renderer:
    """Writes a Result to a stream; subclasses say whether they are for machines or people."""

    for_machines: ClassVar[bool] = True

    def columns(self, kind: str, fields: tuple[str, ...] | None) -> tuple[str, ...]:
        accepted = FIELDS_BY_KIND[kind] + (() if self.for_machines else DISPLAY_ONLY)
        if fields is None:
            return FIELDS_BY_KIND[kind] if self.for_machines else DEFAULT_COLUMNS[kind]
        unknown = [name for name in fields if name not in accepted]
        if unknown:
            raise UsageError(f"unknown field {unknown[0]!r} for {kind} rows; fields: {','.join(accepted)}")
        return fields

    def render(self, result: Result, base: FactBase, options: Options, stream: TextIO) -> None:
        raise NotImplementedError


def parse_fields(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    fields = tuple(part.strip() for part in text.split(",") if part.strip())
    if not fields:
        raise UsageError("--fields needs field names separated by commas; each command's --help shows an example")
    return fields


# Format name → the module and class that render it; a new format is one class and one entry here.
# Named rather than imported, so a JSON query never loads the table code (nor Rich).
RENDERER_BY_NAME: dict[str, tuple[str, str]] = {
    "table": ("cqsmart.render.human", "TableRenderer"),
    "json": ("cqsmart.render.machine", "JsonRenderer"),
    "jsonl": ("cqsmart.render.machine", "JsonLinesRenderer"),
    "csv": ("cqsmart.render.machine", "CsvRenderer"),
    "tsv": ("cqsmart.render.machine", "TsvRenderer"),
    "markdown": ("cqsmart.render.human", "MarkdownRenderer"),
}


def renderer_for(name: str) -> Renderer:
    return instantiate(RENDERER_BY_NAME, name, "format", Renderer)
