"""`show`, `search`, `sources`, `initiatives` and `targets`: finding and reading records."""

from __future__ import annotations

import json

from conftest import Run


def test_show_prints_a_record_in_full(run: Run) -> None:
    """Both labels, value with qualifier and unit, period, quote with its source, note, links."""
    text = run("show", "yukuaiban-users").stdout
    for expected in (
        "“渝快办”用户数",
        "Yukuaiban (渝快办) users",
        "more than 21 million people",
        "as stated               突破2100万人",
        "more_than",
        "as of 2021",
        "as_of_interview",
        "用户突破2100万人",
        "Chongqing Daily (2021)",
        "linked from initiative  yukuaiban: Yukuaiban (渝快办)",
    ):
        assert expected in text, expected


def test_show_json_has_the_record_and_its_links(run: Run) -> None:
    """--json prints {record, links}; links name how each record relates."""
    shown = json.loads(run("show", "cloud-chief-system", "--json").stdout)
    assert shown["record"]["id"] == "cloud-chief-system"
    relations = {(link["relation"], link["id"]) for link in shown["links"]}
    assert ("figure", "system-cloud-chief-leaders") in relations
    assert ("parent", "institutional-mechanism-innovation") in relations
    assert ("part", "chief-cloud-chief-role") in relations


def test_show_derived_figure_names_its_inputs(run: Run) -> None:
    """A derived figure says it is derived and lists the stated figures it comes from."""
    text = run("show", "implied-gdp-2020").stdout
    assert "yes: implied by the source, not stated in it" in text
    inputs = [line.split(maxsplit=1)[1].strip() for line in text.splitlines() if line.split()[:1] == ["input"]]
    assert inputs == [
        "digital-economy-scale-2020: Size of Chongqing's digital economy = 638.7 billion yuan",
        "digital-economy-share-of-gdp-2020: Digital economy as a share of GDP = 25.5%",
    ]


def test_show_unknown_id_exits_1_with_suggestions(run: Run) -> None:
    """An unknown id is 'not found': exit 1, the closest ids suggested."""
    result = run("show", "yukangma-user")
    assert result.exit_code == 1
    assert (
        result.stderr == "cqsmart: no record with id 'yukangma-user'; did you mean yukangma-users, yukangma, yukuairong-users?\n"
    )
    assert result.stdout == ""


def test_search_finds_chinese_and_english_best_first(run: Run) -> None:
    """渝康码, 'health code' and 'cloud' find records of every kind, best matches first."""
    chinese = [record["id"] for record in json.loads(run("search", "渝康码", "--json").stdout)]
    assert set(chinese[:4]) == {"yukangma-users", "yukangma-visits", "yukangma", "yukangma-functions"}
    english = [record["id"] for record in json.loads(run("search", "health code", "--json").stdout)]
    assert english[0].startswith("yukangma")
    kinds = {record["kind"] for record in json.loads(run("search", "cloud", "--json").stdout)}
    assert kinds >= {"figure", "initiative"}


def test_search_without_text_is_a_usage_error(run: Run) -> None:
    """Blank search text exits 2 and gives examples."""
    result = run("search", "  ")
    assert result.exit_code == 2
    assert result.stderr == "cqsmart: search needs some text, e.g. 渝康码, 'health code' or cloud\n"


def test_search_with_no_match_is_empty(run: Run) -> None:
    """No match is success with a note."""
    result = run("search", "blockchain", "--json")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "[]\n", "cqsmart: nothing matches 'blockchain'\n")


def test_sources_lists_metadata_and_checksum(run: Run) -> None:
    """The source record carries publisher, interviewee, inferred year and SHA-256."""
    (source,) = json.loads(run("sources", "--json").stdout)
    assert source["publisher"] == {"zh": "重庆日报", "en": "Chongqing Daily"}
    assert (source["year"], source["year_inferred"], source["interview_date"]) == (2021, True, "08-13")
    assert source["sha256"] == "33bf968e5e9ff3f1a87bbd5320a8d85fe5741a0fda93e5a75b613f21cd77bda7"


def test_initiatives_filter_by_line_and_show_linked_figures(run: Run) -> None:
    """--line picks a line of work; tables show the values of linked figures."""
    records = json.loads(run("initiatives", "--line", "mechanisms", "--json").stdout)
    assert {record["line"] for record in records} == {"mechanisms"}
    listed = run("initiatives", "--line", "mechanisms", "--format", "markdown").stdout
    assert "(系统云长) (as of 2021, inferred): 6 people<br>" in listed
    unknown = run("initiatives", "--line", "mechanism")
    assert unknown.exit_code == 2
    assert unknown.stderr.startswith("cqsmart: unknown line 'mechanism'; did you mean mechanisms?")


def test_targets_filter_by_area_and_text(run: Run) -> None:
    """--area and --search narrow targets; no target invents a deadline."""
    records = json.loads(run("targets", "--area", "rules", "--json").stdout)
    assert records and {record["area"] for record in records} == {"rules"}
    found = [record["id"] for record in json.loads(run("targets", "--search", "西部数据交易中心", "--json").stdout)]
    assert found == ["western-data-exchange-centre"]


def test_show_source_says_its_year_is_inferred(run: Run) -> None:
    """The source's year is shown as inferred, with both dates and the checksum."""
    text = run("show", "cqdaily-2021-08-smart-city-interview").stdout
    assert "2021 (inferred: the source does not print it)" in text
    assert "08-13" in text and "08-16" in text and "33bf968e5e9ff3f1a87bbd5320a8d85fe5741a0fda93e5a75b613f21cd77bda7" in text
