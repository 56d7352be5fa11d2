"""Fitting a table to the terminal without breaking a word: our own line breaking and column widths.

Lines break at spaces, and between Chinese characters where they must; never inside a run of Latin
letters or digits, nor inside a value glued with `glue` (a qualifier stays with its number).
"""

from __future__ import annotations

import re

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


def glue(text: str) -> str:
    """The whole text as one unbreakable unit (a value such as `more than 21 million people`)."""
    return JOIN.join(text.replace(" ", NBSP))


_QUANTITY = re.compile(r"^(\D*?[+-]?[\d.,]+(?: (?:million|billion|trillion))?[余多]?)(.*)$")
_SUFFIXES = ("以上", "左右", "以内", "以下")


def glue_quantity(text: str) -> str:
    """A quantity that may break only between its number and its unit: the qualifier stays with the
    number (more than 21 million / people; 超2100 / 万人; 10余 / 项), and a unit stays whole."""
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
    return glue(head) + glue(rest)


def plain(text: str) -> str:
    """Text without the layout marks, for formats that do not wrap."""
    return text.replace(JOIN, "").replace(NBSP, " ").replace(BREAK, "")


def _may_break(before: str, after: str) -> bool:
    if JOIN in (before, after) or NBSP in (before, after):
        return False
    if after in _NO_START or before in _NO_END:
        return False
    if before in "–—":  # a span of years may end a line after its dash: 2018– / 2020
        return True
    return is_wide(before) or is_wide(after)


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


def column_widths(cells: list[list[str]], available: int) -> list[int] | None:
    """Each column's width so that the columns fit `available` cells of text, or None when even the
    narrowest unbroken layout does not fit. Room beyond the minimum goes to the columns that want it most."""
    columns = list(zip(*cells, strict=True)) if cells else []
    want = [max(widest(text) for text in column) for column in columns]
    need = [max(narrowest(text) for text in column) for column in columns]
    if sum(want) <= available:
        return want
    if sum(need) > available:
        return None
    # Water-filling: a column that wants no more than an even share of what is left gets it all (short
    # values and names stay whole); the rest share the remainder in proportion to what they want.
    widths = list(want)
    open_columns = set(range(len(want)))
    room = available
    while open_columns:
        share = room / len(open_columns)
        settled = {index for index in open_columns if want[index] <= share}
        if not settled:
            break
        open_columns -= settled
        room -= sum(want[index] for index in settled)
    if open_columns:
        wanted = sum(want[index] for index in open_columns)
        for index in open_columns:
            widths[index] = max(need[index], room * want[index] // wanted)
        while sum(widths) > available:  # minimums pushed us over: take from the widest above its minimum
            shrinkable = [i for i in open_columns if widths[i] > need[i]] or [
                i for i in range(len(widths)) if widths[i] > need[i]
            ]
            index = max(shrinkable, key=lambda i: widths[i] - need[i])
            widths[index] -= 1
        leftover = available - sum(widths)
        for index in sorted(open_columns, key=lambda i: want[i] - widths[i], reverse=True):
            extra = min(leftover, want[index] - widths[index])
            widths[index] += extra
            leftover -= extra
        if len(open_columns) == 2:
            widths = _shortest_split(cells[1:], widths, need, want, sorted(open_columns))
    return widths


def _shortest_split(rows: list[list[str]], widths: list[int], need: list[int], want: list[int], pair: list[int]) -> list[int]:
    """Two columns share the room: the split that makes the table shortest (the first, usually the
    label, wins ties)."""
    first, second = pair
    room = widths[first] + widths[second]

    def height(split: int) -> int:
        sizes = {first: split, second: room - split}
        return sum(max(wrap(row[index], sizes[index]).count("\n") for index in pair) for row in rows)

    low, high = max(need[first], room - want[second]), min(want[first], room - need[second])
    if low > high or not rows:
        return widths
    best = min(range(high, low - 1, -1), key=height)
    chosen = list(widths)
    chosen[first], chosen[second] = best, room - best
    return chosen
