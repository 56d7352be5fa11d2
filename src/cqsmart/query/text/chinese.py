"""Chinese text for analysis: telling Han characters, folding traditional ones, reading years written in
Chinese numerals, and dropping 多少-style counting words. Scans over code points, never regexes over CJK
classes, which cost more to compile than answering a question takes."""

from __future__ import annotations

import re

from cqsmart.query.text import lexicon

_ZH_NUMERALS = frozenset("〇零○一二三四五六七八九")
_COUNTING_LEADS = frozenset("是有为达了")


def chinese_years(text: str) -> str:
    """二〇一九年 → 2019年 and 19年 → 2019年, by scanning before each 年 rather than with a regex: a
    class of CJK characters costs more to compile than answering a question takes."""
    pieces = text.split("年")
    for index, piece in enumerate(pieces[:-1]):
        run = len(piece)
        while run and (piece[run - 1] in _ZH_NUMERALS or piece[run - 1] == "十"):
            run -= 1
        numeral = piece[run:]
        if len(numeral) in (2, 4) and numeral[0] in "一二" and "十" not in numeral:
            piece = piece[:run] + numeral.translate(lexicon.ZH_DIGITS)
        tail = piece[-2:]
        if (
            len(tail) == 2
            and tail.isascii()
            and tail.isdigit()
            and "15" <= tail <= "29"
            and (len(piece) == 2 or piece[-3] not in "0123456789.")
        ):
            piece = piece[:-2] + "20" + tail
        pieces[index] = piece
    return "年".join(pieces)


def counter_at(text: str, at: int) -> bool:
    """Whether a measure word stands at `at` (多少项, 1875项), and not one that begins a word (项目, 人口)."""
    return (
        text[at : at + 1] in lexicon.ZH_COUNTERS and bool(text[at : at + 1]) and text[at : at + 2] not in lexicon.ZH_COUNTER_WORDS
    )


def drop_counting(run: str) -> tuple[str, str]:
    """Drops every (是|有|为|达|了)?(多少|几)(counter)? and returns the counter the first one names; a
    measure word that begins a word (多少项目) stays with its word."""
    kept: list[str] = []
    counter = ""
    first = True
    position = 0
    while True:
        many, few = run.find("多少", position), run.find("几", position)
        found = min(at for at in (many, few, len(run)) if at >= 0)
        if found == len(run):
            break
        start = found - 1 if found > position and run[found - 1] in _COUNTING_LEADS else found
        end = found + (2 if found == many else 1)
        if counter_at(run, end):
            end += 1
            if first:
                counter = run[end - 1]
        first = False
        kept += (run[position:start], " ")
        position = end
    kept.append(run[position:])
    return "".join(kept), counter


def is_han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")  # the characters is_han accepts


def has_han(text: str) -> bool:
    return _HAN.search(text) is not None


_traditional: tuple[frozenset[str], dict[int, int]] | None = None


def simplified(text: str) -> str:
    global _traditional
    if _traditional is None:
        from cqsmart.query.text.t2s import SIMPLIFIED, TRADITIONAL

        _traditional = frozenset(TRADITIONAL), str.maketrans(TRADITIONAL, SIMPLIFIED)
    characters, table = _traditional
    # Most texts hold no traditional character, and asking is a quarter of the cost of translating.
    return text if characters.isdisjoint(text) else text.translate(table)
