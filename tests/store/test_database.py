"""The store's database answers every query exactly as the same base held in memory does."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cqsmart.model.factbase import FactBase
from cqsmart.store.load import load

BUNDLED_AND_SYNTHETIC = ["bundled", "synthetic"]
TESTS = Path(__file__).resolve().parents[1]


@pytest.fixture(params=BUNDLED_AND_SYNTHETIC)
def bases(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[FactBase, FactBase]:
    """One base twice: from the cache's database, and as plain records in memory."""
    sys.path.insert(0, str(TESTS))
    from synthetic import write_base

    path = None if request.param == "bundled" else str(write_base(tmp_path / "synthetic", 300))
    stored = load(path)
    assert stored.store is not None
    plain = FactBase(tuple(dict(record) for record in stored.records), stored.origin)
    return stored, plain


def ids(rows: list[object]) -> list[str]:
    return [row["id"] for row in rows]  # type: ignore[index]


def test_selections_are_those_of_the_records_in_memory(bases: tuple[FactBase, FactBase]) -> None:
    stored, plain = bases
    topics = sorted(plain.values("topic"))
    assert sorted(stored.values("topic")) == topics
    assert stored.values("metric", "figure") == plain.values("metric", "figure")
    selections: list[tuple[str, dict[str, object], tuple[int | None, int | None] | None]] = [
        ("figure", {}, None),
        ("figure", {"derived": False}, None),
        ("figure", {"derived": True}, None),
        ("figure", {"topic": topics[0]}, (2019, None)),
        ("figure", {}, (None, 2018)),
        ("figure", {"derived": False}, (2010, 2010)),
        ("initiative", {"topic": topics[-1]}, None),
        ("target", {}, None),
        ("source", {}, None),
    ]
    for kind, equal, span in selections:
        assert ids(stored.select(kind, equal, span)) == ids(plain.select(kind, equal, span)), (kind, equal, span)


def test_records_that_refer_to_one_are_found_in_base_order(bases: tuple[FactBase, FactBase]) -> None:
    stored, plain = bases
    for record in plain.records:
        expected = [(field, other["id"]) for field, other in plain.referring(record["id"])]
        assert [(field, other["id"]) for field, other in stored.referring(record["id"])] == expected


def test_a_record_is_one_object_however_it_is_found(bases: tuple[FactBase, FactBase]) -> None:
    """A renderer tells a record of the base from a row made from one by identity."""
    stored, _ = bases
    first = stored.select("figure", {})[0]
    assert stored.by_id[first["id"]] is first
    assert stored.records[stored.records.index(first)] is first
    assert stored.encoded[first["id"]] == first.line  # type: ignore[attr-defined]
    assert "no-such-id" not in stored.by_id


CONCURRENT = """
import sys
from cqsmart.store.load import load
base = load(sys.argv[1])
sys.stdout.write(",".join(record["id"] for record in base.records))
"""


def test_processes_opening_a_cache_being_built_all_read_the_whole_base(tmp_path: Path) -> None:
    """Several processes start on a cold cache at once: each reads every record, none a half-built database."""
    sys.path.insert(0, str(TESTS))
    from synthetic import write_base

    folder = str(write_base(tmp_path / "synthetic", 2000))
    env = {**os.environ, "CQSMART_CACHE_DIR": str(tmp_path / "cache")}
    processes = [subprocess.Popen([sys.executable, "-c", CONCURRENT, folder], stdout=subprocess.PIPE, env=env) for _ in range(4)]
    outputs = {process.communicate(timeout=120)[0] for process in processes}
    assert all(process.returncode == 0 for process in processes)
    assert len(outputs) == 1 and outputs.pop().count(b",") == 2000 + 2  # the figures, a source, an initiative, a target less one
    assert len(list((tmp_path / "cache").glob("cqsmart-facts-*.sqlite"))) == 1
    assert not list((tmp_path / "cache").glob(".*.tmp"))


def test_a_base_narrowed_to_a_source_is_a_view_answering_as_the_records_in_memory(tmp_path: Path) -> None:
    """--source narrows a stored base by a view of its database (never reading it whole), with the same
    records, links and texts as the same base narrowed in memory."""
    from conftest import SMALL, renamed
    from cqsmart.query.narrow import from_source

    other = renamed(SMALL, "other", tmp_path / "other.json")
    stored = load([str(TESTS.parent / "facts"), str(other)], library=False)
    assert stored.store is not None
    plain = FactBase(tuple(dict(record) for record in stored.records), stored.origin)
    for source in ("cqdaily-2021-08-smart-city-interview", "other-interview"):
        narrow_stored, narrow_plain = from_source(stored, source), from_source(plain, source)
        assert narrow_stored.store is not None
        assert ids(list(narrow_stored.records)) == ids(list(narrow_plain.records))
        assert narrow_stored.store.content != stored.store.content  # its own search index
        for record in narrow_plain.records:
            found = narrow_stored.by_id[record["id"]]
            assert dict(found) == dict(record)
            assert narrow_stored.encoded[record["id"]] == plain.encoded.get(record["id"], stored.encoded[record["id"]])
            assert [(field, other["id"]) for field, other in narrow_stored.referring(record["id"])] == [
                (field, other["id"]) for field, other in narrow_plain.referring(record["id"])
            ]
        assert sorted(narrow_stored.values("topic")) == sorted(narrow_plain.values("topic"))
