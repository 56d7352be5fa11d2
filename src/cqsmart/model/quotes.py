"""Text normalisation shared by quote checks: the source has line breaks inside phrases."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_CHINESE_DIGITS = "〇一二三四五六七八九十"


def normalise(text: str) -> str:
    """NFKC-normalise and drop all whitespace, so a quote matches across the source's line breaks."""
    return "".join(unicodedata.normalize("NFKC", text).split())  # str.split() and \\s agree on whitespace


def format_number(value: int | float) -> str:
    """The number as a reader would have seen it printed: 6387, 13.7, 6.0."""
    if isinstance(value, float) and value.is_integer():
        return f"{value:.1f}"
    return str(value)


def number_spellings(value: int | float) -> list[str]:
    """Ways the source may write a number: Arabic digits, and Chinese numerals for small ranks (第五)."""
    spellings = [format_number(value)]
    if isinstance(value, int) and 0 <= value <= 10:
        spellings.append(_CHINESE_DIGITS[value])
    return spellings


_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_GROUPED_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")  # 3,456.7
_DIGIT_VALUES = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS = {"万": 10**4, "亿": 10**8}
CHINESE_NUMERAL = re.compile(f"[{''.join(_DIGIT_VALUES)}{''.join(_SMALL_UNITS)}{''.join(_BIG_UNITS)}]+")


def chinese_number(text: str) -> int | None:
    """The value of a Chinese numeral (两千 → 2000, 十五 → 15, 三百万 → 3000000), or None if it is not one."""
    if not text or CHINESE_NUMERAL.fullmatch(text) is None:
        return None
    total = section = digit = 0
    previous = ""
    for char in text:
        if char in _DIGIT_VALUES:
            if previous in _DIGIT_VALUES and previous not in "零〇":
                return None  # 二三 is not a numeral
            digit = _DIGIT_VALUES[char]
        elif char in _SMALL_UNITS:
            section += (digit or 1) * _SMALL_UNITS[char]
            digit = 0
        elif char == "亿":
            total = (total + section + digit) * _BIG_UNITS[char]
            section = digit = 0
        else:
            total += (section + digit or 1) * _BIG_UNITS[char]  # 万亿元: 万 alone is ten thousand
            section = digit = 0
        previous = char
    return total + section + digit


# Fractions written in words, read as percentages: (pattern, percent, the qualifier the word itself
# gives). A pattern without a percent is X分之Y, worth Y/X; 一半以上 and 超过一半 are qualified by the
# words around them, as any number is.
FRACTIONS: tuple[tuple[str, float | None, str], ...] = (
    ("(?P<whole>[二三四五六七八九十])分之(?P<part>[一二三四五六七八九])", None, "exact"),
    ("(?<!时间)过半数?(?![年月天日时周程])", 50, "more_than"),  # 任务过半; 时间过半 is half the time gone
    ("(?<![另一])一半|半数", 50, "exact"),
)
_FRACTION = re.compile("|".join(f"(?P<f{index}>{pattern})" for index, (pattern, _, _) in enumerate(FRACTIONS)))


def fractions(text: str) -> Iterator[tuple[re.Match[str], int | float, str]]:
    """The fractions in words a text states (三分之一, 过半), each as a percentage and the qualifier its word gives."""
    for match in _FRACTION.finditer(text):
        percent, qualifier = FRACTIONS[int(str(match.lastgroup)[1:])][1:]
        if percent is None:
            whole, part = chinese_number(match["whole"]), chinese_number(match["part"])
            if not whole or not part or part >= whole:
                continue
            percent = round(100 * part / whole, 1)
        yield match, int(percent) if percent == int(percent) else percent, qualifier


def _chinese_values(text: str) -> set[int]:
    """Values of the Chinese numerals in a text, each also without a trailing 万/亿 (千亿元 states 1000 亿元)."""
    values: set[int] = set()
    for match in CHINESE_NUMERAL.finditer(text):
        run = match.group()
        for candidate in (run, run[:-1] if run[-1] in _BIG_UNITS else "", run.rstrip("万亿")):
            value = chinese_number(candidate)
            if value is not None:
                values.add(value)
    return values


def _without_trailing_zeros(number: str) -> str:
    """3.50 → 3.5 and 12.00 → 12.0, as format_number prints them."""
    stripped = number.rstrip("0")
    return stripped + "0" if stripped.endswith(".") else stripped


def quote_states_number(quote: str, value: int | float) -> bool:
    """Whether the quote contains the number, not merely a longer number that has it as digits."""
    text = normalise(quote)
    arabic = format_number(value)
    numbers = _NUMBER.findall(text)
    if arabic in numbers:  # the usual case, decided before the rarer spellings are looked for
        return True
    chinese = number_spellings(value)[1:]
    numbers += [number.replace(",", "") for number in _GROUPED_NUMBER.findall(text)]
    numbers += [_without_trailing_zeros(number) for number in numbers if "." in number]  # 3.50 states 3.5
    if arabic in numbers or any(spelling in text for spelling in chinese):
        return True
    if float(value).is_integer() and int(value) in _chinese_values(text):
        return True
    return any(percent == value for _, percent, _ in fractions(text))  # 一半以上 states 50 (%)


# A caption or heading set between two halves of a sentence is at most this many lines.
MAX_INTERRUPTING_LINES = 3


class SourceText:
    """A source document prepared for quote look-ups that cope with its layout.

    Whitespace is ignored (line breaks fall inside phrases), and a quote may step over up to
    MAX_INTERRUPTING_LINES whole lines where a sentence is broken by a photo caption, but only at a
    line boundary: the first part must end a line and the rest must start one.
    """

    def __init__(self, text: str) -> None:
        self.lines = [line for line in (normalise(raw) for raw in text.splitlines()) if line]
        self.text = "".join(self.lines)
        self.line_starts: list[int] = []
        position = 0
        for line in self.lines:
            self.line_starts.append(position)
            position += len(line)

    def spans(self, quote: str) -> list[list[tuple[int, int]]]:
        """Every place the quote stands, each as the spans of normalised text it covers."""
        wanted = normalise(quote)
        if not wanted:
            return []
        found = [[(match.start(), match.start() + len(wanted))] for match in re.finditer(re.escape(wanted), self.text)]
        return found or self._across_interruption(wanted)

    def _across_interruption(self, wanted: str) -> list[list[tuple[int, int]]]:
        found = []
        for index, line in enumerate(self.lines):
            line_end = self.line_starts[index] + len(line)
            for cut in range(1, min(len(wanted), len(line) + 1)):
                if not line.endswith(wanted[:cut]):
                    continue
                rest = wanted[cut:]
                for skipped in range(1, MAX_INTERRUPTING_LINES + 1):
                    resume = index + 1 + skipped
                    if resume < len(self.lines) and self.text.startswith(rest, self.line_starts[resume]):
                        start = self.line_starts[resume]
                        found.append([(line_end - cut, line_end), (start, start + len(rest))])
        return found

    def contains(self, quote: str) -> bool:
        return bool(self.spans(quote))
