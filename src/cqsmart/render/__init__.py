"""Results to text for people and machines: one renderer class per output format, found by name in
RENDERER_BY_NAME. The only layer that knows Rich; may import `query`, `store`, `model` and `errors`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, NamedTuple, TextIO

from cqsmart.errors import UsageError, echo
from cqsmart.model.factbase import FIELDS_BY_KIND, FactBase
from cqsmart.registry import instantiate

if TYPE_CHECKING:
    from cqsmart.query.result import Result


class Options(NamedTuple):
    fields: tuple[str, ...] | None = None
    lang: str = "en"
    title: str = ""


class Renderer:
    """Writes a Result to a stream; subclasses say whether they are for machines or people."""

    for_machines: ClassVar[bool] = True
    # CSV and TSV cannot escape what the locale cannot encode, so they are always written as UTF-8;
    # JSON escapes it (\\uXXXX), which is still UTF-8, and tables follow the terminal.
    always_utf8: ClassVar[bool] = False

    def columns(self, kind: str, fields: tuple[str, ...] | None) -> tuple[str, ...]:
        """The fields asked for: contract names (label) or the flattened names of CSV headers (label_en)."""
        if fields is None and self.for_machines:
            return FIELDS_BY_KIND[kind]
        from cqsmart.render.cells import DEFAULT_COLUMNS, DISPLAY_ONLY  # table code, loaded only when used

        accepted = FIELDS_BY_KIND[kind] + (() if self.for_machines else DISPLAY_ONLY)
        if fields is None:
            return DEFAULT_COLUMNS[kind]
        flat = flat_names(kind)
        unknown = [name for name in fields if name not in accepted and name not in flat]
        if unknown:
            raise UsageError(
                f"unknown field {echo(unknown[0])} for {kind} rows; fields: {','.join(accepted)}; "
                f"or flattened as in CSV headers: {','.join(flat)}"
            )
        return fields

    def render(self, result: Result, base: FactBase, options: Options, stream: TextIO) -> None:
        raise NotImplementedError


# Fields holding an object, and the parts CSV flattens them into (label → label_zh, label_en).
NESTED_PARTS: dict[str, tuple[str, ...]] = {
    "label": ("zh", "en"),
    "label_a": ("zh", "en"),
    "label_b": ("zh", "en"),
    "period": ("start", "end", "basis"),
    "source": ("id", "quote"),
    "publisher": ("zh", "en"),
    "reporter": ("zh", "en"),
    "photographer": ("zh", "en"),
    "interviewee": ("name_zh", "name_en", "role_zh", "role_en"),
    "claim": ("stated", "unit", "bound", "verdict"),
}


def flat_names(kind: str) -> tuple[str, ...]:
    """The flattened column names of a kind's nested fields, in contract order."""
    return tuple(f"{name}_{part}" for name in FIELDS_BY_KIND[kind] for part in NESTED_PARTS.get(name, ()))


def split_flat(name: str) -> tuple[str, list[str]]:
    """`label_en` → ("label", ["en"]); `interviewee_name_zh` → ("interviewee", ["name", "zh"]); others unchanged."""
    for parent, parts in NESTED_PARTS.items():
        if name.startswith(parent + "_") and name[len(parent) + 1 :] in parts:
            return parent, name[len(parent) + 1 :].split("_")
    return name, []


def parse_fields(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    fields = tuple(part.strip() for part in text.split(",") if part.strip())
    if not fields:
        raise UsageError("--fields needs field names separated by commas; each command's --help shows an example")
    repeated = next((name for position, name in enumerate(fields) if name in fields[:position]), None)
    if repeated is not None:
        raise UsageError(f"--fields names {echo(repeated)} twice; name each field once")
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
