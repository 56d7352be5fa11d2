"""Writing files the safe way: never over an existing file unless asked, never half-written."""

from __future__ import annotations

# tempfile and shutil are imported where used: reading commands load this module for expand_user.
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cqsmart.errors import UsageError
from cqsmart.store.reading import Unreadable, read_regular, what_kind


def expand_user(text: str) -> Path:
    """`~/facts` as a shell would expand it; `~nosuchuser` stays as written, as a shell leaves it."""
    try:
        return Path(text).expanduser()
    except (RuntimeError, KeyError):
        return Path(text)


def shown(path: Path) -> str:
    """A path as a message shows it: as typed, or quoted with escapes when it holds a line break, a
    tab or a control character, so the message stays one line that says exactly which path."""
    text = str(path)
    return text if text.isprintable() else repr(text)


def check_target(path: Path, force: bool, folder: bool = False, marker: str | None = None) -> None:
    """Refuse, before any work is done, a target that could not or should not be replaced.

    --force replaces a regular file with a file. A folder is replaced only by a folder, and only if it
    holds `marker` listing the files an earlier export wrote there and nothing else (see
    `foreign_entry`), so no command can wipe a folder that is not its own. Links, FIFOs, devices and
    sockets are never replaced.
    """
    if not path.name or path.name in (".", ".."):
        raise UsageError(f"{shown(path) if str(path) else repr(str(path))} does not name a file or folder to write")
    if not path.parent.is_dir():
        raise UsageError(f"{shown(path.parent)} is not a folder; create it first")
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    except OSError as failure:
        raise UsageError(f"cannot write {shown(path)}: {failure.strerror or failure}") from None
    if not force:
        raise UsageError(f"{shown(path)} exists; use --force to replace it")
    what = what_kind(mode)
    if what != ("folder" if folder else "file"):
        raise UsageError(f"{shown(path)} is a {what}; not replacing it")
    if folder:
        if marker is None:
            raise UsageError(f"{shown(path)} is a folder; not replacing it")
        foreign = foreign_entry(path, marker)
        if foreign is not None:
            raise UsageError(
                f"{shown(path)} holds {shown(Path(foreign))}, which no earlier export wrote; not replacing the folder"
            )


# The field of an export's marker file (a JSON object) that lists the files the export wrote:
# {"cqsmart": {"files": ["figures.csv", …]}}. Written by the export, read back by `foreign_entry`.
MARKER_FIELD = "cqsmart"
_MARKER_LIMIT = 16 << 20  # a marker lists file names; anything near this size is not one


def marker_entry(files: list[str]) -> dict[str, object]:
    """What an export adds to its marker file so that a later --force knows the folder is its own."""
    return {MARKER_FIELD: {"files": sorted(files)}}


def foreign_entry(folder: Path, marker: str) -> str | None:
    """The first name in `folder` (in sorted order) that an earlier export did not write, or None.

    The marker must be a regular file whose JSON lists what the export wrote (see `marker_entry`);
    every other name, and a listed name that is now a folder or a link, is foreign. A marker that does
    not read that way (a user's own datapackage.json) is itself foreign; without a marker, everything is.
    """
    import json

    written: set[str] = set()
    if os.path.lexists(folder / marker):
        try:
            listing = json.loads(read_regular(folder / marker, _MARKER_LIMIT))[MARKER_FIELD]["files"]
        except (Unreadable, ValueError, TypeError, KeyError):
            return marker
        if not isinstance(listing, list):
            return marker
        written = {name for name in listing if isinstance(name, str)} | {marker}
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as failure:
        raise UsageError(f"cannot read {shown(folder)}: {failure.strerror or failure}") from None
    for entry in entries:
        if entry.name not in written or not entry.is_file(follow_symlinks=False):
            return entry.name
    return None


