"""A draft's source says what kind of document the text is, and has interview fields only for an interview."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Run
from cqsmart.extract.document import genre

INTERVIEW_ONLY = ("reporter", "interviewee", "interview_date")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("2024年重庆市政府工作报告\n过去一年，全市地区生产总值增长6.1%。", "government-report"),
        ("重庆市2023年国民经济和社会发展统计公报\n全年全市实现地区生产总值30145.79亿元。", "statistical-release"),
        ("重庆市数字经济“十四五”发展规划\n到2025年，数字经济增加值占比达到40%。", "plan"),
        ("数字重庆建设再提速\n本报记者 张三\n记者：今年有哪些新进展？\n李四：全市新建5G基站2万个。", "interview"),
        ("新华社重庆3月1日电 全市数字经济增加值增长10%，《规划》提出新目标。", "news"),
        ("数字经济增加值增长10%，占地区生产总值比重达到40%。", "other"),
    ],
)
def test_the_kind_of_document_comes_from_its_own_words(text: str, kind: str) -> None:
    assert genre(text) == kind


def test_a_plan_named_in_a_news_body_does_not_make_the_text_a_plan() -> None:
    assert genre("本报讯 昨日，市政府印发《数字经济行动计划》，提出到2025年建成5G基站10万个。") == "news"


def test_a_statistical_release_draft_has_no_interview_fields_and_validates(run: Run, tmp_path: Path) -> None:
    text = tmp_path / "release.txt"
    text.write_text(
        "重庆市2023年国民经济和社会发展统计公报\n全年全市实现地区生产总值30145.79亿元，增长6.1%。\n", encoding="utf-8"
    )
    draft = tmp_path / "draft.json"
    assert run("extract", str(text), "--output", str(draft)).exit_code == 0
    source = json.loads(draft.read_text(encoding="utf-8"))[0]
    assert source["type"] == "statistical-release"
    assert not set(INTERVIEW_ONLY) & set(source)
    assert run("validate", "--draft", str(draft)).exit_code == 0


def test_an_interview_draft_keeps_its_reporter_and_date(run: Run, tmp_path: Path) -> None:
    text = tmp_path / "interview.txt"
    text.write_text(
        "交通建设再提速\n重庆日报记者 张三\n8月13日，记者采访了市交通局。\n记者：今年投资多少？\n李四：完成1850亿元。\n",
        encoding="utf-8",
    )
    draft = tmp_path / "draft.json"
    run("extract", str(text), "--output", str(draft))
    source = json.loads(draft.read_text(encoding="utf-8"))[0]
    assert (source["type"], source["publisher"], source["reporter"], source["interview_date"]) == (
        "interview",
        {"zh": "重庆日报"},
        {"zh": "张三"},
        "08-13",
    )


def test_a_news_dateline_gives_the_publisher_and_the_author(run: Run, tmp_path: Path) -> None:
    text = tmp_path / "news.txt"
    text.write_text("新华社杭州7月5日电(记者 岳德亮)到2025年，全省数字经济增加值占GDP比重达到60%左右。\n", encoding="utf-8")
    source = json.loads(run("extract", str(text), "--json").stdout)[0]
    assert (source["type"], source["publisher"], source["authors"]) == ("news", {"zh": "新华社"}, [{"zh": "岳德亮"}])
