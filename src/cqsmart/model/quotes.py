"""Text normalisation shared by quote checks: the source has line breaks inside phrases."""

from __future__ import annotations

import re
import unicodedata

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


def quote_states_number(quote: str, value: int | float) -> bool:
    """Whether the quote contains the number, not merely a longer number that has it as digits."""
    text = normalise(quote)
    arabic, *chinese = number_spellings(value)
    return arabic in _NUMBER.findall(text) or any(spelling in text for spelling in chinese)


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
