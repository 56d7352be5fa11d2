"""Writing files the safe way: never over an existing file unless asked, never half-written."""

from __future__ import annotations

# tempfile and shutil are imported where used: reading commands load this module for expand_user.
import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cqsmart.errors import UsageError


def expand_user(text: str) -> Path:
    """`~/facts` as a shell would expand it; `~nosuchuser` stays as written, as a shell leaves it."""
    try:
        return Path(text).expanduser()
    except (RuntimeError, KeyError):
        return Path(text)


def check_target(path: Path, force: bool, folder: bool = False, marker: str | None = None) -> None:
    """Refuse, before any work is done, a target that could not or should not be replaced.

    --force replaces a regular file with a file. A folder is replaced only by a folder, and only if it
    holds `marker` (the file every earlier export of that kind wrote), so no command can wipe a folder
    that is not its own. Links, FIFOs, devices and sockets are never replaced.
    """
    if not path.name or path.name in (".", ".."):
        raise UsageError(f"{str(path) or repr(str(path))} does not name a file or folder to write")
    if not path.parent.is_dir():
        raise UsageError(f"{path.parent} is not a folder; create it first")
    try:
        mode = path.lstat().st_mode
    except FileNotFoundError:
        return
    except OSError as failure:
        raise UsageError(f"cannot write {path}: {failure.strerror or failure}") from None
    if not force:
        raise UsageError(f"{path} exists; use --force to replace it")
    what = _what(mode)
    if what != ("folder" if folder else "file"):
        raise UsageError(f"{path} is a {what}; not replacing it")
    if folder and (marker is None or not (path / marker).is_file()):
        raise UsageError(f"{path} is a folder without {marker}, so not an earlier export; not replacing it")


def _what(mode: int) -> str:
    kinds = (
        (stat.S_ISREG, "file"),
        (stat.S_ISDIR, "folder"),
        (stat.S_ISLNK, "symbolic link"),
        (stat.S_ISFIFO, "FIFO (named pipe)"),
        (stat.S_ISSOCK, "socket"),
    )
    return next((what for test, what in kinds if test(mode)), "device")


@contextmanager
def replacing(path: Path, force: bool, folder: bool = False, marker: str | None = None) -> Iterator[Path]:
    """A temporary file (or folder) beside `path`, moved onto it only if the block completes.

    Without --force the move is exclusive: of several processes writing the same new path, exactly
    one wins and the others fail with "exists".
    """
    import tempfile

    check_target(path, force, folder, marker)
    prefix = f".{path.name}."
    try:
        if folder:
            temporary = Path(tempfile.mkdtemp(dir=path.parent, prefix=prefix, suffix=".tmp"))
        else:
            descriptor, name = tempfile.mkstemp(dir=path.parent, prefix=prefix, suffix=".tmp")
            os.close(descriptor)
            temporary = Path(name)
    except OSError as failure:
        raise UsageError(f"cannot write {path}: {failure.strerror or failure}") from None
    try:
        yield temporary
        _give_usual_permissions(temporary)
        if force:
            check_target(path, force, folder, marker)  # what is there now, not what was there before the work
            _replace(temporary, path, folder)
        else:
            _create(temporary, path, folder)
    except OSError as failure:
        _remove(temporary)
        raise UsageError(f"cannot write {path}: {failure.strerror or failure}") from None
    except BaseException:
        _remove(temporary)
        raise


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
        raise UsageError(f"{path} exists; use --force to replace it") from None


def _replace(temporary: Path, path: Path, folder: bool) -> None:
    if not folder or not path.exists():
        os.replace(temporary, path)  # atomic, also over an existing file
        return
    # A folder cannot be renamed over a full one: move the old one aside under a fresh name, then drop it.
    import tempfile

    old = Path(tempfile.mkdtemp(dir=path.parent, prefix=f".{path.name}.", suffix=".old"))
    os.replace(path, old)
    os.replace(temporary, path)
    _remove(old)


def _remove(path: Path) -> None:
    import shutil

    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def write_atomically(path: Path, data: bytes, force: bool) -> None:
    with replacing(path, force) as temporary:
        temporary.write_bytes(data)
