"""The machine contract: every --json output validates against its published, versioned JSON Schema."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import cqsmart
from conftest import SMALL, SOURCE, TESTS, Run
from cqsmart.model.outputs import CONTRACT_VERSION, OUTPUTS

SCHEMA_DIR = TESTS.parent / "schema"
INVALID = TESTS / "fact_bases" / "invalid"

# Real invocations per output, covering each kind of row it can print (and an empty result).
CALLS: dict[str, list[list[str]]] = {
    "stats": [["stats"], ["stats", "--derived"], ["stats", "--year", "1990"]],
    "initiatives": [["initiatives"], ["initiatives", "--search", "云长"]],
    "targets": [["targets"], ["targets", "--area", "innovation-system"]],
    "sources": [["sources"]],
    "search": [["search", "cloud"], ["search", "渝康码"], ["search", "5000"]],
    "compare": [["compare", "2018", "2020"], ["compare", "digital-economy-growth", "implied-gdp-growth", "--derived"]],
    "show": [
        ["show", "yukangma-users"],
        ["show", "cloud-chief-system"],
        ["show", "five-ten-hundred-thousand-system"],
        ["show", "cqdaily-2021-08-smart-city-interview"],
    ],
    "validate": [["validate"], ["validate", str(INVALID / "duplicate-id.json")], ["validate", str(INVALID / "truncated.json")]],
    "verify": [["verify", "--source", str(SOURCE)], ["--facts", str(SMALL), "verify", "--source", str(SOURCE)]],
    "ask": [
        ["ask", "渝康码有多少项功能?"],
        ["ask", "How fast did the digital economy grow?", "--limit", "3"],
        ["ask", "云长制是什么", "--limit", "2"],  # an initiative, then a figure
    ],
    "audit": [["audit"], ["audit", "share-of-gdp-compounds-2017-2020"]],
    "topics": [["topics"]],
    "metrics": [["metrics"]],
    "cite": [["cite", "yukangma-users"], ["cite", "implied-gdp-growth-2020", "--style", "bibtex"]],
    "extract": [["extract", str(TESTS / "extract_texts" / "briefing.txt")]],
    "library": [["library", "list"]],  # empty here; tests/cli/test_library_command.py validates a full one
}


def validator(name: str) -> jsonschema.protocols.Validator:
    schema = json.loads((SCHEMA_DIR / f"{name}-{OUTPUTS[name].version}.json").read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)  # type: ignore[no-any-return]


def without_required(schema: Any) -> Any:
    """What --fields output must meet: the same property types, any subset of the properties."""
    if isinstance(schema, dict):
        return {key: without_required(value) for key, value in schema.items() if key != "required"}
    if isinstance(schema, list):
        return [without_required(item) for item in schema]
    return schema


def test_every_output_is_exercised() -> None:
    """Each registered output has real calls here, and each has a committed schema file."""
    assert set(CALLS) == set(OUTPUTS)
    published = {path.name for path in SCHEMA_DIR.glob("*-*.json")}
    assert {f"{name}-{output.version}.json" for name, output in OUTPUTS.items()} <= published


@pytest.mark.parametrize("name", list(OUTPUTS))
def test_committed_schema_is_what_the_command_prints(run: Run, name: str) -> None:
    """schema/NAME-VERSION.json is exactly `cqsmart schema --output NAME`, and its $id names its version."""
    result = run("schema", "--output", name)
    assert result.exit_code == 0, result.stderr
    committed = (SCHEMA_DIR / f"{name}-{OUTPUTS[name].version}.json").read_text(encoding="utf-8")
    assert result.stdout == committed, f"regenerate: cqsmart schema --output {name} > schema/{name}-{OUTPUTS[name].version}.json"
    assert json.loads(result.stdout)["$id"].endswith(f"/{name}-{OUTPUTS[name].version}.json")


@pytest.mark.parametrize(("name", "args"), [(name, args) for name, calls in CALLS.items() for args in calls], ids=str)
def test_real_output_validates_against_its_schema(run: Run, name: str, args: list[str]) -> None:
    """The --json output of a real call is valid under the published schema of that output."""
    if str(SOURCE) in args and not SOURCE.exists():
        pytest.skip(f"source text not found at {SOURCE}")
    result = run(*args, "--json")
    assert result.exit_code in (0, 2), result.stderr
    validator(name).validate(json.loads(result.stdout))


@pytest.mark.parametrize("name", ["stats", "targets", "search"])
def test_jsonl_lines_validate_as_items(run: Run, name: str) -> None:
    """Each JSON Lines line is one item of the JSON array's schema."""
    args = CALLS[name][0]
    schema = json.loads((SCHEMA_DIR / f"{name}-{OUTPUTS[name].version}.json").read_text(encoding="utf-8"))
    item = jsonschema.Draft202012Validator({**schema["items"], "$defs": schema["$defs"]})
    lines = run(*args, "--format", "jsonl").stdout.splitlines()
    assert lines
    for line in lines:
        item.validate(json.loads(line))


def test_fields_output_keeps_the_schema_types(run: Run) -> None:
    """--fields rows (nested or flattened names) hold a subset of the properties, with the same types."""
    schema = without_required(json.loads((SCHEMA_DIR / f"targets-{OUTPUTS['targets'].version}.json").read_text(encoding="utf-8")))
    rows = json.loads(run("targets", "--fields", "id,label_en,quantities,source_quote", "--json").stdout)
    jsonschema.Draft202012Validator(schema).validate(rows)
    assert set(rows[0]) == {"id", "label", "quantities", "source"}


