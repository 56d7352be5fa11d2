"""`cqsmart export`: each format produced by the real CLI and read back by the library its users use."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import Run, run_installed
from cqsmart.cli import app
from cqsmart.store.load import load

BASE = load(None, use_cache=False)
COUNTS = {kind: len(BASE.of_kind(kind)) for kind in ("figure", "initiative", "target", "source")}


LINKS = sum(len(record.get("figures") or ()) + len(record.get("inputs") or ()) for record in BASE.records)
TABLES = (
    f"sources 1 row, figures {COUNTS['figure']} rows, initiatives {COUNTS['initiative']} rows, "
    f"targets {COUNTS['target']} rows, links {LINKS} rows"
)
# What the user is told: the rows written to each file (the csv export holds the figures only).
EXPECTED_ROWS = {
    "csv": f"figures {COUNTS['figure']} rows",
    "sqlite": TABLES,
    "xlsx": TABLES,
    "datapackage": ", ".join(part.replace(" ", ".csv ", 1) for part in TABLES.split(", ")),
    "jsonl": f"{len(BASE.records)} records",  # one line per record, of every kind
}


def export(run: Run, fmt: str, target: Path, *extra: str) -> Path:
    result = run("export", "--to", fmt, str(target), *extra)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert result.stderr == f"cqsmart: wrote {target} ({fmt}): {EXPECTED_ROWS[fmt]}\n"
    return target


def test_sqlite_has_typed_tables_links_and_full_text_in_both_languages(run: Run, tmp_path: Path) -> None:
    """One table per kind with the base's counts, typed values, a links table and FTS in Chinese and English."""
    database = sqlite3.connect(export(run, "sqlite", tmp_path / "facts.db"))
    for kind, table in (("figure", "figures"), ("initiative", "initiatives"), ("target", "targets"), ("source", "sources")):
        assert database.execute(f"SELECT count(*) FROM {table}").fetchone() == (COUNTS[kind],)
    row = database.execute(
        "SELECT typeof(value), value, base_value, period_start FROM figures WHERE id = 'digital-economy-scale-2020'"
    )
    assert row.fetchone() == ("integer", 6387, 638700000000, 2020)
    assert database.execute("SELECT value FROM figures WHERE id = 'digital-economy-growth-2020'").fetchone() == (18.3,)
    holds = database.execute("SELECT figure_id FROM links WHERE from_id = 'cloud-chief-system' ORDER BY figure_id").fetchall()
    assert holds == [("cloud-chief-units",), ("system-cloud-chief-leaders",)]
    chinese = {row[0] for row in database.execute("SELECT id FROM records_fts WHERE records_fts MATCH '渝康码'")}
    english = {row[0] for row in database.execute("""SELECT id FROM records_fts WHERE records_fts MATCH '"health code"'""")}
    assert {"yukangma", "yukangma-users"} <= chinese
    assert {"yukangma", "yukangma-users"} <= english
    assert database.execute("PRAGMA foreign_key_check").fetchall() == []


