"""Numbers a question states: "is it true Yukuaiban has over 20 million users?", "3449万指的是什么".

A number with its scale (20 million, 2000万, 638.7 billion, 16%, 14.4个百分点) is read in base units,
the way a figure's `base_value` is kept, and taken out of the text, so that its words count neither for
nor against a figure; the figure whose value it is then fits the question better. Years are read
before this (as years), and a number glued to a word (5G) or to 年 (近5年) is no value.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any, NamedTuple

from cqsmart.model import quotes
from cqsmart.query.text import lexicon
from cqsmart.query.text.chinese import counter_at

# Scales, each multiplying the number before it; longest first within each script, as they are tried.
_SCALES: dict[str, float] = {
    **{"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3},
    **{"trillion": 1e12, "billion": 1e9, "million": 1e6, "thousand": 1e3, "bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3},
}
_SCALE_WORDS = tuple(_SCALES)
# A currency's words, named as model/units names a unit's base (元 is CNY, 美元 USD).
_CURRENCIES: dict[str, str] = {
    **{"美元": "USD", "us dollars": "USD", "us dollar": "USD", "dollars": "USD", "dollar": "USD", "usd": "USD"},
    **{"元": "CNY", "yuan": "CNY", "rmb": "CNY", "renminbi": "CNY", "cny": "CNY"},
}
_CURRENCY_WORDS = tuple(_CURRENCIES)
_PERCENTS = ("个百分点", "百分点", "percentage points", "percentage point", "points", "point", "%", "percent", "per cent")
ROUNDED = 0.05  # "over 20 million" is the 21 million the source states; "about 27亿" its 27.2亿


class Stated(NamedTuple):
    value: float  # in base units
    said: bool  # a scale or percent said what it is (20 million, 16%), not a bare 1875
    within: float  # how far a figure's value may be from it and still be it, in base units
    bound: str = "exact"  # how the question bounds it, as a figure's qualifier does (over 20 million: more_than)
    measure: str = ""  # what its words say it measures: percent, points (个百分点), a currency (CNY for 元), or nothing


def take_values(text: str) -> tuple[str, list[Stated]]:
    """The text without its stated numbers and their scale words, and each number as (value in base
    units, whether a scale or percent said what it is). `text` is normalised, its years already taken."""
    found: list[Stated] = []
    text = _fractions(text, found)
    if any(char in _ZH_NUMERALS for char in text):
        text = _chinese_numbers(text)
    kept: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        glued = index > 0 and ((text[index - 1].isalpha() and text[index - 1].isascii()) or text[index - 1] in ".")
        if not char.isdigit() or not char.isascii() or glued:
            kept.append(char)
            index += 1
            continue
        end = index
        while end < len(text) and (text[end].isdigit() or (text[end] in ".," and text[end + 1 : end + 2].isdigit())):
            end += 1
        written = text[index:end].replace(",", "")
        number = float(written)
        scale, said, used, measure = 1.0, False, end, ""
        if (word := _word_at(text, used, _SCALE_WORDS)) is not None:
            scale, said, used = _SCALES[word[0]], True, word[1]
        if (word := _word_at(text, used, _CURRENCY_WORDS)) is not None:
            used, measure = word[1], _CURRENCIES[word[0]]
        if (word := _word_at(text, used, _PERCENTS)) is not None:
            scale, said, used = scale / 100, True, word[1]
            measure = "points" if "point" in word[0] else "percent"
        if counter_at(text, used):
            used += 1  # 1875项, 2100万人: the measure word belongs to the number
        after, before = text[used : used + 1], text[:index].rstrip(" ")
        ordinal = before.endswith(("前", "第", "top", "no.")) or text[used:].lstrip(" ").startswith("year")
        if ordinal or after == "年" or (after.isalpha() and after.isascii()) or not math.isfinite(number * scale):
            kept.append(text[index:used])  # 5G, 近5年, 3rd, top 10, 5 years: a name, rank or span, not a value
        else:
            bound = _bound(text[:index], text[used:])
            found.append(Stated(number * scale, said, _within(written) * scale, bound, measure))
            kept.append(" ")
        index = used
    return "".join(kept), found


# In English; Chinese fractions in words are read as the fact base's quotes are (model/quotes).
_FRACTIONS = (
    ("a quarter", 0.25), ("one quarter", 0.25), ("a third", 1 / 3), ("one third", 1 / 3), ("a fifth", 0.2),
    ("one fifth", 0.2), ("three quarters", 0.75), ("two thirds", 2 / 3), ("a half", 0.5), ("half", 0.5),
)  # fmt: skip
_ZH_NUMERALS = frozenset("零〇一二两三四五六七八九十百千")
_ZH_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_PLACE = {"十": 10, "百": 100, "千": 1000}


def _fractions(text: str, found: list[Stated]) -> str:
    """A quarter of GDP, 四分之一, 过半: a share in words, as the percentage it is (within a twentieth)."""
    for match, percent, qualifier in reversed(list(quotes.fractions(text))):
        share = percent / 100
        bound = qualifier if qualifier != "exact" else "approximately"  # 三分之一 is a round share, 过半 more than half
        found.append(Stated(share, True, ROUNDED * share, bound, "percent"))
        text = text[: match.start()] + " " + text[match.end() :]
    for words, share in _FRACTIONS:
        at = text.find(words)
        after = text[at + len(words) : at + len(words) + 1]
        if at >= 0 and not (words.isascii() and (text[at - 1 : at].isalpha() or after.isalpha())):
            # A share in words is a round one: a quarter is about 25%.
            found.append(Stated(share, True, ROUNDED * share, "approximately", "percent"))
            text = text[:at] + " " + text[at + len(words) :]
    return text


def _chinese_numbers(text: str) -> str:
    """二十六万 and 两千一百万 in digits (26万, 2100万), when a scale or measure word follows; 一网通办,
    五十百千 and 第十 stay words."""
    out: list[str] = []
    index = 0
    while index < len(text):
        end = index
        while end < len(text) and text[end] in _ZH_NUMERALS:
            end += 1
        if end == index:
            out.append(text[index])
            index += 1
            continue
        run, after = text[index:end], text[end : end + 1]
        counted = bool(after) and (after in "万亿" or (after in lexicon.ZH_COUNTERS and (len(run) >= 2 or run == "十")))
        if counted and text[index - 1 : index] not in ("第", "前") and (number := _chinese_number(run)) is not None:
            out.append(str(number))
        else:
            out.append(run)
        index = end
    return "".join(out)


def _chinese_number(run: str) -> int | None:
    """The number a run of numerals writes, or None when it writes none (五十百千, 一二三: a name, a list)."""
    total, digit, last = 0, None, 10_000
    for char in run:
        if char in _ZH_DIGIT:
            if digit not in (None, 0):
                return None
            digit = _ZH_DIGIT[char]
        else:
            place = _ZH_PLACE[char]
            if place >= last or (digit is None and total):
                return None
            total, digit, last = total + (1 if digit is None else digit) * place, None, place
    return total + (digit or 0)


def _word_at(text: str, at: int, words: tuple[str, ...]) -> tuple[str, int] | None:
    """The first of `words` that stands at `at`, after any spaces, and where it ends. An English word
    must end there (5 m, 5m, but not 5 members)."""
    spaced = text[at:].lstrip(" ")
    start = len(text) - len(spaced)
    for word in words:
        if spaced.startswith(word) and not (word.isascii() and word.isalpha() and spaced[len(word) : len(word) + 1].isalpha()):
            return word, start + len(word)
    return None


def _bound(before: str, after: str) -> str:
    """How the words around a stated number bound it: over 20 million, 3000万以上, 大约3500万."""
    before, after = before.rstrip(" "), after.lstrip(" ")
    said = [(word, bound) for bound, words in lexicon.VALUE_BOUNDS_BEFORE.items() for word in words]
    for word, bound in sorted(said, key=lambda pair: -len(pair[0])):  # 不超过 before 超过
        if before.endswith(word) and not (word.isascii() and before[-len(word) - 1 : -len(word)].isalpha()):
            return bound
    return next((bound for bound, words in lexicon.VALUE_BOUNDS_AFTER.items() if after.startswith(words)), "exact")


def _within(written: str) -> float:
    """Half a unit of the last digit written (14.4: 0.05); a round number (20, 2000, 27: two significant
    digits or fewer) stands for any value within a twentieth of it, as "over 20 million" for 21 million."""
    whole, _, decimals = written.partition(".")
    digits = (whole + decimals).lstrip("0")
    significant = len(digits if decimals else digits.rstrip("0"))
    half_unit = 0.5 / float(10 ** len(decimals))
    return max(half_unit, ROUNDED * float(written)) if significant <= 2 else half_unit


def states(record: Mapping[str, Any], values: list[Stated]) -> bool:
    """Whether the figure's value is one the question states."""
    numbers = (record.get("base_value"), record.get("value"))
    candidates = [float(stated) for stated in numbers if isinstance(stated, (int, float)) and not isinstance(stated, bool)]
    for asked in values:
        # 20 million is compared in base units only; a bare 1875 also as written.
        for stated in candidates[:1] if asked.said else candidates:
            if abs(stated - asked.value) <= asked.within * (1 + 1e-9):
                return True
    return False
