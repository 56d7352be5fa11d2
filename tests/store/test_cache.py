"""The cache knows a settled base by its files' statuses, and never by a status that could hide a change."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cqsmart.store import cache as cache_module
from cqsmart.store import locate
from cqsmart.store.cache import Cache
from cqsmart.store.load import load
from synthetic import write_base


@pytest.fixture
def settled(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files written by the test count as settled at once (they would after a few seconds)."""
    monkeypatch.setattr(cache_module, "SETTLED_NANOSECONDS", 0)


def cache_files(kind: str) -> list[Path]:
    return sorted(Cache.default().directory.glob(f"cqsmart-{kind}-*"))


def values(folder: Path) -> list[object]:
    return [record.get("value") for record in load(str(folder)).of_kind("figure")]


def labels(folder: Path) -> list[str]:
    return [record["label"]["en"] for record in load(str(folder)).of_kind("figure")]


def unreadable(*_: object) -> bytes:
    raise AssertionError("the fact files were read")


def test_a_settled_base_is_served_by_its_files_statuses_without_reading_them(
    tmp_path: Path, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_base(tmp_path / "base", 20)
    first = values(folder)
    assert len(cache_files("seen")) == 1
    monkeypatch.setattr(locate, "read_regular", unreadable)
    assert values(folder) == first


def test_a_file_rewritten_to_its_old_size_and_time_is_read_again(tmp_path: Path, settled: None) -> None:
    """`touch -r` can put the modification time back; the change time it cannot."""
    folder = write_base(tmp_path / "base", 20)
    figures = folder / "figures.json"
    assert "Synthetic figure 7" in labels(folder)
    status = figures.stat()
    figures.write_text(figures.read_text().replace('"Synthetic figure 7"', '"Synthetic figure X"'))
    os.utime(figures, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert figures.stat().st_size == status.st_size and figures.stat().st_mtime_ns == status.st_mtime_ns
    assert "Synthetic figure X" in labels(folder) and "Synthetic figure 7" not in labels(folder)


def test_a_file_changed_just_before_it_is_read_is_not_remembered(tmp_path: Path) -> None:
    folder = write_base(tmp_path / "base", 20)
    values(folder)
    assert cache_files("facts") and not cache_files("seen")


def test_a_file_changed_while_it_is_read_is_not_remembered(
    tmp_path: Path, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_base(tmp_path / "base", 20)
    read = locate.read_regular

    def read_then_change(path: Path, limit: int) -> bytes:
        content = read(path, limit)
        if path.name == "figures.json":
            path.write_bytes(content)  # the same bytes, a new change time
        return content

    monkeypatch.setattr(locate, "read_regular", read_then_change)
    values(folder)
    assert not cache_files("seen")


def test_a_remembered_base_whose_entry_is_gone_is_read_and_built_again(tmp_path: Path, settled: None) -> None:
    folder = write_base(tmp_path / "base", 20)
    first = values(folder)
    [entry] = cache_files("facts")
    entry.unlink()
    assert values(folder) == first
    assert cache_files("facts") == [entry]


@pytest.mark.parametrize("garbled", [b"", b"not a key", b"0" * 127, b"0" * 128 + b"\n", "é".encode() * 64])
def test_a_garbled_memory_is_not_trusted(tmp_path: Path, settled: None, garbled: bytes) -> None:
    folder = write_base(tmp_path / "base", 20)
    first = values(folder)
    [seen] = cache_files("seen")
    seen.write_bytes(garbled)
    assert values(folder) == first


def test_statuses_are_kept_apart_from_indexes_when_the_cache_is_pruned(tmp_path: Path) -> None:
    """Remembering many bases never pushes out a search index, nor the other way round."""
    cache = Cache(tmp_path)
    for number in range(cache_module.KEEP_SEEN + 5):
        (tmp_path / f"cqsmart-seen-{number:016x}.key").write_bytes(b"0" * 128)
    for number in range(cache_module.KEEP_ARTEFACTS):
        (tmp_path / f"cqsmart-figures-{number:0128x}.sqlite").write_bytes(b"")
    cache._prune()
    assert len(list(tmp_path.glob("cqsmart-seen-*"))) == cache_module.KEEP_SEEN
    assert len(list(tmp_path.glob("cqsmart-figures-*"))) == cache_module.KEEP_ARTEFACTS


def test_another_base_s_memory_under_this_name_is_not_trusted(tmp_path: Path, settled: None) -> None:
    """A checksum names the file; the statuses it holds decide, so two bases whose checksums agree are told apart."""
    one, other = write_base(tmp_path / "one", 20), write_base(tmp_path / "other", 30)
    assert len(values(one)) == 20
    [seen] = cache_files("seen")
    remembered = seen.read_bytes()
    assert len(values(other)) == 30
    [other_seen] = [path for path in cache_files("seen") if path != seen]
    other_seen.write_bytes(remembered)  # as if the other base's checksum were this one's
    assert len(values(other)) == 30


def test_where_statuses_tell_no_change_a_base_is_always_read(
    tmp_path: Path, settled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows st_ctime is the creation time: the content alone identifies a base there."""
    monkeypatch.setattr(cache_module, "STATUSES_TELL_CHANGES", False)
    folder = write_base(tmp_path / "base", 20)
    values(folder)
    values(folder)
    assert cache_files("facts") and not cache_files("seen")
