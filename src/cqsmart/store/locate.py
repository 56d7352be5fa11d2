"""Finding and reading the files of a fact base: the bundled one, `--facts PATH` or `$CQSMART_FACTS`."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple, TypeVar

from cqsmart.errors import InvalidFactBase, UsageError
from cqsmart.store.files import expand_user
from cqsmart.store.reading import Unreadable, not_regular, read_regular, regular_status, why_unreachable

A = TypeVar("A")
B = TypeVar("B")

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
    "check": "checks.json",
    "alias": "aliases.json",
}
# Files a folder may leave out: a base without checks is still a whole base.
OPTIONAL_FILES = frozenset({"checks.json", "aliases.json"})


class FactFile(NamedTuple):
    """One file: its name as shown in messages, its kind where the folder layout fixes one, and its bytes.

    The bytes are read once, and both the cache key and the validated records come from them, so a
    file replaced while cqsmart runs can never leave a cache entry that holds other content than its key.
    """

    name: str
    kind: str | None
    content: bytes


class FoundFile(NamedTuple):
    """A fact file found and opened (so it can be read), not yet read: its name, kind, path and status.
    A base the cache has seen with these very statuses is served without reading it (store/cache.py)."""

    name: str
    kind: str | None
    path: Path
    status: os.stat_result


def read_found(found: Sequence[FoundFile]) -> list[FactFile]:
    """The files' bytes, or an InvalidFactBase naming every file that could not be read."""
    return _every(found, lambda item: FactFile(item.name, item.kind, read_regular_file(item.path, item.name)))


def _every(items: Iterable[A], made: Callable[[A], B]) -> list[B]:
    """What `made` makes of each item, or one InvalidFactBase with the problems of all that fail."""
    results: list[B] = []
    problems: list[str] = []
    for item in items:
        try:
            results.append(made(item))
        except InvalidFactBase as error:
            problems.extend(str(problem) for problem in error.problems)
    if problems:
        raise InvalidFactBase(problems)
    return results


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
    """Where to load from, and how to name it in messages: `--facts` beats the environment. An empty
    one is refused: it is a script's unset variable, and quietly reading the bundled base instead would
    answer from facts the user did not choose."""
    if path == "":
        raise UsageError("--facts is empty; give a fact-base JSON file or folder")
    chosen = path if path is not None else os.environ.get(ENV_FACTS)
    if chosen == "":
        raise UsageError(f"{ENV_FACTS} is set but empty; unset it for the bundled base, or set it to a fact-base file or folder")
    if chosen is None:
        return bundled_facts_dir(), BUNDLED
    return expand_user(chosen), chosen


def resolve_paths(paths: Sequence[str]) -> tuple[list[tuple[Path, str]], bool]:
    """Each base to load and its name, and whether they are the default (the bundled base, which the
    library joins): the paths given, else those `$CQSMART_FACTS` lists (separated by os.pathsep)."""
    if paths:
        return [resolve_path(path) for path in paths], False
    chosen = os.environ.get(ENV_FACTS)
    if not chosen:
        return [resolve_path(None)], chosen is None  # resolve_path refuses a variable set but empty
    parts = chosen.split(os.pathsep)
    if "" in parts:
        raise UsageError(f"{ENV_FACTS} names an empty path ({chosen!r}); separate fact-base paths with {os.pathsep!r}")
    return [(expand_user(part), part) for part in parts], False


def read_fact_files(path: Path, origin: str) -> list[FactFile]:
    return read_found(find_fact_files(path, origin))


def find_fact_files(path: Path, origin: str) -> list[FoundFile]:
    """The fact files at path (a file, or a folder of them), each checked to be a regular file that opens."""
    if _kind_of(path, origin) == "folder":
        return _find_in_folder(path)
    return [_found(path, None)]


def _kind_of(path: Path, shown: str) -> str:
    """`folder` or `file`, or an InvalidFactBase that says what else the path is."""
    try:
        mode = path.stat().st_mode
    except OSError as error:
        raise InvalidFactBase([f"{shown}: {why_unreachable(path, error)}"]) from None
    if stat.S_ISDIR(mode):
        return "folder"
    if not stat.S_ISREG(mode):
        raise InvalidFactBase([f"{shown}: {not_regular(mode)}"])
    return "file"


def _find_in_folder(folder: Path) -> list[FoundFile]:
    problems: list[str] = []
    expected = set(FILE_BY_KIND.values())
    required = [name for name in FILE_BY_KIND.values() if name not in OPTIONAL_FILES]
    try:
        present = {entry.name for entry in folder.iterdir() if entry.suffix == ".json"}
    except OSError as error:
        raise InvalidFactBase([f"{folder}: cannot be read: {error.strerror or error}"]) from None
    for name in sorted(set(required) - present):
        problems.append(f"{folder / name}: missing (a fact-base folder holds {', '.join(required)})")
    for name in sorted(present - expected):
        problems.append(
            f"{folder / name}: unexpected file (a fact-base folder holds only {', '.join(required)}"
            f" and optionally {', '.join(sorted(OPTIONAL_FILES))})"
        )
    if problems:
        raise InvalidFactBase(problems)
    there = [(folder / name, kind) for kind, name in FILE_BY_KIND.items() if name in present]
    return _every(there, lambda each: _found(*each))


def _found(path: Path, kind: str | None) -> FoundFile:
    with _named(str(path)):
        return FoundFile(str(path), kind, path, regular_status(path, MAX_FILE_BYTES))


def read_regular_file(path: Path, shown: str, limit: int = MAX_FILE_BYTES) -> bytes:
    """The whole content of a regular file, or an InvalidFactBase naming it as `shown` and saying why not."""
    with _named(shown):
        return read_regular(path, limit)


@contextmanager
def _named(shown: str) -> Iterator[None]:
    """Why a file cannot be read, as an InvalidFactBase naming it."""
    try:
        yield
    except Unreadable as why:
        raise InvalidFactBase([f"{shown}: {why}"]) from None
