"""The user's library: fact bases validated once and kept under an id in the user's data folder, read
beside the bundled base by every command."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import NamedTuple

from cqsmart.errors import NotFound, UsageError, echo
from cqsmart.model.factbase import JsonRecord
from cqsmart.model.vocabulary import SLUG_MAX, SLUG_PATTERN
from cqsmart.store.files import expand_user, remove_path, replacing, shown
from cqsmart.store.locate import FILE_BY_KIND, read_fact_files, resolve_path

ENV_DATA_DIR = "CQSMART_DATA_DIR"


class Entry(NamedTuple):
    """A base in the library: its id and where its file or folder is."""

    id: str
    path: Path


def library_dir() -> Path:
    """`$CQSMART_DATA_DIR`, else platformdirs' user data folder (`$XDG_DATA_HOME/cqsmart/library`)."""
    configured = os.environ.get(ENV_DATA_DIR)
    if configured:
        return expand_user(configured) / "library"
    if sys.platform.startswith("linux"):
        # platformdirs' XDG rule, inline, as for the cache: importing platformdirs costs more than a query.
        xdg = os.environ.get("XDG_DATA_HOME", "").strip()
        return (expand_user(xdg) if xdg else expand_user("~/.local/share")) / "cqsmart" / "library"
    from platformdirs import user_data_dir

    return Path(user_data_dir("cqsmart", appauthor=False)) / "library"


def entries() -> list[Entry]:
    """The library's bases by id; none when the folder does not exist yet."""
    folder = library_dir()
    try:
        found = list(os.scandir(folder))
    except FileNotFoundError:
        return []
    except OSError as failure:
        raise UsageError(f"cannot read the library {shown(folder)}: {failure.strerror or failure}") from None
    named = []
    for item in found:
        name = item.name.removesuffix(".json") if item.is_file() else item.name
        if not item.name.startswith(".") and re.fullmatch(SLUG_PATTERN, name):
            named.append(Entry(name, Path(item.path)))
    return sorted(named)


def entry(base_id: str) -> Entry:
    for found in entries():
        if found.id == base_id:
            return found
    ids = ", ".join(item.id for item in entries()) or "none yet; add one with 'cqsmart library add PATH'"
    raise NotFound(f"no base {echo(base_id)} in the library (bases: {ids})")


def default_id(path: Path) -> str:
    """`~/data/District 2024.json` → `district-2024`: the file or folder name as an id."""
    stem = path.name.removesuffix(".json") if path.suffix == ".json" else path.name
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")[:SLUG_MAX]
    if not slug:
        raise UsageError(f"cannot make an id from {echo(path.name)}; give one with --id")
    return slug


def add(path: str, base_id: str | None, force: bool) -> tuple[Entry, list[JsonRecord]]:
    """Validate a base and copy it into the library, atomically, as one file or a folder; with its records."""
    from cqsmart.store.load import validate

    location, _ = resolve_path(path)
    chosen = base_id if base_id is not None else default_id(location)
    if not re.fullmatch(SLUG_PATTERN, chosen) or len(chosen) > SLUG_MAX:
        raise UsageError(f"--id {echo(chosen)} is not an id: lowercase letters, digits and hyphens, e.g. district-2024")
    folder = library_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as failure:
        raise UsageError(f"cannot create the library {shown(folder)}: {failure.strerror or failure}") from None
    files = read_fact_files(location, path)
    records = validate(files)  # the bytes validated are the bytes kept
    existing = [item for item in entries() if item.id == chosen]
    if existing and not force:
        raise UsageError(f"the library has a base {echo(chosen)} already; use --force to replace it, or --id for another")
    _refuse_clashes(path, records, chosen)
    for item in existing:
        if item.path.is_dir() != (files[0].kind is not None):
            remove_path(item.path, cleanup=False)  # a folder replaced by a file, or the other way round
    is_folder = files[0].kind is not None
    target = folder / (chosen if is_folder else f"{chosen}.json")
    with replacing(target, force, folder=is_folder) as temporary:
        if is_folder:
            for fact_file in files:
                (temporary / FILE_BY_KIND[str(fact_file.kind)]).write_bytes(fact_file.content)
        else:
            temporary.write_bytes(files[0].content)
    return Entry(chosen, target), records


def _refuse_clashes(path: str, records: list[JsonRecord], base_id: str) -> None:
    """A base is read beside the bundled one and the rest of the library: an id they hold already would
    make every command fail, so it is refused now, naming where the id is."""
    from cqsmart.errors import InvalidFactBase
    from cqsmart.store.load import load

    ids = {str(record["id"]) for record in records}
    others = [(None, "the bundled base")] + [
        (str(item.path), f"library base {item.id}") for item in entries() if item.id != base_id
    ]
    for other, name in others:
        try:
            held = load(other, library=False) if other is not None else load(library=False)
        except InvalidFactBase:
            continue  # a broken library base is left out of every read, so it clashes with nothing
        clash = next((record_id for record_id in held.by_id if record_id in ids), None)
        if clash is not None:
            raise UsageError(f"{path}: id {echo(clash)} is also in {name}; ids differ across the bases read together")


def remove(base_id: str) -> Entry:
    found = entry(base_id)
    remove_path(found.path, cleanup=False)
    return found