@contextmanager
def replacing(path: Path, force: bool, folder: bool = False, marker: str | None = None) -> Iterator[Path]:
    """A temporary file (or folder) beside `path`, moved onto it only if the block completes.

    Without --force the move is exclusive: of several processes writing the same new path, exactly
    one wins and the others fail with "exists".
    """
    import tempfile

    check_target(path, force, folder, marker)
    prefix = f".{path.name}."
    sweep_stale_temporaries(path)
    try:
        if folder:
            temporary = Path(tempfile.mkdtemp(dir=path.parent, prefix=prefix, suffix=".tmp"))
        else:
            descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
            os.close(descriptor)
            temporary = Path(name)
    except OSError as failure:
        raise UsageError(f"cannot write {shown(path)}: {failure.strerror or failure}") from None
    try:
        yield temporary
        _give_usual_permissions(temporary)
        if force:
            check_target(path, force, folder, marker)  # what is there now, not what was there before the work
            _replace(temporary, path, folder)
        else:
            _create(temporary, path, folder)
    except OSError as failure:
        remove_path(temporary)
        raise UsageError(f"cannot write {shown(path)}: {failure.strerror or failure}") from None
    except BaseException:
        remove_path(temporary)
        raise


STALE_AFTER = 3600  # seconds: no export takes an hour, so an older temporary is one a killed run left


def _temporary_pattern(path: Path) -> re.Pattern[str]:
    """The names `replacing` gives its temporaries beside `path`: tempfile's eight random characters
    between `.NAME.` and `.tmp` (or `.old`, a replaced folder), and the journal SQLite keeps beside one."""
    return re.compile(re.escape(f".{path.name}.") + r"[a-z0-9_]{8}\.(?:tmp|tmp-journal|old)")


def sweep_stale_temporaries(path: Path) -> None:
    """Remove what an export to `path` that was killed outright (SIGKILL, a power cut) left beside it.

    Only names of the temporaries' own pattern, and only those untouched for STALE_AFTER seconds, so
    the work of an export running now in another process is never taken away."""
    import time

    pattern = _temporary_pattern(path)
    oldest = time.time() - STALE_AFTER
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return  # check_target has said what is wrong with the folder, or the write will
    for entry in entries:
        try:
            if pattern.fullmatch(entry.name) and entry.stat(follow_symlinks=False).st_mtime < oldest:
                remove_path(Path(entry.path))
        except OSError:
            continue  # gone already, or not ours to remove: the export goes on


def _give_usual_permissions(path: Path) -> None:
    """Temporary files are private (0600); the finished export gets what a new file normally would."""
    umask = os.umask(0)
    os.umask(umask)
    for item in [path, *path.rglob("*")] if path.is_dir() else [path]:
        os.chmod(item, (0o777 if item.is_dir() else 0o666) & ~umask)


def _create(temporary: Path, path: Path, folder: bool) -> None:
    """Put the finished work at a path that must not exist yet, atomically and exclusively."""
    try:
        if folder:
            os.mkdir(path)  # claims the name; renaming a folder onto an empty one is allowed
            try:
                os.replace(temporary, path)
            except OSError:
                os.rmdir(path)
                raise
            return
        try:
            os.link(temporary, path)  # fails if anything is there, unlike a rename
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: claim the name, then rename onto the claim
            os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            os.replace(temporary, path)
            return
        os.unlink(temporary)
    except FileExistsError:
        raise UsageError(f"{shown(path)} exists; use --force to replace it") from None


def _replace(temporary: Path, path: Path, folder: bool) -> None:
    if not folder or not path.exists():
        os.replace(temporary, path)  # atomic, also over an existing file
        return
    # A folder cannot be renamed over a full one: move the old one aside under a fresh name, then drop it.
    import tempfile

    old = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".old"))
    os.replace(path, old)
    os.replace(temporary, path)
    remove_path(old)


def remove_path(path: Path, *, cleanup: bool = True) -> None:
    """Remove a file or a folder: a cleanup of our own leftovers ignores failure; a removal the user
    asked for says what stopped it."""
    import shutil

    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=cleanup)
        else:
            path.unlink(missing_ok=cleanup)
    except OSError as failure:
        if not cleanup:
            raise UsageError(f"cannot remove {shown(path)}: {failure.strerror or failure}") from None


def write_atomically(path: Path, data: bytes, force: bool) -> None:
    with replacing(path, force) as temporary:
        temporary.write_bytes(data)
