"""Fact files to validated records, with every problem located by file and JSON path.

A valid base takes the fast path: each file (a large one a few megabytes at a time) is parsed and
validated by pydantic-core against the schema of `shapes`, wholly in Rust, then `rules` run over
the plain records, and each record is serialised by Rust to its JSON line. Any problem sends the base
down the careful path, which validates record by record against the models, so that every problem
is reported with its JSON path, not just the first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from pydantic_core import SchemaValidator, ValidationError, to_json

from cqsmart.model import jsontext
from cqsmart.model.factbase import JsonRecord
from cqsmart.model.integrity import Located, Problem, check_base, json_path
from cqsmart.model.jsontext import escape_invisible
from cqsmart.model.rules import alias_problem, check_problem, figure_problem, period_problem, source_problem
from cqsmart.model.shapes import RECORDS
from cqsmart.model.units import unit_base
from cqsmart.model.vocabulary import KINDS, UNIT_BASE
from cqsmart.store.lazy import index_row
from cqsmart.store.locate import FILE_BY_KIND, FactFile

_SHAPES = SchemaValidator(RECORDS)
_MULTIPLIER_BY_UNIT = {unit.value: multiplier for unit, multiplier in UNIT_BASE.items()}
_BOM = b"\xef\xbb\xbf"
# Large files are validated a piece of about this size at a time: Pydantic parses a whole document
# into a tree of its own before validating it, which for a 50 MB file would double peak memory.
PIECE_BYTES = 4 * 1024 * 1024
_BETWEEN_OBJECTS = re.compile(rb"\}\s*,\s*\{")


def validate_quickly(files: list[FactFile]) -> tuple[list[JsonRecord], list[Problem], bool] | None:
    """The records (plain JSON data, in file-kind order) and cross-record problems of a base whose
    every record is valid on its own, and whether any text of them may need escape_invisible; or
    None when any record is not valid (or might not be)."""
    located: list[Located] = []
    escape = False
    for item in files:
        content = item.content.removeprefix(_BOM)
        escape |= jsontext.may_hold_invisible(content)
        records = records_if_valid(content)
        if records is None or (item.kind is not None and any(record["kind"] != item.kind for record in records)):
            return None
        located.extend(Located(record, item.name, index) for index, record in enumerate(records))
    problems = check_base(located)
    order = {kind: position for position, kind in enumerate(FILE_BY_KIND)}
    return [item.record for item in sorted(located, key=lambda item: order[item.record["kind"]])], problems, escape


def records_if_valid(content: bytes) -> list[dict[str, Any]] | None:
    """The records of one file's JSON array if each is valid on its own, else None (the careful
    path then says why)."""
    return _valid(array_pieces(content))


def _valid(pieces: Iterable[bytes]) -> list[dict[str, Any]] | None:
    records: list[dict[str, Any]] = []
    try:
        for piece in pieces:
            records.extend(_SHAPES.validate_json(piece))
    except ValidationError:
        return None
    return records if all(map(_rules_hold, records)) else None


def _line(record: JsonRecord, escape: bool) -> bytes:
    """Validated plain data, its fields already in its kind's order: Pydantic's plain serialiser writes
    it as the kind's own would, without a schema to build or a union of kinds to choose in."""
    line = to_json(record)
    return escape_invisible(line.decode()).encode() if escape else line


def array_pieces(content: bytes, size: int | None = None) -> Iterator[bytes]:
    """A JSON array of objects as JSON arrays of a few of its objects each, cut between two of them.

    A cut is found by its text alone (`}` `,` `{`), so it may fall inside a string or a nested object;
    then the piece before it is not valid JSON (its last string or object is left open), validation
    fails and the caller validates the careful way. A set of pieces that all validate was therefore
    cut only between the array's own elements, and holds exactly its records.
    """
    size = size or PIECE_BYTES
    start = 0
    while len(content) - start > size:
        cut = _BETWEEN_OBJECTS.search(content, start + size)
        if cut is None:
            break
        piece = content[start : cut.start() + 1]
        yield piece + b"]" if start == 0 else b"[" + piece + b"]"
        start = cut.end() - 1
    yield content if start == 0 else b"[" + content[start:]


def _rules_hold(record: dict[str, Any]) -> bool:
    """What the shapes leave to Python: `rules`, and units outside the enumeration."""
    kind = record["kind"]
    if kind == "figure":
        period, unit = record["period"], record["unit"]
        multiplier = _MULTIPLIER_BY_UNIT.get(unit) if unit is not None else None
        if unit is not None and multiplier is None and unit_base(unit) is None:
            return False
        return period_problem(period["start"], period["end"], period["basis"]) is None and (
            figure_problem(record, multiplier) is None
        )
    if kind == "check":
        return check_problem(record["relation"], record["terms"], record["expected"]) is None
    if kind == "alias":
        return alias_problem(record["terms"]["zh"], record["terms"]["en"]) is None
    if kind == "source":
        return source_problem(record) is None
    return True


def encode(records: list[JsonRecord], escape: bool = True) -> tuple[list[list[Any]], list[bytes]]:
    """Each record's index row and JSON line (UTF-8), serialised in Rust; the records are let go as
    they are encoded (the list is emptied), which bounds peak memory. `escape=False` where no text
    of the records can hold a character that `escape_invisible` escapes."""
    index: list[list[Any]] = []
    lines: list[bytes] = []
    for position, record in enumerate(records):
        index.append(index_row(record))
        lines.append(_line(record, escape))
        records[position] = None  # type: ignore[call-overload]
    records.clear()
    return index, lines


def validate_documents(documents: list[tuple[str, str | None, Any]]) -> tuple[list[JsonRecord], list[Problem]]:
    """Each document is (file name, the kind its folder file must hold or None, parsed JSON)."""
    from cqsmart.model.records import RECORD_ADAPTER  # the models: built only when a base has problems

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
                model = RECORD_ADAPTER.validate_python(item)
                located.append(Located(model.model_dump(mode="json"), name, index))
            except ValidationError as error:
                problems.extend(_problems(name, index, error))
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    invalid_ids.add(item["id"])
    problems.extend(check_base(located, invalid_ids))
    order = {kind: position for position, kind in enumerate(FILE_BY_KIND)}
    located.sort(key=lambda item: order[item.record["kind"]])
    return [item.record for item in located], problems


def missing_english(records: Iterable[JsonRecord]) -> list[str]:
    """Where a base has a name in Chinese only, as `id: json.path.en` (a label, publisher, person …)."""
    found: list[str] = []

    def walk(value: Any, path: str, record_id: str) -> None:
        if isinstance(value, list):
            for position, part in enumerate(value):
                walk(part, f"{path}[{position}]", record_id)
        elif isinstance(value, dict):
            if isinstance(value.get("zh"), str) and not value.get("en"):
                found.append(f"{record_id}: {path}.en")
            for key, part in value.items():
                walk(part, f"{path}.{key}" if path else key, record_id)

    for record in records:
        walk({key: part for key, part in record.items() if key != "id"}, "", str(record.get("id")))
    return found


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
