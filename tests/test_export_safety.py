"""Exports are safe to open and safe to run: no live formulas, no foreign folder replaced, no
temporaries left by a signal, nothing a terminal would obey, every message on one line."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import time
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import Run, installed_cqsmart
from cqsmart.cli import app
from cqsmart.store.locate import bundled_facts_dir
from synthetic import write_base

HYPERLINK = '=HYPERLINK("http://evil.example","点击")'
# Label and note texts a spreadsheet would act on, by figure position in figures.json.
HOSTILE = [
    ({"zh": HYPERLINK, "en": "=1+1"}, "=A1*2"),
    ({"zh": "+86 23 6388 0000", "en": "-minus"}, "@SUM(A1:A2)"),
    ({"zh": "\t制表符开头", "en": "\rcarriage return"}, "plain note"),
    ({"zh": "退格\b与\x1b]8;;http://evil.example\x07链接\x1b]8;;\x07", "en": "red \x1b[31malert\x1b[0m"}, "bell\x07"),
]


def hostile_base(folder: Path) -> Path:
    """The bundled base with the texts above in its first figures' labels and notes."""
    folder.mkdir()
    for path in bundled_facts_dir().glob("*.json"):
        (folder / path.name).write_bytes(path.read_bytes())
    figures = json.loads((folder / "figures.json").read_text(encoding="utf-8"))
    for figure, (label, note) in zip(figures, HOSTILE, strict=False):
        figure["label"], figure["note"] = label, note
    (folder / "figures.json").write_text(json.dumps(figures, ensure_ascii=False), encoding="utf-8")
    return folder


def test_xlsx_stores_formula_like_text_as_strings_and_escapes_control_characters(run: Run, tmp_path: Path) -> None:
    """No cell of the workbook is a formula, and a label with C0 controls is written, escaped."""
    openpyxl = pytest.importorskip("openpyxl")
    base = hostile_base(tmp_path / "base")
    target = tmp_path / "facts.xlsx"
    result = run("--facts", str(base), "export", "--to", "xlsx", str(target))
    assert result.exit_code == 0, result.stderr
    with zipfile.ZipFile(target) as archive:
        sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
        assert sheets
        assert not any(b"<f>" in archive.read(name) or b"<f " in archive.read(name) for name in sheets)
    figures = openpyxl.load_workbook(target)["figures"]
    header = [cell.value for cell in figures[1]]
    rows = [dict(zip(header, (cell.value for cell in row), strict=True)) for row in figures.iter_rows(min_row=2)]
    assert (rows[0]["label_zh"], rows[0]["label_en"], rows[0]["note"]) == (HYPERLINK, "=1+1", "=A1*2")
    assert all(figures.cell(2, column).data_type == "s" for column in (header.index("label_zh") + 1, header.index("note") + 1))
    assert rows[3]["label_zh"] == "退格\\x08与\\x1b]8;;http://evil.example\\x07链接\\x1b]8;;\\x07"
    assert rows[3]["label_en"] == "red \\x1b[31malert\\x1b[0m"
    assert isinstance(rows[0]["value"], (int, float))  # numbers are still numbers


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("fmt", ["csv", "datapackage"])
def test_csv_cells_that_would_start_a_formula_get_a_leading_apostrophe(run: Run, tmp_path: Path, fmt: str) -> None:
    """= + - @ tab and CR at the start of a text cell are neutralised as OWASP recommends; numbers are not."""
    base = hostile_base(tmp_path / "base")
    target = tmp_path / ("figures.csv" if fmt == "csv" else "package")
    result = run("--facts", str(base), "export", "--to", fmt, str(target))
    assert result.exit_code == 0, result.stderr
    path = target if fmt == "csv" else target / "figures.csv"
    rows = _csv_rows(path.read_bytes().decode("utf-8-sig"))  # read_text would make the CR a newline
    assert [(row["label_zh"], row["label_en"], row["note"]) for row in rows[:3]] == [
        ("'" + HYPERLINK, "'=1+1", "'=A1*2"),
        ("'+86 23 6388 0000", "'-minus", "'@SUM(A1:A2)"),
        ("'\t制表符开头", "'\rcarriage return", "plain note"),
    ]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row.values())


def test_a_negative_number_stays_a_number_in_csv(tmp_path: Path) -> None:
    """Only text is neutralised: a number such as -3.5 is written bare, as a value, not as '-3.5."""
    from cqsmart.export.datapackage import write_rows
    from cqsmart.export.tables import Table

    out = io.StringIO()
    write_rows(out, Table("figures", [("label", "string"), ("value", "number")], [["-3.5", -3.5]]))
    assert out.getvalue().splitlines()[1] == '"\'-3.5",-3.5'


def test_force_refuses_a_folder_holding_anything_the_export_did_not_write(run: Run, tmp_path: Path) -> None:
    """A user's folder with a datapackage.json, or an earlier export with a file added, is kept whole."""
    mine = tmp_path / "mine"
    (mine / "data").mkdir(parents=True)
    (mine / "datapackage.json").write_text('{"name": "thesis"}', encoding="utf-8")
    (mine / "data" / "thesis.csv").write_text("years of work", encoding="utf-8")
    (mine / "README.md").write_text("mine", encoding="utf-8")
    refused = run("export", "--to", "datapackage", str(mine), "--force")
    assert (refused.exit_code, refused.stderr) == (
        2,
        f"cqsmart: {mine} holds datapackage.json, which no earlier export wrote; not replacing the folder\n",
    )
    assert (mine / "data" / "thesis.csv").read_text(encoding="utf-8") == "years of work"

    package = tmp_path / "package"
    assert run("export", "--to", "datapackage", str(package)).exit_code == 0
    (package / "README.md").write_text("my notes on the export", encoding="utf-8")
    refused = run("export", "--to", "datapackage", str(package), "--force")
    assert (refused.exit_code, refused.stderr) == (
        2,
        f"cqsmart: {package} holds README.md, which no earlier export wrote; not replacing the folder\n",
    )
    assert (package / "README.md").exists()
    (package / "README.md").unlink()
    assert run("export", "--to", "datapackage", str(package), "--force").exit_code == 0


