"""Chinese text: the code-point scans that replaced regexes read text exactly as the regexes did."""

from __future__ import annotations

import itertools
import random
import re

from cqsmart.query.text import chinese, lexicon

# The regexes the scans replaced, kept here as the reference the scans must agree with.
NUMERAL_YEAR = re.compile(
    r"(?<![〇零○一二三四五六七八九十])[一二][〇零○一二三四五六七八九](?:[〇零○一二三四五六七八九]{2})?(?=年)"
)
SHORT_YEAR = re.compile(r"(?<![0-9.])(1[5-9]|2[0-9])(?=年)")
COUNTING = re.compile(rf"(?:是|有|为|达|了)?(?:多少|几)[{lexicon.ZH_COUNTERS}]?")

YEAR_ALPHABET = "一二〇九十零○年19.2x"
COUNTING_ALPHABET = "是有了多少几个项年x"


def years_by_regex(text: str) -> str:
    text = NUMERAL_YEAR.sub(lambda match: match.group().translate(lexicon.ZH_DIGITS), text)
    return SHORT_YEAR.sub(r"20\1", text)


def counting_by_regex(text: str) -> tuple[str, str]:
    found = COUNTING.search(text)
    counter = found.group()[-1] if found and found.group()[-1] in lexicon.ZH_COUNTERS else ""
    return COUNTING.sub(" ", text), counter


def samples(alphabet: str, longest: int, count: int) -> list[str]:
    every_short = ["".join(chars) for length in range(longest + 1) for chars in itertools.product(alphabet, repeat=length)]
    chosen = random.Random(20211).choices
    return every_short + ["".join(chosen(alphabet, k=length)) for length in range(longest, 24) for _ in range(count)]


def test_chinese_years_are_read_as_the_regexes_read_them() -> None:
    """二〇一九年, 一九年 and 19年 become 2019年, and nothing else changes, for every short text and many long ones."""
    wrong = [text for text in samples(YEAR_ALPHABET, 4, 400) if chinese.chinese_years(text) != years_by_regex(text)]
    assert wrong == []
    assert chinese.chinese_years("二〇一九年和19年,十二年") == "2019年和2019年,十二年"


def test_counting_words_are_dropped_as_the_regex_dropped_them() -> None:
    """是多少, 有几项 and 多少个 are removed wherever they are, and the first one's counter is kept."""
    wrong = [text for text in samples(COUNTING_ALPHABET, 4, 400) if chinese.drop_counting(text) != counting_by_regex(text)]
    assert wrong == []
    assert chinese.drop_counting("渝康码有多少项功能") == ("渝康码 功能", "项")


def test_a_measure_word_that_begins_a_word_stays_with_it() -> None:
    """多少项目 asks about projects and 多少人口 about population: 项 and 人 are not counted in."""
    assert chinese.drop_counting("有多少项目") == (" 项目", "")
    assert chinese.drop_counting("重庆有多少人口") == ("重庆 人口", "")
