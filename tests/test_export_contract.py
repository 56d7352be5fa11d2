"""Every export carries every field of the JSON contract: each figure, read back with the client its
users use (sqlite3, openpyxl, csv with csv.Sniffer, frictionless), equals `stats --json` field for field,
on the bundled base and on a base holding a decline."""

from __future__ import annotations

import csv
import io
import json
import math
import sqlite3
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import Run
from cqsmart.store.locate import bundled_facts_dir

DECLINE_TEXT = "2020年,重庆工业用电量下降3.5%。\n"
DECLINE_ID = "industrial-power-use-2020"
# Nested contract fields and the columns they become, as `stats --format csv` heads them.
NESTED = {"label": ("zh", "en"), "period": ("start", "end", "basis"), "source": ("id", "quote")}


def decline_base(run: Run, folder: Path) -> Path:
    """The bundled base plus the figure `extract` drafts for 下降3.5%, curated: direction decrease, with
    the sign of its base_value whatever the contract says it is."""
    text = folder.parent / "decline.txt"
    text.write_text(DECLINE_TEXT, encoding="utf-8")
    drafted = run("extract", str(text), "--json")
    assert drafted.exit_code == 0, drafted.stderr
    (figure,) = (record for record in json.loads(drafted.stdout) if record["kind"] == "figure")
    assert figure["direction"] == "decrease"
    folder.mkdir()
    for path in bundled_facts_dir().glob("*.json"):
        (folder / path.name).write_bytes(path.read_bytes())
    source_id = json.loads((folder / "sources.json").read_text(encoding="utf-8"))[0]["id"]
    figure.update(
        id=DECLINE_ID,
        metric="industrial-power-use",
        topic="digital-economy",
        label={"zh": "重庆工业用电量", "en": "Chongqing industrial power use"},
        source={"id": source_id, "quote": figure["source"]["quote"]},
    )
    figures = json.loads((folder / "figures.json").read_text(encoding="utf-8"))
    (folder / "figures.json").write_text(json.dumps([*figures, figure], ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.fixture(params=["bundled", "decline"])
def base(request: pytest.FixtureRequest, run: Run, tmp_path: Path) -> list[str]:
    """The --facts arguments of the base under test."""
    return [] if request.param == "bundled" else ["--facts", str(decline_base(run, tmp_path / "decline"))]


def contract(run: Run, facts: list[str]) -> tuple[list[str], list[dict[str, Any]]]:
    """The CSV header `stats --format csv` prints, and each figure of `stats --json` flattened to it."""
    stats = run(*facts, "stats", "--derived", "--json")  # every figure, as the exports hold them
    header = run(*facts, "stats", "--derived", "--format", "csv")
    assert stats.exit_code == header.exit_code == 0, stats.stderr + header.stderr
    names = next(csv.reader(io.StringIO(header.stdout)))
    rows = []
    for figure in json.loads(stats.stdout):
        flat: dict[str, Any] = {}
        for field, value in figure.items():
            if field in NESTED:
                flat.update({f"{field}_{part}": (value or {}).get(part) for part in NESTED[field]})
            else:
                flat[field] = ";".join(value) if isinstance(value, list) else value
        assert set(flat) == set(names)  # the CSV header is the contract's every field, flattened
        rows.append(flat)
    return names, rows


def same(found: Any, expected: Any) -> bool:
    """One cell as the client gives it against the contract's value: empty is null, 1 is true in SQLite,
    Decimal is a number in frictionless, text is text in CSV."""
    if expected is None:
        return found in (None, "")
    if isinstance(expected, bool):
        return found in (expected, int(expected), "true" if expected else "false")
    if isinstance(expected, (int, float)):
        number = float(found) if isinstance(found, (str, Decimal)) else found
        return isinstance(number, (int, float)) and math.isclose(number, expected, rel_tol=1e-12)
    return found == expected


def read_sqlite(path: Path) -> tuple[list[str], list[dict[str, Any]]]:
    database = sqlite3.connect(path)
    database.row_factory = sqlite3.Row
    rows = database.execute("SELECT * FROM figures").fetchall()
    names = [column[1] for column in database.execute("PRAGMA table_info(figures)")]
    return names, [dict(row) for row in rows]


def read_xlsx(path: Path) -> tuple[list[str], list[dict[str, Any]]]:
    openpyxl = pytest.importorskip("openpyxl")
    sheet = openpyxl.load_workbook(path, read_only=True)["figures"]
    header, *rows = sheet.iter_rows(values_only=True)
    return list(header), [dict(zip(header, row, strict=True)) for row in rows]


def read_csv(path: Path) -> tuple[list[str], list[dict[str, Any]]]:
    text = path.read_bytes().decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text[:4096])
    assert (dialect.delimiter, dialect.quotechar) == (",", '"')
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def read_datapackage(folder: Path) -> tuple[list[str], list[dict[str, Any]]]:
    frictionless = pytest.importorskip("frictionless")
    package = frictionless.Package(str(folder / "datapackage.json"))
    resource = package.get_resource("figures")
    rows = [row.to_dict() for row in resource.read_rows()]
    return [field.name for field in resource.schema.fields], rows


READERS = {"sqlite": read_sqlite, "xlsx": read_xlsx, "csv": read_csv, "datapackage": read_datapackage}


@pytest.mark.parametrize("fmt", list(READERS))
def test_every_figure_field_of_the_contract_reads_back_as_stats_json_gives_it(
    run: Run, tmp_path: Path, base: list[str], fmt: str
) -> None:
    """Columns in the order `stats --format csv` heads them; every figure's every field equal to --json."""
    names, expected = contract(run, base)
    target = tmp_path / f"facts.{fmt}"
    result = run(*base, "export", "--to", fmt, str(target))
    assert result.exit_code == 0, result.stderr
    columns, rows = READERS[fmt](target)
    assert columns == names  # SQLite's search terms are in its full-text index alone
    assert [row["id"] for row in rows] == [row["id"] for row in expected]
    differences = [
        (want["id"], name, got.get(name), want[name])
        for got, want in zip(rows, expected, strict=True)
        for name in names
        if not same(got.get(name), want[name])
    ]
    assert differences == []


def test_the_decline_reads_as_a_decrease_in_every_export(run: Run, tmp_path: Path) -> None:
    """A figure of 下降3.5% is in each export with direction decrease, so no analyst reads it as growth."""
    facts = ["--facts", str(decline_base(run, tmp_path / "decline"))]
    for fmt, reader in READERS.items():
        target = tmp_path / f"facts.{fmt}"
        assert run(*facts, "export", "--to", fmt, str(target)).exit_code == 0
        _, rows = reader(target)
        (row,) = (row for row in rows if row["id"] == DECLINE_ID)
        assert (row["direction"], float(row["value"])) == ("decrease", 3.5), fmt


def test_the_data_package_says_what_direction_planned_and_qualifier_text_mean(run: Run, tmp_path: Path) -> None:
    """The figures' field descriptions explain the fields whose names do not, and the package validates."""
    frictionless = pytest.importorskip("frictionless")
    folder = tmp_path / "package"
    assert run("export", "--to", "datapackage", str(folder)).exit_code == 0
    assert frictionless.validate(str(folder / "datapackage.json")).valid
    descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    (figures,) = (resource for resource in descriptor["resources"] if resource["name"] == "figures")
    described = {field["name"]: field.get("description", "") for field in figures["schema"]["fields"]}
    assert "decrease" in described["direction"] and "下降" in described["direction"]
    assert "target" in described["planned"]
    assert "突破" in described["qualifier_text"]
