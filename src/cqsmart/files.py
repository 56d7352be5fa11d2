"""Writing files the safe way: never over an existing file unless asked, never half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from cqsmart.errors import UsageError


def check_target(path: Path, force: bool) -> None:
    """Refuse, before any work is done, a target that exists (without --force) or has no folder."""
    if path.exists() and not force:
        raise UsageError(f"{path} exists; use --force to replace it")
    if not path.parent.is_dir():
        raise UsageError(f"{path.parent} is not a folder; create it first")


def write_atomically(path: Path, data: bytes, force: bool) -> None:
    """Write to a temporary file beside the target and rename it into place when complete."""
    check_target(path, force)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
