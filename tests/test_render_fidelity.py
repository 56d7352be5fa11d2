"""A figure reads as the source states it in every view: a decline, a target, a qualified figure, an
inferred year and a derived figure, in both languages, end to end through the CLI.

tests/fact_bases/fidelity.json holds one of each: power-2020 (工业用电量下降3.5%), planned-firms (a
target's 5家以上), app-users (用户突破2100万人, dated by an interview whose year is inferred),
data-standing (位居全国前列, a rank in words), gdp-2020 (derived from scale-2020 and share-2020), and a
source whose publisher and reporter are 未注明 / not stated.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import FACT_BASES, Run
from cqsmart.render import values

FIDELITY = str(FACT_BASES / "fidelity.json")


def cli(run: Run, *args: str, columns: int = 120) -> str:
    result = run("--facts", FIDELITY, *args, env={"COLUMNS": str(columns)})
    assert result.exit_code == 0, result.stderr
    return " ".join(str(result.stdout).split())


def joined(run: Run, *args: str) -> str:
    """The output without any space: Chinese wraps anywhere."""
    return "".join(cli(run, *args).split())


# The one renderer, called directly.


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("zh", "下降3.5%"), ("en", "down 3.5%")],
)
def test_a_decline_reads_with_its_direction(lang: str, expected: str) -> None:
    figure = {"value": 3.5, "unit": "%", "qualifier": "exact", "direction": "decrease"}
    assert values.figure_value(figure, lang) == expected


@pytest.mark.parametrize(
    ("qualifier", "word", "zh", "en"),
    [
        ("more_than", "突破", "突破2100万人", "more than 21 million people"),
        ("more_than", "超", "超2100万人", "more than 21 million people"),
        ("more_than", "余", "2100余万人", "more than 21 million people"),
        ("approximately", "近", "近2100万人", "about 21 million people"),
        ("at_least", "以上", "2100万人以上", "at least 21 million people"),
    ],
)
def test_a_qualified_figure_keeps_the_sources_word_in_chinese_and_its_meaning_in_english(
    qualifier: str, word: str, zh: str, en: str
) -> None:
    figure = {"value": 2100, "unit": "万人", "qualifier": qualifier, "qualifier_text": word}
    assert (values.figure_value(figure, "zh"), values.figure_value(figure, "en")) == (zh, en)


@pytest.mark.parametrize(("word", "english"), [("前列", "among the leaders"), ("唯一", "the only one")])
def test_a_rank_in_words_is_translated_never_a_dash(word: str, english: str) -> None:
    figure = {"value": None, "unit": None, "qualifier": None, "qualifier_text": word}
    assert (values.figure_value(figure, "zh"), values.figure_value(figure, "en")) == (word, english)


def test_an_interview_year_is_marked_inferred_only_when_the_source_does_not_print_it() -> None:
    figure = {"period": {"start": 2021, "end": 2021, "basis": "as_of_interview"}, "source": {"id": "s"}}
    inferred = {"s": {"id": "s", "year_inferred": True}}
    printed = {"s": {"id": "s", "year_inferred": False}}
    assert values.period(figure, "en", inferred) == "as of 2021 (inferred)"
    assert values.period(figure, "zh", inferred) == "截至2021年（推断）"
    assert values.period(figure, "en", printed) == "as of 2021"


def test_a_planned_figure_reads_as_a_target() -> None:
    figure = {"period": {"start": 2025, "end": 2025, "basis": "year"}, "planned": True}
    assert (values.period(figure, "en"), values.period(figure, "zh")) == ("target 2025", "目标 2025年")


def test_audit_arithmetic_writes_amounts_as_every_view_does() -> None:
    assert values.arithmetic("25606亿元 ≮ 25047亿元", "en") == "2.5606 trillion yuan ≮ 2.5047 trillion yuan"
    assert values.arithmetic("(2499.6–2509.8亿元)", "en") == "(249.96–250.98 billion yuan)"
    assert values.arithmetic("7.7个百分点 > 0个百分点", "en") == "7.7 points > 0 points"
    assert values.arithmetic("25606亿元", "zh") == "25606亿元"


# Every view, through the CLI.


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", ["down 3.5%", "more than 21 million people", "among the leaders", "at least 5", "target", "(inferred)"]),
        ("zh", ["下降3.5%", "突破2100万人", "前列", "5家以上", "目标", "（推断）"]),
    ],
)
def test_stats_table_shows_decline_qualifier_rank_target_and_inferred_year(run: Run, lang: str, expected: list[str]) -> None:
    text = cli(run, "stats", "--lang", lang)
    for phrase in expected:
        assert phrase in text, phrase
    assert "—" not in text, "a value or period left blank"


@pytest.mark.parametrize("fmt", ["markdown", "table"])
def test_a_decline_is_never_shown_as_growth(run: Run, fmt: str) -> None:
    for lang, sign in (("en", "down 3.5%"), ("zh", "下降3.5%")):
        text = cli(run, "stats", "--metric", "power-growth", "--year", "2020", "--format", fmt, "--lang", lang)
        assert sign in text


def test_base_value_is_the_signed_quantity_in_every_machine_output(run: Run) -> None:
    rows = {row["id"]: row for row in json.loads(cli(run, "stats", "--json"))}
    assert (rows["power-2020"]["value"], rows["power-2020"]["base_value"]) == (3.5, -0.035)
    assert rows["power-2019"]["base_value"] == 0.021
    lines = [json.loads(line) for line in cli(run, "stats", "--format", "jsonl").replace("} {", "}\n{").splitlines()]
    assert {row["id"]: row["base_value"] for row in lines}["power-2020"] == -0.035
    fields = json.loads(cli(run, "stats", "--json", "--fields", "id,base_value"))
    assert {"id": "power-2020", "base_value": -0.035} in fields
    table = list(csv.DictReader(io.StringIO(run("--facts", FIDELITY, "stats", "--format", "csv").stdout)))
    assert {row["id"]: row["base_value"] for row in table}["power-2020"] == "-0.035"
    shown = json.loads(run("--facts", FIDELITY, "show", "power-2020", "--json").stdout)
    assert shown["record"]["base_value"] == -0.035


def test_base_value_is_signed_from_the_cache_as_well(run: Run) -> None:
    """A second run reads the cached base, whose records are written from their cached text."""
    first = run("--facts", FIDELITY, "stats", "--json").stdout
    second = run("--facts", FIDELITY, "stats", "--json").stdout
    assert first == second and '"base_value":-0.035' in second


def test_show_marks_the_decline_the_target_and_the_inferred_year(run: Run) -> None:
    assert "down 3.5%" in cli(run, "show", "power-2020", "--lang", "en")
    assert "下降3.5%" in cli(run, "show", "power-2020", "--lang", "zh")
    assert "as of 2021 (inferred)" in cli(run, "show", "app-users", "--lang", "en")
    planned = cli(run, "show", "planned-firms", "--lang", "en")
    assert "a planned figure, not an achieved one" in planned and "as stated 5家以上" in planned


def test_show_leaves_out_empty_fields(run: Run) -> None:
    text = run("--facts", FIDELITY, "show", "data-standing", "--lang", "en").stdout
    assert "None" not in text and "among the leaders" in text
    check = run("show", "digital-economy-growth-rising", "--lang", "en").stdout
    assert "expected" not in check and "None" not in check


# compare


def test_compare_metrics_keeps_qualifiers_and_marks_the_difference(run: Run) -> None:
    english = cli(run, "compare", "app-users", "code-users", "--lang", "en")
    assert "more than 21 million people" in english and "> -13.49 million people" in english
    chinese = cli(run, "compare", "app-users", "code-users", "--lang", "zh")
    assert "突破2100万人" in chinese and "> -1349万人" in chinese
    (row,) = json.loads(cli(run, "compare", "app-users", "code-users", "--json"))
    assert (row["qualifier_a"], row["qualifier_text_a"], row["qualifier_b"]) == ("more_than", "突破", "exact")
    assert row["difference_qualifier"] == "more_than"


def test_compare_bundled_users_keeps_the_sources_words(run: Run) -> None:
    result = run("compare", "yukuaiban-users", "yukangma-users", "--lang", "zh")
    assert "突破2100万人" in result.stdout
    (row,) = json.loads(run("compare", "yukuaiban-users", "yukangma-users", "--json").stdout)
    assert row["qualifier_text_a"] == "突破" and row["difference_qualifier"] == "more_than"


def test_compare_years_works_with_a_decline_as_negative(run: Run) -> None:
    (row,) = json.loads(cli(run, "compare", "2019", "2020", "--json", "--metric", "power-growth"))
    assert row["change"] == -5.6 and row["direction_b"] == "decrease"
    assert "down 3.5%" in cli(run, "compare", "2019", "2020", "--lang", "en")
    assert "下降3.5%" in cli(run, "compare", "2019", "2020", "--lang", "zh")


def test_compare_the_same_metric_twice_is_refused_like_the_same_year(run: Run) -> None:
    result = run("--facts", FIDELITY, "compare", "app-users", "app-users")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "cqsmart: compare takes two different metrics, not app-users twice\n"


# cite


@pytest.mark.parametrize("style", ["apa", "mla", "chicago", "plain"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_unknown_author_or_publisher_is_left_out_of_a_citation(run: Run, style: str, lang: str) -> None:
    text = run("--facts", FIDELITY, "cite", "app-users", "--style", style, "--lang", lang).stdout
    citation = text.splitlines()[0]
    assert "not stated" not in citation and "未注明" not in citation and "not, s." not in citation
    assert "[2021]" in citation and ("inferred" in citation or "推断" in citation)
    if style in ("apa", "mla"):
        assert citation.lstrip('"《').startswith(("Building", "构建"))


def test_bibtex_has_no_author_when_the_source_names_none(run: Run) -> None:
    text = run("--facts", FIDELITY, "cite", "app-users", "--style", "bibtex").stdout
    assert "author" not in text and "journal" not in text and "year inferred" in text


def test_a_citation_marks_an_inferred_year_on_the_figure_too(run: Run) -> None:
    assert "as of 2021 (inferred)" in cli(run, "cite", "app-users", "--lang", "en")
    assert "截至2021年（推断）" in joined(run, "cite", "app-users", "--lang", "zh")


# ask


@pytest.mark.parametrize("columns", [80, 120])
def test_a_derived_answer_cites_its_inputs_in_the_answer_table(run: Run, columns: int) -> None:
    result = run("ask", "What was Chongqing's GDP in 2020?", "--lang", "en", env={"COLUMNS": str(columns)})
    text = " ".join(result.stdout.split())
    assert "{" not in text, "a formula placeholder"
    assert "───" in result.stdout, "the table layout, not the stacked one"
    assert "÷" in text and "638.7 billion yuan" in text and "25.5%" in text
    assert "6387亿元" in "".join(result.stdout.split()), "each input's quote"


def test_a_derived_answer_cites_its_inputs_in_chinese(run: Run) -> None:
    text = "".join(run("ask", "2020年重庆GDP是多少", "--lang", "zh", env={"COLUMNS": "80"}).stdout.split())
    assert "{" not in text and "推算：数字经济规模÷" in text and "6387亿元，2020年" in text


def test_an_answer_marks_an_inferred_year(run: Run) -> None:
    assert "as of 2021 (inferred)" in cli(run, "ask", "How many people use Yukuaiban?", "--lang", "en")
    assert "截至2021年（推断）" in joined(run, "ask", "渝快办有多少用户", "--lang", "zh")


# audit


def test_audit_writes_amounts_as_the_other_views(run: Run) -> None:
    result = run("audit", "implied-gdp-2017-below-2020", "--lang", "en")
    text = " ".join(result.stdout.split())
    assert "2.5606 trillion yuan" in text and "hundred million" not in text
