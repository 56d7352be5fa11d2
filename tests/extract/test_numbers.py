"""Which words are figures: tier and classification names are not, 跨越/迈过 are more than, and a
rank reads the same however it is written."""

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
