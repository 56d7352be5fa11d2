"""The installed `cqsmart` as a user runs it: from any folder, on a terminal, into a pipe."""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest

import cqsmart
from conftest import installed_cqsmart, run_installed
from cqsmart.store.locate import bundled_facts_dir
from synthetic import write_base

CHECKOUT = Path(__file__).resolve().parents[1]
ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


def on_terminal(*args: str, env: dict[str, str]) -> str:
    """Run with stdout on a pseudo-terminal, as in an interactive shell."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen([*installed_cqsmart(), *args], stdout=terminal, stderr=subprocess.PIPE, env={**os.environ, **env})
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(controller)
    return b"".join(chunks).decode("utf-8")


def test_bundled_facts_ship_inside_the_installed_package(tmp_path: Path) -> None:
    """Run from an unrelated folder, the installed tool finds its fact base."""
    result = run_installed("stats", "--year", "2020", "--json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "digital-economy-scale-2020" in [record["id"] for record in json.loads(result.stdout)]


@pytest.mark.skipif(
    Path(cqsmart.__file__).resolve().is_relative_to(CHECKOUT / "src"), reason="editable install: facts are read from the checkout"
)
def test_non_editable_install_reads_facts_from_the_package() -> None:
    """In a plain `pip install .` the facts are package data, not the checkout's folder."""
    assert bundled_facts_dir().resolve().is_relative_to(Path(cqsmart.__file__).resolve().parent)


def test_python_dash_m_works(tmp_path: Path) -> None:
    """`python -m cqsmart` is the same program."""
    result = subprocess.run(
        [sys.executable, "-m", "cqsmart", "--version"], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert (result.returncode, result.stdout.split(" (")[0]) == (0, f"cqsmart {cqsmart.__version__}")


def test_help_lists_every_command_with_a_summary(tmp_path: Path) -> None:
    """--help names each command with its one-line summary."""
    result = run_installed("--help", cwd=tmp_path, env={"COLUMNS": "80"})
    commands = re.findall(r"^  (\w+)\s{2,}(\S.*)$", result.stdout, re.MULTILINE)
    assert [name for name, _ in commands] == [
        "stats", "initiatives", "targets", "compare", "show", "search", "sources", "topics", "metrics", "cite", "ask",
        "validate", "verify", "schema", "export", "audit", "extract", "library",
    ]  # fmt: skip
    assert all(not summary.endswith("...") for _, summary in commands)


def test_colour_only_on_a_terminal(tmp_path: Path) -> None:
    """A table has colour on a terminal, none in a pipe, and none on a terminal with NO_COLOR."""
    env = {"COLUMNS": "100", "CQSMART_CACHE_DIR": str(tmp_path)}
    coloured = on_terminal("stats", "--year", "2020", env=env)
    assert "\x1b[36m" in coloured  # values in cyan
    assert "\x1b[36m" not in on_terminal("stats", "--year", "2020", env={**env, "NO_COLOR": "1"})
    piped = run_installed("stats", "--year", "2020", cwd=tmp_path, env=env)
    assert not ESCAPE.search(piped.stdout)
    assert "638.7 billion yuan" in piped.stdout


def test_tables_fit_80_columns_with_chinese_labels(tmp_path: Path) -> None:
    """At 80 columns every table line fits, counting Chinese characters as two cells."""
    from rich.cells import cell_len

    for args in (["stats", "--lang", "zh"], ["stats", "--lang", "both"], ["targets"], ["compare", "2018", "2020"]):
        result = run_installed(*args, cwd=tmp_path, env={"COLUMNS": "80"})
        assert result.returncode == 0, result.stderr
        assert max(cell_len(line) for line in result.stdout.splitlines()) <= 80, args


@pytest.mark.parametrize("unbuffered", ["", "1"], ids=["buffered", "PYTHONUNBUFFERED"])
@pytest.mark.parametrize("fmt", ["json", "table"])
def test_closed_pipe_ends_quietly(tmp_path: Path, fmt: str, unbuffered: str) -> None:
    """`cqsmart stats --json | head -c 10`: no traceback, no error message, whatever the format.

    The output (thousands of figures) is far larger than a pipe's buffer, so the write really fails.
    """
    base = write_base(tmp_path / "big", 5000)
    process = subprocess.Popen(
        [*installed_cqsmart(), "--facts", str(base), "stats", "--format", fmt],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env={**os.environ, "CQSMART_CACHE_DIR": str(tmp_path / "cache"), "PYTHONUNBUFFERED": unbuffered},
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(10)
    process.stdout.close()
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=60) == 141
    assert stderr == ""
