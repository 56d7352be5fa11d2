"""Claims: which questions state a value to check, and the verdict of a figure's source on it."""

from __future__ import annotations

from typing import Any

import pytest

from cqsmart.query.answer.claims import claim, is_claim, measures
from cqsmart.query.text.analysis import normalise
from cqsmart.query.text.values import Stated, take_values


def stated(text: str) -> Stated:
    """The one value a question's text states, as analysis reads it."""
    _, values = take_values(normalise(text).replace("%", " percent "))
    (value,) = values
    return value


def figure(value: float, unit: str, base_value: float, qualifier: str = "exact") -> dict[str, Any]:
    return {"value": value, "unit": unit, "base_value": base_value, "qualifier": qualifier}


GROWTH = figure(18.3, "%", 0.183)
USERS = figure(2100, "万人", 21_000_000, "more_than")  # 突破2100万人
YUKANGMA = figure(3449, "万人", 34_490_000)
SCALE = figure(6387, "亿元", 638_700_000_000)
SERVICES = figure(1875, "项", 1875)
DOLLARS = figure(100, "亿美元", 10_000_000_000)  # a trade figure in US dollars


@pytest.mark.parametrize(
    ("text", "record", "verdict"),
    [
        ("grew 18.3%", GROWTH, "consistent"),
        ("grew 20%", GROWTH, "differs"),
        ("grew about 18%", GROWTH, "within rounding"),  # a rounding of 18.3%, not its value
        ("grew 18.30%", GROWTH, "consistent"),
        ("over 20 million users", USERS, "consistent"),  # implied by 突破2100万
        ("over 30 million users", USERS, "differs"),  # not borne out by 突破2100万
        ("用户超过2100万", USERS, "consistent"),  # the source's own statement
        ("less than 30 million users", USERS, "differs"),  # a floor bears out no ceiling
        ("35 million people", YUKANGMA, "within rounding"),
        ("3449万人", YUKANGMA, "consistent"),
        ("5000万人", YUKANGMA, "differs"),
        ("under 40 million people", YUKANGMA, "consistent"),
        ("3000万以上", YUKANGMA, "consistent"),
        ("about 640 billion yuan", SCALE, "within rounding"),
        ("638.7 billion yuan", SCALE, "consistent"),
        ("700 billion yuan", SCALE, "differs"),
        ("1875 services", SERVICES, "consistent"),  # a bare number, compared as written
        ("1900 services", SERVICES, "within rounding"),
    ],
)
def test_the_verdict_says_whether_the_source_bears_the_claim_out(text: str, record: dict[str, Any], verdict: str) -> None:
    found = claim(stated(text), record)
    assert found is not None
    assert found.verdict == verdict


def test_the_stated_value_is_given_in_the_figures_unit_with_its_bound() -> None:
    found = claim(stated("over 30 million users"), USERS)
    assert found is not None
    assert found.as_json() == {"stated": 3000, "unit": "万人", "bound": "more_than", "verdict": "differs"}


@pytest.mark.parametrize(
    ("text", "record", "fits"),
    [
        ("640 billion yuan", GROWTH, False),  # money is no growth rate
        ("640 billion yuan", SCALE, True),
        ("20%", SCALE, False),
        ("20%", GROWTH, True),
        ("35 million", GROWTH, False),  # a count with its scale is no percentage
        ("1875", GROWTH, True),  # a bare number says nothing of what it measures
        ("640 billion yuan", DOLLARS, False),  # yuan are not US dollars
        ("6387亿元", DOLLARS, False),
        ("100亿美元", DOLLARS, True),
        ("10 billion dollars", DOLLARS, True),
        ("100亿美元", SCALE, False),
        ("10 billion US dollars", SCALE, False),
    ],
)
def test_a_claim_is_checked_only_against_a_figure_of_its_measure(text: str, record: dict[str, Any], fits: bool) -> None:
    assert measures(stated(text), record) is fits
    assert (claim(stated(text), record) is not None) is fits


def test_a_figure_stated_only_in_words_gets_no_verdict() -> None:
    assert claim(stated("grew 20%"), {"value": None, "unit": "第", "base_value": None, "qualifier": None}) is None


@pytest.mark.parametrize(
    "question",
    [
        "Did Chongqing's digital economy grow 20% in 2020?",
        "Is it true that Yukuaiban has over 30 million users?",
        "I heard Yukangma has 50 million users",
        "渝康码用户有5000万人，是真的吗",
        "听说重庆新业态从业人员有300万人",
        "渝快融用户超过26万，对吗",
    ],
)
def test_a_question_that_asks_whether_a_stated_value_holds_is_a_claim(question: str) -> None:
    _, values = take_values(question)
    assert is_claim(question, values)


@pytest.mark.parametrize(
    "question",
    [
        "3449万指的是什么",  # asks what a number is, not whether it holds
        "What does 2100万 refer to?",
        "Did the digital economy grow quickly?",  # states no value
        "渝康码有多少用户",
    ],
)
def test_other_questions_are_not_claims(question: str) -> None:
    _, values = take_values(question)
    assert not is_claim(question, values)


def test_a_fall_is_claimed_by_its_size() -> None:
    """下降3.5% is kept as value 3.5 and base_value -0.035: "fell 3.5%" states it."""
    fall = {"value": 3.5, "unit": "%", "base_value": -0.035, "qualifier": "exact", "direction": "decrease"}
    found = claim(stated("fell 3.5%"), fall)
    assert found is not None
    assert (found.stated, found.verdict) == (3.5, "consistent")