def test_a_wrong_output_is_rejected() -> None:
    """The schemas are not vacuous: a row with a renamed field or a wrong type fails."""
    rows = [{"id": "x", "kind": "target", "topic": "t", "area": "rules", "label": {"zh": "甲", "en": "a"}}]
    with pytest.raises(jsonschema.ValidationError):
        validator("targets").validate(rows)
    with pytest.raises(jsonschema.ValidationError):
        validator("verify").validate({"valid": "yes", "source": "s", "checked": 1, "found": 1, "missing": [], "warnings": []})


def test_unknown_output_names_the_known_ones(run: Run) -> None:
    """schema --output with an unknown name is a usage error that lists every output."""
    result = run("schema", "--output", "nope")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"cqsmart: no output named 'nope'; outputs: {', '.join(OUTPUTS)}\n"


def test_plain_schema_is_still_the_fact_base_schema(run: Run) -> None:
    """`cqsmart schema` without --output prints the fact-base file schema, as before."""
    assert run("schema").stdout == (SCHEMA_DIR / "facts.schema.json").read_text(encoding="utf-8")


def test_version_names_the_contract(run: Run) -> None:
    """--version prints the package version and the JSON contract version."""
    assert run("--version").stdout == f"cqsmart {cqsmart.__version__} (JSON contract {CONTRACT_VERSION})\n"


def test_targets_carry_their_quantities(run: Run) -> None:
    """A script reads a target's quantity (at least 5 enterprises) from targets --json alone."""
    rows = {row["id"]: row for row in json.loads(run("targets", "--json").stdout)}
    target = rows["target-listed-unicorn-enterprises"]
    assert target["figures"] == ["planned-listed-unicorn-enterprises"]
    (quantity,) = target["quantities"]
    assert {key: quantity[key] for key in ("id", "value", "unit", "base_value", "qualifier")} == {
        "id": "planned-listed-unicorn-enterprises",
        "value": 5,
        "unit": "家",
        "base_value": 5,
        "qualifier": "at_least",
    }
    assert list(quantity) == ["id", "label", "value", "unit", "base_value", "qualifier", "qualifier_text", "period"]
    for row in rows.values():
        assert [entry["id"] for entry in row["quantities"]] == row["figures"]


def test_quantities_follow_the_fact_base_in_every_output(run: Run, small_copy: Path) -> None:
    """Quantities are read from the linked figures of the base in use, in JSON, CSV and show."""
    data = json.loads(small_copy.read_text(encoding="utf-8"))
    holder = next(record for record in data if record["kind"] in ("initiative", "target") and record["figures"])
    figure = next(record for record in data if record["id"] == holder["figures"][0])
    command = holder["kind"] + "s"
    rows = json.loads(run("--facts", str(small_copy), command, "--json").stdout)
    entry = next(row for row in rows if row["id"] == holder["id"])["quantities"][0]
    assert (entry["id"], entry["value"], entry["unit"], entry["period"]) == (
        figure["id"],
        figure["value"],
        figure["unit"],
        figure["period"],
    )
    shown = json.loads(run("--facts", str(small_copy), "show", holder["id"], "--json").stdout)
    assert shown["record"]["quantities"][0] == entry
    table = list(csv.DictReader(io.StringIO(run("--facts", str(small_copy), command, "--format", "csv").stdout)))
    cell = next(row for row in table if row["id"] == holder["id"])["quantities"]
    assert json.loads(cell)[0] == entry


def test_validate_json_reports_every_problem(run: Run) -> None:
    """validate --json on a broken base: valid false, each problem with file, path and reason; exit 2."""
    path = INVALID / "base-value-mismatch.json"
    result = run("validate", str(path), "--json")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["valid"] is False
    assert report["problems"] == [
        {"file": str(path), "path": "[4]", "reason": "base_value should be 638700000000 (CNY) for 6387亿元"}
    ]
    assert result.stderr == "cqsmart: invalid fact base (1 problem)\n"


def test_verify_json_lists_missing_quotes(run: Run, tmp_path: Path) -> None:
    """verify --json against a text lacking the quotes: valid false, each missing id and quote; exit 2."""
    text = tmp_path / SOURCE.name
    text.write_text("这篇文字不含任何引文。", encoding="utf-8")
    result = run("--facts", str(SMALL), "verify", "--source", str(text), "--json")
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["valid"] is False
    assert report["found"] == 0
    assert len(report["missing"]) == report["checked"] > 0
    assert report["warnings"] and "SHA-256" in report["warnings"][0]
    cited = next(record for record in json.loads(SMALL.read_text(encoding="utf-8")) if isinstance(record.get("source"), dict))
    assert report["missing"][0] == {"id": cited["id"], "quote": cited["source"]["quote"]}


def test_quantities_never_decode_cached_figures(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """stats --json from the cache writes each figure's cached line: adding quantities reads only the kind."""
    from cqsmart.store import lazy

    expected = run("stats", "--json").stdout  # the first run writes the cache
    decoded: list[str] = []
    original = lazy.LazyRecord._decoded

    def counting(record: lazy.LazyRecord) -> dict[str, Any]:
        decoded.append(record._index[0])
        return original(record)

    monkeypatch.setattr(lazy.LazyRecord, "_decoded", counting)
    assert run("stats", "--json").stdout == expected
    assert decoded == []
    assert json.loads(run("targets", "--json").stdout)[0]["quantities"]
    assert decoded  # targets are decoded to add quantities, so the check above can fail
