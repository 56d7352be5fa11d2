"""Numbers a question states: read in base units, taken out of the text, and matched to the figure whose value they are."""

from __future__ import annotations

import pytest

from conftest import Run, assert_asked
from cqsmart.query.text.values import take_values

pytestmark = pytest.mark.usefixtures("reuse_module_cache")


@pytest.mark.parametrize(
    ("text", "left", "values"),
    [
        ("over 20 million users", "over   users", [20e6]),
        ("用户超过2000万了吗", "用户超过 了吗", [2e7]),
        ("hit 638.7 billion yuan", "hit  ", [638.7e9]),
        ("14.4个百分点", " ", [0.144]),
        ("比重16%", "比重 ", [0.16]),
        ("the 1,875 items", "the   items", [1875.0]),
        # Numbers in words: Chinese numerals before a scale or measure word, and shares.
        ("用户超过二十六万", "用户超过 ", [260000.0]),
        ("两千一百万人", " ", [21e6]),
        ("made up a quarter of gdp", "made up   of gdp", [0.25]),
        ("占四分之一", "占 ", [0.25]),
        ("一网通办", "一网通办", []),
        ("五十百千体系", "五十百千体系", []),
        ("quarterly figures", "quarterly figures", []),
        # Not values: a name, a span, a rank.
        ("5g scenarios", "5g scenarios", []),
        ("近5年", "近5年", []),
        ("top 10 for online", "top 10 for online", []),
        ("前10位", "前10位", []),
        ("past 5 years", "past 5 years", []),
        ("1" + "0" * 400 + " users", "1" + "0" * 400 + " users", []),
    ],
)
def test_stated_numbers_are_read_in_base_units(text: str, left: str, values: list[float]) -> None:
    """Scale words (million, 万, 亿, %, 个百分点) go with their number; 5G, 近5年 and top 10 stay words."""
    rest, found = take_values(text)
    assert rest == left
    assert [round(item.value, 9) for item in found] == values


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # Claims to check, in two wordings each.
        ("Does Yukuaiban really have more than 21 million users?", "yukuaiban-users"),
        ("据说渝快办用户突破了2100万，对不对", "yukuaiban-users"),
        ("is the digital economy worth 638.7 billion yuan?", "digital-economy-scale-2020"),
        ("重庆数字经济规模是6387亿元吗", "digital-economy-scale-2020"),
        # A number alone, asking what it is.
        ("what does 1875 stand for", "yukuaiban-services"),
        ("1875项指什么", "yukuaiban-services"),
        ("which figure is 9.6 percentage points", "digital-economy-growth-gap-2019"),
        ("9.6个百分点是什么", "digital-economy-growth-gap-2019"),
        # The value says which year.
        ("in which year was the share of gdp 25.5%", "digital-economy-share-of-gdp-2020"),
        ("数字经济增速13.7%是哪年的", "digital-economy-growth-2018"),
        # A number no figure has is no answer, not the nearest figure.
        ("what is the 4521 figure about", None),
        ("3333万指的是什么", None),
    ],
)
def test_a_stated_number_finds_its_figure(run: Run, question: str, expected: str | None) -> None:
    """The figure whose value the question states comes first; a number no figure has exits 1."""
    assert_asked(run, question, expected)
