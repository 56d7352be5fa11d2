"""Where the fact base comes from (bundled, --facts, $CQSMART_FACTS) and how the cache behaves."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import SMALL, Run


def ids(stdout: str) -> list[str]:
    return [record["id"] for record in json.loads(stdout)]


def test_facts_option_loads_a_file(run: Run) -> None:
    """--facts with a JSON file uses that file instead of the bundled base."""
    result = run("--facts", str(SMALL), "stats", "--json")
    assert result.exit_code == 0, result.stderr
    assert ids(result.stdout) == ["growth-2018", "growth-2020", "gap-2020", "scale-2020"]


def test_facts_option_loads_a_folder(run: Run) -> None:
    """A folder laid out like facts/ loads the same records as the single file."""
    result = run("--facts", str(SMALL.parent / "folder"), "stats", "--json")
    assert result.exit_code == 0, result.stderr
    assert ids(result.stdout) == ["growth-2018", "growth-2020", "gap-2020", "scale-2020"]


def test_environment_variable_selects_the_base(run: Run) -> None:
    """$CQSMART_FACTS is used when --facts is not given."""
    result = run("stats", "--json", env={"CQSMART_FACTS": str(SMALL)})
    assert ids(result.stdout) == ["growth-2018", "growth-2020", "gap-2020", "scale-2020"]


def test_option_beats_environment_variable(run: Run, tmp_path: Path) -> None:
    """--facts wins over $CQSMART_FACTS."""
    result = run("--facts", str(SMALL), "stats", "--json", env={"CQSMART_FACTS": str(tmp_path / "missing.json")})
    assert result.exit_code == 0, result.stderr


def test_cache_is_written_and_reused(run: Run, small_copy: Path, tmp_path: Path) -> None:
    """A validated base is cached; the second run answers the same from the cache."""
    first = run("--facts", str(small_copy), "stats", "--json")
    entries = list((tmp_path / "cache").glob("cqsmart-facts-*.sqlite"))
    assert len(entries) == 1
    second = run("--facts", str(small_copy), "stats", "--json")
    assert second.stdout == first.stdout


def test_changed_file_is_validated_again(run: Run, small_copy: Path) -> None:
    """The cache is keyed by content: an edit that breaks the file is caught on the next run."""
    assert run("--facts", str(small_copy), "stats").exit_code == 0
    records = json.loads(small_copy.read_text(encoding="utf-8"))
    records[1]["value"] = "many"
    small_copy.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    result = run("--facts", str(small_copy), "stats")
    assert result.exit_code == 2
    assert f"{small_copy}: [1].value: should be a number, not a string" in result.stderr


def _entry() -> Path:
    return next(iter(Path(os.environ["CQSMART_CACHE_DIR"]).glob("cqsmart-facts-*.sqlite")))


def built_for(key: str) -> bytes:
    """A whole database of the right format, built for another key."""
    from cqsmart.store.database import build

    other = _entry().with_suffix(".other")
    build(other, key, [ROW], [b"{}"])
    return other.read_bytes()


def garbled() -> bytes:
    """The entry with a page in its middle overwritten: the file is as long as its pages say."""
    data = bytearray(_entry().read_bytes())
    middle = len(data) // 2
    data[middle : middle + 4096] = b"\xff" * 4096
    return bytes(data)


ROW = ["growth-2018", "figure", False, "x", "y", 2018, 2018, "year", None, None, "a-source"]


@pytest.mark.parametrize(
    "damage",
    [
        lambda: b"",
        lambda: b"garbage\n[]",
        lambda: b"SQLite format 3\x00" + bytes(84),
        lambda: built_for("0" * 128),
        lambda: _entry().read_bytes()[:-9],
        garbled,
    ],
    ids=["empty", "garbage", "bad header", "another key", "truncated", "garbled page"],
)
def test_damaged_cache_is_rebuilt(run: Run, small_copy: Path, tmp_path: Path, damage: Callable[[], bytes]) -> None:
    """A truncated, garbled or tampered cache entry is not trusted: output stays identical."""
    expected = run("--facts", str(small_copy), "stats", "--json").stdout
    (entry,) = (tmp_path / "cache").glob("cqsmart-facts-*.sqlite")
    entry.write_bytes(damage())
    assert run("--facts", str(small_copy), "stats", "--json").stdout == expected
    assert run("--facts", str(small_copy), "show", "growth-2018", "--json").exit_code == 0


def test_no_cache_option_skips_the_cache(run: Run, small_copy: Path, tmp_path: Path) -> None:
    """--no-cache neither reads nor writes a cache entry."""
    assert run("--no-cache", "--facts", str(small_copy), "stats").exit_code == 0
    assert not list((tmp_path / "cache").glob("cqsmart-facts-*.sqlite"))


@pytest.mark.parametrize(
    "args",
    [
        ["stats", "--derived"],
        ["stats", "--json", "--derived"],
        ["stats", "--format", "csv", "--year", "2020"],
        ["stats", "--format", "jsonl", "--fields", "id,label,period"],
        ["initiatives", "--format", "markdown"],
        ["targets", "--json"],
        ["compare", "2018", "2020", "--derived"],
        ["compare", "digital-economy-growth", "implied-gdp-growth", "--json"],
        ["show", "cloud-chief-system"],
        ["show", "implied-gdp-2020", "--json"],
        ["search", "渝康码", "--json"],
        ["sources", "--format", "tsv"],
    ],
    ids=" ".join,
)
def test_cached_base_answers_exactly_as_a_fresh_one(run: Run, args: list[str]) -> None:
    """Records read lazily from the cache print byte for byte what freshly validated ones do."""
    fresh = run("--no-cache", *args)
    run(*args)  # fills the cache
    cached = run(*args)
    assert fresh.exit_code == cached.exit_code == 0
    assert cached.stdout == fresh.stdout


def test_cache_keeps_only_recent_entries(run: Run, small_copy: Path, tmp_path: Path) -> None:
    """Each edit of a fact file makes a new entry; only the most recent ones are kept."""
    from cqsmart.store.cache import KEEP_ENTRIES

    records = json.loads(small_copy.read_text(encoding="utf-8"))
    for edit in range(KEEP_ENTRIES + 3):
        records[1]["note"] = f"edit {edit}"
        small_copy.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        assert run("--facts", str(small_copy), "stats").exit_code == 0
    assert len(list((tmp_path / "cache").glob("cqsmart-facts-*.sqlite"))) == KEEP_ENTRIES
    assert not list((tmp_path / "cache").glob(".*"))  # no temporary files left
