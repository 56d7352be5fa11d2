"""Help and version: every command documents itself with examples that really run."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

import cqsmart
from conftest import Run

COMMANDS = [
    "stats",
    "initiatives",
    "targets",
    "compare",
    "show",
    "search",
    "sources",
    "topics",
    "metrics",
    "cite",
    "validate",
    "verify",
    "schema",
    "export",
]


def help_examples(run: Run, command: str) -> list[str]:
    text = run(command, "--help", env={"COLUMNS": "200"}).stdout
    return re.findall(r"^\s+(cqsmart .+)$", text, re.MULTILINE)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_help_has_examples(run: Run, command: str) -> None:
    """Each command's --help shows at least one example of itself."""
    examples = help_examples(run, command)
    assert examples, command
    assert all(example.split()[1] == command for example in examples)


@pytest.mark.parametrize("command", COMMANDS)
def test_help_examples_run(run: Run, command: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Each help example succeeds as written (up to a pipe or redirection)."""
    from conftest import SOURCE, TESTS

    # Examples use paths relative to the checkout; exports write theirs somewhere disposable.
    monkeypatch.chdir(tmp_path if command == "export" else TESTS.parent)
    for example in help_examples(run, command):
        words = shlex.split(re.split(r"\s[|>]\s", example)[0])[1:]
        if command == "verify" and not SOURCE.exists():
            pytest.skip("source text not available")
        if words[:2] == ["validate", "my-facts/"]:
            words = ["validate", "tests/fact_bases/valid/folder"]  # an illustrative path
        result = run(*words)
        assert result.exit_code == 0, (example, result.stderr)


def test_version(run: Run) -> None:
    """--version prints the package version."""
    assert run("--version").stdout.startswith(f"cqsmart {cqsmart.__version__} ")


def test_no_arguments_shows_help(run: Run) -> None:
    """Bare `cqsmart` shows the help on stderr, exit 2 (it did nothing)."""
    result = run()
    assert result.exit_code == 2
    assert "Commands:" in result.stderr and result.stdout == ""


def test_unknown_command_is_one_line(run: Run) -> None:
    """A mistyped command exits 2 with one line."""
    result = run("stat")
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("cqsmart: No such command 'stat'")


FIELDS_COMMANDS = {
    "stats": [],
    "initiatives": [],
    "targets": [],
    "compare": ["2018", "2020"],
    "search": ["渝康码"],
    "sources": [],
    "topics": [],
    "metrics": [],
}


@pytest.mark.parametrize("command", sorted(FIELDS_COMMANDS))
@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_every_fields_hint_runs(run: Run, command: str, fmt: str) -> None:
    """The --fields example in each command's help is accepted by that command, in every format."""
    text = " ".join(run(command, "--help", env={"COLUMNS": "200"}).stdout.split())
    hint = re.search(r"--fields A,B,… Columns to show, e\.g\. ([\w,]+)\.", text)
    assert hint, command
    result = run(command, *FIELDS_COMMANDS[command], "--fields", hint.group(1), "--format", fmt)
    notes = [line for line in result.stderr.splitlines() if not line.startswith("cqsmart: note: ")]  # e.g. a failing check
    assert (result.exit_code, notes) == (0, []), (command, hint.group(1))


def test_short_version(run: Run) -> None:
    """-V is --version."""
    assert run("-V").stdout == run("--version").stdout
    assert run("-V").stdout.startswith(f"cqsmart {cqsmart.__version__} (JSON contract ")
