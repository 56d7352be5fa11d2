"""The fast path (shapes in Rust, rules over plain data) never accepts what the models refuse, and
gives exactly the records the models give."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from conftest import FACT_BASES, Run
from cqsmart.model import jsontext
from cqsmart.model.records import RECORDS_ADAPTER, Alias, Check, Figure, Initiative, Source, Target
from cqsmart.model.shapes import SHAPE_BY_KIND
from cqsmart.store.load import parse_json
from cqsmart.store.locate import FactFile, bundled_facts_dir, read_fact_files
from cqsmart.store.validate import array_pieces, records_if_valid, validate_documents, validate_quickly

MODEL_BY_KIND = {"figure": Figure, "initiative": Initiative, "target": Target, "source": Source, "check": Check, "alias": Alias}
BUNDLED = sorted(bundled_facts_dir().glob("*.json"))


@pytest.mark.parametrize("kind", sorted(MODEL_BY_KIND))
def test_each_shape_has_the_models_fields_in_order(kind: str) -> None:
    """A shape names the model's fields in the model's order, and requires the same ones."""
    model, fields = MODEL_BY_KIND[kind], SHAPE_BY_KIND[kind]["fields"]
    assert list(fields) == list(model.model_fields)
    required = {name for name, field in fields.items() if field.get("required", True)}
    assert required == {name for name, field in model.model_fields.items() if field.is_required()}


@pytest.mark.parametrize("path", BUNDLED, ids=lambda path: path.name)
def test_the_bundled_base_validates_the_same_both_ways(path: Path) -> None:
    """Every bundled file gives the same plain records from the shapes as from the models."""
    fast = records_if_valid(path.read_bytes())
    assert fast is not None
    assert fast == [model.model_dump(mode="json") for model in RECORDS_ADAPTER.validate_json(path.read_bytes())]


def careful(record: Any) -> list[Any] | None:
    """The models' verdict on one record alone: its plain form, or None if it has any problem."""
    parsed = parse_json(FactFile("x.json", None, jsontext.dumps([record]).encode()))
    try:
        return [model.model_dump(mode="json") for model in RECORDS_ADAPTER.validate_python(parsed)]
    except ValidationError:
        return None


def fast(record: Any) -> list[Any] | None:
    return records_if_valid(jsontext.dumps([record]).encode())


# Values that break one rule or another: wrong types, limits, lengths, the empty and the absent.
REPLACEMENTS: list[Any] = [
    None,
    "",
    " ",
    "x" * 2001,
    "Not A Slug",
    0,
    -1,
    1.5,
    2**63,
    -(2**63),
    True,
    [],
    {},
    {"zh": "中文"},
    "2020",
    2020,
    1948,
    "exact",
    "万吨",
    "percent",
    "decrease",
    ["a"],
]
DELETE = object()


