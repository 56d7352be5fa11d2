"""JSON text as cqsmart writes it: compact records, one per line, terminal-inert.

Shared by the renderer and the cache, so a record read from the cache can be written out as the
very text the renderer would have produced.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import islice
from typing import Any

# Characters JSON may carry raw but a terminal would act on: C1 controls, bidi overrides, line separators.
_INVISIBLE = "[\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"  # compiled on first use


# The same characters in UTF-8, to tell from a document's bytes whether its text can hold any.
# Two patterns, each with a literal first byte that the regex engine can skip ahead to.
_C1_UTF8 = rb"\xc2[\x80-\x9f]"
_FORMAT_UTF8 = rb"\xe2(?:\x80[\x8e\x8f\xa8-\xae]|\x81[\xa6-\xa9])"


def may_hold_invisible(document: bytes) -> bool:
    """Whether text parsed from this JSON could hold a character that escape_invisible escapes: one
    stands in it raw, or a \\u escape might spell one. Most documents hold neither, and then no line
    made from them needs to be searched."""
    if b"\\u" in document or b"\x7f" in document:
        return True
    return re.search(_C1_UTF8, document) is not None or re.search(_FORMAT_UTF8, document) is not None


def escape_invisible(text: str) -> str:
    return re.sub(_INVISIBLE, lambda match: f"\\u{ord(match.group()):04x}", text)


def encoder(ascii_only: bool = False, indent: int | None = None) -> json.JSONEncoder:
    separators = (",", ": ") if indent else (",", ":")
    return json.JSONEncoder(ensure_ascii=ascii_only, indent=indent, separators=separators, default=_mapping)


def _mapping(value: object) -> dict[str, Any]:
    """Records read lazily from the cache are mappings, not dicts; they encode the same."""
    if isinstance(value, Mapping):
        return dict(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def dumps(data: Any, ascii_only: bool = False, indent: int | None = None) -> str:
    return escape_invisible(encoder(ascii_only, indent).encode(data))


def record_lines(rows: Sequence[Mapping[str, Any]], ascii_only: bool = False) -> list[str]:
    encode = encoder(ascii_only).encode
    return [escape_invisible(encode(row)) for row in rows]


def array_chunks(lines: Iterable[str]) -> Iterator[str]:
    """A JSON array with one record per line (readable, diffable, cheap to split again), piece by
    piece, so a large array is never one string in memory."""
    separator = "[\n"
    for line in lines:
        yield separator + line
        separator = ",\n"
    yield "[]" if separator == "[\n" else "\n]"


def write_array(write: Callable[[bytes], object], lines: Iterable[bytes], batch: int = 4096) -> None:
    """The array of array_chunks from lines already in UTF-8 (each one record, or several joined by
    `,` and a newline), written a batch of them at a time: few writes, and never a large array as one
    string in memory. No newline after the `]`."""
    opening = b"[\n"
    chunks = iter(lines)
    while part := list(islice(chunks, batch)):
        write(opening)
        write(b",\n".join(part))  # a batch of one is written as it is, not copied
        opening = b",\n"
    write(b"[]" if opening == b"[\n" else b"\n]")
