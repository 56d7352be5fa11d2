"""Finding and reading the files of a fact base: the bundled one, `--facts PATH` or `$CQSMART_FACTS`."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cqsmart.errors import InvalidFactBase
from cqsmart.store.files import expand_user

ENV_FACTS = "CQSMART_FACTS"
BUNDLED = "bundled"
# Large enough for a million figures, small enough that a hostile file cannot exhaust memory.
MAX_FILE_BYTES = 128 * 1024 * 1024


# The files of a fact-base folder, each holding the records of one kind.
FILE_BY_KIND: dict[str, str] = {
    "source": "sources.json",
    "figure": "figures.json",
    "initiative": "initiatives.json",
    "target": "targets.json",
    "alias": "aliases.json",
}
# Files a folder may leave out: a base without aliases is still a whole base.
OPTIONAL_KINDS = frozenset({"alias"})


@dataclass(frozen=True)
class FactFile:
    """One file: its name as shown in messages, and its kind where the folder layout fixes one.

    Its bytes are read when needed and not kept: hashing a large base for the cache key then
    costs no more memory than its largest file.
    """

    name: str
    kind: str | None
    path: Path

    def read(self) -> bytes:
        return _read_bytes(self.path, self.name)


def bundled_facts_dir() -> Path:
    """The fact base shipped in the wheel, or the checkout's `facts/` in an editable install.

    Found beside this module rather than through importlib.resources, which costs more to import
    than a whole cached query; the package is always installed as files, never zipped.
    """
    package = Path(__file__).resolve().parents[1]
    packaged = package / "facts"
    if packaged.is_dir():
        return packaged
    return package.parents[1] / "facts"


def resolve_path(path: str | None) -> tuple[Path, str]:
    """Where to load from, and how to name it in messages: `--facts` beats the environment."""
    chosen = path or os.environ.get(ENV_FACTS) or None
    if chosen is None:
        return bundled_facts_dir(), BUNDLED
    return expand_user(chosen), chosen


def read_fact_files(path: Path, origin: str) -> list[FactFile]:
    if path.is_dir():
        return _read_folder(path)
    if path.is_file():
        return [FactFile(str(path), None, path)]
    raise InvalidFactBase([f"{origin}: no such file or folder"])


def _read_folder(folder: Path) -> list[FactFile]:
    problems: list[str] = []
    expected = set(FILE_BY_KIND.values())
    listed = [name for kind, name in FILE_BY_KIND.items() if kind not in OPTIONAL_KINDS]
    required = set(listed)
    optional = "".join(f" and optionally {name}" for kind, name in FILE_BY_KIND.items() if kind in OPTIONAL_KINDS)
    present = {entry.name for entry in folder.iterdir() if entry.suffix == ".json"}
    for name in sorted(required - present):
        problems.append(f"{folder / name}: missing (a fact-base folder holds {', '.join(listed)})")
    for name in sorted(present - expected):
        problems.append(f"{folder / name}: unexpected file (a fact-base folder holds only {', '.join(listed)}{optional})")
    if problems:
        raise InvalidFactBase(problems)
    return [FactFile(str(folder / name), kind, folder / name) for kind, name in FILE_BY_KIND.items() if name in present]


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InvalidFactBase([f"{shown}: file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}"])
        return path.read_bytes()
    except OSError as error:
        raise InvalidFactBase([f"{shown}: cannot be read: {error.strerror or error}"]) from None
