"""Reliability round 2: each reproduction of issue 13 now ends in the right result or one line of error."""

from __future__ import annotations

import copy
import json
import os
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import SMALL, Run, installed_cqsmart, interruptible, run_installed
from cqsmart.store.cache import Cache, content_key
from cqsmart.store.load import load
from cqsmart.store.locate import read_fact_files

SMALL_RECORDS: list[dict[str, Any]] = json.loads(SMALL.read_text(encoding="utf-8"))


def small_with(change: dict[str, Any], record_id: str = "growth-2018") -> list[dict[str, Any]]:
    """The small base with one record's fields changed."""
    records = copy.deepcopy(SMALL_RECORDS)
    next(record for record in records if record["id"] == record_id).update(change)
    return records


def write(path: Path, records: list[dict[str, Any]] | str) -> Path:
    path.write_text(records if isinstance(records, str) else json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


def one_line(stderr: str) -> None:
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr


# 1. The cache key and the cached records come from the same bytes.


def test_cache_entry_never_holds_other_content_than_its_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cold loads while the file is swapped between two versions leave only entries that match their key."""
    live = tmp_path / "live.json"
    versions = {"a": json.dumps(small_with({"note": "version a"})), "b": json.dumps(small_with({"note": "version b"}))}
    keys = {}
    for name, text in versions.items():
        write(tmp_path / f"{name}.json", text)
        (tmp_path / name).mkdir()
        keys[content_key(read_fact_files(write(tmp_path / name / "live.json", text), name))] = name
    write(live, versions["a"])
    stop = threading.Event()

    def swap() -> None:
        while not stop.is_set():
            for name in versions:
                os.replace(tmp_path / f"{name}.json", tmp_path / "next.json")
                os.link(tmp_path / "next.json", tmp_path / f"{name}.json")
                os.replace(tmp_path / "next.json", live)

    swapper = threading.Thread(target=swap)
    swapper.start()
    try:
        for attempt in range(40):
            monkeypatch.setenv("CQSMART_CACHE_DIR", str(tmp_path / f"cache-{attempt}"))
            load(str(live))
    finally:
        stop.set()
        swapper.join()
    checked = 0
    for attempt in range(40):
        for entry in (tmp_path / f"cache-{attempt}").glob("cqsmart-facts-*.sqlite"):
            key = entry.name.removeprefix("cqsmart-facts-").removesuffix(".sqlite")
            cached = Cache(entry.parent).read(key, 1 << 30)
            assert cached is not None
            assert any(f"version {keys[key]}".encode() in text for (text,) in cached.execute("SELECT json FROM texts"))
            checked += 1
    assert checked == 40


def test_invalid_version_is_never_served_from_the_cache(run: Run, tmp_path: Path) -> None:
    """A file that was invalid when its entry would have been written is refused once it is stable."""
    invalid = write(tmp_path / "facts.json", small_with({"value": "thirteen"}))
    first = run("--facts", str(invalid), "stats")
    write(invalid, SMALL_RECORDS)
    assert run("--facts", str(invalid), "stats", "--json").exit_code == 0
    write(invalid, small_with({"value": "thirteen"}))
    again = run("--facts", str(invalid), "stats")
    assert first.exit_code == again.exit_code == 2
    assert again.stderr.splitlines()[1].endswith("[1].value: should be a number, not a string")


# 2. Only regular files are read as fact files.


def test_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    """A FIFO named as the base, or as figures.json in a folder, is one line and exit 2 at once."""
    fifo = tmp_path / "facts.json"
    os.mkfifo(fifo)
    result = run_installed("--facts", str(fifo), "stats", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.endswith(f"{fifo}: is a FIFO (named pipe), not a regular file\n")


def test_verify_refuses_a_fifo_as_its_source(run: Run, tmp_path: Path) -> None:
    """`verify --source FIFO` says what the path is instead of waiting for a writer."""
    fifo = tmp_path / "source.txt"
    os.mkfifo(fifo)
    result = run("verify", "--source", str(fifo))
    assert (result.exit_code, result.stderr) == (
        2,
        f"cqsmart: --source {fifo}: is a FIFO (named pipe), not a regular file\n",
    )


def test_a_link_to_a_device_in_a_folder_is_refused(tmp_path: Path) -> None:
    """figures.json linking to /dev/zero is refused before any read, not read until memory runs out."""
    folder = tmp_path / "base"
    folder.mkdir()
    for name in ("sources.json", "initiatives.json", "targets.json"):
        write(folder / name, "[]")
    (folder / "figures.json").symlink_to("/dev/zero")
    result = run_installed("--facts", str(folder), "stats", cwd=tmp_path)
    assert result.returncode == 2
    assert "figures.json: is a device, not a regular file" in result.stderr
    one_line(result.stderr)


def test_sockets_loops_and_dangling_links_each_say_what_they_are(run: Run, tmp_path: Path) -> None:
    """Each kind of unusable path has its own message."""
    loop_a, loop_b, dangling = tmp_path / "loop-a", tmp_path / "loop-b", tmp_path / "dangling"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    dangling.symlink_to(tmp_path / "nowhere.json")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock"))
    try:
        expected = {
            loop_a: "a symbolic link that loops back on itself",
            dangling: f"a symbolic link to {tmp_path / 'nowhere.json'}, which does not exist",
            tmp_path / "sock": "is a socket, not a regular file",
            tmp_path / "absent.json": "no such file or folder",
        }
        for path, reason in expected.items():
            result = run("--facts", str(path), "stats")
            assert (result.exit_code, result.stderr.splitlines()[1]) == (2, f"{path}: {reason}")
    finally:
        server.close()


# 3. --force replaces only a regular file or an earlier export's folder.


def test_force_refuses_fifos_sockets_and_links(run: Run, tmp_path: Path) -> None:
    """A FIFO, a socket and a symbolic link are never replaced by an export, even with --force."""
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "link").symlink_to(os.devnull)
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock"))
    try:
        for name, what in (("pipe", "FIFO (named pipe)"), ("link", "symbolic link"), ("sock", "socket")):
            result = run("export", "--to", "sqlite", str(tmp_path / name), "--force")
            assert (result.exit_code, result.stderr) == (2, f"cqsmart: {tmp_path / name} is a {what}; not replacing it\n")
    finally:
        server.close()
    assert (tmp_path / "link").is_symlink() and Path(os.devnull).is_char_device()


# 4. Numbers beyond what a base can hold, and write errors, are one line each.


BEYOND = "is beyond what a fact base can hold (integers up to 9223372036854775807)"


@pytest.mark.parametrize(
    ("field", "digits"), [("value", "9" * 5000), ("base_value", "1" + "0" * 30)], ids=["5000 digits", "10^30"]
)
def test_integers_beyond_64_bits_are_validation_errors(run: Run, tmp_path: Path, field: str, digits: str) -> None:
    """An integer no consumer can hold is reported at its JSON path, not as a traceback or at export."""
    records = small_with({field: "PLACEHOLDER"})
    index = next(position for position, record in enumerate(records) if record["id"] == "growth-2018")
    base = write(tmp_path / "big.json", json.dumps(records).replace('"PLACEHOLDER"', digits))
    result = run("--facts", str(base), "validate")
    assert result.exit_code == 2
    assert f"{base}: [{index}].{field}: {BEYOND}" in result.stderr.splitlines()


@pytest.mark.parametrize(
    ("formula", "reason"),
    [
        ("{growth-2018} * 1" + "0" * 400, "formula overflows: a number in it is too large"),
        ("{growth-2018} * 1e308 * 10 - {growth-2018} * 1e308 * 10", "formula gives no finite number"),
    ],
    ids=["400-digit constant", "NaN"],
)
def test_formulas_that_overflow_or_give_nan_are_validation_errors(run: Run, tmp_path: Path, formula: str, reason: str) -> None:
    """A derived figure whose formula overflows or is not a number fails validation, whatever its value."""
    records = copy.deepcopy(SMALL_RECORDS)
    derived = next(record for record in records if record.get("derived"))
    derived.update({"formula": formula, "inputs": ["growth-2018"]})
    base = write(tmp_path / "formula.json", records)
    result = run("--facts", str(base), "validate")
    index = records.index(derived)
    assert (result.exit_code, result.stderr.splitlines()[1:]) == (2, [f"{base}: [{index}].formula: {reason}"])


@pytest.mark.parametrize("fmt", ["sqlite", "xlsx", "datapackage", "csv"])
def test_export_past_a_file_size_limit_is_one_line(tmp_path: Path, fmt: str) -> None:
    """Under `ulimit -f`, every export fails with one line naming the path, exit 2, and leaves nothing."""
    out = tmp_path / "out"
    out.mkdir()
    target = out / f"out.{fmt}"

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    result = subprocess.run(
        [*installed_cqsmart(), "export", "--to", fmt, str(target)], cwd=tmp_path, capture_output=True, text=True, preexec_fn=limit
    )
    assert result.returncode == 2
    assert result.stderr.startswith(f"cqsmart: cannot write {target}: ") and result.stderr.count("\n") == 1, result.stderr
    assert sorted(path.name for path in out.iterdir()) == []


# 5 and 6. Closed, full and vanished stdout.


def run_with_closed_stdout(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*installed_cqsmart(), *args], cwd=cwd, stderr=subprocess.PIPE, text=True, preexec_fn=lambda: os.close(1), timeout=60
    )


def test_closed_stdout_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """`cqsmart stats --json >&-` says stdout is closed, instead of an AttributeError traceback."""
    result = run_with_closed_stdout("stats", "--json", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, "cqsmart: cannot write results to stdout: stdout is closed\n")


def test_export_needs_no_stdout(tmp_path: Path) -> None:
    """`export … >&-` writes its file and succeeds: it has no results for stdout."""
    result = run_with_closed_stdout("export", "--to", "csv", "out.csv", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out.csv").stat().st_size > 0


def test_full_stdout_is_one_line_and_exit_2(tmp_path: Path) -> None:
    """`stats --json > /dev/full` says the disk is full, exit 2, nothing 'ignored'."""
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [*installed_cqsmart(), "stats", "--json"], stdout=full, stderr=subprocess.PIPE, text=True, timeout=60
        )
    assert (result.returncode, result.stderr) == (2, "cqsmart: cannot write results to stdout: No space left on device\n")


@pytest.mark.parametrize(
    "args", [["validate"], ["--version"], ["schema"], ["stats", "--json"], ["show", "yukangma-users"]], ids=" ".join
)
def test_closed_pipe_is_141_and_silent_on_every_command(tmp_path: Path, args: list[str]) -> None:
    """`cqsmart … | true`: the reader is gone before anything is written; exit 141, empty stderr."""
    reader, writer = os.pipe()
    os.close(reader)
    try:
        result = subprocess.run([*installed_cqsmart(), *args], stdout=writer, stderr=subprocess.PIPE, text=True, timeout=60)
    finally:
        os.close(writer)
    assert (result.returncode, result.stderr) == (141, "")


# 7 and 12. The cache touches only its own files, and cleans up what killed writers left.


def test_cache_pruning_never_deletes_the_users_files(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache folder shared with the user's facts-1.json … facts-20.json keeps every one of them."""
    folder = tmp_path / "shared-cache"
    folder.mkdir()
    mine = [write(folder / f"facts-{number}.json", SMALL_RECORDS) for number in range(1, 21)]
    monkeypatch.setenv("CQSMART_CACHE_DIR", str(folder))
    for number in range(18):
        assert (
            run("--facts", str(write(tmp_path / f"base-{number}.json", small_with({"note": str(number)}))), "stats").exit_code
            == 0
        )
    assert all(path.exists() for path in mine)
    assert len(list(folder.glob("cqsmart-facts-*.sqlite"))) == 16


def test_stale_temporary_cache_files_are_removed(run: Run, tmp_path: Path) -> None:
    """A temporary entry older than an hour (its writer was killed) goes; a fresh one may be in use and stays."""
    cache = tmp_path / "cache"
    cache.mkdir()
    stale, fresh = cache / f".cqsmart-facts-{'a' * 128}.json.x1y2.tmp", cache / f".cqsmart-facts-{'b' * 128}.json.z3.tmp"
    for path in (stale, fresh):
        path.write_bytes(b"partial")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    assert run("--facts", str(SMALL), "stats").exit_code == 0
    assert (stale.exists(), fresh.exists()) == (False, True)


# 8. Exclusive creation without --force.


@pytest.mark.parametrize("fmt", ["csv", "datapackage"])
def test_concurrent_exports_to_one_new_path_have_exactly_one_winner(tmp_path: Path, fmt: str) -> None:
    """Eight exports started together to one new path: one writes it, seven are told it exists."""
    target = tmp_path / "out"
    processes = [
        subprocess.Popen([*installed_cqsmart(), "export", "--to", fmt, str(target)], stderr=subprocess.PIPE, text=True)
        for _ in range(8)
    ]
    outcomes = sorted((process.wait(60), process.stderr.read() if process.stderr else "") for process in processes)
    assert [code for code, _ in outcomes] == [0] + [2] * 7
    assert all(message == f"cqsmart: {target} exists; use --force to replace it\n" for _, message in outcomes[1:])


# 9 is covered by the NaN formula above. 10. A forced data package keeps folders it did not make.


def test_forced_datapackage_keeps_an_unrelated_old_folder(run: Run, tmp_path: Path) -> None:
    """A user's `.pkg.old` folder beside the package survives `export --force`."""
    folder = tmp_path / "out"
    folder.mkdir()
    package = folder / "pkg"
    assert run("export", "--to", "datapackage", str(package)).exit_code == 0
    keep = folder / ".pkg.old"
    keep.mkdir()
    (keep / "notes.txt").write_text("mine", encoding="utf-8")
    assert run("export", "--to", "datapackage", str(package), "--force").exit_code == 0
    assert (keep / "notes.txt").read_text(encoding="utf-8") == "mine"
    assert sorted(path.name for path in folder.iterdir()) == [".pkg.old", "pkg"]


# 11. Ctrl-C from the moment the package is imported.


def test_ctrl_c_while_the_cli_imports_is_130_without_traceback(tmp_path: Path) -> None:
    """An interrupt that lands after `import cqsmart` but before the CLI runs ends with 130 and no traceback."""
    probe = "import os, signal, cqsmart; os.kill(os.getpid(), signal.SIGINT); import cqsmart.cli"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, cwd=tmp_path, preexec_fn=interruptible
    )
    assert (result.returncode, result.stderr.strip()) == (130, "")


