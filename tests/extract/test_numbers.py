"""Which words are figures: tier and classification names are not, 跨越/迈过 are more than, fractions
in words (过半, 三分之一以上) are percentages, and a rank reads the same however it is written."""

from __future__ import annotations

import pytest

from cqsmart.extract.numbers import mentions


def read(text: str) -> list[tuple[int | float, str | None, str]]:
    return [(mention.value, mention.unit, mention.qualifier) for mention in mentions(text)]


@pytest.mark.parametrize("text", ["该区智慧农业水平稳居全国第一方阵。", "该企业进入行业第二梯队。", "园区已形成五大类服务体系。"])
def test_tier_and_classification_names_are_not_figures(text: str) -> None:
    assert read(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"), [("全县旅游收入跨越500亿元。", 500, "亿元"), ("物流总额迈过千亿大关。", 1000, "亿")]
)
def test_crossing_a_mark_is_more_than_it(text: str, value: int, unit: str) -> None:
    assert read(text) == [(value, unit, "more_than")]


def test_a_rank_written_with_wei_has_the_same_unit_as_one_written_with_di() -> None:
    assert read("该市营商环境排名全国12位。") == read("该市营商环境排名全国第12位。") == [(12, "第", "exact")]


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("全县规上企业过半实现数字化改造。", 50, "more_than"),
        ("全县三分之一以上企业用上云服务。", 33.3, "at_least"),
        ("全县四分之三的行政村通了光纤。", 75, "exact"),
        ("全县一半以上农户用上宽带。", 50, "at_least"),
        ("全县超过一半的农户用上宽带。", 50, "more_than"),
        ("全县近半数农户用上宽带。", 50, "approximately"),
    ],
)
def test_a_fraction_in_words_is_a_percentage_with_its_qualifier(text: str, value: float, qualifier: str) -> None:
    assert read(text) == [(value, "%", qualifier)]


def test_a_drafted_fraction_says_how_it_was_read() -> None:
    from cqsmart.extract.draft import extract

    (figure,) = extract("全县三分之一以上企业用上云服务。".encode(), "county-2023.txt").figures
    assert (figure["value"], figure["unit"], figure["base_value"]) == (33.3, "%", 0.333)
    assert "三分之一 is a fraction in words" in figure["note"]


def test_a_place_in_a_whole_written_just_before_di_is_a_rank() -> None:
    assert read("该县茶叶产量全省第二。") == [(2, "第", "exact")]


@pytest.mark.parametrize("text", ["市里举行系列第三场招聘会。", "全国第四场推介会在此举办。"])
def test_the_ordinal_of_an_event_is_not_a_rank(text: str) -> None:
    assert read(text) == []


@pytest.mark.parametrize(("text", "value"), [("该县茶叶产量约占到全省15%。", 15), ("该县茶叶产量约占全省的三分之一。", 33.3)])
def test_a_qualifier_before_zhan_qualifies_the_share(text: str, value: float) -> None:
    assert read(text) == [(value, "%", "approximately")]


def test_the_count_a_rank_is_among_is_not_a_figure() -> None:
    assert read("该市在全省16个地市中排名第3位。") == [(3, "第", "exact")]


def test_an_amount_before_what_it_sorts_is_a_threshold_not_a_figure() -> None:
    assert read("全市培育十亿元以上产业集群。") == []


def test_places_a_rank_moved_are_not_a_rank() -> None:
    assert read("该区营商环境排名全省第4位，较上年上升3位。") == [(4, "第", "exact"), (3, "位", "exact")]


def test_a_quoted_name_closed_by_a_number_and_its_unit_is_not_a_figure() -> None:
    assert read("县里出台支持电商发展“15条”，新增网店320家。") == [(320, "家", "exact")]


def test_the_count_a_place_is_one_of_is_not_a_figure() -> None:
    assert read("该县是全省三个电商示范县之一，网店达到800家。") == [(800, "家", "exact")]


@pytest.mark.parametrize(("text", "qualifier"), [("全县网店近万家。", "approximately"), ("全县网店超万家。", "more_than")])
def test_a_magnitude_alone_after_a_qualifier_is_a_round_number(text: str, qualifier: str) -> None:
    assert read(text) == [(10000, "家", qualifier)]


def test_yuehe_is_about() -> None:
    assert read("全县数据中心机架约合2万架。") == [(2, "万架", "approximately")]


