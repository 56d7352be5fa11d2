"""A fraction in words states its percentage: a quote of 一半以上 holds the value 50, of 四分之三 75."""

from __future__ import annotations

import pytest

from cqsmart.model.quotes import fractions, quote_states_number


@pytest.mark.parametrize(
    ("quote", "value"), [("一半以上的农户用上宽带", 50), ("四分之三的行政村通光纤", 75), ("三分之一以上企业上云", 33.3)]
)
def test_a_fraction_in_words_states_its_percentage(quote: str, value: float) -> None:
    assert quote_states_number(quote, value)


def test_a_fraction_states_no_other_value() -> None:
    assert not quote_states_number("四分之三的行政村通光纤", 34)


@pytest.mark.parametrize("text", ["时间过半，全年目标完成良好", "工期已过半年", "另一半资金由企业自筹", "五分之七"])
def test_words_that_are_not_a_share_of_a_whole_are_no_fraction(text: str) -> None:
    assert list(fractions(text)) == []
