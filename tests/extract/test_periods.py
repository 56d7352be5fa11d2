"""Where a drafted figure's year comes from (period.from), the part of the year (period.part), and the
spans the genre writes: 以来, 近N年 / 年均, 十三五 / 十四五, and 由…提升到… after paired years."""

from __future__ import annotations

from typing import Any

import pytest

from cqsmart.extract.draft import extract
from cqsmart.model.records import Period


def figures_of(text: str, name: str = "text.txt") -> list[dict[str, Any]]:
    return extract(text.encode(), name).figures


def periods(text: str, name: str = "text.txt") -> list[tuple[Any, Any, Any]]:
    return [(f["period"]["start"], f["period"]["end"], f["period"].get("from")) for f in figures_of(text, name)]


def test_the_year_in_the_figures_own_clause_is_from_the_clause() -> None:
    assert periods("2023年，全县快递业务量达到4200万件。") == [(2023, 2023, "clause")]


def test_a_year_in_an_earlier_clause_of_the_sentence_is_from_the_sentence() -> None:
    assert periods("截至2022年底，全区光纤用户达到58万户，农村宽带覆盖率为96%。")[1] == (2022, 2022, "sentence")


def test_a_year_from_an_earlier_sentence_is_from_context_and_none_from_the_document() -> None:
    text = "2020年，全镇粮食产量稳定。其中水稻产量达到1.2万吨。"
    assert periods(text)[-1] == (2020, 2020, "context")
    assert periods("全镇新建农村公路35公里。", "town-2019.txt") == [(2019, 2019, "document")]


@pytest.mark.parametrize(
    ("words", "part"),
    [("上半年", "first_half"), ("一季度", "q1"), ("第三季度", "q3"), ("前三季度", "first_three_quarters")],
)
def test_the_part_of_the_year_is_recorded(words: str, part: str) -> None:
    (figure,) = figures_of(f"2024年{words}，全市港口货物吞吐量达到8600万吨。")
    assert (figure["period"]["start"], figure["period"]["part"]) == (2024, part)


def test_a_figure_for_a_whole_year_has_no_part() -> None:
    (figure,) = figures_of("2024年，全市港口货物吞吐量达到8600万吨。")
    assert "part" not in figure["period"]


def test_the_drafted_period_is_a_valid_period_that_dumps_from_by_its_name() -> None:
    (figure,) = figures_of("2024年上半年，全市港口货物吞吐量达到8600万吨。")
    period = Period.model_validate(figure["period"])
    assert period.model_dump(mode="json") == figure["period"]
    assert "from" in Period.model_json_schema()["properties"]


def test_since_a_year_runs_from_it_to_the_documents_year() -> None:
    text = "2023年，全省信息消费规模达到3000亿元。2019年以来，全省累计建成5G基站12万个。"
    assert periods(text)[-1][:2] == (2019, 2023)


def test_an_annual_average_over_recent_years_ends_at_the_governing_year() -> None:
    text = "2022年，全县农村居民收入稳步提高，近四年年均增长7.6%。"
    assert periods(text)[-1][:2] == (2019, 2022)


@pytest.mark.parametrize(("plan", "span"), [("十三五", (2016, 2020)), ("十四五", (2021, 2025))])
def test_a_five_year_plan_is_its_five_years(plan: str, span: tuple[int, int]) -> None:
    assert periods(f"“{plan}”期间，全市累计新增就业人数超过60万人。")[0][:2] == span


def test_a_share_that_rises_takes_the_paired_years_of_the_levels_before_it() -> None:
    text = "产业规模从2016年的800亿元增至2021年的1500亿元，占地区生产总值比重由9.5%提高到14.2%。"
    assert [span[:2] for span in periods(text)] == [(2016, 2016), (2021, 2021), (2016, 2016), (2021, 2021)]


def test_confidence_falls_the_further_the_year_was_looked_for() -> None:
    """A curator checks first what was inferred: a year from an earlier clause, from context, from the document."""
    clause, sentence = figures_of("截至2022年底，全区光纤用户达到58万户，农村宽带覆盖率为96%。")
    (context,) = figures_of("2020年，全镇粮食产量稳定。其中水稻产量达到1.2万吨。")[-1:]
    (document,) = figures_of("全镇新建农村公路35公里。", "town-2019.txt")
    assert clause["confidence"] > sentence["confidence"] > context["confidence"] > document["confidence"]