def test_a_list_writes_its_unit_out_once_at_its_end() -> None:
    assert read("分别提高0.8个和1.6个百分点。") == [(0.8, "个百分点", "exact"), (1.6, "个百分点", "exact")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("全县信息化发展指数105.4。", 105.4),
        ("园区景气指数达到98.6，保持扩张。", 98.6),
        ("全省基尼系数为0.46。", 0.46),
        ("制造业PMI为50.2。", 50.2),
    ],
)
def test_an_index_stated_without_a_unit_is_a_figure_without_one(text: str, value: float) -> None:
    assert read(text) == [(value, None, "exact")]


@pytest.mark.parametrize("text", ["共有3, 其余待定。", "编号105的项目", "指标体系包括12"])
def test_other_numbers_without_a_unit_are_not_figures(text: str) -> None:
    assert read(text) == []


def test_a_drafted_index_has_no_unit_and_is_its_own_base_value() -> None:
    from cqsmart.extract.draft import extract
    from cqsmart.model.rules import figure_problem

    draft = extract("2022年，全市数字经济发展指数达到63.2。".encode(), "text.txt")
    (figure,) = [record for record in draft.records if record["kind"] == "figure"]
    assert (figure["value"], figure["unit"], figure["base_value"]) == (63.2, None, 63.2)
    assert figure_problem({**figure, "derived": False, "formula": None, "inputs": None}) is None
    assert figure_problem({**figure, "base_value": 632}) == "base_value should be 63.2 for a value stated without a unit"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("平台已联接西部10省市。", 10, "省市"), ("服务覆盖12省区。", 12, "省区"), ("业务遍及20省份。", 20, "省份")],
)
def test_places_counted_without_a_measure_word_are_a_count(text: str, value: int, unit: str) -> None:
    assert read(text) == [(value, unit, "exact")]


def test_a_word_that_only_starts_like_a_place_is_no_count_of_places() -> None:
    assert read("全市150万市民受益。") == [(150, "万", "exact")]


@pytest.mark.parametrize(("text", "qualifier"), [("两市普及率均超过了100%。", "more_than"), ("用户数突破了1亿户。", "more_than")])
def test_le_between_a_qualifier_and_its_number_keeps_the_qualifier(text: str, qualifier: str) -> None:
    assert [mention.qualifier for mention in mentions(text)] == [qualifier]


@pytest.mark.parametrize(("text", "value"), [("该市以86.4分的总分居全省第二。", 86.4), ("全省平均水平为88.1分。", 88.1)])
def test_a_score_in_fen_is_a_figure_in_points(text: str, value: float) -> None:
    assert (value, "分", "exact") in read(text)


@pytest.mark.parametrize("text", ["这项工作十分重要。", "办理时间缩短至5分钟。", "产值占全省5分之1。", "两地2分别签约。"])
def test_fen_that_is_no_score_is_not_a_figure(text: str) -> None:
    assert all(unit != "分" for _, unit, _ in read(text))


def test_who_stands_in_a_top_band_is_not_a_rank_of_the_subject() -> None:
    assert read("排在前五位的地区还有江苏省、北京市。") == []
    assert read("该市营商环境位居全国前10位。") == [(10, "位", "at_most")]  # as the bundled base has it


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("省际互联网带宽能力达28Tbps(太比特/秒)。", (28, "Tbps", "exact")),
        ("全省出口带宽达7.2万G。", (7.2, "万G", "exact")),
        ("全省算力规模超1.2EFLOPS。", (1.2, "EFLOPS", "more_than")),
        ("全省数据存储量达50PB。", (50, "PB", "exact")),
    ],
)
def test_a_latin_unit_of_bandwidth_storage_or_computing_power_stays_as_written(text: str, figure: tuple[float, str, str]) -> None:
    assert read(text) == [figure]


@pytest.mark.parametrize("text", ["全省建成5G基站。", "推广3D打印。", "全省出口带宽达7.2万GWh。"])
def test_letters_that_name_a_thing_or_run_on_are_no_latin_unit(text: str) -> None:
    assert read(text) == []


def test_minutes_after_a_magnitude_are_a_volume_and_without_one_a_duration() -> None:
    assert read("全市用户通话时长471.95亿分钟。") == [(471.95, "亿分钟", "exact")]
    assert read("办理时间缩短至5分钟。") == []
