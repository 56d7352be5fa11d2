"""A text as sentences of normalised characters, each mapped back to the original for verbatim quotes.

A text is read a line at a time, and a long line a window at a time, so that the work and the memory
for any one piece are bounded whatever the text: only the sentence being read holds an offset per
character, and a stretch that never ends a sentence is cut once it is MAX_SENTENCE characters long.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field

from cqsmart.errors import UsageError

SENTENCE_END = "。!?;"
CLAUSE_END = SENTENCE_END + ",，:"  # the Chinese comma is kept: after NFKC "120，150" would read as one number
_FINAL = SENTENCE_END + ':”")」』】'
HEADING_MAX = 30  # a line this short that does not end a sentence is a heading or a by-line
# Longer than any sentence of the genre: a stretch this long without a sentence end is cut at a clause end.
MAX_SENTENCE = 1000
WINDOW = 1 << 16  # a line longer than this many characters is normalised a window at a time
# Characters a number is written with (digits, decimal and group marks, Chinese numerals): a cut
# never falls inside a run of them, and a run longer than a sentence is no number at all.
NUMBERISH = re.compile(r"[\d.,〇零一二两三四五六七八九十百千万亿]+")
_SENTENCE_END = re.compile(f"[{SENTENCE_END}]")
_NUMBER_START = re.compile(r"[\d〇零一二两三四五六七八九十百千万亿]")
_LINE = re.compile("[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")  # what str.splitlines splits at
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Sentence:
    """Normalised text (NFKC, no whitespace), each character's offset in the original, and where the
    text stands in the document (the normalised text of the whole input)."""

    text: str
    offsets: array[int]
    original: str
    heading: bool
    where: int = 0
    paragraph: int = 0  # which paragraph (or heading) of the document it stands in, counting from 0

    def quote(self, start: int, end: int) -> str:
        """The original words from normalised position start to end, without the line breaks inside."""
        raw = self.original[self.offsets[start] : self.offsets[end - 1] + 1]
        return re.sub(r"\s*\n\s*", "", raw).strip()


@dataclass
class Skipped:
    """Runs of digits left out because no value can be that long: how many, and where the first was."""

    count: int = 0
    longest: int = 0
    first: int = -1  # offset in the original

    def add(self, length: int, offset: int) -> None:
        self.count += 1
        self.longest = max(self.longest, length)
        if self.first < 0:
            self.first = offset


def decode(data: bytes, name: str) -> str:
    """UTF-8 text, with or without a BOM; anything else is a usage error naming what is accepted."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as failure:
        raise UsageError(
            f"{name}: not UTF-8 text (invalid byte at offset {failure.start}); save it as UTF-8 and try again"
        ) from None


def sentences(original: str, document: list[str] | None = None, skipped: Skipped | None = None) -> Iterator[Sentence]:
    """The sentences that state a number, in order. Sentences end at sentence ends; lines that break a
    sentence are joined, short unpunctuated lines stand alone. `document` collects the normalised text
    of the whole input; `skipped` counts the runs of digits too long to be a number."""
    builder = _Builder(original, document, skipped or Skipped())
    lines = _lines(original)
    line = next(lines, None)
    while line is not None:
        following = next(lines, None)
        start, end = line
        if end - start <= HEADING_MAX * 4:  # a heading is short: only a short line needs its whole text
            text = "".join(builder.normalised(start, end)[0].split())
            heading = _heading(text) and builder.empty()
        else:
            text, heading = "", False
        last, length = "", 0
        for piece_start, piece_end in _windows(original, start, end):
            piece, offsets = builder.normalised(piece_start, piece_end)
            builder.feed(piece, offsets)
            if piece:
                last, length = piece[-1], length + len(piece)
        yield from builder.ready()
        if heading or (following is not None and _ends_paragraph(last, length, _head_of(original, *following))):
            builder.close(heading)
            builder.paragraph += 1
            yield from builder.ready()
        line = following
    builder.close()
    yield from builder.ready()