def test_a_share_that_rises_in_the_next_sentence_takes_the_paired_years_of_the_levels() -> None:
    text = "全县旅游收入从2017年的20亿元增至2022年的35亿元。占地区生产总值比重由6.1%提高到8.3%。"
    assert periods(text)[2:] == [(2017, 2017, "context"), (2022, 2022, "context")]


def test_paired_years_do_not_reach_into_the_next_paragraph() -> None:
    text = "全县旅游收入从2017年的20亿元增至2022年的35亿元。\n城镇化率由52.1%提高到58.3%。"
    assert [span[:2] for span in periods(text)[2:]] == [(2022, 2022), (2022, 2022)]


def test_a_paragraph_after_a_heading_with_a_year_is_governed_by_the_heading_not_the_paragraph_before() -> None:
    text = "（二）2023年主要成效\n2020年，全区启动老旧小区改造。\n全区新增城镇就业1.6万人。"
    assert periods(text)[-1] == (2023, 2023, "context")


def test_an_earlier_paragraphs_year_governs_only_that_paragraph() -> None:
    text = "2022年，全区地区生产总值增长5.2%。\n2020年，全区启动老旧小区改造。\n全区新增城镇就业1.6万人。"
    assert periods(text)[-1] == (2022, 2022, "document")


@pytest.mark.parametrize(
    ("opening", "span"),
    [
        ("2019年至今", (2019, 2022)),
        ("自2019年起", (2019, 2022)),
        ("“十三五”以来", (2016, 2022)),
        ("党的十八大以来", (2012, 2022)),
    ],
)
def test_a_span_since_a_year_or_a_named_time_runs_to_the_documents_year(opening: str, span: tuple[int, int]) -> None:
    text = f"2022年，全县经济平稳。{opening}，全县累计改造农村公路1200公里。"
    assert periods(text)[-1][:2] == span


@pytest.mark.parametrize("opening", ["过去五年", "近五年来", "5年来"])
def test_recent_years_opening_a_sentence_end_at_the_governing_year(opening: str) -> None:
    text = f"2022年，全县经济平稳。{opening}，全县农村居民收入年均增长7.6%。"
    assert periods(text)[-1][:2] == (2018, 2022)


def test_recent_years_in_an_earlier_clause_stating_a_figure_do_not_date_the_next() -> None:
    text = "2022年，全县近五年累计植树800万株，森林覆盖率达到61%。"
    assert [span[:2] for span in periods(text)] == [(2018, 2022), (2022, 2022)]


def test_the_part_of_the_year_governs_the_sentences_after_it_as_the_year_does() -> None:
    text = "上半年，全市软件业务收入达到1200亿元。其中软件产品收入达到400亿元。\n全市网民规模达到2100万人。"
    assert [figure["period"].get("part") for figure in figures_of(text, "city-2023.txt")] == ["first_half", "first_half", None]


def test_a_year_stated_without_a_part_ends_the_part_before_it() -> None:
    text = "上半年，全市软件业务收入达到1200亿元。2022年，全市软件业务收入达到2100亿元。其中软件产品收入达到700亿元。"
    assert "part" not in figures_of(text)[-1]["period"]


def test_this_year_is_the_documents_year_not_the_year_of_the_sentence_before() -> None:
    text = "2024年1月5日\n2023年，全市经济平稳。今年，全市计划新增城镇就业9万人。"
    assert periods(text)[-1] == (2024, 2024, "document")


def test_last_year_as_a_baseline_does_not_date_the_figure() -> None:
    text = "2023年，全市经济平稳。今年一季度，全市工业增加值比去年同期增长6.1%。"
    assert periods(text)[-1][:2] == (2023, 2023)


@pytest.mark.parametrize(("words", "year"), [("到“十三五”末", 2020), ("“十四五”开局之年", 2021), ("“十三五”收官之年", 2020)])
def test_a_point_of_a_plan_is_one_of_its_years(words: str, year: int) -> None:
    assert periods(f"{words}，全市5G基站达到2万个。", "city-2023.txt")[0][:2] == (year, year)


def test_a_two_year_average_covers_the_two_years_ending_at_the_governing_year() -> None:
    assert periods("2021年全省软件业务收入增长18.3%，两年平均增长15.5%。")[-1][:2] == (2020, 2021)