def test_datapackage_is_valid_for_frictionless(run: Run, tmp_path: Path) -> None:
    """The folder validates with the frictionless library and names the source with its checksum."""
    frictionless = pytest.importorskip("frictionless")
    folder = export(run, "datapackage", tmp_path / "package")
    report = frictionless.validate(str(folder / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert [resource["name"] for resource in descriptor["resources"]] == ["sources", "figures", "initiatives", "targets", "links"]
    assert "33bf968e5e9ff3f1a87bbd5320a8d85fe5741a0fda93e5a75b613f21cd77bda7" in descriptor["sources"][0]["description"]
    figures = next(resource for resource in descriptor["resources"] if resource["name"] == "figures")
    assert figures["schema"]["primaryKey"] == ["id"]
    assert {"fields": ["source_id"], "reference": {"resource": "sources", "fields": ["id"]}} in figures["schema"]["foreignKeys"]


def test_xlsx_keeps_chinese_numbers_and_a_frozen_header(run: Run, tmp_path: Path) -> None:
    """Each table is a sheet; Chinese is intact, values are numeric cells, the header row stays put."""
    openpyxl = pytest.importorskip("openpyxl")
    workbook = openpyxl.load_workbook(export(run, "xlsx", tmp_path / "facts.xlsx"))
    assert workbook.sheetnames == ["sources", "figures", "initiatives", "targets", "links", "quantities"]
    sheet = workbook["figures"]
    assert sheet.freeze_panes == "A2"
    header = [cell.value for cell in sheet[1]]
    rows = {row[0]: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)}
    scale = rows["digital-economy-scale-2020"]
    assert (scale["value"], scale["unit"], scale["label_zh"]) == (6387, "亿元", "数字经济规模")
    assert isinstance(rows["digital-economy-growth-2020"]["value"], float)
    assert sheet.max_row == COUNTS["figure"] + 1


def test_excel_csv_has_a_bom_and_stdout_csv_does_not(run: Run, tmp_path: Path) -> None:
    """export --to csv starts with the UTF-8 BOM Excel needs; --format csv on stdout stays plain."""
    target = export(run, "csv", tmp_path / "figures.csv")
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == COUNTS["figure"] and rows[0]["label_zh"] == "重庆数字经济增速"
    assert not run("stats", "--format", "csv").stdout.startswith("\ufeff")


@pytest.mark.parametrize("fmt", ["sqlite", "datapackage", "xlsx", "csv"])
def test_existing_target_is_kept_without_force(run: Run, tmp_path: Path, fmt: str) -> None:
    """No export overwrites an existing path unless --force is given, and none leaves temporary files."""
    target = tmp_path / ("out" if fmt != "datapackage" else "package")
    export(run, fmt, target)
    (target / "figures.csv" if target.is_dir() else target).write_text("mine", encoding="utf-8")
    refused = run("export", "--to", fmt, str(target))
    assert (refused.exit_code, refused.stderr) == (2, f"cqsmart: {target} exists; use --force to replace it\n")
    assert (target / "figures.csv" if target.is_dir() else target).read_text(encoding="utf-8") == "mine"
    assert run("export", "--to", fmt, str(target), "--force").exit_code == 0
    beside = [f"{target.name}.metadata.json"] if fmt == "sqlite" else []
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(["cache", target.name, *beside])


@pytest.mark.parametrize(
    ("fmt", "make", "message"),
    [
        ("datapackage", "folder", "holds notes.txt, which no earlier export wrote; not replacing the folder"),
        ("datapackage", "file", "is a file; not replacing it"),
        ("sqlite", "folder", "is a folder; not replacing it"),
    ],
)
def test_force_never_replaces_what_is_not_the_same_kind_of_export(
    run: Run, tmp_path: Path, fmt: str, make: str, message: str
) -> None:
    """--force replaces an earlier export, never someone's folder or a file of another kind."""
    target = tmp_path / "precious"
    if make == "folder":
        target.mkdir()
        (target / "notes.txt").write_text("keep me", encoding="utf-8")
    else:
        target.write_text("keep me", encoding="utf-8")
    result = run("export", "--to", fmt, str(target), "--force")
    assert (result.exit_code, result.stderr) == (2, f"cqsmart: {target} {message}\n")
    assert (target / "notes.txt" if make == "folder" else target).read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("name", ["", ".", ".."])
def test_target_must_name_something(run: Run, tmp_path: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """'', '.' and '..' name no file to write: refused, even with --force."""
    monkeypatch.chdir(tmp_path)
    result = run("export", "--to", "datapackage", name, "--force")
    assert result.exit_code == 2
    assert result.stderr.endswith("does not name a file or folder to write\n")


def test_forced_datapackage_replaces_an_earlier_package(run: Run, tmp_path: Path) -> None:
    """--force over an earlier package swaps the whole folder."""
    folder = export(run, "datapackage", tmp_path / "package")
    (folder / "figures.csv").write_text("old", encoding="utf-8")
    export(run, "datapackage", folder, "--force")
    assert (folder / "figures.csv").read_text(encoding="utf-8").startswith('"id"')
    assert sorted(path.name for path in tmp_path.iterdir()) == ["cache", "package"]


def test_unknown_format_and_missing_folder(run: Run, tmp_path: Path) -> None:
    """A format that does not exist, or a folder that does not, is one line and exit 2."""
    unknown = run("export", "--to", "pdf", str(tmp_path / "x.pdf"))
    assert unknown.exit_code == 2
    assert "'pdf' is not one of 'sqlite', 'datapackage', 'xlsx', 'csv'" in unknown.stderr
    missing = run("export", "--to", "sqlite", str(tmp_path / "no" / "x.db"))
    assert (missing.exit_code, missing.stderr) == (2, f"cqsmart: {tmp_path / 'no'} is not a folder; create it first\n")


def test_installed_tool_exports_the_bundled_base(tmp_path: Path) -> None:
    """From an unrelated folder, the installed entry point exports its bundled fact base."""
    result = run_installed("export", "--to", "sqlite", "facts.db", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    database = sqlite3.connect(tmp_path / "facts.db")
    assert database.execute("SELECT count(*) FROM figures").fetchone() == (COUNTS["figure"],)


@pytest.mark.skipif(not Path("/proc/self").exists(), reason="needs Linux /proc, where no file can be created")
def test_unwritable_place_is_one_line(run: Run) -> None:
    """A place where nothing can be written gives one line naming the user's path, not a traceback."""
    result = run("export", "--to", "sqlite", "/proc/facts.db")
    assert result.exit_code == 2
    assert result.stderr == "cqsmart: cannot write /proc/facts.db: No such file or directory\n"


def test_cli_choices_are_the_registries() -> None:
    """The formats the CLI accepts are exactly those with an implementation, for output and export."""
    from cqsmart.cli.app import Format
    from cqsmart.cli.export_command import ExportFormat
    from cqsmart.export import EXPORTER_BY_NAME
    from cqsmart.render import RENDERER_BY_NAME

    assert [member.value for member in Format] == list(RENDERER_BY_NAME)
    assert [member.value for member in ExportFormat] == list(EXPORTER_BY_NAME)


def test_jsonl_export_is_every_record_with_quantities(run: Run, tmp_path: Path) -> None:
    """export --to jsonl writes each record on its line; initiatives and targets carry quantities."""
    target = export(run, "jsonl", tmp_path / "facts.jsonl")
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [record["id"] for record in records] == [record["id"] for record in BASE.records]
    holders = [record for record in records if record["kind"] in ("initiative", "target")]
    assert holders and all([entry["id"] for entry in record["quantities"]] == record["figures"] for record in holders)


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "sqlite", "xlsx"])
def test_dash_writes_to_stdout_the_bytes_of_the_file(run: Run, tmp_path: Path, fmt: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """export --to FMT - puts on stdout what the file would hold, and writes no file named '-'."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["export", "--to", fmt, "-"])
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"cqsmart: wrote to stdout ({fmt}): {EXPECTED_ROWS[fmt]}\n"
    assert not (tmp_path / "-").exists()
    if fmt in ("csv", "jsonl"):
        assert result.stdout_bytes == export(run, fmt, tmp_path / f"facts.{fmt}").read_bytes()
    elif fmt == "sqlite":
        (tmp_path / "piped.db").write_bytes(result.stdout_bytes)
        database = sqlite3.connect(tmp_path / "piped.db")
        assert database.execute("SELECT count(*) FROM targets").fetchone() == (COUNTS["target"],)
    else:
        assert result.stdout_bytes.startswith(b"PK")  # a zip, as every xlsx is


def test_dash_refuses_a_folder_and_binary_to_a_terminal(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """A data package cannot go to stdout; sqlite and xlsx are refused when stdout is a terminal."""
    folder = run("export", "--to", "datapackage", "-")
    assert (folder.exit_code, folder.stdout) == (2, "")
    assert folder.stderr == "cqsmart: datapackage writes a folder, not a stream; name the folder instead of -\n"
    monkeypatch.setattr("cqsmart.cli.export_command._stdout_is_terminal", lambda: True)
    binary = run("export", "--to", "sqlite", "-")
    assert (binary.exit_code, binary.stdout) == (2, "")
    assert binary.stderr == (
        "cqsmart: sqlite is binary; not writing it to a terminal (redirect stdout, e.g. > facts.sqlite, or name a file)\n"
    )
    assert run("export", "--to", "csv", "-").exit_code == 0
