"""A Chinese typo of the same sound is read as the base's word; a question about what the base lacks is not changed."""

from __future__ import annotations

import pytest

from cqsmart.model.factbase import FactBase
from cqsmart.query.answer.index import Index, build
from cqsmart.query.answer.question import correct_homophones


def base_of(*labels: str) -> FactBase:
    records = tuple(
        {"id": f"figure-{number}", "kind": "figure", "label": {"zh": label, "en": f"Figure {number}"}, "value": number}
        for number, label in enumerate(labels, start=1)
    )
    return FactBase(records, "test")


@pytest.fixture(scope="module")
def index() -> Index:
    labels = ("“渝快办”用户数", "渝快办事项数", "数字经济规模", "“渝康码”用户数", "数据中心数量", "运行管理中心打造的应用场景数")
    base = base_of(*labels)
    return build(base, base.of_kind("figure"))


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("渝块办有多少用户", "渝快办有多少用户"),  # 块 for 快: kuai
        ("数子经济规模", "数字经济规模"),  # 子 for 字: zi
        ("渝康马有多少用户", "渝康码有多少用户"),  # 马 for 码: ma, at the end of the name
    ],
)
def test_a_character_of_the_same_sound_is_read_as_the_bases(index: Index, typed: str, read: str) -> None:
    assert correct_homophones(typed, index) == read


@pytest.mark.parametrize(
    "question",
    [
        "重庆有多少个机场",  # nothing of the base sounds like it
        "数据中心打造了多少",  # 心 stands beside 中 in the base: 中心 is no typo, though 心打 is unknown
        "3449万指的是什么",  # question words the base never uses are left alone
        "渝快办是什么",  # 是 is a question word, not a typo of 事 (办事 is a phrase of many bases)
    ],
)
def test_what_the_base_does_not_hold_is_left_as_asked(index: Index, question: str) -> None:
    assert correct_homophones(question, index) == question
