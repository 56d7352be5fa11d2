"""Any argument vector, from the real vocabulary and junk: exit 0, 1 or 2, and never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from conftest import SMALL
from cqsmart.cli import app

COMMANDS = ["stats", "initiatives", "targets", "compare", "show", "search", "sources", "validate", "verify", "schema", "export"]
VALUE_OPTIONS = {
    "--year": ["2020", "2018", "1999", "abc", "20", "２０２０", ""],
    "--from": ["2017", "2021", "x"],
    "--to": ["2019", "2100", "-1", "sqlite", "datapackage", "xlsx", "csv", "pdf"],  # a year for stats, a format for export
    "--topic": ["digital-economy", "rankings", "digital", "数字"],
    "--metric": ["digital-economy-growth", "implied-gdp-growth", "nope"],
    "--search": ["渝康码", "health code", "cloud", "", "[bold]"],
    "--line": ["mechanisms", "elements", "mechanism"],
    "--area": ["rules", "innovation-system", "areas"],
    "--format": ["table", "json", "jsonl", "csv", "tsv", "markdown", "xml"],
    "-f": ["json", "csv"],
    "--fields": ["id,label,value", "id", "bogus", ",", "label,period,source"],
    "--lang": ["zh", "en", "both", "fr"],
    "--source": ["../shared/sources/chongqing-daily-2021-08-smart-city-interview.txt", "missing.txt", "."],
    "--facts": [str(SMALL), "missing.json", str(SMALL.parent / "folder"), "."],
}
FLAGS = ["--json", "--derived", "--no-cache", "--help", "--version", "--force"]
WORDS = ["2018", "2020", "digital-economy-growth", "implied-gdp-growth", "yukangma-users", "nope", "渝康码", "out.sqlite"]
JUNK = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12)

option_pairs = st.sampled_from(sorted(VALUE_OPTIONS)).flatmap(
    lambda name: st.tuples(st.just(name), st.sampled_from(VALUE_OPTIONS[name]) | JUNK)
)
piece = st.one_of(
    option_pairs.map(list),
    st.sampled_from(FLAGS).map(lambda flag: [flag]),
    st.sampled_from(WORDS).map(lambda word: [word]),
    JUNK.map(lambda junk: [junk]),
)
argv = st.tuples(st.sampled_from([*COMMANDS, "--facts"]) | JUNK, st.lists(piece, max_size=5)).map(
    lambda parts: [parts[0], *(word for chunk in parts[1] for word in chunk)]
)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(args=argv)
def test_any_arguments_end_cleanly(args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every run exits 0, 1 or 2 without an uncaught exception or a traceback on either stream."""
    monkeypatch.chdir(tmp_path)  # anything an export writes lands here
    result = CliRunner().invoke(app, args)
    assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.stderr)
    assert result.exception is None or isinstance(result.exception, SystemExit), (args, repr(result.exception))
    assert "Traceback" not in result.stdout + result.stderr, args
