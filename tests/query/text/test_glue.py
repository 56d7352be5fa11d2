"""Function characters that glue a Chinese question's words together (上, 里, 能, 们) are not asked
about, unless they make a word of the base with their neighbour (中心, 智能)."""

from __future__ import annotations

import pytest

from cqsmart.query.text.analysis import Concepts, _without_glue, analyse

BASE_PAIRS = frozenset({"中心", "智能", "能力", "办事"})


def known(pair: str) -> bool:
    return pair in BASE_PAIRS


@pytest.mark.parametrize(
    ("piece", "left"),
    [
        ("上能办", ["办"]),  # 渝快办上能办: on Yukuaiban one can handle
        ("里能", ["能"]),  # a lone one left is dropped where slots are made
        ("小老板们贷", ["小老板贷"]),  # a plural suffix goes wherever it stands
        ("中心", ["中心"]),  # a word of the base keeps its edge
        ("智能", ["智能"]),
        ("能力在", ["能力"]),
        ("新能源", ["新能源"]),  # glue inside a run is never cut
        ("日活跃", ["日活跃"]),  # a time is no glue: daily active
    ],
)
def test_glue_at_a_runs_edge_goes_and_words_of_the_base_stay(piece: str, left: list[str]) -> None:
    assert _without_glue(piece, known) == left


def test_a_question_loses_its_glue_only_when_the_base_is_known() -> None:
    concepts = Concepts.build([])
    with_base = analyse("上能办", concepts, question=True, known=known).slots
    without = analyse("上能办", concepts, question=True).slots
    assert with_base == [frozenset({"u:办"})]
    assert frozenset({"z:上能"}) in without
