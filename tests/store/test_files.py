"""store/files.py: removing a path, as a cleanup and as a removal the user asked for."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from cqsmart.errors import UsageError
from cqsmart.store.files import remove_path


def test_a_file_and_a_folder_are_removed(tmp_path: Path) -> None:
    (tmp_path / "base.json").write_text("[]")
    (tmp_path / "base").mkdir()
    (tmp_path / "base" / "figures.json").write_text("[]")
    remove_path(tmp_path / "base.json", cleanup=False)
    remove_path(tmp_path / "base", cleanup=False)
    assert list(tmp_path.iterdir()) == []


def test_a_symlink_to_a_folder_is_removed_not_followed(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "kept.json").write_text("[]")
    os.symlink(tmp_path / "real", tmp_path / "link")
    remove_path(tmp_path / "link", cleanup=False)
    assert not (tmp_path / "link").exists() and (tmp_path / "real" / "kept.json").exists()


def test_a_cleanup_of_what_is_gone_is_quiet(tmp_path: Path) -> None:
    remove_path(tmp_path / "missing")


def test_a_removal_the_user_asked_for_says_what_stopped_it(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"^cannot remove .*missing: No such file or directory$"):
        remove_path(tmp_path / "missing", cleanup=False)
