"""Validation of fact bases: every broken example is refused with its exact, located messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FACT_BASES, SOURCE, Run

INVALID = FACT_BASES / "invalid"
EXPECTED: dict[str, list[str]] = json.loads((INVALID / "expected.json").read_text(encoding="utf-8"))
VALID = sorted(path for path in (FACT_BASES / "valid").iterdir())


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_fact_base_is_refused_with_located_messages(run: Run, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each broken base exits 2 and prints every expected `file: path: reason` line, and nothing else."""
    monkeypatch.chdir(INVALID)
    result = run("--facts", name, "validate")
    assert result.exit_code == 2
    header, *problems = result.stderr.splitlines()
    assert header.startswith("cqsmart: invalid fact base (")
    assert problems == EXPECTED[name]
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_every_invalid_example_has_expectations() -> None:
    """No example file sits in the corpus without the messages it must produce."""
    present = {path.name for path in INVALID.iterdir() if path.name != "expected.json"}
    assert present == set(EXPECTED)


@pytest.mark.parametrize("path", VALID, ids=lambda path: path.name)
def test_valid_fact_base_is_accepted(run: Run, path: Path) -> None:
    """Valid files and folders, including one saved with a UTF-8 BOM, validate and load."""
    result = run("validate", str(path))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == f"valid: 8 records: 5 figures, 1 initiative, 1 target, 1 source (1 of the figures derived) ({path})\n"


def test_all_problems_are_reported_at_once(run: Run, tmp_path: Path) -> None:
    """Three independent faults give three lines, not just the first."""
    records = json.loads((FACT_BASES / "valid" / "small.json").read_text(encoding="utf-8"))
    records[1]["unit"] = "percent"
    records[2]["label"] = {"en": "x"}  # a name needs its Chinese; English is optional
    records[6]["figures"] = ["nowhere"]
    broken = tmp_path / "three.json"
    broken.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    result = run("--facts", str(broken), "stats")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "cqsmart: invalid fact base (3 problems):"
    assert f"{broken}: [2].label.zh: Field required" in result.stderr.splitlines()
    assert f"{broken}: [6].figures[0]: refers to unknown id 'nowhere'" in result.stderr.splitlines()


def test_missing_path_is_reported(run: Run, tmp_path: Path) -> None:
    """A path that does not exist is one clear line, exit 2."""
    result = run("--facts", str(tmp_path / "nope.json"), "stats")
    assert result.exit_code == 2
    assert result.stderr == f"cqsmart: invalid fact base (1 problem):\n{tmp_path / 'nope.json'}: no such file or folder\n"


@pytest.mark.skipif(not SOURCE.exists(), reason=f"source text not found at {SOURCE}")
@pytest.mark.parametrize(
    ("note", "exit_code"),
    [
        (None, 2),
        ("Ambiguous, but nothing said about repeats.", 2),
        ("The quote occurs twice in the source: here and in a heading.", 0),
    ],
)
def test_verify_rejects_a_repeated_quote_unless_its_note_says_why(
    run: Run, tmp_path: Path, note: str | None, exit_code: int
) -> None:
    """A quote found at two places in the source is not a unique span: exit 2, unless the note explains it."""
    text = tmp_path / "source.txt"
    text.write_text(SOURCE.read_text(encoding="utf-8") + "\n分别增长13.7%\n", encoding="utf-8")
    records = json.loads((FACT_BASES / "valid" / "small.json").read_text(encoding="utf-8"))
    records[1]["note"] = note
    base = tmp_path / "base.json"
    base.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    result = run("--facts", str(base), "verify", "--source", str(text))
    assert result.exit_code == exit_code
    repeated = (
        "not unique: growth-2018: '分别增长13.7%' occurs 2 times in the source;"
        " quote a longer span that occurs once, or say in the note why it occurs more than once\n"
    )
    cited = sum(1 for record in records if isinstance(record.get("source"), dict))
    found = f"{cited} of {cited} quotes found in {text}\n"
    assert result.stdout == (repeated + found if exit_code else found)
