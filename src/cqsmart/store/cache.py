"""A cache of validated fact bases, so a known-good base is not validated again on every run.

Entries are keyed by the content of the fact files and the package version. Each is written to a
temporary file and renamed into place, and carries a checksum of its payload, so a truncated or
garbled entry is detected and rebuilt rather than trusted.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from cqsmart import __version__
from cqsmart.errors import CqsmartError
from cqsmart.model import jsontext
from cqsmart.store.files import expand_user

if TYPE_CHECKING:
    from cqsmart.store.locate import FactFile

try:  # the builtin module: hashlib would load OpenSSL, a noticeable part of start-up
    from _blake2 import blake2b as _blake2b
except ImportError:  # pragma: no cover - other Python implementations
    from hashlib import blake2b as _blake2b


class Hasher(Protocol):
    def update(self, data: bytes, /) -> None: ...
    def hexdigest(self) -> str: ...


def content_hash(data: bytes = b"") -> Hasher:
    """A hash of content, for cache keys and for checking a cache entry is intact."""
    return _blake2b(data)


def content_key(files: list[FactFile]) -> str:
    """Identifies a fact base by content and the package version that validated it."""
    digest = content_hash(__version__.encode())
    for item in files:
        digest.update(b"\0" + item.path.name.encode() + b"\0")
        digest.update(item.read())
    return digest.hexdigest()


ENV_CACHE_DIR = "CQSMART_CACHE_DIR"
_FORMAT = "cqsmart-cache-4"
KEEP_ENTRIES = 16


class Cache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @classmethod
    def default(cls) -> Cache:
        configured = os.environ.get(ENV_CACHE_DIR)
        if configured:
            return cls(expand_user(configured))
        if sys.platform.startswith("linux"):
            # platformdirs' XDG rule, inline: importing platformdirs costs more than a cached query.
            xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
            return cls((expand_user(xdg) if xdg else expand_user("~/.cache")) / "cqsmart")
        from platformdirs import user_cache_dir

        return cls(Path(user_cache_dir("cqsmart", appauthor=False)))

    def _entry(self, key: str) -> Path:
        return self.directory / f"facts-{key}.json"

    def read(self, key: str) -> tuple[list[list[Any]], bytes] | None:
        """The cached index and record array, or None when absent, unreadable or not intact."""
        try:
            header_line, _, payload = self._entry(key).read_bytes().partition(b"\n")
            header = json.loads(header_line)
            if header != {"format": _FORMAT, "key": key, "hash": content_hash(payload).hexdigest()}:
                return None
            index_line, _, array = payload.partition(b"\n")
            index = json.loads(index_line)
        except (OSError, ValueError, RecursionError):
            return None
        return (index, array) if isinstance(index, list) else None

    def write(self, key: str, index: list[list[Any]], lines: list[str]) -> None:
        """Best effort: a cache that cannot be written only costs speed, never a failed command."""
        payload = (json.dumps(index, ensure_ascii=False, separators=(",", ":")) + "\n" + jsontext.array(lines)).encode()
        header = json.dumps({"format": _FORMAT, "key": key, "hash": content_hash(payload).hexdigest()})
        from cqsmart.store.files import write_atomically

        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            # Concurrent writers of one key each rename a complete file into place; the last one wins.
            write_atomically(self._entry(key), header.encode() + b"\n" + payload, force=True)
            self._prune()
        except (OSError, CqsmartError):
            pass

    def _prune(self) -> None:
        """Keep the most recently written entries; each edit of a fact file leaves an old one behind."""
        entries = sorted(self.directory.glob("facts-*.json"), key=lambda entry: entry.stat().st_mtime, reverse=True)
        for stale in entries[KEEP_ENTRIES:]:
            stale.unlink(missing_ok=True)