def paths(record: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path in a record, nested ones included."""
    found = []
    for key, value in record.items():
        found.append((*prefix, key))
        if isinstance(value, dict):
            found.extend(paths(value, (*prefix, key)))
    return found


def mutated(record: Any, path: tuple[Any, ...], value: Any) -> Any:
    copied = copy.deepcopy(record)
    holder = copied
    for key in path[:-1]:
        holder = holder[key]
    if value is DELETE:
        del holder[path[-1]]
    else:
        holder[path[-1]] = value
    return copied


def representatives() -> list[Any]:
    """One record of each kind and form from the bundled base: a qualified, a derived and a valueless
    figure, an initiative with a parent, a target with a deadline, the source, a check, an alias."""
    records = [record for path in BUNDLED for record in json.loads(path.read_text(encoding="utf-8"))]
    chosen = {}
    for record in records:
        kind = record["kind"]
        if kind == "figure":
            kind += "-derived" if record.get("derived") else "-novalue" if record.get("value") is None else ""
            kind += "-qualified" if record.get("qualifier_text") else ""
        if kind == "initiative" and record.get("parent"):
            kind += "-child"
        chosen.setdefault(kind, record)
    return list(chosen.values())


@pytest.mark.parametrize("record", representatives(), ids=lambda record: record["id"])
def test_no_mutation_is_accepted_by_the_fast_path_alone(record: Any) -> None:
    """Each field of the record, nested ones too, replaced by each of many values or deleted, or an
    unknown field added: whatever the fast path accepts, the models accept, as the same record."""
    cases = [mutated(record, path, value) for path in paths(record) for value in [*REPLACEMENTS, DELETE]]
    cases += [{**record, "extra": 1}]
    disagreements = []
    for case in cases:
        quick = fast(case)
        if quick is not None and quick != careful(case):
            disagreements.append(case)
    assert disagreements == []


def test_a_large_file_is_validated_in_pieces_with_the_same_records(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cut into pieces of a few hundred bytes, the bundled figures give the same records as whole."""
    content = (bundled_facts_dir() / "figures.json").read_bytes()
    whole = records_if_valid(content)
    monkeypatch.setattr("cqsmart.store.validate.PIECE_BYTES", 300)
    assert len(list(array_pieces(content))) > 20
    assert records_if_valid(content) == whole


def test_a_cut_inside_a_string_or_a_nested_object_never_changes_the_records(monkeypatch: pytest.MonkeyPatch) -> None:
    """Text that looks like a boundary between records (`},{` in a quote, a note, an object inside a
    record) is cut at too when pieces are tiny: the fast path then gives up or gives the same records."""
    records = json.loads((FACT_BASES / "valid" / "small.json").read_text(encoding="utf-8"))
    for record in records:
        record["note"] = 'ends with }, {"kind": "figure"} and } , { too'
    records[0]["label"]["en"] = "a label with },{ inside"
    content = json.dumps(records, ensure_ascii=False, indent=1).encode()
    monkeypatch.setattr("cqsmart.store.validate.PIECE_BYTES", 1)
    item = FactFile("tricky.json", None, content)
    quick = validate_quickly([item])
    expected = validate_documents([("tricky.json", None, parse_json(item))])
    assert quick is None or quick[:2] == expected
    assert expected[1] == []


def test_the_fast_path_gives_up_on_a_file_that_is_not_one_array(monkeypatch: pytest.MonkeyPatch) -> None:
    """An object whose text happens to hold `},{` is not mistaken for an array cut into pieces."""
    monkeypatch.setattr("cqsmart.store.validate.PIECE_BYTES", 1)
    assert records_if_valid(b'{"a": [{"kind": "alias"}, {"kind": "alias"}]}') is None


def test_invisible_characters_are_found_from_the_bytes_exactly() -> None:
    """may_hold_invisible says yes for a document with any character that escape_invisible escapes,
    raw or \\u-escaped, and no for every other character."""
    wrong = []
    for code in range(0x20, 0x30000):
        if 0xD800 <= code < 0xE000 or chr(code) in '"\\':
            continue
        char = chr(code)
        if jsontext.may_hold_invisible(f'"{char}"'.encode()) != (jsontext.escape_invisible(char) != char):
            wrong.append(hex(code))
    assert wrong == []
    assert jsontext.may_hold_invisible(b'"\\u202e"')


def test_a_base_with_a_bidi_override_is_escaped_in_json(run: Run, tmp_path: Path) -> None:
    """A valid base that takes the fast path still writes terminal-acting characters escaped."""
    records = json.loads((FACT_BASES / "valid" / "small.json").read_text(encoding="utf-8"))
    records[1]["label"]["en"] = "evil \u202e label"
    path = tmp_path / "bidi.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    assert read_fact_files(path, str(path))
    result = run("--facts", str(path), "stats", "--json")
    assert result.exit_code == 0, result.stderr
    assert "\u202e" not in result.stdout
    assert "evil \\u202e label" in result.stdout


PROBLEMS = ["duplicate-id.json", "quote-without-number.json", "derived-value-wrong.json", "unknown-unit.json"]


@pytest.mark.parametrize("name", PROBLEMS)
def test_a_problem_in_a_base_cut_in_pieces_is_reported_as_ever(run: Run, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whichever piece holds it, a problem gives the same located messages and exit 2."""
    monkeypatch.setattr("cqsmart.store.validate.PIECE_BYTES", 2000)
    invalid = FACT_BASES / "invalid"
    expected = json.loads((invalid / "expected.json").read_text(encoding="utf-8"))[name]
    monkeypatch.chdir(invalid)
    result = run("--facts", name, "validate")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == expected