def test_a_release_dated_after_the_year_it_reports_is_about_the_year_its_body_states() -> None:
    draft = extract("2025年3月2日 10:15\n2024年，全县网络零售额达到36亿元。今年力争达到40亿元。".encode(), "county.txt")
    assert draft.source["year"] == 2024
    assert [(f["period"]["start"], f["period"]["from"]) for f in draft.figures] == [(2024, "clause"), (2025, "document")]


def test_a_dated_release_whose_body_states_no_year_is_about_its_date_lines_year() -> None:
    assert extract("2025年3月2日 10:15\n全县网络零售额达到36亿元。".encode(), "county.txt").source["year"] == 2025


def test_the_later_value_of_a_pair_with_one_year_stated_takes_the_governing_year() -> None:
    assert periods("2023年，全县经济平稳。全县排名从2019年的第30位提升至12位。") == [
        (2019, 2019, "clause"),
        (2023, 2023, "context"),
    ]


def test_a_year_attached_to_a_later_figure_does_not_date_an_earlier_one() -> None:
    text = "2023年，全县经济平稳。数字产业占比达3.5%，较“十三五”期间每年2.5%左右的占比实现突破。"
    assert periods(text)[0] == (2023, 2023, "context")


def test_a_span_since_last_year_runs_to_the_date_lines_year_in_its_own_clause() -> None:
    text = "2025年3月2日\n全县网络零售额自去年5月以来连续8个月居全省第一，规模进入全省第3位。"
    assert periods(text) == [(2024, 2025, "document"), (2024, 2024, "document")]


def test_a_change_from_the_start_of_a_plan_runs_from_its_first_year() -> None:
    assert periods("2022年，全县电商占比达到12%，较“十三五”初期提升5个百分点。")[-1] == (2016, 2022, "sentence")


def test_a_figure_before_a_pair_of_dated_values_takes_the_sentences_latest_year() -> None:
    text = "全县快递业务量稳居全省第二位，从2019年的1.2亿件增至2023年的3.5亿件。"
    assert periods(text, "county-2024.txt")[0] == (2023, 2023, "sentence")


def test_a_date_line_is_not_a_heading_whose_year_governs_the_paragraphs_after_it() -> None:
    text = "2024年1月18日\n2023年，全县经济平稳。\n1—11月份，全县快递业务量增长6.5%。"
    assert periods(text)[-1] == (2023, 2023, "document")


def test_the_full_date_a_first_sentence_opens_with_is_the_date_line_not_the_documents_year() -> None:
    text = "2025年3月2日，记者从县商务局获悉，2024年全县网络零售额达到36亿元，同比增长12%，今年力争达到40亿元，继续保持较快增长。"
    draft = extract(text.encode(), "county.txt")
    assert draft.source["year"] == 2024
    assert draft.figures[-1]["period"]["start"] == 2025


def test_this_year_in_the_figures_own_clause_outranks_a_year_of_an_earlier_clause() -> None:
    text = "2025年3月2日\n2024年全县网络零售额达到36亿元，今年力争达到40亿元。"
    assert periods(text)[-1] == (2025, 2025, "document")


def test_the_base_year_of_a_multiple_dates_no_figure() -> None:
    assert periods("全县网络零售额达到36亿元，是2019年的2.5倍。", "county-2023.txt")[0][:2] == (2023, 2023)


def test_a_sections_lead_paragraph_dates_the_paragraphs_under_it_until_the_next_heading() -> None:
    text = (
        "（一）发展成就\n“十三五”时期，全县数字基础不断夯实。\n全县建成4G基站2150个。\n"
        "（二）面临形势\n全县数据中心机架数超400架。"
    )
    assert periods(text, "county-2022.txt") == [(2016, 2020, "context"), (2022, 2022, "document")]


def test_a_lead_paragraph_that_states_a_figure_or_a_year_inside_it_is_no_lead() -> None:
    stating = "（一）发展成就\n2020年，全县建成4G基站2150个。\n全县光纤用户达到58万户。"
    assert periods(stating, "county-2022.txt")[-1][2] == "document"
    inside = "（一）发展成就\n全县在2020年启动老旧小区改造。\n全县光纤用户达到58万户。"
    assert periods(inside, "county-2022.txt")[-1][2] == "document"
