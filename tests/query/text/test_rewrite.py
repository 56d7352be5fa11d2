"""A question in plain words before it is analysed: named years as years, spoken Chinese as written."""

from __future__ import annotations

import pytest

from cqsmart.query.text.analysis import normalise
from cqsmart.query.text.rewrite import simplified


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("疫情那年重庆数字经济规模多大", "2020年重庆数字经济规模多大"),
        ("新冠疫情暴发那年的增速", "2020年增速"),
        ("How big was it in the pandemic year?", "how big was it in 2020?"),
        ("growth in the covid-19 year", "growth in 2020"),
        ("“十三五”收官之年的增速", "2020年增速"),
        ("十三五开局之年", "2016年"),
        ("十四五第一年", "2021年"),
        ("in the final year of the 13th Five-Year Plan", "in 2020"),
        ("the first year of the 14th five-year plan", "2021"),
        ("渝快办有多少号人在用", "渝快办有多少人在用"),
        ("渝康码被打开过几回", "渝康码被打开过几次"),
        ("增速咋样", "增速怎么样"),
        ("一网通办是啥意思", "一网通办是什么意思"),
        ("数字化经济增速", "数字经济增速"),
        ("点开过多少次", "打开过多少次"),
        ("what slice of the city's economic output", "what slice of the city's gdp"),
    ],
)
def test_colloquial_and_indirect_wording_reads_as_the_plain_one(question: str, plain: str) -> None:
    assert simplified(normalise(question)).replace("的", "") == plain.replace("的", "")


@pytest.mark.parametrize(
    "question",
    ["疫情防控用户数", "十三五期间的增速", "a year of growth", "数字化转型", "回应了多少", "多少回报", "output of servers"],
)
def test_wording_that_names_no_year_and_is_not_spoken_stays(question: str) -> None:
    assert simplified(normalise(question)) == normalise(question)


def test_back_before_a_year_says_when_not_what() -> None:
    from cqsmart.query.text.analysis import Concepts, analyse

    slots = analyse("back in 2017, the share", Concepts.build([]), question=True).slots
    assert slots == [frozenset({"w:shar"})]
