"""Hostile conditions: odd locales, narrow terminals, Ctrl-C, concurrent cold starts, huge input."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import SMALL, Run, installed_cqsmart, interruptible, run_installed
from synthetic import write_base


@pytest.mark.parametrize(
    "env",
    [{"LANG": "C", "LC_ALL": "C"}, {"PYTHONIOENCODING": "ascii"}, {"LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": "ascii"}],
    ids=["C locale", "ascii stdout", "both"],
)
@pytest.mark.parametrize(
    "args",
    [["stats", "--year", "2020", "--lang", "zh"], ["show", "yukangma-users"], ["stats", "--format", "csv"], ["search", "渝康码"]],
    ids=" ".join,
)
def test_chinese_output_survives_a_poor_locale(tmp_path: Path, env: dict[str, str], args: list[str]) -> None:
    """Under LANG=C or an ASCII stdout, Chinese prints or degrades to visible escapes, exit 0."""
    result = run_installed(*args, cwd=tmp_path, env={**env, "COLUMNS": "100"})
    assert result.returncode == 0, result.stderr
    assert "Error" not in result.stderr and "Traceback" not in result.stderr
    assert (
        "渝康码" in result.stdout
        or "\\u6e1d\\u5eb7\\u7801" in result.stdout
        or "重庆" in result.stdout
        or "\\u91cd\\u5e86" in result.stdout
    )


def test_json_under_ascii_stdout_is_the_same_data(tmp_path: Path) -> None:
    """With an ASCII stdout, JSON uses \\u escapes and parses to exactly the UTF-8 output."""
    plain = run_installed("stats", "--json", cwd=tmp_path)
    ascii_only = run_installed("stats", "--json", cwd=tmp_path, env={"PYTHONIOENCODING": "ascii"})
    assert ascii_only.stdout.isascii()
    assert json.loads(ascii_only.stdout) == json.loads(plain.stdout)


def test_error_message_in_chinese_survives_ascii_stderr(tmp_path: Path) -> None:
    """An error naming a Chinese value is still one readable line under an ASCII stderr."""
    result = run_installed("stats", "--topic", "数字", cwd=tmp_path, env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 2
    assert result.stderr.startswith("cqsmart: unknown topic '\\u6570\\u5b57'")


@pytest.mark.parametrize("width", [40, 60, 80, 200])
@pytest.mark.parametrize(
    "args", [["stats", "--lang", "both"], ["targets"], ["compare", "2018", "2020"], ["show", "yukuaiban-users"]], ids=" ".join
)
def test_tables_fit_any_width_without_losing_values(run: Run, width: int, args: list[str]) -> None:
    """Narrow and wide terminals: no line is wider than the terminal, and values are shown whole."""
    from rich.cells import cell_len

    result = run(*args, env={"COLUMNS": str(width)})
    assert result.exit_code == 0
    assert max(cell_len(line) for line in result.stdout.splitlines()) <= width
    if args[0] == "stats":
        assert "6387亿元" in result.stdout and "18.3%" in result.stdout


def test_ctrl_c_ends_quietly_with_130(tmp_path: Path) -> None:
    """Interrupted while validating a large base or writing its listing: exit 130, nothing on stderr."""
    base = write_base(tmp_path / "big", 60000)
    process = subprocess.Popen(
        [*installed_cqsmart(), "--facts", str(base), "stats", "--json"],
        stdout=subprocess.PIPE,  # not read until the signal is sent: a full pipe holds the run up in its output
        stderr=subprocess.PIPE,
        env={**os.environ, "CQSMART_CACHE_DIR": str(tmp_path / "cache")},
        preexec_fn=interruptible,
    )
    time.sleep(1.5)  # past start-up; validating or writing 28 MB into a pipe nobody reads, whatever the speed
    assert process.poll() is None
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert stderr == b""


def test_concurrent_cold_starts_agree_and_leave_a_valid_cache(tmp_path: Path) -> None:
    """Eight processes on an empty cache all succeed with identical output and one intact entry."""
    cache = tmp_path / "cache"
    env = {**os.environ, "CQSMART_CACHE_DIR": str(cache)}
    processes = [
        subprocess.Popen(
            [*installed_cqsmart(), "stats", "--json", "--derived"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env
        )
        for _ in range(8)
    ]
    outputs = [process.communicate(timeout=120) for process in processes]
    assert [process.returncode for process in processes] == [0] * 8
    assert len({stdout for stdout, _ in outputs}) == 1 and all(stderr == b"" for _, stderr in outputs)
    entries = sorted(path.name for path in cache.iterdir())  # no temporary files left behind
    assert len(entries) in (1, 2) and entries[0].startswith("cqsmart-facts-")
    assert entries[1:] == [name for name in entries[1:] if name.startswith("cqsmart-seen-")]  # what the files' statuses key
    warm = subprocess.run([*installed_cqsmart(), "stats", "--json", "--derived"], capture_output=True, env=env, timeout=60)
    assert warm.stdout == outputs[0][0]


def limit_memory() -> None:
    """Run a child with at most 1.5 GB of address space: bounded memory is a pass, not a timing."""
    resource.setrlimit(resource.RLIMIT_AS, (1536 * 1024 * 1024, 1536 * 1024 * 1024))


def run_bounded(path: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*installed_cqsmart(), "--facts", str(path), "stats"],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=limit_memory,
        env={**os.environ, "CQSMART_CACHE_DIR": str(tmp_path / "cache")},
    )


def test_deeply_nested_arrays_are_refused(tmp_path: Path) -> None:
    """A file of a million nested brackets is one clear error, not a crash."""
    path = tmp_path / "deep.json"
    path.write_text("[" * 1_000_000 + "]" * 1_000_000, encoding="utf-8")
    result = run_bounded(path, tmp_path)
    assert (result.returncode, result.stderr) == (
        2,
        f"cqsmart: invalid fact base (1 problem):\n{path}: $: JSON nested too deeply\n",
    )


def test_a_50_megabyte_string_is_refused_within_bounded_memory(tmp_path: Path) -> None:
    """A 50 MB label is reported as too long, without the label echoed back."""
    records = json.loads(SMALL.read_text(encoding="utf-8"))
    records[1]["label"]["en"] = "x" * 50_000_000
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    result = run_bounded(path, tmp_path)
    assert result.returncode == 2
    assert (
        result.stderr
        == f"cqsmart: invalid fact base (1 problem):\n{path}: [1].label.en: String should have at most 2000 characters\n"
    )


def test_an_oversized_file_is_refused_unread(tmp_path: Path) -> None:
    """A file over the size limit is refused before it is read."""
    path = tmp_path / "sparse.json"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: costs no disk
    result = run_bounded(path, tmp_path)
    assert result.returncode == 2
    assert (
        result.stderr == f"cqsmart: invalid fact base (1 problem):\n{path}: file is 209,715,200 bytes; the limit is 134,217,728\n"
    )


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["--facts", "a\x00b", "stats"], "'--facts'"),
        (["validate", "a\x00b"], "'[PATH]'"),
        (["verify", "--source", "a\x00b"], "'--source'"),
        (["stats", "--svg", "a\x00b"], "'--svg'"),
        (["export", "--to", "sqlite", "a\x00b"], "'PATH'"),
    ],
    ids=["--facts", "validate", "verify", "--svg", "export"],
)
def test_path_with_a_nul_character_is_a_usage_error(run: Run, args: list[str], option: str) -> None:
    """Every path the user names is checked: a NUL character is one line and exit 2, not a crash."""
    result = run(*args)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"cqsmart: Invalid value for {option}: a path cannot contain a NUL character")


def test_unknown_user_in_a_path_is_taken_literally(run: Run) -> None:
    """`~nosuchuser/x` is not expanded (as in a shell): the path does not exist, one line, exit 2."""
    result = run("validate", "~nosuchuser0/facts.json")
    assert (result.exit_code, result.stderr) == (
        2,
        "cqsmart: invalid fact base (1 problem):\n~nosuchuser0/facts.json: no such file or folder\n",
    )
