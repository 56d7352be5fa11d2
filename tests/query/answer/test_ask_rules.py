"""What a figure must be to answer whatever it matches (ask.RULES), and the named weights of the score."""

from __future__ import annotations

from typing import Any

import pytest

from cqsmart.query.answer.ask import RULES
from cqsmart.query.answer.score import WEIGHTS, Weights
from cqsmart.query.text.analysis import Analysis

RULE = {rule.name: rule for rule in RULES}


def question(**said: Any) -> Analysis:
    analysis = Analysis()
    for name, value in said.items():
        setattr(analysis, name, value)
    return analysis


def test_every_rule_says_why() -> None:
    assert len(RULE) == len(RULES)
    assert all(rule.reason and rule.name for rule in RULES)


@pytest.mark.parametrize(
    ("name", "asked", "record", "keeps"),
    [
        ("no-percentage-counts", {"counting": True}, {"unit": "%", "value": 18.3}, False),
        ("no-percentage-counts", {"counting": True}, {"unit": "万人", "value": 2100}, True),
        ("no-percentage-counts", {"counting": False}, {"unit": "%", "value": 18.3}, True),
        ("amounts-have-values", {"amount": True}, {"unit": "第", "value": None}, False),  # 前列: a standing in words
        ("amounts-have-values", {"amount": False}, {"unit": "第", "value": None}, True),
        ("the-present-is-no-plan", {"present": True}, {"planned": True}, False),
        ("the-present-is-no-plan", {"present": True, "slots": [frozenset({"c:target"})]}, {"planned": True}, True),
        ("the-present-is-no-plan", {"present": False}, {"planned": True}, True),
    ],
)
def test_a_rule_keeps_only_the_figures_that_can_answer(
    name: str, asked: dict[str, Any], record: dict[str, Any], keeps: bool
) -> None:
    assert RULE[name].keeps(question(**asked), record) is keeps


def test_the_weights_are_the_defaults_of_one_named_tuple() -> None:
    assert Weights() == WEIGHTS
    assert 0 < WEIGHTS.answers < WEIGHTS.undated_answers < 1  # an undated figure must fit more closely
    assert WEIGHTS.exact_span > WEIGHTS.wider_span > 0
