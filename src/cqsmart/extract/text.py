"""A text as sentences of normalised characters, each mapped back to the original for verbatim quotes."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from cqsmart.errors import UsageError

SENTENCE_END = "。!?;"
CLAUSE_END = SENTENCE_END + ",，:"  # the Chinese comma is kept: after NFKC "120，150" would read as one number
_FINAL = SENTENCE_END + ':”")」』】'
HEADING_MAX = 30  # a line this short that does not end a sentence is a heading or a by-line


@dataclass(frozen=True)
class Sentence:
    """Normalised text (NFKC, no whitespace) and, for each character, its offset in the original."""

    text: str
    offsets: tuple[int, ...]
    original: str
    heading: bool

    def quote(self, start: int, end: int) -> str:
        """The original words from normalised position start to end, without the line breaks inside."""
        raw = self.original[self.offsets[start] : self.offsets[end - 1] + 1]
        return re.sub(r"\s*\n\s*", "", raw).strip()


def decode(data: bytes, name: str) -> str:
    """UTF-8 text, with or without a BOM; anything else is a usage error naming what is accepted."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as failure:
        raise UsageError(
            f"{name}: not UTF-8 text (invalid byte at offset {failure.start}); save it as UTF-8 and try again"
        ) from None


def sentences(original: str) -> list[Sentence]:
    """Split at sentence ends; lines that break a sentence are joined, short unpunctuated lines stand alone."""
    found: list[Sentence] = []
    chars: list[str] = []
    offsets: list[int] = []

    def close(heading: bool = False) -> None:
        if chars:
            found.append(Sentence("".join(chars), tuple(offsets), original, heading))
            chars.clear()
            offsets.clear()

    lines = _lines(original)
    for index, (start, line) in enumerate(lines):
        normal = _normalised(line, start)
        text = "".join(piece for piece, _ in normal if not piece.isspace())
        heading = _heading(text) and not chars
        for piece, offset in normal:
            for char in piece:
                if char.isspace():
                    continue
                chars.append(char)
                offsets.append(offset)
                if char in SENTENCE_END:
                    close()
        if heading or (index + 1 < len(lines) and _ends_paragraph(text, lines[index + 1][1])):
            close(heading)
    close()
    return found


def _normalised(line: str, start: int) -> list[tuple[str, int]]:
    """Each character's NFKC form and its offset, but for the characters _KEPT as written."""
    whole = unicodedata.normalize("NFKC", line)
    if len(whole) == len(line) and not _KEPT.search(line):  # the usual case: normalised in one call
        return [(char, start + index) for index, char in enumerate(whole)]
    return [
        (char if _KEPT.match(char) else unicodedata.normalize("NFKC", char), start + index) for index, char in enumerate(line)
    ]


# Kept as written: the Chinese comma (NFKC makes it ",", which would join 120，150 into one number)
# and circled list numbers (① is a list mark, not the figure 1).
_KEPT = re.compile("[，\u2460-\u24ff\u2776-\u2793]")


def _lines(original: str) -> list[tuple[int, str]]:
    result, position = [], 0
    for line in original.splitlines(keepends=True):
        if line.strip():
            result.append((position, line.rstrip("\r\n")))
        position += len(line)
    return result


def _heading(text: str) -> bool:
    """A title, heading or by-line: short, with no sentence end in it, not stopping on a number."""
    return 0 < len(text) <= HEADING_MAX and not any(mark in text for mark in SENTENCE_END + ":") and not text[-1].isdigit()


def _ends_paragraph(text: str, following: str) -> bool:
    """A line ends its paragraph unless it stops mid-sentence: on a number, or long and unpunctuated."""
    if not text or text[-1] in _FINAL:
        return True
    if text[-1].isdigit():
        return False  # 同时建成30 / 个5G融合典型应用场景
    return len(following.strip()) <= HEADING_MAX and len(text) <= HEADING_MAX
