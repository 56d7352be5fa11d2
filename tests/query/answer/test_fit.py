"""Whether a question names anything a figure could be the answer to (fit.names_nothing)."""

from __future__ import annotations

import pytest

from conftest import Run
from cqsmart.query.answer.fit import names_nothing
from cqsmart.query.answer.index import Index, index_of
from cqsmart.query.answer.question import understand
from cqsmart.store.load import load


@pytest.fixture(scope="module")
def index() -> Index:
    base = load()
    return index_of(base, "figures", lambda: base.of_kind("figure"))


@pytest.mark.parametrize(
    ("text", "nothing"),
    [
        ("How many people does Chongqing have?", True),  # a count of the city's setting: its population
        ("重庆有多少人", True),
        ("How many people use Yukuaiban?", False),
        ("渝快办有多少人在用", False),
        ("网上办政务这块，重庆在各省里大概排第几", False),  # the scene names what is ranked
        ("重庆数字经济增速", False),
    ],
)
def test_a_question_of_only_a_measure_and_the_city_names_nothing(index: Index, text: str, nothing: bool) -> None:
    assert names_nothing(understand(text, index), index) is nothing


def test_such_a_question_is_refused_in_its_language(run: Run) -> None:
    result = run("ask", "重庆有多少人")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", "cqsmart: 数据库中没有能回答这个问题的数据\n")
