"""Reliability round 3 (issue 20): each medium and low reproduction ends in the right result or one line."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import SMALL, Run, installed_cqsmart
from cqsmart.render.plain import inert


def test_an_empty_facts_option_is_refused_not_read_as_the_bundled_base(run: Run) -> None:
    result = run("--facts", "", "stats")
    assert (result.exit_code, result.stdout, result.stderr) == (
        2,
        "",
        "cqsmart: --facts is empty; give a fact-base JSON file or folder\n",
    )


def test_an_empty_facts_variable_is_refused_not_read_as_the_bundled_base(run: Run) -> None:
    result = run("stats", env={"CQSMART_FACTS": ""})
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "cqsmart: CQSMART_FACTS is set but empty; unset it for the bundled base, or set it to a fact-base file or folder\n"
    )


@pytest.mark.parametrize("args", [["stats", "--year", "2020"], ["show", "growth-2018"], ["audit"], ["compare", "2018", "2020"]])
def test_columns_of_zero_draws_the_usual_80_column_table(run: Run, args: list[str]) -> None:
    result = run("--facts", str(SMALL), *args, env={"COLUMNS": "0"})
    assert result.stdout.strip()
    assert max(len(line) for line in result.stdout.splitlines()) <= 80


def test_line_and_paragraph_separators_are_shown_escaped() -> None:
    assert inert("a\u2028b\u2029c") == "a\\u2028b\\u2029c"


def test_a_byte_that_is_not_utf8_in_an_argument_is_shown_as_that_byte(tmp_path: Path) -> None:
    result = subprocess.run(
        [*installed_cqsmart(), "stats", "--year", b"20\xff".decode("utf-8", "surrogateescape")],
        capture_output=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert result.returncode == 2
    assert b"'20\\xff'" in result.stderr and b"udcff" not in result.stderr, result.stderr


@pytest.mark.parametrize("command", ["verify --source", "extract"])
def test_a_folder_given_as_a_text_is_called_a_folder(run: Run, tmp_path: Path, command: str) -> None:
    (*words,) = command.split()
    result = run(*words, str(tmp_path))
    assert result.exit_code == 2
    assert "is a folder, not a regular file" in result.stderr and "device" not in result.stderr


@pytest.mark.parametrize("command", ["show", "search"])
def test_a_long_argument_is_echoed_shortened_with_its_length(run: Run, command: str) -> None:
    result = run("--facts", str(SMALL), command, "x" * 120_000)
    assert result.exit_code == 1 if command == "show" else result.exit_code == 0
    assert f"'{'x' * 80}…' (120,000 characters)" in result.stderr
    assert len(result.stderr) < 1000


def test_show_never_wraps_a_line_inside_a_visible_escape(run: Run, tmp_path: Path) -> None:
    records = json.loads(SMALL.read_text(encoding="utf-8"))
    next(record for record in records if record["id"] == "growth-2018")["note"] = "x" * 50 + "\u202eRLO" + "y" * 40 + "\u2028z"
    facts = tmp_path / "escapes.json"
    facts.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    result = run("--facts", str(facts), "show", "growth-2018", env={"COLUMNS": "80"})
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert any(line.endswith("x" * 10) for line in lines), result.stdout  # the escape did not fit on the first line
    assert any("\\u202eRLO" in line for line in lines) and any("\\u2028z" in line for line in lines), result.stdout


def test_a_long_question_that_asks_nothing_is_echoed_shortened(run: Run) -> None:
    result = run("ask", "的" * 120_000)
    assert result.exit_code == 2
    assert f"'{'的' * 80}…' (120,000 characters)" in result.stderr and len(result.stderr) < 1000
