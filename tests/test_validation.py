"""Validation of fact bases: every broken example is refused with its exact, located messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import FACT_BASES, Run

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
    records[2]["label"] = {"zh": "x"}
    records[6]["figures"] = ["nowhere"]
    broken = tmp_path / "three.json"
    broken.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    result = run("--facts", str(broken), "stats")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == "cqsmart: invalid fact base (3 problems):"
    assert f"{broken}: [2].label.en: Field required" in result.stderr.splitlines()
    assert f"{broken}: [6].figures[0]: refers to unknown id 'nowhere'" in result.stderr.splitlines()


def test_missing_path_is_reported(run: Run, tmp_path: Path) -> None:
    """A path that does not exist is one clear line, exit 2."""
    result = run("--facts", str(tmp_path / "nope.json"), "stats")
    assert result.exit_code == 2
    assert result.stderr == f"cqsmart: invalid fact base (1 problem):\n{tmp_path / 'nope.json'}: no such file or folder\n"