def test_the_data_package_lists_the_files_it_wrote(run: Run, tmp_path: Path) -> None:
    """datapackage.json names every file of the folder but itself, so a later --force knows them."""
    package = tmp_path / "package"
    assert run("export", "--to", "datapackage", str(package)).exit_code == 0
    descriptor = json.loads((package / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor["cqsmart"]["files"] == sorted(path.name for path in package.iterdir() if path.name != "datapackage.json")
    assert sorted(descriptor["cqsmart"]["files"]) == sorted(resource["path"] for resource in descriptor["resources"])


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_signal_during_an_export_removes_its_temporaries_and_keeps_the_old_file(tmp_path: Path, signum: int, code: int) -> None:
    """SIGTERM and SIGHUP unwind as Ctrl-C does: the temporary and its journal go, the old database stays."""
    base = write_base(tmp_path / "big", 20_000)
    target = tmp_path / "facts.db"
    target.write_bytes(b"the old database")
    command = [*installed_cqsmart(), "--facts", str(base), "--no-cache", "export", "--to", "sqlite", str(target), "--force"]
    process = subprocess.Popen(command, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not any(path.name.endswith(".tmp") for path in tmp_path.iterdir()):  # the export has begun writing
        assert process.poll() is None and time.monotonic() < deadline, process.communicate()
        time.sleep(0.02)
    process.send_signal(signum)
    stdout, stderr = process.communicate(timeout=60)
    assert (process.returncode, stdout, stderr) == (code, b"", b"")
    assert target.read_bytes() == b"the old database"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["big", "facts.db"]


def test_stale_temporaries_of_the_same_export_are_swept_and_nothing_else(run: Run, tmp_path: Path) -> None:
    """What a killed export left beside its target an hour ago goes; fresh ones and other names stay."""
    hour_ago = time.time() - 3700
    stale = [".facts.db.abcd_123.tmp", ".facts.db.abcd_123.tmp-journal", ".facts.db.zz99yy88.old"]
    kept = [".facts.db.fresh123.tmp", ".facts.db.mine.tmp", "facts.db.abcd_123.tmp", ".other.db.abcd_123.tmp", ".facts.db.notes"]
    for name in stale + kept:
        (tmp_path / name).mkdir() if name.endswith(".old") else (tmp_path / name).write_text("x", encoding="utf-8")
        if name != ".facts.db.fresh123.tmp":
            os.utime(tmp_path / name, (hour_ago, hour_ago))
    assert run("export", "--to", "sqlite", str(tmp_path / "facts.db")).exit_code == 0
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(["cache", "facts.db", "facts.metadata.json", *kept])


def test_csv_to_a_terminal_shows_control_characters_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """export --to csv - on a terminal: ESC, OSC 8, CR and BS from a fact are shown, not obeyed."""
    base = hostile_base(tmp_path / "base")
    monkeypatch.setattr("cqsmart.cli.export_command._stdout_is_terminal", lambda: True)
    result = CliRunner().invoke(app, ["--facts", str(base), "export", "--to", "csv", "-"])
    assert result.exit_code == 0, result.stderr
    text = result.stdout_bytes.decode("utf-8-sig")
    assert not any(char in text.replace("\r\n", "") for char in "\x1b\x07\b\r")
    rows = _csv_rows(text)
    assert rows[3]["label_en"] == "red \\x1b[31malert\\x1b[0m"
    assert rows[2]["label_en"] == "'\\rcarriage return"


def test_csv_to_a_pipe_is_the_bytes_of_the_file(tmp_path: Path, run: Run) -> None:
    """Off a terminal nothing is escaped: a script gets the very bytes the file holds."""
    base = hostile_base(tmp_path / "base")
    piped = CliRunner().invoke(app, ["--facts", str(base), "export", "--to", "csv", "-"])
    assert run("--facts", str(base), "export", "--to", "csv", str(tmp_path / "f.csv")).exit_code == 0
    assert piped.stdout_bytes == (tmp_path / "f.csv").read_bytes()
    assert b"\x1b[31m" in piped.stdout_bytes


def test_a_path_with_a_newline_is_shown_on_one_line(run: Run, tmp_path: Path) -> None:
    """The 'wrote' message and the refusal quote a path holding a line break, so each stays one line."""
    target = tmp_path / "two\nlines.csv"
    wrote = run("export", "--to", "csv", str(target))
    assert wrote.exit_code == 0, wrote.stderr
    assert wrote.stderr == f"cqsmart: wrote {str(target)!r} (csv): figures {len(_csv_rows(target.read_text('utf-8-sig')))} rows\n"
    refused = run("export", "--to", "csv", str(target))
    assert refused.stderr == f"cqsmart: {str(target)!r} exists; use --force to replace it\n"


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_export_to_stdout_counts_what_it_wrote(tmp_path: Path, fmt: str) -> None:
    """The message of an export to stdout counts the rows (csv) or records (jsonl) on stdout."""
    result = CliRunner().invoke(app, ["export", "--to", fmt, "-"])
    assert result.exit_code == 0, result.stderr
    text = result.stdout_bytes.decode("utf-8-sig")
    count = len(_csv_rows(text)) if fmt == "csv" else len(text.splitlines())
    noun = "figures {} rows" if fmt == "csv" else "{} records"
    assert result.stderr == f"cqsmart: wrote to stdout ({fmt}): {noun.format(count)}\n"
