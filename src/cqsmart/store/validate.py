"""Fact files to validated records, with every problem located by file and JSON path.

A valid base takes the fast path: each file is parsed and validated by Pydantic in one call on its
bytes (the parsing happens in Rust), and each record is serialised straight to its JSON line, so no
plain-data copy of the base is ever built. Any problem sends the base down the careful
path, which validates record by record so that every problem is reported, not just the first.
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter, ValidationError

from cqsmart.model.factbase import JsonRecord
from cqsmart.model.integrity import Located, Problem, check_base, json_path
from cqsmart.model.jsontext import escape_invisible
from cqsmart.model.records import KINDS, RECORDS_ADAPTER, Record
from cqsmart.store.locate import FILE_BY_KIND, FactFile

_RECORD: TypeAdapter[Record] = TypeAdapter(Record)
_BOM = b"\xef\xbb\xbf"


def validate_quickly(files: list[FactFile]) -> tuple[list[Record], list[Problem]] | None:
    """The records (in file-kind order) and cross-record problems of a base whose every record is
    valid on its own, or None when any is not."""
    located: list[Located] = []
    for item in files:
        try:
            records = RECORDS_ADAPTER.validate_json(item.content.removeprefix(_BOM))
        except ValidationError:
            return None
        if item.kind is not None and any(record.kind != item.kind for record in records):
            return None
        located.extend(Located(record, item.name, index) for index, record in enumerate(records))
    problems = check_base(located)
    order = {kind: position for position, kind in enumerate(FILE_BY_KIND)}
    return [item.record for item in sorted(located, key=lambda item: order[item.record.kind])], problems


def encode(models: list[Record]) -> tuple[list[list[Any]], list[str]]:
    """Each record's index row and JSON line, serialised by Pydantic in Rust; the models are let go
    as they are encoded (the list is emptied), which bounds peak memory."""
    index: list[list[Any]] = []
    lines: list[str] = []
    for position, model in enumerate(models):
        index.append(model_index_row(model))
        lines.append(escape_invisible(model.__pydantic_serializer__.to_json(model).decode()))
        models[position] = None  # type: ignore[call-overload]
    models.clear()
    return index, lines


def model_index_row(model: Record) -> list[Any]:
    """`index_row` of the model's JSON form, read from its attributes without dumping it."""
    fields = model.__dict__
    period = fields.get("period")
    line, area = fields.get("line"), fields.get("area")
    return [  # the order of INDEX_FIELDS; only basis, line and area are enumerations
        fields["id"],
        fields["kind"],
        fields.get("derived"),
        fields.get("topic"),
        fields.get("metric"),
        *((period.start, period.end, period.basis.value) if period is not None else (None, None, None)),
        line.value if line is not None else None,
        area.value if area is not None else None,
    ]


DRAFT_LABEL_EN = "(draft: English label to be written)"


def validate_documents(
    documents: list[tuple[str, str | None, Any]], draft: bool = False
) -> tuple[list[JsonRecord], list[Problem]]:
    """Each document is (file name, the kind its folder file must hold or None, parsed JSON).

    A draft (from `extract`) may lack English labels: they are filled with a placeholder before the
    records are checked, so that everything else still must hold; without `draft` each is an error.
    """
    located: list[Located] = []
    problems: list[Problem] = []
    invalid_ids: set[str] = set()
    for name, kind, data in documents:
        if not isinstance(data, list):
            problems.append(Problem(name, "$", f"expected a JSON array of records, found {_json_type(data)}"))
            continue
        for index, item in enumerate(data):
            if kind is not None and isinstance(item, dict) and item.get("kind") != kind:
                problems.append(Problem(name, f"[{index}].kind", f"{FILE_BY_KIND[kind]} holds only {kind!r} records"))
                if isinstance(item.get("id"), str):
                    invalid_ids.add(item["id"])
                continue
            try:
                located.append(Located(_RECORD.validate_python(_with_english(item) if draft else item), name, index))
            except ValidationError as error:
                problems.extend(_problems(name, index, error))
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    invalid_ids.add(item["id"])
    problems.extend(check_base(located, invalid_ids))
    order = {kind: position for position, kind in enumerate(FILE_BY_KIND)}
    located.sort(key=lambda item: order[item.record.kind])
    return [item.record.model_dump(mode="json") for item in located], problems


def _with_english(item: Any) -> Any:
    """A copy in which every label-like object with Chinese and no English has the draft placeholder."""
    if isinstance(item, list):
        return [_with_english(part) for part in item]
    if not isinstance(item, dict):
        return item
    copy = {key: _with_english(value) for key, value in item.items()}
    if isinstance(copy.get("zh"), str) and "en" not in copy:
        copy["en"] = DRAFT_LABEL_EN
    return copy


def _problems(name: str, index: int, error: ValidationError) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        location = list(detail["loc"])
        if location and location[0] in KINDS:  # the discriminated union names the tag first
            location = location[1:]
        message = detail["msg"].removeprefix("Value error, ")
        problems.append(Problem(name, json_path([index, *location]), message))
    return problems


def _json_type(data: Any) -> str:
    names = {dict: "an object", str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    return "null" if data is None else names.get(type(data), type(data).__name__)
