"""Text in a fact file is data: markup, escape sequences and bidi overrides reach the terminal inert."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SMALL, Run

MARKUP = "[bold red]Growth[/bold red] [link=https://evil.example]click[/link]"
ANSI = "\x1b[31mRED\x1b[0m\x1b[2J"
OSC = "\x1b]8;;https://evil.example\x07osc link\x1b]8;;\x07"
CARRIAGE = "visible\roverwritten"
BIDI = "abc\u202etxt.exe"
DANGEROUS = ("\x1b", "\x07", "\r", "\u202e")


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    records = json.loads(SMALL.read_text(encoding="utf-8"))
    growth = records[1]
    growth["label"] = {"zh": f"增速{BIDI}", "en": f"{MARKUP} {ANSI}"}
    growth["note"] = f"{OSC} {CARRIAGE}"
    growth["source"]["quote"] = f"分别增长13.7%{ANSI}"
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [
        ["stats", "--lang", "both"],
        ["stats", "--lang", "both", "--fields", "id,label,source,note"],
        ["stats", "--format", "markdown", "--fields", "label,source,note", "--lang", "both"],
        ["stats", "--format", "csv"],
        ["stats", "--format", "tsv"],
        ["show", "growth-2018", "--lang", "both"],
        ["show", "growth-2018", "--format", "markdown"],
        ["search", "growth"],
        ["initiatives"],
    ],
    ids=" ".join,
)
def test_human_and_csv_output_never_carries_control_sequences(run: Run, hostile: Path, args: list[str]) -> None:
    """Tables, Markdown, CSV and `show` print escapes visibly, never raw."""
    result = run("--facts", str(hostile), *args)
    assert result.exit_code == 0, result.stderr
    for character in DANGEROUS:
        assert character not in result.stdout, repr(character)


def test_markup_is_shown_literally(run: Run, hostile: Path) -> None:
    """Rich markup in a label is printed as written, not styled or linked."""
    text = run("--facts", str(hostile), "stats", "--format", "markdown", "--fields", "label").stdout
    assert "[bold red]Growth[/bold red] [link=https://evil.example]click[/link]" in text
    assert "\\\\x1b[31mRED" in text  # a visible \x1b, its backslash escaped for Markdown


def test_escapes_are_visible_in_show(run: Run, hostile: Path) -> None:
    """`show` renders each hostile character as a visible escape."""
    text = run("--facts", str(hostile), "show", "growth-2018", "--lang", "both").stdout
    assert "\\u202e" in text and "\\x1b]8;;" in text and "\\r" in text and "\\x07" in text


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_json_escapes_them_and_keeps_the_data(run: Run, hostile: Path, fmt: str) -> None:
    """JSON escapes control and bidi characters, and parsing gives back the exact text."""
    result = run("--facts", str(hostile), "stats", "--format", fmt)
    for character in DANGEROUS:
        assert character not in result.stdout
    first = json.loads(result.stdout.splitlines()[0] if fmt == "jsonl" else result.stdout)
    first = first if fmt == "jsonl" else first[0]
    assert first["label"] == {"zh": f"增速{BIDI}", "en": f"{MARKUP} {ANSI}"}
    assert first["note"] == f"{OSC} {CARRIAGE}"


def test_error_messages_quote_hostile_input_inert(run: Run, tmp_path: Path) -> None:
    """A hostile value named in an error (an id, a tag) is escaped on stderr too."""
    records = json.loads(SMALL.read_text(encoding="utf-8"))
    records.append({"id": "x", "kind": f"figure{ANSI}"})
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    result = run("--facts", str(path), "stats")
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr and "\\x1b[31m" in result.stderr
    unknown = run("--facts", str(SMALL), "stats", "--topic", f"x{ANSI}")
    assert unknown.exit_code == 2 and "\x1b" not in unknown.stderr
