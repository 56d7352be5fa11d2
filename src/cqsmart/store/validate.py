"""Parsed JSON documents to validated records, with every problem located by file and JSON path."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter, ValidationError

from cqsmart.model.factbase import JsonRecord
from cqsmart.model.integrity import Located, Problem, check_base, json_path
from cqsmart.model.records import KINDS, Record
from cqsmart.store.locate import FILE_BY_KIND

_RECORD: TypeAdapter[Record] = TypeAdapter(Record)


def validate_documents(documents: list[tuple[str, str | None, Any]]) -> tuple[list[JsonRecord], list[Problem]]:
    """Each document is (file name, the kind its folder file must hold or None, parsed JSON)."""
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
                located.append(Located(_RECORD.validate_python(item), name, index))
            except ValidationError as error:
                problems.extend(_problems(name, index, error))
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    invalid_ids.add(item["id"])
    problems.extend(check_base(located, invalid_ids))
    order = {kind: position for position, kind in enumerate(FILE_BY_KIND)}
    located.sort(key=lambda item: order[item.record.kind])
    return [item.record.model_dump(mode="json") for item in located], problems


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
