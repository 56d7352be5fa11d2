"""`cqsmart extract` on the shape of real documents: years from context, the document's own year,
labels that name the measure, the words that are not figures, and a confidence that ranks the review."""

from __future__ import annotations

from typing import Any

import pytest

from cqsmart.extract.draft import extract


def drafted(text: str, name: str = "text.txt") -> tuple[dict[str, Any], list[dict[str, Any]]]:
    draft = extract(text.encode(), name)
    return draft.source, draft.figures


def years_of(figures: list[dict[str, Any]]) -> list[tuple[Any, Any]]:
    return [(figure["period"]["start"], figure["period"]["end"]) for figure in figures]


def test_a_year_from_the_previous_sentence_or_heading_is_context() -> None:
    text = "（一）2022年主要工作\n全市数字经济增加值达到1250亿元。\n2021年，全市工业增长8%。分行业看，批发业增长3.1%。"
    _, figures = drafted(text)
    assert years_of(figures) == [(2022, 2022), (2021, 2021), (2021, 2021)]
    assert [("from context" in (figure.get("note") or "")) for figure in figures] == [True, False, True]
    assert figures[0]["confidence"] < figures[1]["confidence"]


def test_the_year_after_a_semicolon_stays_with_its_sentence() -> None:
    _, figures = drafted("截至2021年底，全市5G基站达到4.9万个；移动电话用户达到3900万户。")
    assert years_of(figures) == [(2021, 2021), (2021, 2021)]


def test_without_any_year_a_figure_takes_the_documents_year_and_says_so() -> None:
    source, figures = drafted("上半年，软件业务收入46266亿元。", "software-2022-h1.txt")
    assert source["year"] == 2022 and years_of(figures) == [(2022, 2022)]
    assert "from the document's date" in figures[0]["note"]
    assert figures[0]["period"]["from"] == "document" and figures[0]["period"]["part"] == "first_half"


def test_a_present_tense_statement_is_dated_by_the_document_not_an_earlier_year() -> None:
    _, figures = drafted("2020年，全市增长8%。\n目前已建成5G基站4.9万个。", "t-2021.txt")
    assert "from the document's date" in figures[1]["note"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021年，贵州数字经济增速连续七年位居全国第一。", [(2015, 2021)]),
        ("“十三五”期间，全省培育百亿元级企业25家。", [(2016, 2020)]),
        ("数字经济规模从2012年的11万亿元增至2021年的45.5万亿元，占GDP比重由21.6%提升到39.8%。", [(2012, 2012), (2021, 2021)] * 2),
        ("2023年，在电信业务收入中占比由上年的15.2%提升至15.6%。", [(2022, 2022), (2023, 2023)]),
    ],
    ids=["running-years", "plan-period", "paired-years", "previous-year"],
)
def test_spans_and_paired_years(text: str, expected: list[tuple[int, int]]) -> None:
    assert years_of(drafted(text)[1]) == expected


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("2022年07月11日 09:56 来源:多彩贵州网\n贵州数字经济增速达20.6%。", 2022),
        ("2024年02月28日 23:09\n2023年山东数字经济总量达到4.3万亿元。", 2023),
        ("工信部发布2023年通信业统计公报。从2015年的18.2%提高到2023年的27.4%。", 2023),
        ("到2030年，数字经济增加值达到1万亿元。2024年增长8%。", 2024),
    ],
    ids=["date-line", "body-before-date-line", "latest-stated", "not-a-plan-year"],
)
def test_the_source_year_comes_from_the_text_not_the_clock(text: str, year: int) -> None:
    assert drafted(text)[0]["year"] == year


def test_labels_are_never_fragments_or_verbs() -> None:
    _, figures = drafted("2023年，全国电话用户净增3707万户，总数达到19亿户。推动增长12%。")
    labels = [figure["label"]["zh"] for figure in figures]
    assert labels[:2] == ["全国电话用户净增", "全国电话用户净增总数"] or "总数" not in labels
    assert not any(label.startswith(("推动", "到", "增至")) for label in labels)
    assert "no subject found" in figures[-1]["note"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("重庆位居全国第一梯队，信息基础设施进入全国第二方阵。", []),
        ("三家基础电信企业完成语音业务收入185.3亿元。", [(185.3, "亿元")]),
        ("今年新建2个数据中心、12个算力节点。", [(2, "个"), (12, "个")]),
        ("数字经济规模在全国排位从2016年的第25位提升至20位。", [(25, "第"), (20, "第")]),
        ("普及率为122.5部/百人。", [(122.5, "部/百人")]),  # a rate, with what it counts per
        ("全方位回顾展示10个方面的发展成就。", []),
    ],
    ids=["tiers", "descriptor", "listed-counts", "one-rank-unit", "rate-base", "structure"],
)
def test_words_that_are_not_figures_and_one_rank_unit(text: str, expected: list[tuple[Any, str]]) -> None:
    assert [(figure["value"], figure["unit"]) for figure in drafted(text)[1]] == expected


@pytest.mark.parametrize("word", ["跨越", "迈过"])
def test_crossing_a_mark_is_more_than(word: str) -> None:
    [figure] = drafted(f"全市软件业务收入{word}3000亿元。")[1]
    assert (figure["qualifier"], figure["qualifier_text"]) == ("more_than", word)


def test_a_year_in_a_plans_title_is_not_the_documents_year() -> None:
    text = "2023年，全县网络零售额达到36亿元，县里印发《电子商务三年行动方案（2024—2026年）》。"
    assert drafted(text)[0]["year"] == 2023


def test_a_year_whose_clause_plans_is_not_the_documents_year() -> None:
    assert drafted("2023年全县网络零售额达到36亿元。2024年全县力争达到40亿元。")[0]["year"] == 2023


def test_a_year_as_of_which_a_figure_is_stated_is_one_the_text_reports() -> None:
    assert drafted("2020年，全县经济平稳。截至2021年底，全县宽带用户达到12万户。")[0]["year"] == 2021


def test_the_base_year_of_a_multiple_is_not_the_documents_year() -> None:
    assert drafted("全县网络零售额达到36亿元，是2019年的2.5倍。", "county-2023.txt")[0]["year"] == 2023


def test_a_title_repeating_a_body_figure_is_left_out_but_a_section_heading_states_its_own() -> None:
    title = "全县数字经济规模达到120亿元\n据统计，全县数字经济规模达到120亿元。"
    quotes = [f["source"]["quote"] for f in extract(title.encode(), "county.txt").figures]
    assert quotes == ["据统计，全县数字经济规模达到120亿元"]
    section = "全县政务服务情况\n一、全县“一网通办”能力排名全市第一\n在年度评估中，全县排名全市第一。"
    assert len(extract(section.encode(), "county.txt").figures) == 2
