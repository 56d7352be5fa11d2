"""Messages on stderr come from one bilingual table and follow the run's `--lang`."""

from __future__ import annotations

import json
import string

import pytest

from conftest import Run
from cqsmart.cli.messages import MESSAGES, NOUNS, lang_of_run, message


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_has_both_languages_with_the_same_placeholders(key: str) -> None:
    templates = MESSAGES[key]
    assert set(templates) == {"en", "zh"}
    assert placeholders(templates["en"]) == placeholders(templates["zh"])


def test_every_noun_has_both_languages() -> None:
    assert all(set(names) == {"en", "zh"} for names in NOUNS.values())


def test_both_and_unknown_languages_print_english() -> None:
    assert message("saved", "both", path="a.svg") == "saved a.svg"
    assert message("saved", "zh", path="a.svg") == "已保存 a.svg"


def test_the_last_lang_option_names_the_language() -> None:
    assert lang_of_run(["stats", "--lang", "en", "--lang=zh"]) == "zh"
    assert lang_of_run(["--lang", "both"]) == "both"


@pytest.mark.parametrize(
    ("args", "code", "line"),
    [
        (("show", "nosuch", "--lang", "zh"), 1, "cqsmart: 没有 id 为 'nosuch' 的记录\n"),
        (("show", "nosuch", "--lang", "en"), 1, "cqsmart: no record with id 'nosuch'\n"),
        (
            ("show", "figure-yukuaiba", "--lang", "zh"),
            1,
            "cqsmart: 没有 id 为 'figure-yukuaiba' 的记录；是否要找：yukuaiban, alias-yukuaiban, yukuaiban-users？\n",
        ),
        (
            ("stats", "--year", "20x", "--lang", "zh"),
            2,
            "cqsmart: --year 需要四位数的年份，如 2020，而不是 '20x'；有数据的年份：2017、2018、2019、2020、2021\n",
        ),
        (
            ("compare", "2018", "2021", "--lang", "zh"),
            0,
            "cqsmart: 没有指标在2018、2021年都有数值；有数据的年份：2017、2018、2019、2020、2021\n",
        ),
        (("ask", "重庆有多少个机场", "--lang", "zh"), 1, "cqsmart: 数据库中没有能回答这个问题的数据\n"),
        (
            ("ask", "How many airports are there?", "--lang", "en"),
            1,
            "cqsmart: no figure in the fact base answers this question\n",
        ),
        (("search", "火星", "--lang", "zh"), 0, "cqsmart: 没有与 '火星' 匹配的记录\n"),
        (("search", "火星", "--lang", "en"), 0, "cqsmart: nothing matches '火星'\n"),
        (("initiatives", "--search", "火星", "--lang", "zh"), 0, "cqsmart: 没有符合条件的举措\n"),
        (("targets", "--search", "火星", "--lang", "zh"), 0, "cqsmart: 没有符合条件的目标\n"),
    ],
)
def test_messages_follow_the_lang_option(run: Run, args: tuple[str, ...], code: int, line: str) -> None:
    result = run(*args)
    assert (result.exit_code, result.stderr) == (code, line)


def test_an_unknown_metric_is_named_in_chinese(run: Run) -> None:
    result = run("stats", "--metric", "nosuch", "--lang", "zh")
    assert result.exit_code == 2
    assert result.stderr.startswith("cqsmart: 未知的指标 'nosuch'（可选：5g-integrated-scenario-count、")
    assert result.stderr.endswith("）\n")


def test_an_empty_listing_says_so_in_chinese(run: Run) -> None:
    result = run("stats", "--year", "2030", "--lang", "zh")
    assert result.exit_code == 0
    assert result.stderr.startswith(
        "cqsmart: 没有符合条件的数据；有数据的年份：2017、2018、2019、2020、2021；主题：云长制、数据中心、"
    )


@pytest.mark.parametrize("named", ["数据中心", "data centres", "Data Centres", "data-centres"])
def test_a_topic_is_taken_by_the_name_a_view_shows_it_by(run: Run, named: str) -> None:
    """`topics --lang zh` shows 数据中心; typing that (or the English name) selects what data-centres does."""
    assert "数据中心" in run("topics", "--lang", "zh").stdout
    by_slug = run("stats", "--topic", "data-centres", "--json")
    result = run("stats", "--topic", named, "--json")
    assert (result.exit_code, result.stdout) == (0, by_slug.stdout) and by_slug.stdout != "[]\n"


@pytest.mark.parametrize(
    ("args", "named", "slug"),
    [
        (("initiatives", "--line"), "战略", "strategy"),
        (("targets", "--area"), "开放合作", "open-cooperation"),
        (("metrics", "--topic"), "排名", "rankings"),
        (("compare", "2018", "2020", "--topic"), "数字经济", "digital-economy"),
        (("search", "渝快办", "--topic"), "数字政府", "digital-government"),
    ],
)
def test_lines_areas_and_topics_are_taken_by_their_chinese_names(run: Run, args: tuple[str, ...], named: str, slug: str) -> None:
    result, by_slug = run(*args, named, "--json"), run(*args, slug, "--json")
    assert (result.exit_code, result.stdout) == (0, by_slug.stdout), result.stderr
    assert json.loads(by_slug.stdout)


def test_an_unknown_topic_lists_the_topics_by_their_chinese_names(run: Run) -> None:
    result = run("stats", "--topic", "火星", "--lang", "zh")
    assert result.exit_code == 2
    assert result.stderr.startswith("cqsmart: 未知的主题 '火星'（可选：云长制、云基础设施、算力、数据中心、")
    assert "-" not in result.stderr.partition("可选：")[2]  # no slug
