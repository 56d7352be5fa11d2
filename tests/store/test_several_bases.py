"""Several bases read together: repeated --facts, $CQSMART_FACTS with os.pathsep, the bundled base with
the user's library; ids unique across them, every record keeping its source."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import cqsmart
from conftest import SMALL, TESTS, Run, renamed

BUNDLED = TESTS.parent / "facts"
DISTRICT = TESTS / "extract_texts" / "district-2024.json"


def ids(run: Run, *args: str, env: dict[str, str] | None = None) -> list[str]:
    result = run(*args, "--json", env=env)
    assert result.exit_code == 0, result.stderr
    return [row["id"] for row in json.loads(result.stdout)]


def test_repeated_facts_read_the_bases_together(run: Run) -> None:
    found = ids(run, "--facts", str(BUNDLED), "--facts", str(DISTRICT), "stats")
    assert "digital-economy-growth-2020" in found and "digital-economy-value-added-2024" in found
    sources = ids(run, "--facts", str(BUNDLED), "--facts", str(DISTRICT), "sources")
    assert sources == ["cqdaily-2021-08-smart-city-interview", "district-2024"]


def test_each_record_keeps_its_source(run: Run) -> None:
    rows = json.loads(run("--facts", str(BUNDLED), "--facts", str(DISTRICT), "stats", "--year", "2024", "--json").stdout)
    assert rows and {row["source"]["id"] for row in rows} == {"district-2024"}


def test_an_id_in_two_bases_is_one_line_naming_both(run: Run) -> None:
    result = run("--facts", str(BUNDLED), "--facts", str(SMALL), "stats")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "cqsmart: invalid fact base (1 problem):\n"
        f"{SMALL}: id 'cloud-chief-system' is also in {BUNDLED}; ids must differ across bases\n"
    )


def test_the_environment_lists_bases_with_the_path_separator(run: Run) -> None:
    env = {"CQSMART_FACTS": os.pathsep.join([str(BUNDLED), str(DISTRICT)])}
    assert "digital-economy-value-added-2024" in ids(run, "stats", "--year", "2024", env=env)


def test_an_empty_entry_in_the_environment_is_refused(run: Run) -> None:
    result = run("stats", env={"CQSMART_FACTS": f"{BUNDLED}{os.pathsep}"})
    assert result.exit_code == 2
    assert result.stderr.startswith("cqsmart: CQSMART_FACTS names an empty path")


def test_the_library_is_read_beside_the_bundled_base_unless_told_not_to(run: Run) -> None:
    assert run("library", "add", str(DISTRICT)).exit_code == 0
    assert "digital-economy-value-added-2024" in ids(run, "stats", "--year", "2024")
    assert ids(run, "--no-library", "stats", "--year", "2024") == []
    assert ids(run, "stats", "--year", "2024", "--no-library") == []  # after the command too
    assert "digital-economy-value-added-2024" not in ids(run, "--facts", str(BUNDLED), "stats")


def test_a_library_base_broken_later_is_left_out_with_one_line(run: Run) -> None:
    run("library", "add", str(DISTRICT))
    kept = Path(os.environ["CQSMART_DATA_DIR"]) / "library" / "district-2024.json"
    kept.write_text("[", encoding="utf-8")
    result = run("stats", "--year", "2020", "--json")
    assert result.exit_code == 0 and json.loads(result.stdout)
    assert result.stderr.startswith("cqsmart: library base district-2024 is left out: ")
    assert result.stderr.endswith("; see 'cqsmart library list'\n") and result.stderr.count("\n") == 1
    assert run("stats", "--year", "2020", "--json").stderr == result.stderr  # said every time, not cached away


def test_adding_a_base_whose_ids_the_bundled_base_holds_is_refused(run: Run) -> None:
    result = run("library", "add", str(SMALL))
    assert result.exit_code == 2
    assert result.stderr == (
        f"cqsmart: {SMALL}: id 'cloud-chief-system' is also in the bundled base; ids differ across the bases read together\n"
    )


def test_the_python_api_reads_several_bases(tmp_path: Path) -> None:
    other = renamed(SMALL, "other", tmp_path / "other.json")
    base = cqsmart.load([str(BUNDLED), str(other)])
    assert {source.id for source in base.sources()} == {"cqdaily-2021-08-smart-city-interview", "other-interview"}
    assert base.get("other-scale-2020").source is not None


def test_a_broken_library_base_is_a_warning_in_python(run: Run) -> None:
    run("library", "add", str(DISTRICT))
    (Path(os.environ["CQSMART_DATA_DIR"]) / "library" / "district-2024.json").write_text("[", encoding="utf-8")
    with pytest.warns(UserWarning, match="library base district-2024 is left out"):
        cqsmart.load()


@pytest.mark.parametrize("command", [["stats"], ["search", "数字经济"], ["ask", "数字经济增加值是多少"], ["topics"], ["metrics"]])
def test_source_narrows_listings_search_and_ask_to_one_source(run: Run, command: list[str]) -> None:
    result = run("--facts", str(BUNDLED), "--facts", str(DISTRICT), *command, "--source", "district-2024", "--json")
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert rows
    for row in rows:
        if "source" in row and isinstance(row["source"], dict):
            assert row["source"]["id"] == "district-2024"


def test_an_unknown_source_names_those_there_are(run: Run) -> None:
    result = run("stats", "--source", "nope")
    assert (result.exit_code, result.stderr) == (
        2,
        "cqsmart: unknown source 'nope' (sources: cqdaily-2021-08-smart-city-interview)\n",
    )
