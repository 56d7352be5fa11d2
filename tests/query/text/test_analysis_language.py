"""The language tables behind a question: particles say nothing, future words ask about a plan, synonyms meet."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from cqsmart.cli import app
from cqsmart.query.text.analysis import BUILTIN_GROUPS, Concepts, analyse

CONCEPTS = Concepts.build(BUILTIN_GROUPS)


@pytest.mark.parametrize("particle", ["来着", "嘛", "啊", "呢"])
def test_a_sentence_final_particle_adds_no_slot(particle: str) -> None:
    plain = analyse("渝快办的用户数是多少", CONCEPTS, question=True)
    tailed = analyse(f"渝快办的用户数是多少{particle}", CONCEPTS, question=True)
    assert tailed.slots == plain.slots


@pytest.mark.parametrize("word", ["未来", "今后", "将来"])
def test_a_word_for_the_future_asks_about_a_target(word: str) -> None:
    assert frozenset({"c:target"}) in analyse(f"{word}重庆数字经济规模多少", CONCEPTS, question=True).slots


def test_labourers_are_the_workers_of_the_lexicon() -> None:
    asked = analyse("新业态劳动者有多少", CONCEPTS, question=True).slots
    assert frozenset({"c:workers"}) in asked
    assert not any(key.startswith("z:劳") for slot in asked for key in slot)


def _first(question: str) -> str | None:
    result = CliRunner().invoke(app, ["ask", question, "--json"], env={"CQSMART_FACTS": None})
    return json.loads(result.stdout)[0]["id"] if result.exit_code == 0 and result.stdout.strip() else None


def test_a_trailing_particle_leaves_the_answer_as_it_was() -> None:
    answer = _first("渝快办有多少用户")
    assert answer is not None
    assert _first("渝快办有多少用户来着") == answer


def test_labourers_find_the_figure_workers_find() -> None:
    answer = _first("重庆新业态从业人员有多少")
    assert answer is not None
    assert _first("重庆新业态劳动者有多少") == answer


@pytest.mark.parametrize(
    ("question", "value"),
    [("渝快办用户有两千一百万人吗", 21_000_000.0), ("is the digital economy a quarter of gdp", 0.25)],
)
def test_a_number_in_words_is_a_stated_value(question: str, value: float) -> None:
    assert [stated.value for stated in analyse(question, CONCEPTS, question=True).values] == [pytest.approx(value)]
