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
from typing import Any

from cqsmart import jsontext
from cqsmart.base import content_hash

ENV_CACHE_DIR = "CQSMART_CACHE_DIR"
_FORMAT = "cqsmart-cache-4"


class Cache:
    def __init__(self, directory: Path) -> None:
        self.directory = directory

    @classmethod
    def default(cls) -> Cache:
        configured = os.environ.get(ENV_CACHE_DIR)
        if configured:
            return cls(Path(configured).expanduser())
        if sys.platform.startswith("linux"):
            # platformdirs' XDG rule, inline: importing platformdirs costs more than a cached query.
            xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
            return cls(Path(xdg if xdg else Path.home() / ".cache") / "cqsmart")
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
        import tempfile

        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=self.directory, prefix=".facts-", suffix=".tmp")
            try:
                with os.fdopen(descriptor, "wb") as handle:
                    handle.write(header.encode() + b"\n" + payload)
                os.replace(temporary, self._entry(key))
            except BaseException:
                os.unlink(temporary)
                raise
        except OSError:
            pass
