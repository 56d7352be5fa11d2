"""Shared fixtures: an isolated cache and environment for every test, and a CLI runner."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cqsmart.cli import app

TESTS = Path(__file__).resolve().parent
FACT_BASES = TESTS / "fact_bases"
SMALL = FACT_BASES / "valid" / "small.json"
SOURCE = TESTS.parents[1] / "shared" / "sources" / "chongqing-daily-2021-08-smart-city-interview.txt"


@pytest.fixture(autouse=True)
def isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CQSMART_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("CQSMART_DATA_DIR", str(tmp_path / "data"))  # an empty library, never the user's own
    for name in ("CQSMART_FACTS", "LC_ALL", "LC_MESSAGES", "NO_COLOR", "FORCE_COLOR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setenv("COLUMNS", "120")


Run = Callable[..., Any]


@pytest.fixture
def run() -> Run:
    """Invoke the real CLI in-process; stdout and stderr are kept apart as users see them."""

    def invoke(*args: str, env: dict[str, str] | None = None) -> Any:
        return CliRunner().invoke(app, list(args), env=env)

    return invoke


def interruptible() -> None:
    """For a child process's preexec_fn: Ctrl-C acts as at a terminal, even when the suite was started in
    the background, where the shell makes SIGINT ignored and every child inherits that."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)


def installed_cqsmart() -> list[str]:
    """The installed entry point, as a user runs it; falls back to `python -m cqsmart`."""
    script = Path(sys.executable).parent / "cqsmart"
    return [str(script)] if script.exists() else [sys.executable, "-m", "cqsmart"]


def run_installed(*args: str, cwd: Path, env: dict[str, str] | None = None, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    return subprocess.run(
        [*installed_cqsmart(), *args], cwd=cwd, env=full_env, capture_output=True, text=True, timeout=60, **kwargs
    )


def load_json(text: str) -> Any:
    return json.loads(text)


NO_ANSWER = "cqsmart: no figure in the fact base answers this question\n"
ZH_NO_ANSWER = "cqsmart: 数据库中没有能回答这个问题的数据\n"


def no_answer(question: str) -> str:
    """ask's one line when nothing answers: in the question's language, as an answer would be."""
    return ZH_NO_ANSWER if re.search("[\u3400-\u9fff]", question) else NO_ANSWER


def assert_asked(run: Run, question: str, expected: str | None) -> None:
    """`ask QUESTION --json` puts the expected figure first, or, for None, exits 1 with its one line."""
    result = run("ask", question, "--json")
    if expected is None:
        assert (result.exit_code, result.stdout, result.stderr) == (1, "", no_answer(question))
    else:
        assert (result.exit_code, result.stderr) == (0, ""), result.stderr
        assert json.loads(result.stdout)[0]["id"] == expected


@pytest.fixture
def small_copy(tmp_path: Path) -> Path:
    target = tmp_path / "small.json"
    shutil.copy(SMALL, target)
    return target


@pytest.fixture(scope="module")
def module_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")


@pytest.fixture
def reuse_module_cache(module_cache: Path, monkeypatch: pytest.MonkeyPatch, isolated: None) -> None:
    """One fact-base and index cache for a whole module: a question table runs hundreds of questions."""
    monkeypatch.setenv("CQSMART_CACHE_DIR", str(module_cache))


def renamed(path: Path, prefix: str, target: Path) -> Path:
    """A copy of a base with every id (and every reference to one) prefixed, so it clashes with nothing."""
    records: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))

    def fresh(name: str) -> str:
        return f"{prefix}-{name}"

    for record in records:
        record["id"] = fresh(record["id"])
        if isinstance(record.get("source"), dict):
            record["source"]["id"] = fresh(record["source"]["id"])
        for field in ("figures", "inputs"):
            if record.get(field):
                record[field] = [fresh(name) for name in record[field]]
        if record.get("parent"):
            record["parent"] = fresh(record["parent"])
        if record.get("formula"):
            for name in record.get("inputs") or []:
                record["formula"] = record["formula"].replace("{" + name.removeprefix(prefix + "-") + "}", "{" + name + "}")
    target.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return target
