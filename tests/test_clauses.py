"""Long questions: the clause that asks is told from the one that sets the scene, whose small talk never counts against."""

from __future__ import annotations

import pytest

from conftest import Run, assert_asked
from cqsmart.query.text import clauses

pytestmark = pytest.mark.usefixtures("reuse_module_cache")


@pytest.mark.parametrize(
    ("text", "scene"),
    [
        (
            "i'm writing a piece for a newsletter - can you tell me how many people use yukuaiban?",
            ["i'm writing a piece for a newsletter"],
        ),
        ("我在写稿子,想问一下渝康码被访问了多少次?", ["我在写稿子"]),
        (
            "my professor asked us to compare; do you know how big it was in 2020, in yuan?",
            ["my professor asked us to compare", "in yuan"],
        ),
        ("i study smart cities. what share of gdp was digital in 2020?", ["i study smart cities"]),
        # One clause, or every clause asking, or none: nothing is scene.
        ("how many users does yukuaiban have?", []),
        ("yukuaiban has 1,875 service items, and 2.1 million workers?", []),
        ("渝快办 用户", []),
        ("合作得怎么样,签了多少项协议?", []),
        # A hyphen inside a word ends no clause.
        ("e-government push, how many users?", ["e-government push"]),
    ],
)
def test_the_scene_is_the_clauses_that_do_not_ask(text: str, scene: list[str]) -> None:
    """Clauses end at punctuation and spaced dashes, not inside numbers or hyphenated words."""
    assert clauses.scene(text) == scene


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("I'm a student researching Yukangma. How many functions does it have?", "yukangma-functions"),
        ("我是学生，在做关于“渝快办”的作业。它有多少注册用户？", "yukuaiban-users"),
        ("My editor wants numbers on the digital economy. How big was it in 2020?", "digital-economy-scale-2020"),
        ("For my thesis on Chongqing, could you tell me how many times Yukangma was visited?", "yukangma-visits"),
        ("写论文需要数据，请问重庆数字经济2019年增长了多少", "digital-economy-growth-2019"),
        # The scene names the subject; the asking clause only what of it.
        (
            "朋友说重庆的数据中心利用率比全国平均高很多，具体高出多少个百分点你知道吗",
            "data-centre-rack-utilisation-above-national",
        ),
        # What the base lacks stays unanswered, however much the scene matches.
        ("我在研究渝康码，重庆有多少人口？", None),
        ("I'm writing about Chongqing's digital economy for a class, what is its GDP per capita?", None),
        ("Quick question for an article: what was digital economy growth in 2021?", None),
        ("我在写关于渝快办的报道，渝快办有多少员工？", None),
    ],
)
def test_long_questions_are_answered_by_what_they_ask(run: Run, question: str, expected: str | None) -> None:
    """A long question gets the figure its asking clause names, helped by the scene, or exits 1."""
    assert_asked(run, question, expected)


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("how many 5g use cases has the city rolled out?", "c:scenarios"),  # "use cases", not "use": no users
        ("how many units have their heads serving as cloud chiefs?", "c:units"),
        ("how many people use yukuaiban?", "c:users"),
        ("渝快政在多少个单位试点", "c:units"),
    ],
)
def test_a_how_many_question_counts_the_longest_phrase_named_after_it(text: str, thing: str) -> None:
    from cqsmart.query.answer.index import build
    from cqsmart.store.load import load

    assert clauses.counted(text, build(load(), []).concepts) == thing
