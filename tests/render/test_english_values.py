"""A figure in English: any unit model/units reads is said in English words, a rate per what it counts."""

from __future__ import annotations

import pytest

from cqsmart.render.values import english_quantity


@pytest.mark.parametrize(
    ("value", "unit", "qualifier", "english"),
    [
        (6387, "亿元", "exact", "638.7 billion yuan"),  # the bundled units, as before
        (2100, "万人", "more_than", "more than 21 million people"),
        (1093, "万吨", "exact", "10.93 million tonnes"),
        (5, "万户", "at_least", "at least 50,000 households"),
        (30, "万个", "exact", "300,000"),
        (3, "天", "exact", "3 days"),
        (80, "微克/立方米", "exact", "80 µg/m³"),
        (122.5, "部/百人", "exact", "122.5 per 100 people"),
        (3.2, "万元/人", "approximately", "about 32,000 yuan per person"),
        (105.4, None, "exact", "105.4"),  # an index the source states without a unit
        (10, "省市", "exact", "10 regions"),
    ],
)
def test_a_figure_reads_in_english_words(value: float, unit: str | None, qualifier: str, english: str) -> None:
    assert english_quantity(value, unit, qualifier) == english


def test_a_unit_no_reading_knows_keeps_its_own_words() -> None:
    assert english_quantity(10, "人次/日", "exact") == "10 人次/日"
