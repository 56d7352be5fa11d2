"""`cqsmart library add|list|remove`: bases validated and kept in the user's data folder."""

from __future__ import annotations

import json
import os
from pathlib import Path

import jsonschema
import pytest

from conftest import FACT_BASES, SMALL, Run, renamed

DISTRICT = Path(__file__).resolve().parents[1] / "extract_texts" / "district-2024.json"


def library_folder() -> Path:
    return Path(os.environ["CQSMART_DATA_DIR"]) / "library"


def test_add_copies_a_valid_base_and_says_what_it_holds(run: Run) -> None:
    result = run("library", "add", str(DISTRICT))
    assert (result.exit_code, result.stdout) == (0, "")
    kept = library_folder() / "district-2024.json"
    assert result.stderr == (
        "cqsmart: added district-2024 to the library (7 records: 6 figures, 0 initiatives, 0 targets, 1 source"
        f" (0 of the figures derived)): {kept}\n"
    )
    assert kept.read_bytes() == DISTRICT.read_bytes()


def test_list_gives_each_base_with_its_sources_and_counts(run: Run, tmp_path: Path) -> None:
    run("library", "add", str(DISTRICT))
    run("library", "add", str(renamed(SMALL, "other", tmp_path / "small.json")), "--id", "small-base")
    rows = json.loads(run("library", "list", "--json").stdout)
    assert [(row["id"], row["sources"], row["figures"]) for row in rows] == [
        ("district-2024", ["district-2024"], 6),
        ("small-base", ["other-interview"], 5),
    ]
    schema = json.loads((Path(__file__).resolve().parents[2] / "schema" / "library-1.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(rows)
    table = run("library", "list").stdout
    assert "district-2024" in table and "small-base" in table


def test_a_folder_base_is_kept_as_a_folder(run: Run, tmp_path: Path) -> None:
    records = json.loads(renamed(SMALL, "other", tmp_path / "small.json").read_text(encoding="utf-8"))
    folder = tmp_path / "other-base"
    folder.mkdir()
    for kind in ("source", "figure", "initiative", "target"):
        rows = [record for record in records if record["kind"] == kind]
        (folder / f"{kind}s.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    assert run("library", "add", str(folder)).exit_code == 0
    kept = library_folder() / "other-base"
    assert sorted(path.name for path in kept.iterdir()) == ["figures.json", "initiatives.json", "sources.json", "targets.json"]
    assert (kept / "figures.json").read_bytes() == (folder / "figures.json").read_bytes()


def test_an_invalid_base_is_refused_and_nothing_is_kept(run: Run) -> None:
    invalid = next((FACT_BASES / "invalid").glob("*.json"))
    result = run("library", "add", str(invalid), "--id", "broken")
    assert result.exit_code == 2
    assert not (library_folder() / "broken.json").exists()


def test_adding_an_id_twice_needs_force(run: Run, tmp_path: Path) -> None:
    assert run("library", "add", str(DISTRICT)).exit_code == 0
    again = run("library", "add", str(SMALL), "--id", "district-2024")
    assert (again.exit_code, again.stderr) == (
        2,
        "cqsmart: the library has a base 'district-2024' already; use --force to replace it, or --id for another\n",
    )
    other = renamed(SMALL, "other", tmp_path / "small.json")
    assert run("library", "add", str(other), "--id", "district-2024", "--force").exit_code == 0
    assert (library_folder() / "district-2024.json").read_bytes() == other.read_bytes()


@pytest.mark.parametrize("bad_id", ["Upper", "with space", "-dash", "a/b", ""])
def test_an_id_that_is_not_a_slug_is_refused(run: Run, bad_id: str) -> None:
    result = run("library", "add", str(DISTRICT), "--id", bad_id)
    assert result.exit_code == 2
    assert "is not an id: lowercase letters, digits and hyphens, e.g. district-2024" in result.stderr


def test_remove_takes_the_base_out_and_an_unknown_id_names_those_there_are(run: Run) -> None:
    run("library", "add", str(DISTRICT))
    missing = run("library", "remove", "district")
    assert (missing.exit_code, missing.stderr) == (1, "cqsmart: no base 'district' in the library (bases: district-2024)\n")
    assert run("library", "remove", "district-2024").exit_code == 0
    assert list(library_folder().iterdir()) == []


def test_an_empty_library_lists_nothing_and_says_how_to_add(run: Run) -> None:
    result = run("library", "list", "--json")
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])
    assert result.stderr == "cqsmart: the library is empty; add a base with 'cqsmart library add PATH'\n"


def test_a_base_broken_after_adding_is_named_and_left_out(run: Run, tmp_path: Path) -> None:
    run("library", "add", str(DISTRICT))
    run("library", "add", str(renamed(SMALL, "other", tmp_path / "small.json")), "--id", "small-base")
    (library_folder() / "small-base.json").write_text("{", encoding="utf-8")
    result = run("library", "list", "--json")
    assert result.exit_code == 0
    assert [row["id"] for row in json.loads(result.stdout)] == ["district-2024"]
    assert result.stderr.startswith("cqsmart: library base small-base is invalid, left out: ")
    assert "small-base.json: $: invalid JSON at line 1" in result.stderr
    assert result.stderr.count("\n") == 1
