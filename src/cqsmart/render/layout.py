"""Fitting a table to the terminal without breaking a word: our own line breaking and column widths.

Lines break at spaces; in Chinese at punctuation (、，（）：), after a particle (的, 和, 与…) and where Chinese
meets Latin, never between two characters of one word. Never inside a run of Latin letters or digits, a
number with its unit (7.7个百分点, 截至2021年, 2018–2020), a name of the base (`protect`), nor a value
glued with `glue` (a qualifier stays with its number).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable

from rich.cells import cell_len

JOIN = "\u2060"  # word joiner: no break here
NBSP = "\u00a0"
BREAK = "\u200b"  # a break allowed here (after a hyphen in a slug), shown as nothing
# Wide (CJK) characters, as code-point ranges: a pattern of these ranges takes milliseconds to compile,
# on every run that draws a table, and is asked only of single characters.
_WIDE = ((0x2E80, 0x9FFF), (0xAC00, 0xD7AF), (0xF900, 0xFAFF), (0xFF00, 0xFFEF), (0x3000, 0x303F))


def is_wide(text: str) -> bool:
    """Whether the text starts with a wide character."""
    code = ord(text[0]) if text else 0
    if code < 0x2E80:  # most characters of a table: Latin, digits, punctuation, asked about per character
        return False
    return any(low <= code <= high for low, high in _WIDE)


_NO_START = set("，。、；：？！）」』”’》%,.;:?!)]}…—")
_NO_END = set("（「『“‘《([{")
_BREAK_AFTER = set("，。、；：？！）」』”’》")
_BREAK_BEFORE = set("（「『“‘《")
# One-character words that end a phrase: a line may end after them (开发区的 / 规模), not inside 开发区.
_PARTICLES = set("的和与及并等")
# A number with the words that belong to it: the qualifier before (截至, 超, 近, 前), a span's second year,
# the source's 余/多, and its unit (个百分点, 亿元, 万人, 年, 位, %), then 以上/左右.
NUMBER_WITH_UNIT = re.compile(
    r"(?:截至|超过|超|近|约|突破|达到|达|前|第|逾|共)?[+\-−]?\d[\d.,]*(?:[–—~-]\d[\d.,]*)?(?:余|多)?"
    r"(?:个百分点|百分点|个批次|[万亿千百]?[个项家位类张台次人批所条座种名件元倍年月日户款期级届%])?(?:以上|左右|以内|以下)?"
)


class Lexicon:
    """The base's own words, for breaking Chinese between words without a dictionary at start-up: its
    names (never broken) and the words its texts repeat (数据, 国家, 试验区), found by counting. Both are
    made when first needed, each from its own source: a table of one answer needs the names (a few
    records), seldom the words (thousands of texts), and an English table neither."""

    def __init__(self, names: Callable[[], set[str]], texts: Callable[[], list[str]]) -> None:
        self._read_names = names
        self._read_texts = texts
        self._named: set[str] | None = None
        self._names: tuple[re.Pattern[str] | None] | None = None
        self.words: set[str] = set()
        self.count: dict[str, int] = {}
        self.longest = 0

    @property
    def names(self) -> re.Pattern[str] | None:
        """One pattern finding any name of the base, longest first."""
        if self._names is None:
            chosen = sorted((name for name in self._names_read() if len(name) > 1), key=len, reverse=True)
            self._names = (re.compile("|".join(map(re.escape, chosen))) if chosen else None,)
        return self._names[0]

    def _names_read(self) -> set[str]:
        if self._named is None:
            self._named = self._read_names()
        return self._named

    def _count_words(self) -> None:
        texts = self._read_texts()
        quoted = {name.strip("“”") for text in texts for name in QUOTED_NAME.findall(text)}
        chosen = {name for name in self._names_read() | quoted if len(name) > 1}
        # A word is a string the texts repeat in varied company: at least two different characters (or
        # a text's edge) before it and after it. 驱动发 is always followed by 展, so it is no word.
        before: dict[str, set[str]] = {}
        after: dict[str, set[str]] = {}
        for number, text in enumerate(texts):
            for run in _HAN_RUN.findall(text):
                for size in (2, 3, 4):
                    for start in range(len(run) - size + 1):
                        word = run[start : start + size]
                        self.count[word] = self.count.get(word, 0) + 1
                        before.setdefault(word, set()).add(run[start - 1] if start else f"^{number}")
                        after.setdefault(word, set()).add(run[start + size] if start + size < len(run) else f"${number}")
        self.words = {
            word
            for word in before
            if len(before[word]) > 1 and len(after[word]) > 1 and word[0] not in _PARTICLES and word[-1] != "的"
        } | chosen
        self.longest = max((len(word) for word in self.words), default=1)

    def tokens(self, run: str) -> list[str]:
        """A run of Chinese characters as the fewest words (the most repeated, on a tie); an unknown
        character on its own."""
        if not self.longest:
            self._count_words()
        best: list[tuple[int, int, int]] = [(0, 0, 0)] * (len(run) + 1)  # (words, -repeats, start of the last)
        for end in range(1, len(run) + 1):
            choices = []
            for size in range(1, min(self.longest, end) + 1):
                word = run[end - size : end]
                if size == 1 or word in self.words:
                    words, repeats, _ = best[end - size]
                    choices.append((words + 1, repeats - self.count.get(word, 0), end - size))
            best[end] = min(choices)
        found: list[str] = []
        end = len(run)
        while end:
            start = best[end][2]
            found.append(run[start:end])
            end = start
        return found[::-1]


_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
# A name the text quotes is a name of the base wherever the record stands (a lexicon samples a large base).
QUOTED_NAME = re.compile(r"“[^”]{2,10}”")
# A short aside in brackets is one unit: （截至2021年，推断） says when, and half of it says nothing.
BRACKETED = re.compile(r"（[^（）]{1,12}）")
_LONG_HAN_RUN = re.compile(r"[\u3400-\u9fff]{6,}")


def protect(text: str, lexicon: Lexicon | None = None) -> str:
    """The text with no break inside a number with its unit nor a name of the base, and, with a
    lexicon, a break allowed between two words of a long Chinese run (创新发展 / 试验区)."""
    inside: set[int] = set()
    chinese = lexicon is not None and _HAN_RUN.search(text) is not None
    names = (QUOTED_NAME, BRACKETED, lexicon.names) if lexicon is not None and chinese else ()
    for pattern in (NUMBER_WITH_UNIT, *names):
        if pattern is not None:
            for found in pattern.finditer(text):
                inside.update(range(found.start() + 1, found.end()))
    between: set[int] = set()
    if lexicon is not None:
        for found in _LONG_HAN_RUN.finditer(text):  # a shorter run is kept whole, as one word
            position, previous = found.start(), ""
            for token in lexicon.tokens(found.group()):
                if len(previous) > 1 and len(token) > 1 and position not in inside:
                    between.add(position)
                previous, position = token, position + len(token)
    if not inside and not between:
        return text
    marks = {position: JOIN for position in inside} | {position: BREAK for position in between}
    return "".join(marks.get(position, "") + char for position, char in enumerate(text))


def glue(text: str) -> str:
    """The whole text as one unbreakable unit (a value such as `more than 21 million people`)."""
    return JOIN.join(text.replace(" ", NBSP))


_QUANTITY = re.compile(r"^(\D*?[+-]?[\d.,]+(?: (?:million|billion|trillion))?[余多]?)(.*)$")
_SUFFIXES = ("以上", "左右", "以内", "以下")


def glue_quantity(text: str) -> str:
    """A quantity that may break only between an English number and its unit's words (more than 21
    million / people); the qualifier stays with the number, and a Chinese quantity stays whole (超2100万人)."""
    found = _QUANTITY.match(text)
    if (
        not found
        or not found.group(2).strip()
        or text.endswith(_SUFFIXES)
        or (found.group(2)[:1].isascii() and found.group(2)[:1].isalpha())
    ):
        return glue(text)
    head, rest = found.groups()
    if rest.startswith(" "):  # an English unit: its words may go to the next line, each whole
        return glue(head) + rest
    return glue(text)


def plain(text: str) -> str:
    """Text without the layout marks, for formats that do not wrap."""
    return text.replace(JOIN, "").replace(NBSP, " ").replace(BREAK, "")


def _may_break(before: str, after: str) -> bool:
    if JOIN in (before, after) or NBSP in (before, after):
        return False
    if after in _NO_START or before in _NO_END:
        return False
    if before in _BREAK_AFTER or after in _BREAK_BEFORE:
        return True
    wide_before, wide_after = is_wide(before), is_wide(after)
    if wide_before and wide_after:  # inside a Chinese phrase: only after a particle
        return before in _PARTICLES
    return wide_before != wide_after and (before.isalnum() or after.isalnum())  # Chinese meets Latin: GDP / 增速


def units(line: str) -> list[tuple[str, str]]:
    """A line as (space before, unbreakable unit) pairs."""
    found: list[tuple[str, str]] = []
    space, unit = "", ""
    depth = 0  # inside ASCII brackets, such as a Chinese name in an English label: (渝快办)
    for char in line:
        depth = max(depth + (char == "(") - (char == ")"), 0)
        if char == BREAK:
            if unit:
                found.append((space, unit))
                space, unit = "", ""
        elif char == " ":
            if unit:
                found.append((space, unit))
                space, unit = "", ""
            space += char
        elif unit and not (depth and char != "(") and _may_break(unit[-1], char):
            found.append((space, unit))
            space, unit = "", char
        else:
            unit += char
    if unit:
        found.append((space, unit))
    return found


def narrowest(text: str) -> int:
    """The widest unbreakable unit: a column narrower than this would break a word."""
    return max((cell_len(plain(unit)) for line in text.split("\n") for _, unit in units(line)), default=0)


def widest(text: str) -> int:
    return max((cell_len(plain(line)) for line in text.split("\n")), default=0)


def wrap_evenly(text: str, width: int) -> str:
    """A table cell's lines, as even as the fewest lines allow: no word is left alone on the last
    (`Margin of digital-economy / growth over GDP growth`, not `… over GDP / growth`)."""
    return "\n".join(_even(line, width) for line in text.split("\n"))


def _even(line: str, width: int) -> str:
    """The line wrapped at the narrowest width that needs no more lines than `width` does."""
    lines = wrap(line, width)
    if "\n" not in lines:
        return lines
    narrowest, widest = max(1, min(width, max(cell_len(plain(unit)) for _, unit in units(line)))), width
    while narrowest < widest:
        middle = (narrowest + widest) // 2
        if wrap(line, middle).count("\n") == lines.count("\n"):
            widest = middle
        else:
            narrowest = middle + 1
    return wrap(line, widest)


def wrap(text: str, width: int) -> str:
    """Greedy line filling at allowed breaks; a unit wider than the column is cut only as a last resort."""
    out: list[str] = []
    for line in text.split("\n"):
        current, used = "", 0
        for space, unit in units(line):
            shown = plain(unit)
            size = cell_len(shown)
            gap = len(space) if current else 0
            if current and used + gap + size > width:
                out.append(current)
                current, used, gap = "", 0, 0
            while size > width:  # last resort: nothing else fits
                head = _cut(shown, width - used)
                out.append(current + head)
                current, used, shown = "", 0, shown[len(head) :]
                size = cell_len(shown)
            current += " " * gap + shown
            used += gap + size
        out.append(current)
    return "\n".join(out)


# A visible escape (what `inert` makes of a control character) is cut whole or not at all: half of
# `\u202e` on each line reads as neither the character nor its escape.
_ATOM = r"\\(?:u[0-9a-f]{4}|x[0-9a-f]{2}|U[0-9a-f]{8})|."


def _cut(text: str, width: int) -> str:
    taken = ""
    for atom in re.findall(_ATOM, text, re.DOTALL):
        if taken and cell_len(taken + atom) > max(width, 1):
            break
        taken += atom
    return taken


# What a line costs when columns share the room: each line of the table, and each line a cell takes, a
# value's line as much as a table line and a label's line together, so a value never wraps to spare a
# label in its row a line; on a tie, the value keeps its line.
TABLE_LINE, VALUE_LINE, TEXT_LINE = 2, 3, 1


def column_widths(cells: list[list[str]], available: int, values: frozenset[int] = frozenset()) -> list[int] | None:
    """Each column's width so that the columns fit `available` cells of text, or None when even the
    narrowest unbroken layout does not fit. A column is at least its longest unbreakable unit and at most
    its widest line; between, room goes where it saves the most lines (values, the columns in `values`,
    weigh more), until no move of room from one column to another saves any, and the table is as wide
    as it may be whenever a column wraps."""
    columns = list(zip(*cells, strict=True)) if cells else []
    want = [max(widest(text) for text in column) for column in columns]
    need = [max(narrowest(text) for text in column) for column in columns]
    if sum(want) <= available:
        return want
    if sum(need) > available:
        return None
    sizes = [[_unit_sizes(text) for text in column] for column in columns]
    weights = [VALUE_LINE if index in values else TEXT_LINE for index in range(len(columns))]
    known: dict[tuple[int, int], list[int]] = {}

    def heights(index: int, width: int) -> list[int]:
        if (index, width) not in known:
            known[index, width] = [_line_count(lines, width) for lines in sizes[index]]
        return known[index, width]

    def cost(widths: list[int]) -> tuple[int, int]:
        counts = [heights(index, width) for index, width in enumerate(widths)]
        lines = [sum(column) for column in counts]
        table = sum(map(max, zip(*counts, strict=True)))
        return TABLE_LINE * table + sum(map(operator.mul, weights, lines)), sum(lines[index] for index in values)

    # Only the widths where a cell of the column gains or loses a line are worth trying, up to what the
    # other columns' minimums leave.
    room = available - sum(need)
    steps = [
        [
            width
            for width in range(low, min(high, low + room) + 1)
            if width == low or heights(index, width) != heights(index, width - 1)
        ]
        for index, (low, high) in enumerate(zip(need, want, strict=True))
    ]
    widths = list(need)
    best = cost(widths)
    while True:
        moves = [
            _moved(widths, index, step, other, need, want, available)
            for index in range(len(widths))
            for step in steps[index]
            for other in (None, *range(len(widths)))
        ]
        priced = [(cost(move), move) for move in moves if move is not None]
        cheapest = min(priced, default=None, key=lambda found: found[0])
        if cheapest is None or cheapest[0] >= best:
            break
        best, widths = cheapest
    room = available - sum(widths)
    for index in sorted(range(len(widths)), key=lambda index: want[index] - widths[index], reverse=True):
        extra = min(room, want[index] - widths[index])  # room no line needs: to the columns that want it
        widths[index] += extra
        room -= extra
    return widths


def _moved(
    widths: list[int], index: int, width: int, other: int | None, need: list[int], want: list[int], available: int
) -> list[int] | None:
    """The widths with column `index` at `width` and column `other` given all the room left (None: no
    column is), or None when they do not fit."""
    if width == widths[index] or other == index:
        return None
    moved = list(widths)
    moved[index] = width
    if other is not None:
        moved[other] = min(available - sum(moved) + moved[other], want[other])
        if moved[other] < need[other]:
            return None
    return moved if sum(moved) <= available else None


def _unit_sizes(text: str) -> list[list[tuple[int, int]]]:
    """Each line of a cell as (space before, width) of its unbreakable units."""
    return [[(len(space), cell_len(plain(unit))) for space, unit in units(line)] for line in text.split("\n")]


def _line_count(lines: list[list[tuple[int, int]]], width: int) -> int:
    """How many lines `wrap` makes of a cell at this width."""
    count = 0
    for line in lines:
        count += 1
        used = 0
        for gap, size in line:
            if used and used + gap + size > width:
                count += 1
                used, gap = 0, 0
            if size > width:
                count += (used + size - 1) // width
                used = (used + size) % width
            else:
                used += (gap if used else 0) + size
    return count
