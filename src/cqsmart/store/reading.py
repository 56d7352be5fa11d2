"""Reading a file whole, safely: only a regular file, never more than a limit, never a hang.

Every file the program reads goes through `read_regular`: fact files, texts, cache entries and the
artefacts derived from them. What it refuses is said in words a message can carry.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path


class Unreadable(Exception):
    """Why a path could not be read as a regular file, in words that follow its name in a message."""


def open_regular(path: Path, limit: int) -> tuple[int, os.stat_result]:
    """A descriptor open on a regular file of at most `limit` bytes, with its status; the caller closes it.

    Opened non-blocking, so a FIFO cannot hang the open; checked with fstat on the descriptor, so
    what is read is what was checked.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise Unreadable(why_unreachable(path, error)) from None
    try:
        status = os.fstat(descriptor)
    except OSError as error:
        os.close(descriptor)
        raise Unreadable(f"cannot be read: {error.strerror or error}") from None
    if not stat.S_ISREG(status.st_mode) or status.st_size > limit:
        os.close(descriptor)
        too_large = f"file is {status.st_size:,} bytes; the limit is {limit:,}"
        raise Unreadable(not_regular(status.st_mode) if not stat.S_ISREG(status.st_mode) else too_large)
    return descriptor, status


def regular_status(path: Path, limit: int) -> os.stat_result:
    """The status of a regular file that could be read (it opens), or Unreadable saying why not."""
    descriptor, status = open_regular(path, limit)
    os.close(descriptor)
    return status


def read_regular(path: Path, limit: int) -> bytes:
    """The whole content of a regular file of at most `limit` bytes, refusing anything else before a
    blocking read; limited by the bytes actually read, since a file still being written reports a
    size that means nothing."""
    descriptor, status = open_regular(path, limit)
    try:
        chunks: list[bytes] = []
        total = 0
        # Asking for the stated size and a byte more reads a regular file whole in one call (no joining
        # of pieces); the loop still ends only at the end of what is there.
        size = min(max(status.st_size + 1, 1 << 16), limit + 1)
        while chunk := os.read(descriptor, size):
            total += len(chunk)
            if total > limit:
                raise Unreadable(f"file grew past {limit:,} bytes, the limit, while being read")
            chunks.append(chunk)
        return chunks[0] if len(chunks) == 1 else b"".join(chunks)
    except OSError as error:
        raise Unreadable(f"cannot be read: {error.strerror or error}") from None
    finally:
        os.close(descriptor)


def why_unreachable(path: Path, error: OSError) -> str:
    if error.errno == errno.ELOOP:
        return "a symbolic link that loops back on itself"
    if error.errno == errno.ENOENT and path.is_symlink():
        return f"a symbolic link to {os.readlink(path)}, which does not exist"
    if error.errno == errno.ENOENT:
        return "no such file or folder"
    if error.errno == errno.EISDIR:
        return "is a folder, not a regular file"
    return f"cannot be read: {error.strerror or error}"


def what_kind(mode: int) -> str:
    """What a file of this mode is, in words: file, folder, symbolic link, FIFO (named pipe), socket, device."""
    kinds = (
        (stat.S_ISREG, "file"),
        (stat.S_ISDIR, "folder"),
        (stat.S_ISLNK, "symbolic link"),
        (stat.S_ISFIFO, "FIFO (named pipe)"),
        (stat.S_ISSOCK, "socket"),
    )
    return next((what for test, what in kinds if test(mode)), "device")


def not_regular(mode: int) -> str:
    return f"is a {what_kind(mode)}, not a regular file"
