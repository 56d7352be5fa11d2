"""The cache serves a base only for the very files it was built from, and reads its files safely."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from conftest import SMALL, Run
from cqsmart.errors import InvalidFactBase
from cqsmart.store.cache import Cache, Key, content_key
from cqsmart.store.load import load
from cqsmart.store.locate import FactFile, bundled_facts_dir, read_fact_files
from synthetic import write_base


def test_a_file_holding_the_digest_of_a_cached_large_base_is_not_served_it(tmp_path: Path) -> None:
    """The old key fed a large file in as `sha256:<digest>`: a small file of those bytes had the same key."""
    folder = write_base(tmp_path / "large", 3000)
    large = tmp_path / "large.json"
    large.write_text(json.dumps([record for part in sorted(folder.glob("*.json")) for record in json.loads(part.read_text())]))
    assert large.stat().st_size >= 1 << 20
    load(str(large))  # cached
    forged = tmp_path / "forged" / "large.json"
    forged.parent.mkdir()
    forged.write_bytes(b"sha256:" + hashlib.sha256(large.read_bytes()).digest())
    with pytest.raises(InvalidFactBase):
        load(str(forged))


def test_a_file_holding_a_whole_folder_s_framing_is_not_served_the_folder(tmp_path: Path, run: Run) -> None:
    """The old key fed `\\0name\\0bytes` for each file: one file could spell out a whole folder."""
    folder = bundled_facts_dir()
    load(str(folder))  # cached
    files = read_fact_files(folder, str(folder))
    names = [os.path.basename(item.name) for item in files]
    assert names[0] == "sources.json"
    forged = tmp_path / "sources.json"
    framing = (b"\0" + name.encode() + b"\0" + item.content for name, item in zip(names[1:], files[1:], strict=True))
    forged.write_bytes(files[0].content + b"".join(framing))
    result = run("--facts", str(forged), "stats")
    assert result.exit_code == 2 and result.stdout == ""
    after_sources = files[0].content.count(b"\n") + 1  # the first byte of framing follows the last line
    assert f"{forged}: $: invalid JSON at line {after_sources} column 1: Extra data" in result.stderr


def test_key_changes_with_each_file_s_name_kind_and_bytes() -> None:
    base = [FactFile("a/figures.json", "figure", b"[1]"), FactFile("a/sources.json", "source", b"[2]")]
    variants = [
        [FactFile("a/figures.json", "figure", b"[1]")],
        [FactFile("a/figures.json", "figure", b"[1][2]")],
        [FactFile("a/figure.json", "figure", b"[1]"), FactFile("a/sources.json", "source", b"[2]")],
        [FactFile("a/figures.json", None, b"[1]"), FactFile("a/sources.json", "source", b"[2]")],
        [FactFile("a/figures.json", "figure", b"[1]sources.json"), FactFile("a/", "source", b"[2]")],
    ]
    keys = {content_key(base), *(content_key(files) for files in variants)}
    assert len(keys) == 1 + len(variants)
    elsewhere = [FactFile("b/figures.json", "figure", b"[1]"), FactFile("b/sources.json", "source", b"[2]")]
    assert content_key(base) == content_key(elsewhere)


def test_framed_fields_cannot_run_into_each_other() -> None:
    assert Key().add(b"a", b"1").add(b"b", b"2").hexdigest() != Key().add(b"a", b"1b1:2").hexdigest()


def _cached_entry(tmp_path: Path) -> tuple[Path, Path]:
    facts = tmp_path / "small.json"
    shutil.copy(SMALL, facts)
    load(str(facts))
    (entry,) = (tmp_path / "cache").glob("cqsmart-facts-*.sqlite")
    return facts, entry


def test_an_entry_replaced_by_a_fifo_is_a_miss_that_is_rebuilt(tmp_path: Path, run: Run) -> None:
    facts, entry = _cached_entry(tmp_path)
    entry.unlink()
    os.mkfifo(entry)
    result = run("--facts", str(facts), "stats", "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert entry.is_file()  # written anew, over the FIFO


def test_an_entry_linked_to_dev_zero_is_a_miss(tmp_path: Path, run: Run) -> None:
    facts, entry = _cached_entry(tmp_path)
    entry.unlink()
    entry.symlink_to("/dev/zero")
    result = run("--facts", str(facts), "stats", "--json")
    assert (result.exit_code, result.stderr) == (0, "")


def test_an_entry_larger_than_its_base_could_make_is_a_miss_never_read(tmp_path: Path) -> None:
    facts, entry = _cached_entry(tmp_path)
    key = entry.name.removeprefix("cqsmart-facts-").removesuffix(".sqlite")
    with entry.open("r+b") as handle:
        handle.truncate(1 << 40)  # sparse: a terabyte that costs no disk
    assert Cache(entry.parent).read(key, 1 << 20) is None
    assert load(str(facts)).records


@pytest.mark.parametrize("replacement", ["fifo", "/dev/zero", "sparse"])
def test_an_index_artefact_that_is_not_a_small_regular_file_is_rebuilt(tmp_path: Path, run: Run, replacement: str) -> None:
    facts = tmp_path / "small.json"
    shutil.copy(SMALL, facts)
    first = run("--facts", str(facts), "search", "growth", "--json")
    assert first.exit_code == 0
    (artefact,) = (tmp_path / "cache").glob("cqsmart-records-*.sqlite")
    artefact.unlink()
    if replacement == "fifo":
        os.mkfifo(artefact)
    elif replacement == "sparse":
        with artefact.open("wb") as handle:
            handle.truncate(1 << 40)
    else:
        artefact.symlink_to(replacement)
    again = run("--facts", str(facts), "search", "growth", "--json")
    assert (again.exit_code, again.stdout, again.stderr) == (0, first.stdout, "")
