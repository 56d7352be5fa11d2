"""A cache of validated fact bases, so a known-good base is not validated again on every run.

Entries are keyed by a cryptographic hash of the content of the fact files and the package version.
An entry is a SQLite database (store/database.py) built under a temporary name and renamed into
place; one that is not whole or not built for its key is rebuilt rather than trusted. The full-text
indexes of `ask` and `search` (query/answer/fulltext.py) are kept beside entries by the same rules, and
so is the key of each settled base by its files' statuses, so that an unchanged base is not even read.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cqsmart import __version__
from cqsmart.model.factbase import FIELDS_BY_KIND
from cqsmart.store.files import expand_user

if TYPE_CHECKING:
    import sqlite3

    from cqsmart.store.locate import FactFile, FoundFile


# A file this large is hashed by SHA-256, faster than BLAKE2 on processors with SHA instructions.
LARGE_FILE_BYTES = 1 << 20


class Key:
    """A cache key built from framed fields: each a one-byte tag, its length and its bytes, so no
    content can ever be read as framing and two different inputs never give the same bytes to hash.
    The fields are short (names, sizes, digests), so they are kept and hashed at the end."""

    def __init__(self) -> None:
        self.framed = bytearray()

    def add(self, tag: bytes, data: bytes) -> Key:
        assert len(tag) == 1 and not tag.isdigit(), "a tag is one byte that cannot start a length"
        self.framed += tag + b"%d:" % len(data) + data
        return self

    def hexdigest(self) -> str:
        """A cryptographic hash of the fields: what is served is what was validated. (hashlib is loaded
        here, not at start-up: a run on a base the cache knows by its files' statuses hashes nothing.)"""
        from hashlib import blake2b

        return blake2b(self.framed).hexdigest()


def file_digest(content: bytes) -> bytes:
    """A digest of a file's bytes, named by its algorithm: the key holds it, never the bytes themselves."""
    from hashlib import blake2b, sha256

    if len(content) < LARGE_FILE_BYTES:
        return b"blake2b:" + blake2b(content).digest()
    return b"sha256:" + sha256(content).digest()


def _versioned() -> Key:
    """A key that begins with the package version and the contract's field names, so a base cached
    before a field was added is validated again."""
    return Key().add(b"v", __version__.encode()).add(b"c", repr(sorted(FIELDS_BY_KIND.items())).encode())


def content_key(files: list[FactFile]) -> str:
    """Identifies a fact base by its files and by what validated it: each file is one framed record of
    its name, kind, size and digest."""
    key = _versioned()
    key.add(b"n", b"%d" % len(files))
    for item in files:
        key.add(b"f", os.path.basename(item.name).encode(errors="surrogateescape"))
        key.add(b"k", (item.kind or "").encode())
        key.add(b"s", b"%d" % len(item.content))
        key.add(b"d", file_digest(item.content))
    return key.hexdigest()


# A file changed less than this long before it was read is not remembered by its status: a second
# change within the file system's timestamp granularity could leave the status as it was ("racy git").
SETTLED_NANOSECONDS = 3_000_000_000


def identity(status: os.stat_result) -> tuple[int, ...]:
    """What changes whenever a file's content may have: its file, size and change times. The change
    time (ctime) is set by the system on every write and rename and cannot be set back by a user."""
    return (status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns, status.st_ctime_ns)


# Windows reports a file's creation time as st_ctime, which a write leaves as it was: there a base is
# always known by its content.
STATUSES_TELL_CHANGES = os.name != "nt"


def statuses(found: Sequence[FoundFile]) -> bytes:
    """A base as its files' names, kinds and statuses, and what validated it, framed."""
    key = _versioned().add(b"n", b"%d" % len(found))
    for item in found:
        key.add(b"f", os.path.basename(item.name).encode(errors="surrogateescape"))
        key.add(b"k", (item.kind or "").encode())
        key.add(b"i", repr(identity(item.status)).encode())
    return bytes(key.framed)


def checksum(data: bytes) -> str:
    """Sixteen hex digits to name a cache file by what it holds, which the file then holds whole: two
    CRC-32s, of the bytes and of the bytes reversed. Not a key: a file is served only if what it holds
    is what was asked for."""
    from binascii import crc32

    return f"{crc32(data):08x}{crc32(data[::-1]):08x}"


def union_key(keys: list[str]) -> str:
    """The key of several bases read together: each base's key, framed, in order; one base keeps its own."""
    if len(keys) == 1:
        return keys[0]
    key = Key().add(b"u", b"%d" % len(keys))
    for part in keys:
        key.add(b"b", part.encode())
    return key.hexdigest()


def entry_limit(found: Sequence[FoundFile]) -> int:
    """The most an entry for these files can hold (their records re-encoded, one a line, and an index
    of them): anything larger in its place is not an entry this version wrote."""
    return 4 * sum(item.status.st_size for item in found) + (1 << 20)


def artefact_limit(records: int) -> int:
    """The most an artefact derived from a base of `records` records can hold (a search index holds a
    few words of each of its fields: a few KiB a record), with room for very long ones."""
    return (1 << 24) + (1 << 16) * records


ENV_CACHE_DIR = "CQSMART_CACHE_DIR"
KEEP_ENTRIES = 16
# Only files with exactly these names are the cache's own; nothing else in the folder is touched.
# (Patterns compiled on first use, by re's own cache: only a run that writes the cache needs them.)
_ENTRY = r"cqsmart-facts-[0-9a-f]{128}\.sqlite"
# What _put writes before renaming into place, for any of the names below.
_TEMPORARY = r"\.cqsmart-[a-z]+-(?:[0-9a-f]{16}|[0-9a-f]{128})\.[a-z]+\.[A-Za-z0-9_]+\.tmp"
_SEEN = r"cqsmart-seen-[0-9a-f]{16}\.key"  # a base's content key, by the statuses of its files
_EARLIER_ENTRY = r"(?:cqsmart-)?facts-[0-9a-f]{128}\.json"  # cqsmart-cache-6 and before
# Artefacts derived from a base (a search index), kept beside its entry under names only they match.
# Full-text indexes: named by a checksum of their key, which they hold whole (128 hex digits: before cqsmart-db-5).
_ARTEFACT = r"cqsmart-(?P<kind>[a-z]+)-(?:[0-9a-f]{16}|[0-9a-f]{128})\.(?P<suffix>[a-z]+)"
KEEP_ARTEFACTS = 8
KEEP_SEEN = 64
SEEN_LIMIT = 1 << 16
# A temporary file this old was left by a process that was killed; a live writer finishes in seconds.
STALE_TEMPORARY_SECONDS = 3600


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
        return self.directory / f"cqsmart-facts-{key}.sqlite"

    def read(self, key: str, limit: int) -> sqlite3.Connection | None:
        """The entry's database, read-only; None when absent, not a regular file, larger than `limit`,
        not whole or not built for `key`: a miss, rebuilt by the caller."""
        from cqsmart.store.database import open_read_only

        return open_read_only(self._entry(key), key, limit)

    def write(self, key: str, index: Sequence[Sequence[Any]], lines: Sequence[bytes]) -> sqlite3.Connection | None:
        """The entry built and opened, or None if it cannot be written (a cache only costs speed,
        never a failed command). Concurrent writers of one key each rename a whole database."""
        from cqsmart.store.database import build, open_read_only

        path = self._entry(key)
        self._put(path, lambda name: build(name, key, index, lines))
        return open_read_only(path, key, 1 << 62)

    def _seen(self, described: bytes) -> Path:
        """Where a base's statuses are remembered: a checksum of them names the file, which holds them
        whole, so two bases whose checksums agree are still told apart."""
        return self.directory / f"cqsmart-seen-{checksum(described)}.key"

    def recall(self, found: Sequence[FoundFile]) -> str | None:
        """The content key of the base whose files have exactly these statuses, if one was remembered:
        the files need not be read or hashed again."""
        from cqsmart.store.reading import Unreadable, read_regular

        if not STATUSES_TELL_CHANGES:
            return None
        described = statuses(found)
        try:
            key, _, remembered = read_regular(self._seen(described), SEEN_LIMIT).partition(b"\n")
        except Unreadable:
            return None
        if remembered != described or not re.fullmatch(rb"[0-9a-f]{128}", key):
            return None
        return key.decode()

    def remember(self, found: Sequence[FoundFile], key: str) -> None:
        """Remember the content key read from these files, if none changed while being read and each had
        settled before: a later change then always shows in their statuses."""
        if not STATUSES_TELL_CHANGES:
            return
        settled = time.time_ns() - SETTLED_NANOSECONDS
        for item in found:
            try:
                now = os.stat(item.path)
            except OSError:
                return
            if identity(now) != identity(item.status) or max(now.st_mtime_ns, now.st_ctime_ns) > settled:
                return
        described = statuses(found)
        if len(described) < SEEN_LIMIT - 200:
            self._put(self._seen(described), lambda name: name.write_bytes(key.encode() + b"\n" + described))

    def _index(self, name: str, key: str) -> Path:
        """A derived database is named by a checksum of its key, which it holds whole and is checked by:
        its key is long (the base's key, the code's, the form's), and hashing it would load OpenSSL on
        every `ask`."""
        return self.directory / f"cqsmart-{name}-{checksum(key.encode())}.sqlite"

    def read_index(self, name: str, key: str, limit: int, form: str, meta: tuple[str, ...]) -> sqlite3.Connection | None:
        """A derived database (a full-text index, `name`) built in the form `form` for `key`, read-only;
        None when absent, not a regular file, larger than `limit`, not whole or not built for `key`."""
        from cqsmart.store.database import open_read_only

        extra = tuple(name for name in meta if name not in ("format", "key"))
        return open_read_only(self._index(name, key), key, limit, form, extra)

    def write_index(
        self, name: str, key: str, fill: Callable[[sqlite3.Connection], None], form: str, meta: tuple[str, ...]
    ) -> sqlite3.Connection | None:
        """The derived database filled by `fill` and opened, or None if it cannot be written (best effort)."""
        import sqlite3

        def write(path: Path) -> None:
            connection = sqlite3.connect(path, isolation_level=None)
            try:
                # As the entry is built: a temporary file renamed whole, so no journal or sync is needed.
                for pragma in ("page_size = 16384", "journal_mode = OFF", "synchronous = OFF", "cache_size = -200000"):
                    connection.execute(f"PRAGMA {pragma}")
                fill(connection)
            finally:
                connection.close()

        self._put(self._index(name, key), write)
        return self.read_index(name, key, 1 << 62, form, meta)

    def _put(self, path: Path, write: Callable[[Path], object]) -> None:
        """Written to a temporary file and renamed into place, so concurrent writers of one name each
        rename a complete file; then the oldest files are pruned. Any OS or database error only skips
        the write."""
        import sqlite3
        import tempfile

        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            descriptor, name = tempfile.mkstemp(dir=self.directory, prefix=f".{path.name}.", suffix=".tmp")
            os.close(descriptor)
        except OSError:
            return
        try:
            write(Path(name))
            os.replace(name, path)
            self._prune()
        except (OSError, sqlite3.Error):
            Path(name).unlink(missing_ok=True)

    def _prune(self) -> None:
        """Keep the most recently written entries (each edit of a fact file leaves an old one behind)
        and artefacts, and remove temporary files that killed writers left. Only the cache's own
        names are matched: nothing else in the folder is ever touched."""
        now = time.time()
        entries: list[tuple[float, Path]] = []
        artefacts: list[tuple[float, Path]] = []
        seen: list[tuple[float, Path]] = []
        for item in self.directory.iterdir():
            try:
                if re.fullmatch(_ENTRY, item.name):
                    entries.append((item.stat().st_mtime, item))
                elif re.fullmatch(_SEEN, item.name):
                    seen.append((item.stat().st_mtime, item))
                elif re.fullmatch(_ARTEFACT, item.name):
                    artefacts.append((item.stat().st_mtime, item))
                elif re.fullmatch(_EARLIER_ENTRY, item.name) or (
                    re.fullmatch(_TEMPORARY, item.name) and now - item.stat().st_mtime > STALE_TEMPORARY_SECONDS
                ):
                    item.unlink()
            except OSError:
                continue
        for found, keep in ((entries, KEEP_ENTRIES), (artefacts, KEEP_ARTEFACTS), (seen, KEEP_SEEN)):
            found.sort(reverse=True)
            for _, stale in found[keep:]:
                stale.unlink(missing_ok=True)
