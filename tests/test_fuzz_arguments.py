"""Any argument vector, from the real vocabulary and junk: exit 0, 1 or 2, and never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import SMALL
from cqsmart.cli import app

JUNK = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)
YEARS = ["2020", "2018", "2021", "1999", "abc", "20", "２０２０", "", "-1"]
OUTPUT = {
    "--format": ["table", "json", "jsonl", "csv", "tsv", "markdown", "xml"],
    "--fields": ["id,label,value", "id", "bogus", ",", "label,period,source", "value_a,trend"],
    "--lang": ["zh", "en", "both", "fr"],
    "--svg": ["out.svg", "missing/out.svg", "."],
}
OUTPUT_FLAGS = ["--json", "--force", "--help"]
WORDS = ["2018", "2020", "1999", "digital-economy-growth", "implied-gdp-growth", "yukangma-users", "nope", "渝康码", "cloud", ""]
# Each command with the options it has (value lists) and its flags; positional words come from WORDS.
VOCABULARY: dict[str, tuple[dict[str, list[str]], list[str], int]] = {
    "stats": (
        {
            "--year": YEARS,
            "--from": YEARS,
            "--to": YEARS,
            "--topic": ["digital-economy", "rankings", "digital", "数字"],
            "--metric": ["digital-economy-growth", "implied-gdp", "nope"],
            "--search": ["渝康码", "health code", "", "[bold]"],
            **OUTPUT,
        },
        ["--derived", *OUTPUT_FLAGS],
        0,
    ),
    "initiatives": ({"--line": ["mechanisms", "mechanism", ""], "--search": ["渝快办", "x"], **OUTPUT}, OUTPUT_FLAGS, 0),
    "targets": ({"--area": ["rules", "areas"], "--search": ["西部", ""], **OUTPUT}, OUTPUT_FLAGS, 0),
    "compare": (OUTPUT, ["--derived", *OUTPUT_FLAGS], 2),
    "show": ({"--format": OUTPUT["--format"], "--lang": OUTPUT["--lang"]}, ["--json", "--help"], 1),
    "search": (OUTPUT, OUTPUT_FLAGS, 1),
    "sources": (OUTPUT, OUTPUT_FLAGS, 0),
    "validate": ({}, ["--help"], 1),
    "verify": ({"--source": ["../shared/sources/chongqing-daily-2021-08-smart-city-interview.txt", "missing.txt", "."]}, [], 0),
    "schema": ({}, ["--help"], 0),
    "export": ({"--to": ["sqlite", "datapackage", "xlsx", "csv", "pdf"]}, ["--force", "--help"], 1),
}
GLOBAL = st.lists(
    st.sampled_from([["--facts", str(SMALL)], ["--facts", "missing.json"], ["--no-cache"], ["--version"]]), max_size=1
)


@st.composite
def argv(draw: st.DrawFn) -> list[str]:
    """A command line: maybe a global option, a command, its options in any order, positionals, junk."""
    command = draw(st.sampled_from(sorted(VOCABULARY)) | JUNK)
    options, flags, positionals = VOCABULARY.get(command, ({}, [], 0))
    pieces: list[list[str]] = [[draw(st.sampled_from(WORDS) | JUNK)] for _ in range(draw(st.integers(0, positionals + 1)))]
    for name in draw(st.lists(st.sampled_from(sorted(options)), max_size=4)) if options else []:
        pieces.append([name, draw(st.sampled_from(options[name]) | JUNK)])
    pieces += [[flag] for flag in draw(st.lists(st.sampled_from(flags), max_size=2))] if flags else []
    pieces = draw(st.permutations(pieces))
    return [*(word for chunk in draw(GLOBAL) for word in chunk), command, *(word for chunk in pieces for word in chunk)]


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(args=argv())
def test_any_arguments_end_cleanly(args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every run exits 0, 1 or 2 without an uncaught exception or a traceback on either stream."""
    monkeypatch.chdir(tmp_path)  # anything an export or a picture writes lands here
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))
    assert "Traceback" not in result.stdout + result.stderr, args
