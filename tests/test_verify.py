"""`cqsmart verify`: quotes checked against a source text, with its checksum."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SMALL, SOURCE, Run

needs_source = pytest.mark.skipif(not SOURCE.exists(), reason=f"source text not found at {SOURCE}")


@needs_source
def test_changed_source_warns_about_its_checksum(run: Run, tmp_path: Path) -> None:
    """A copy with an extra line still holds every quote, but its SHA-256 differs: warn, exit 0."""
    copy = tmp_path / SOURCE.name
    copy.write_text(SOURCE.read_text(encoding="utf-8") + "\n附注。\n", encoding="utf-8")
    result = run("verify", "--source", str(copy))
    assert result.exit_code == 0
    assert result.stderr.startswith(f"cqsmart: warning: {copy} has SHA-256 ")
    assert "but source 'cqdaily-2021-08-smart-city-interview' records 33bf968e" in result.stderr


@needs_source
def test_missing_quotes_are_listed_and_fail(run: Run, tmp_path: Path) -> None:
    """A quote that is not in the text is listed with its record id; exit 2."""
    records = json.loads(SMALL.read_text(encoding="utf-8"))
    records[1]["source"]["quote"] = "分别增长13.7%以上"
    base = tmp_path / "base.json"
    base.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    result = run("--facts", str(base), "verify", "--source", str(SOURCE))
    assert result.exit_code == 2
    assert result.stdout.splitlines() == ["not found: growth-2018: '分别增长13.7%以上'", f"5 of 6 quotes found in {SOURCE}"]


def test_unreadable_source_is_a_usage_error(run: Run, tmp_path: Path) -> None:
    """A --source that cannot be read exits 2 with one line."""
    result = run("verify", "--source", str(tmp_path / "absent.txt"))
    assert result.exit_code == 2
    assert result.stderr == f"cqsmart: --source {tmp_path / 'absent.txt'}: no such file or folder\n"
