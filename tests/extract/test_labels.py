"""A label names what is measured, not when: the words that date a figure (近五年, 2019年以来, 同期) are
no part of it, and a label that would be only such words is a fragment."""

from __future__ import annotations

import pytest

from cqsmart.extract.draft import extract
from cqsmart.extract.labels import clean, is_fragment


@pytest.mark.parametrize(
    "words",
    ["近五年研发投入", "过去五年研发投入", "2019年以来研发投入", "自2019年起研发投入", "党的十八大以来研发投入", "同期研发投入"],
)
def test_the_words_that_say_when_are_no_part_of_a_label(words: str) -> None:
    assert clean(words) == "研发投入"


def test_a_base_from_the_year_before_is_labelled_by_its_measure() -> None:
    assert clean("研发投入强度由上年的") == "研发投入强度"


@pytest.mark.parametrize("words", ["近五年", "同期", "到", "增至", "增幅"])
def test_words_that_name_nothing_measured_are_fragments(words: str) -> None:
    assert is_fragment(words)


def test_a_figure_whose_only_words_are_a_time_has_no_fragment_for_a_label() -> None:
    (figure,) = extract("同期增长5.2%。".encode(), "county-2023.txt").figures
    assert not is_fragment(figure["label"]["zh"]) and "no subject found" in figure["note"]


def test_the_mark_a_figure_crosses_is_not_what_it_counts() -> None:
    [figure] = extract("全县网络零售额首次突破百亿元大关。".encode(), "county-2023.txt").figures
    assert figure["label"]["zh"] == "全县网络零售额"


def test_the_verb_to_a_later_value_is_not_what_the_first_counts() -> None:
    figures = extract("全县快递业务量由2019年的1.2亿件增加到2023年的3.5亿件。".encode(), "county.txt").figures
    assert not figures[0]["label"]["zh"].startswith("增加")


def test_a_part_of_the_year_names_no_measure_and_its_growth_is_the_subjects() -> None:
    figures = extract("2023年，全县快递业务量增长9%，其中一季度增长6%。".encode(), "county.txt").figures
    assert figures[-1]["label"]["zh"].startswith("全县快递业务量") or figures[-1]["label"]["zh"].startswith("快递业务量")


def test_the_end_of_the_year_opening_a_clause_is_when_not_what() -> None:
    [figure] = extract("年末全县宽带用户达到12万户。".encode(), "county-2023.txt").figures
    assert figure["label"]["zh"] == "全县宽带用户"


@pytest.mark.parametrize("word", ["多达", "高达", "约合"])
def test_a_verb_of_amount_before_the_number_is_not_in_the_label(word: str) -> None:
    [figure] = extract(f"全县网民规模{word}50万人。".encode(), "county-2023.txt").figures
    assert figure["label"]["zh"] == "全县网民规模"


def test_a_list_member_whose_name_holds_a_join_character_is_not_split_inside_it() -> None:
    figures = extract("全县宽带普及率、移动支付使用率分别达到90%和85%。".encode(), "county-2023.txt").figures
    assert [figure["label"]["zh"] for figure in figures] == ["全县宽带普及率", "移动支付使用率"]


def test_a_list_of_changes_after_a_list_of_levels_names_each_members_change() -> None:
    text = "2023年，全县宽带普及率、移动支付使用率分别达到90%和85%，分别比上年提高2个和3个百分点。"
    labels = [figure["label"]["zh"] for figure in extract(text.encode(), "county.txt").figures]
    assert labels[2:] == ["全县宽带普及率比上年提高", "移动支付使用率比上年提高"]


def test_last_year_opening_a_clause_is_when_not_what() -> None:
    [figure] = extract("去年全县网络零售额达到36亿元。".encode(), "county-2023.txt").figures
    assert figure["label"]["zh"] == "全县网络零售额"


def test_a_rank_after_a_level_is_the_subjects_rank_in_its_scope() -> None:
    figures = extract("全县网络零售额达到36亿元，居全省第三。".encode(), "county-2023.txt").figures
    assert figures[-1]["label"]["zh"] == "全县网络零售额全省排名"


def test_a_change_from_a_stated_year_measures_the_subject() -> None:
    figures = extract("2023年，全县网络零售额达到36亿元，比2020年增长20%。".encode(), "county.txt").figures
    assert figures[-1]["label"]["zh"] == "全县网络零售额比2020年增长"


def test_a_label_opening_with_a_rank_word_is_a_fragment() -> None:
    assert is_fragment("居全省")


def test_a_subject_opening_with_guimo_yishang_is_its_own_subject() -> None:
    figures = extract("2023年，全县网络零售额达到36亿元，规模以上电商企业达到120家。".encode(), "county.txt").figures
    assert figures[-1]["label"]["zh"] == "规模以上电商企业"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("全县电商综合评价在全省16个县中排名第3位。", "全县电商综合评价全省排名"),
        ("全县网络零售额连续三年稳居全省第一。", "全县网络零售额全省排名"),
        ("全县快递业务量排位从2019年的第9位提升至第3位。", "全县快递业务量排位"),
    ],
)
def test_a_rank_is_labelled_by_its_subject_and_scope(text: str, label: str) -> None:
    assert extract(text.encode(), "county-2023.txt").figures[0]["label"]["zh"] == label


def test_a_share_is_named_as_a_share_of_its_whole() -> None:
    figures = extract("全县电商从业人员达3.2万人，占全县就业人员的12.5%。".encode(), "county-2023.txt").figures
    assert figures[-1]["label"]["zh"] == "全县电商从业人员占全县就业人员比重"


def test_a_share_after_a_qualifier_keeps_its_whole_in_the_label() -> None:
    [figure] = extract("全县茶叶产量约占到全省15%。".encode(), "county-2023.txt").figures
    assert figure["label"]["zh"] == "全县茶叶产量占全省比重"
