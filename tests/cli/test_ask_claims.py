"""`cqsmart ask` on a question that states a value: the figure of that measure, right or wrong, with a verdict."""

from __future__ import annotations

import json

import jsonschema
import pytest

from conftest import Run
from cqsmart.model.outputs import output_schema


@pytest.mark.parametrize(
    ("question", "figure", "claimed", "verdict"),
    [
        ("Did Chongqing's digital economy grow 20% in 2020?", "digital-economy-growth-2020", 20, "differs"),
        ("Did Chongqing's digital economy grow 18.3% in 2020?", "digital-economy-growth-2020", 18.3, "consistent"),
        ("Is it true that Yukuaiban has over 30 million users?", "yukuaiban-users", 3000, "differs"),
        ("Is it true that Yukuaiban has over 20 million users?", "yukuaiban-users", 2000, "consistent"),
        ("Is the digital economy 700 billion yuan?", "digital-economy-scale-2020", 7000, "differs"),
        ("渝康码用户有5000万人，是真的吗", "yukangma-users", 5000, "differs"),
        ("渝康码用户大约3500万人吗", "yukangma-users", 3500, "within rounding"),
    ],
)
def test_a_claim_gets_its_figure_and_a_verdict(run: Run, question: str, figure: str, claimed: float, verdict: str) -> None:
    result = run("ask", question, "--json")
    assert result.exit_code == 0, result.stderr
    (answer,) = json.loads(result.stdout)
    jsonschema.validate([answer], output_schema("ask"))
    assert answer["id"] == figure
    assert (answer["claim"]["stated"], answer["claim"]["verdict"]) == (claimed, verdict)


def test_the_table_says_the_verdict_under_the_answer_in_the_questions_language(run: Run) -> None:
    english = run("ask", "Did Chongqing's digital economy grow 20% in 2020?").stdout
    assert "The claim 20% differs from the source: 18.3%" in " ".join(english.split())
    chinese = run("ask", "渝康码用户有5000万人，是真的吗").stdout
    assert "说法“5000万人”与来源不符：来源为3449万人" in "".join(chinese.split())


def test_a_markdown_answer_carries_the_verdict_too(run: Run) -> None:
    result = run("ask", "Is it true that Yukuaiban has over 20 million users?", "--format", "markdown")
    # The claim as the question states it, beside the figure as the source does.
    assert "The claim more than 20 million people is consistent with the source: more than 21 million people" in result.stdout


def test_a_question_stating_no_value_has_a_null_claim(run: Run) -> None:
    (answer,) = json.loads(run("ask", "How many Yukuaiban users are there?", "--json").stdout)
    assert answer["claim"] is None


def test_a_claim_about_something_the_base_does_not_hold_exits_1(run: Run) -> None:
    result = run("ask", "Is it true that Chongqing has 500 airports?")
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "cqsmart: no figure in the fact base answers this question\n"


def test_a_chinese_question_nothing_answers_is_told_so_in_chinese(run: Run) -> None:
    result = run("ask", "重庆有多少个机场", env={"LANG": "en_US.UTF-8"})
    assert (result.exit_code, result.stderr) == (1, "cqsmart: 数据库中没有能回答这个问题的数据\n")
    assert run("ask", "重庆有多少个机场", "--lang", "en").stderr == "cqsmart: no figure in the fact base answers this question\n"
