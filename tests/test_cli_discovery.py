"""`topics`, `metrics` and `cite`: finding what there is, and citing it."""

from __future__ import annotations

import csv
import io
import json

import pytest

from conftest import Run

FORMATS = ["table", "json", "jsonl", "csv", "tsv", "markdown"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("command", [["topics"], ["metrics"], ["cite", "yukangma-users"]], ids=" ".join)
def test_discovery_works_in_every_format(run: Run, command: list[str], fmt: str) -> None:
    """Each discovery command prints something in each format, exit 0, nothing on stderr."""
    result = run(*command, "--format", fmt)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.strip()
    if fmt == "json":
        json.loads(result.stdout)


def test_topics_count_records_per_kind(run: Run) -> None:
    """Each topic's counts are the records filed under it, and every count adds up."""
    rows = json.loads(run("topics", "--json").stdout)
    economy = next(row for row in rows if row["topic"] == "digital-economy")
    figures = json.loads(run("stats", "--topic", "digital-economy", "--derived", "--json").stdout)
    initiatives = json.loads(run("initiatives", "--topic", "digital-economy", "--json").stdout)
    assert (economy["figures"], economy["initiatives"]) == (len(figures), len(initiatives))
    assert all(row["records"] == row["figures"] + row["initiatives"] + row["targets"] for row in rows)


def test_metrics_give_label_unit_years_and_latest_value(run: Run) -> None:
    """A metric with yearly values lists its years and its latest value."""
    rows = {row["metric"]: row for row in json.loads(run("metrics", "--json").stdout)}
    growth = rows["digital-economy-growth"]
    assert (growth["years"], growth["latest_year"], growth["latest_value"], growth["unit"]) == (
        [2018, 2019, 2020],
        2020,
        18.3,
        "%",
    )
    assert growth["latest_id"] == "digital-economy-growth-2020"
    assert (
        "| digital-economy-growth<br>Chongqing digital-economy growth | 2018–2020 | 18.3% (2020) |"
        in run("metrics", "--format", "markdown").stdout
    )


def test_metrics_topic_filter_and_unknown_topic(run: Run) -> None:
    """--topic narrows metrics; an unknown topic exits 2 naming the topics."""
    rows = json.loads(run("metrics", "--topic", "rankings", "--json").stdout)
    assert rows and {row["topic"] for row in rows} == {"rankings"}
    result = run("metrics", "--topic", "nope")
    assert result.exit_code == 2 and result.stderr.startswith("cqsmart: unknown topic 'nope'")


@pytest.mark.parametrize("command", ["initiatives", "targets", "stats"])
def test_one_topic_filter_on_every_listing(run: Run, command: str) -> None:
    """--topic keeps only that topic's records on stats, initiatives and targets."""
    rows = json.loads(run(command, "--topic", "digital-government", "--json").stdout)
    assert rows and {row["topic"] for row in rows} == {"digital-government"}


def test_search_takes_the_topic_filter(run: Run) -> None:
    """search --topic keeps the matches about that topic."""
    rows = json.loads(run("search", "渝", "--topic", "digital-government", "--json").stdout)
    assert rows and {row["topic"] for row in rows} == {"digital-government"}


@pytest.mark.parametrize(
    ("style", "expected"),
    [
        ("apa", "Xiang, J. ([2021]). Building the 'four beams and eight pillars' of a renowned smart city"),
        ("mla", 'Xiang, Jumei. "Building the'),
        ("chicago", 'Xiang, Jumei. "Building the'),
        ("plain", "Chongqing Daily ([2021]), Xiang Jumei: Building the"),
        ("bibtex", "@article{yukangma-users,\n  author = {Xiang, Jumei},"),
    ],
)
def test_cite_in_each_style(run: Run, style: str, expected: str) -> None:
    """The citation names the reporter, title and paper; the year is marked inferred; the quote is verbatim."""
    text = run("cite", "yukangma-users", "--style", style, "--lang", "en").stdout
    assert text.startswith(expected)
    assert "inferred" in text and "用户3449万人" in text
    assert "http" not in text and "doi" not in text.lower()


def test_cite_json_and_chinese(run: Run) -> None:
    """--json carries the citation, the figure and the quote; --lang zh cites in Chinese."""
    row = json.loads(run("cite", "yukuaiban-users", "--json", "--lang", "en").stdout)
    assert row["quote"] == "“渝快办”办事项已达1875项,用户突破2100万人"
    assert row["figure"] == "Yukuaiban (渝快办) users: more than 21 million people, as of 2021 (inferred)"
    assert (row["year"], row["year_inferred"], row["source_id"]) == (2021, True, "cqdaily-2021-08-smart-city-interview")
    chinese = run("cite", "yukuaiban-users", "--lang", "zh", "--style", "chicago").stdout
    assert chinese.splitlines() == [
        "向菊梅。《构建智慧名城“四梁八柱”》。重庆日报，[2021]。（年份为推断，原文未载明。）",
        "“渝快办”用户数：突破2100万人，截至2021年（推断）",
        "原文：“渝快办”办事项已达1875项,用户突破2100万人",
    ]


def test_cite_csv_has_one_row(run: Run) -> None:
    """CSV: a header and one row with the citation and quote."""
    rows = list(csv.DictReader(io.StringIO(run("cite", "yukangma-users", "--format", "csv").stdout)))
    assert (
        len(rows) == 1
        and rows[0]["quote"] == "“渝康码”,上线疫苗接种等10余项功能,用户3449万人"
        and rows[0]["year_inferred"] == "true"
    )


def test_cite_derived_figure_says_it_is_not_in_the_source(run: Run) -> None:
    """A derived figure has no quote: the citation says so and names each input with its stated value."""
    row = json.loads(run("cite", "implied-gdp-2020", "--json", "--lang", "en").stdout)
    assert row["quote"] == ""
    inputs = "derived, not stated in the source; from Size of Chongqing's digital economy: 638.7 billion yuan, 2020"
    assert inputs in row["figure"]


def test_cite_unknown_id_is_not_found(run: Run) -> None:
    """An unknown id exits 1 with suggestions."""
    result = run("cite", "yukangma-user")
    assert result.exit_code == 1
    assert result.stderr.startswith("cqsmart: no record with id 'yukangma-user'; did you mean yukangma-users")