@dataclass
class _Builder:
    """The sentence being read, as pieces of normalised text and their offsets."""

    original: str
    document: list[str] | None
    skipped: Skipped
    pieces: list[str] = field(default_factory=list)
    offsets: array[int] = field(default_factory=lambda: array("q"))
    length: int = 0
    where: int = 0  # of the pending sentence, in the document
    position: int = 0  # of the next character fed, in the document
    done: list[Sentence] = field(default_factory=list)
    in_run: bool = False  # the last character taken belongs to a run of digits being skipped
    paragraph: int = 0

    def empty(self) -> bool:
        return not self.length

    def normalised(self, start: int, end: int) -> tuple[str, array[int]]:
        """The NFKC form of original[start:end] without whitespace, and each character's offset."""
        line = self.original[start:end]
        whole = unicodedata.normalize("NFKC", line)
        if len(whole) == len(line) and not _KEPT.search(line):  # the usual case: normalised in one call
            return _without_space(whole, array("q", range(start, end)))
        table = _forms(line)
        forms = line.translate(table)
        if len(forms) == len(line):
            return _without_space(forms, array("q", range(start, end)))
        offsets = array("q")
        for index, char in enumerate(line):
            offsets.extend([start + index] * len(table[ord(char)]))  # ㎡ is two characters, both from one
        return _without_space(forms, offsets)

    def feed(self, text: str, offsets: array[int]) -> None:
        if self.document is not None:
            self.document.append(text)
        position = 0
        while position < len(text):
            if self.empty():  # sentences that state no number are passed over whole
                number = _NUMBER_START.search(text, position)
                limit = number.start() if number else len(text)
                cut = max(text.rfind(mark, position, limit) for mark in SENTENCE_END)
                if cut >= position:
                    self.position += cut + 1 - position
                    position = cut + 1
                    continue
            stop = _SENTENCE_END.search(text, position)
            end = stop.end() if stop else len(text)
            self._take(text, offsets, position, end)
            position = end
            if stop:
                self.close()

    def _take(self, text: str, offsets: array[int], start: int, end: int) -> None:
        if self.in_run:  # the rest of a run of digits left out: read on from where it ends
            run = NUMBERISH.match(text, start, end)
            skip = run.end() - start if run else 0
            self.position += skip
            start += skip
            self.in_run = start == end
            if start == end:
                return
        if self.empty():
            self.where = self.position
        self.pieces.append(text[start:end])
        self.offsets.extend(offsets[start:end])
        self.length += end - start
        self.position += end - start
        while self.length > MAX_SENTENCE:
            self._cut()

    def _cut(self) -> None:
        """Cut a stretch without a sentence end at its last clause end, else outside a number."""
        text = "".join(self.pieces)
        half = MAX_SENTENCE // 2
        cut = max(text.rfind(mark, half, MAX_SENTENCE) for mark in CLAUSE_END) + 1
        if cut <= 0:
            cut = MAX_SENTENCE
            run = _run_at(text, cut)
            if run is not None:
                cut = run[0]
            if cut == 0:  # a run of digits longer than a sentence: no value can be so long
                assert run is not None
                self.skipped.add(run[1], self.offsets[0])
                self.in_run = run[1] == len(text)
                self._rest(text, run[1])
                return
        self.done.append(Sentence(text[:cut], self.offsets[:cut], self.original, False, self.where, self.paragraph))
        self._rest(text, cut)

    def _rest(self, text: str, cut: int) -> None:
        self.pieces = [text[cut:]]
        self.offsets = self.offsets[cut:]
        self.where += cut
        self.length -= cut

    def close(self, heading: bool = False) -> None:
        if self.length:
            text = "".join(self.pieces)
            if _NUMBER_START.search(text):
                self.done.append(Sentence(text, self.offsets, self.original, heading, self.where, self.paragraph))
        self.pieces, self.offsets, self.length, self.in_run = [], array("q"), 0, False

    def ready(self) -> Iterator[Sentence]:
        while self.done:
            yield self.done.pop(0)


def _run_at(text: str, position: int) -> tuple[int, int] | None:
    """(start, end) of the run of number characters that position falls inside or starts, if any."""
    start = position
    while start > 0 and NUMBERISH.match(text, start - 1, start):
        start -= 1
    found = NUMBERISH.match(text, start)
    if found is None or (found.end() <= position and position > start):
        return None
    return found.start(), found.end()


def _forms(line: str) -> dict[int, str]:
    """Each character of line and its normalised form, remembered across lines (at most _FORMS_KEPT of them)."""
    table: dict[int, str] = {}
    for char in set(line):
        code = ord(char)
        form = _FORMS.get(code)
        if form is None:
            form = char if _KEPT.match(char) else unicodedata.normalize("NFKC", char)
            if len(_FORMS) < _FORMS_KEPT:
                _FORMS[code] = form
        table[code] = form
    return table


_FORMS: dict[int, str] = {}
_FORMS_KEPT = 1 << 16


def _without_space(text: str, offsets: array[int]) -> tuple[str, array[int]]:
    if not _SPACE.search(text):
        return text, offsets
    kept = array("q")
    pieces = []
    position = 0
    for space in _SPACE.finditer(text):
        pieces.append(text[position : space.start()])
        kept.extend(offsets[position : space.start()])
        position = space.end()
    pieces.append(text[position:])
    kept.extend(offsets[position:])
    return "".join(pieces), kept


# Kept as written: the Chinese comma (NFKC makes it ",", which would join 120，150 into one number)
# and circled list numbers (① is a list mark, not the figure 1).
_KEPT = re.compile("[，\u2460-\u24ff\u2776-\u2793]")


def _lines(original: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line that is not blank."""
    for line in _LINE.finditer(original):
        if not line.group().isspace():
            yield line.span()


def _windows(original: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """A line as windows of at most WINDOW characters, cut after a sentence or clause end, else where
    no combining mark follows (NFKC composes across it)."""
    while end - start > WINDOW:
        limit = start + WINDOW
        cut = max(original.rfind(mark, start + WINDOW // 2, limit) for mark in "。!?;，,:！？；：") + 1
        if cut <= 0:
            cut = limit
            while cut > start + 1 and unicodedata.combining(original[cut]):
                cut -= 1
        yield start, cut
        start = cut
    yield start, end


def _head_of(original: str, start: int, end: int) -> str:
    """The start of a line, enough to tell whether it is short: a line may be megabytes long."""
    return original[start : min(end, start + HEADING_MAX * 8)]


def first_line(original: str) -> str:
    """The first line that is not blank, without the space around it."""
    for start, end in _lines(original):
        return original[start:end].strip()
    return ""


def _heading(text: str) -> bool:
    """A title, heading or by-line: short, with no sentence end in it, not stopping on a number."""
    return 0 < len(text) <= HEADING_MAX and not any(mark in text for mark in SENTENCE_END + ":") and not text[-1].isdigit()


def _ends_paragraph(last: str, length: int, following: str) -> bool:
    """A line ends its paragraph unless it stops mid-sentence: on a number, or long and unpunctuated."""
    if not last or last in _FINAL:
        return True
    if last.isdigit():
        return False  # 同时建成30 / 个5G融合典型应用场景
    return len(following.strip()) <= HEADING_MAX and length <= HEADING_MAX