def test_ctrl_c_during_a_run_is_130_without_traceback(tmp_path: Path) -> None:
    """SIGINT sent to a running query ends it quietly with 130. The signal is sent once the first
    byte of output has arrived (so the run is past start-up, whatever the machine's speed), while
    the rest of a listing larger than a pipe holds it up."""
    from synthetic import write_base

    base = write_base(tmp_path / "base", 2000)
    env = {**os.environ, "CQSMART_CACHE_DIR": str(tmp_path / "cache")}
    command = [*installed_cqsmart(), "--facts", str(base), "stats", "--json"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, preexec_fn=interruptible)
    assert process.stdout is not None and process.stdout.read(1) == b"["
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    assert (process.returncode, stderr) == (130, b"")


# 12. Smaller things.


@pytest.mark.parametrize("year", ["２０２０", "2020年", "2020"])
def test_years_are_read_alike_everywhere(run: Run, year: str) -> None:
    """Fullwidth digits and 年 are accepted by --year as they are by compare."""
    by_option = run("stats", "--year", year, "--json")
    assert by_option.exit_code == 0 and '"digital-economy-scale-2020"' in by_option.stdout
    assert run("compare", "2018", year, "--json").exit_code == 0


def test_csv_on_stdout_is_utf8_under_a_gb18030_locale(tmp_path: Path) -> None:
    """Machine formats are UTF-8 whatever the locale: CSV and TSV bytes decode as UTF-8 with the Chinese intact."""
    for fmt in ("csv", "tsv"):
        result = subprocess.run(
            [*installed_cqsmart(), "search", "渝康码", "--format", fmt],
            capture_output=True,
            env={**os.environ, "PYTHONIOENCODING": "gb18030"},
            timeout=60,
        )
        assert result.returncode == 0
        assert "渝康码" in result.stdout.decode("utf-8")


def test_a_file_target_ending_in_a_slash_is_refused(run: Run, tmp_path: Path) -> None:
    """`export --to csv ts.csv/` names a folder: refused, and no ts.csv is written."""
    result = run("export", "--to", "csv", f"{tmp_path}/ts.csv/")
    assert result.exit_code == 2
    assert "ends with '/', so it names a folder; give a file name" in result.stderr
    assert not (tmp_path / "ts.csv").exists()


def test_the_search_index_is_kept_under_the_caches_own_names(run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`ask` keeps its full-text index as cqsmart-figures-<hex>.sqlite, and a user's index-1.marshal beside it survives."""
    folder = tmp_path / "shared-cache"
    folder.mkdir()
    mine = folder / "index-1.marshal"
    mine.write_bytes(b"mine")
    monkeypatch.setenv("CQSMART_CACHE_DIR", str(folder))
    for _ in range(2):  # the second run reads the index the first one kept
        assert run("ask", "渝康码有多少项功能?", "--json").exit_code == 0
    kept = sorted(path.name.split("-")[1] for path in folder.glob("cqsmart-*"))
    assert set(kept) <= {"facts", "figures", "seen"} and {"facts", "figures"} <= set(kept) and mine.read_bytes() == b"mine"
