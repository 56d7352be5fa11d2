"""A question asking what something is (云长制是什么) is answered by the initiative or target it names;
one asking for a number never is."""

from __future__ import annotations

import pytest

from cqsmart.model.factbase import FactBase
from cqsmart.query.answer.ask import answers
from cqsmart.query.answer.index import build

SOURCE = {"id": "s", "quote": "q"}
RECORDS = (
    {"id": "cloud-chief-system", "kind": "initiative", "label": {"zh": "云长制", "en": "Cloud-chief system"}, "source": SOURCE,
     "figures": ["cloud-chief-units"]},
    {"id": "open-data-target", "kind": "target", "label": {"zh": "扩大数据共享开放", "en": "Wider data sharing and opening"},
     "source": SOURCE, "figures": []},
    {"id": "cloud-chief-units", "kind": "figure",
     "label": {"zh": "担任“云长”的单位数", "en": "Units whose heads serve as cloud chiefs"}, "value": 110, "unit": "个",
     "source": SOURCE, "period": {"start": 2021, "end": 2021, "basis": "year"}},
)  # fmt: skip


@pytest.fixture()
def base(monkeypatch: pytest.MonkeyPatch) -> FactBase:
    from cqsmart.query.answer import index

    monkeypatch.setattr(index, "provider", lambda base, name, records: build(base, records()))
    return FactBase(RECORDS, "test")


def first(base: FactBase, question: str) -> str:
    return str(answers(base, question)[0].record["id"])


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("云长制是什么", "cloud-chief-system"),
        ("什么是云长制", "cloud-chief-system"),
        ("What is the cloud-chief system?", "cloud-chief-system"),
        ("介绍一下扩大数据共享开放", "open-data-target"),
    ],
)
def test_a_question_asking_what_a_thing_is_gets_the_thing(base: FactBase, question: str, expected: str) -> None:
    assert first(base, question) == expected


@pytest.mark.parametrize(
    "question",
    [
        "云长制有多少个单位",  # how many: a figure
        "What were the units with cloud chiefs in 2021?",  # a year asked: a figure's
        "云长制",  # a name alone asks nothing of what it is
    ],
)
def test_a_question_asking_for_a_number_gets_a_figure(base: FactBase, question: str) -> None:
    assert first(base, question) == "cloud-chief-units"


def test_a_thing_the_question_names_only_in_part_does_not_answer(base: FactBase) -> None:
    """数据 is a word of the target's label, not its name: what is asked is not the target."""
    found = answers(base, "数据是什么")
    assert all(each.record["kind"] == "figure" for each in found)


def test_the_figures_of_the_thing_follow_it(base: FactBase) -> None:
    assert [each.record["id"] for each in answers(base, "云长制是什么")] == ["cloud-chief-system", "cloud-chief-units"]
