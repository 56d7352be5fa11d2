"""Text normalisation shared by quote checks: the source has line breaks inside phrases."""

from __future__ import annotations

import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")
_CHINESE_DIGITS = "〇一二三四五六七八九十"


def normalise(text: str) -> str:
    """NFKC-normalise and drop all whitespace, so a quote matches across the source's line breaks."""
    return _WHITESPACE.sub("", unicodedata.normalize("NFKC", text))


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


def quote_states_number(quote: str, value: int | float) -> bool:
    """Whether the quote contains the number, not merely a longer number that has it as digits."""
    text = normalise(quote)
    for spelling in number_spellings(value):
        pattern = rf"(?<![\d.]){re.escape(spelling)}(?![\d]|\.\d)"
        if re.search(pattern, text):
            return True
    return False
