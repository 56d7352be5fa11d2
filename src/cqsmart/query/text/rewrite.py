"""A question read as it is meant before it is analysed: 2020年比2019年 as 比上年, and the economy
unqualified as GDP. For questions only: a record's text says what it says."""

from __future__ import annotations

import re
from functools import cache

from cqsmart.query.text import lexicon
from cqsmart.query.text.english import english_word

_COMPARED = ("比", "than ", "than in ", "compared with ", "compared to ", "vs ", "vs. ", "versus ", "over ")


@cache
def _simplifications() -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), replacement) for pattern, replacement in lexicon.SIMPLIFICATIONS)


def simplified(text: str) -> str:
    """The question in plain words (lexicon.SIMPLIFICATIONS): 疫情那年 as 2020年, 多少号人 as 多少人."""
    for pattern, replacement in _simplifications():
        text = pattern.sub(replacement, text)
    return text


def year_before(text: str) -> str:
    """2020年比2019年 and "in 2020 than in 2019" compare a year with the one before: said so, they
    ask what 比上年 asks (how much it rose), not about the span of both years."""
    for word in _COMPARED:
        start = 0
        while (at := text.find(word, start)) >= 0:
            start = at + len(word)
            year = text[start : start + 4]
            later = str(int(year) + 1) if year.isdigit() and len(year) == 4 else ""
            if later and later in text and not text[start + 4 : start + 5].isdigit():
                end = start + 4 + (text[start + 4 : start + 5] == "年")
                text = text[:at] + ("比上年" if word == "比" else " the year before ") + text[end:]
                start = at
    return text


def whole_economy(text: str) -> str:
    """经济 and economy, unqualified, become GDP: 重庆经济增长率 asks for GDP growth, not the digital economy's.
    For a question only: searching for "economy" still finds the digital economy."""
    if "经济" in text:
        pieces = text.split("经济")
        for index in range(1, len(pieces)):
            before, after = pieces[index - 1], pieces[index]
            part = before[-1:] in lexicon.ECONOMY_PARTS_ZH or after.startswith(lexicon.ECONOMY_PLACES)
            pieces[index] = ("经济" if part else " gdp ") + after
        text = "".join(pieces)
    if "econom" in text:
        parts = {english_word(part) for part in lexicon.ECONOMY_PARTS_EN}  # digitial is digital, as stems
        words = text.split(" ")
        for index, word in enumerate(words):
            previous = words[index - 1] if index else ""
            following = words[index + 1] if index + 1 < len(words) else ""
            bare = word.strip(",.;:?!").removesuffix("'s") in ("economy", "economic", "economies")
            if bare and english_word(previous) not in parts and not following.startswith(lexicon.ECONOMY_PLACES):
                words[index] = "gdp"
        text = " ".join(words)
    return text
