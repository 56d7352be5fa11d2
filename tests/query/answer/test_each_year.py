"""A question listing years (2018 and 2019, 2017年和2020年) gets its measure in each year it names, in
that order, whatever --limit says; a span (2018 to 2020) and a single year keep one answer."""

from __future__ import annotations

import pytest

from cqsmart.model.factbase import FactBase
from cqsmart.query.answer.ask import answers, ask
from cqsmart.query.answer.index import build

SOURCE = {"id": "s", "quote": "q"}


def growth(year: int, value: float) -> dict[str, object]:
    return {
        "id": f"growth-{year}",
        "kind": "figure",
        "metric": "growth",
        "label": {"zh": "数字经济增速", "en": "Digital economy growth"},
        "value": value,
        "unit": "%",
        "source": SOURCE,
        "period": {"start": year, "end": year, "basis": "year"},
    }


RECORDS = (
    growth(2018, 13.7),
    growth(2019, 15.9),
    growth(2020, 18.3),
    {"id": "users-2020", "kind": "figure", "metric": "users", "label": {"zh": "渝快办用户数", "en": "Yukuaiban users"},
     "value": 2100, "unit": "万人", "source": SOURCE, "period": {"start": 2020, "end": 2020, "basis": "year"}},
)  # fmt: skip


@pytest.fixture()
def base(monkeypatch: pytest.MonkeyPatch) -> FactBase:
    from cqsmart.query.answer import index

    monkeypatch.setattr(index, "provider", lambda base, name, records: build(base, records()))
    return FactBase(RECORDS, "test")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("digital economy growth in 2020 and 2018", ["growth-2020", "growth-2018"]),
        ("2018年和2019年数字经济增速分别是多少", ["growth-2018", "growth-2019"]),
    ],
)
def test_each_year_listed_gets_its_figure_in_the_order_named(base: FactBase, question: str, expected: list[str]) -> None:
    assert [row["id"] for row in ask(base, question).rows] == expected
    assert [found.year_asked for found in answers(base, question)[:2]] == [int(row[-4:]) for row in expected]


def test_a_year_listed_that_no_figure_covers_is_left_out_not_filled(base: FactBase) -> None:
    rows = ask(base, "digital economy growth in 2017 and 2019 and 2020", limit=5).rows
    assert [row["id"] for row in rows] == ["growth-2019", "growth-2020"]


@pytest.mark.parametrize("question", ["digital economy growth in 2019", "数字经济增速 2018年到2020年"])
def test_one_year_or_a_span_keeps_one_answer(base: FactBase, question: str) -> None:
    assert len(ask(base, question).rows) == 1


def test_a_year_the_measure_lacks_is_not_filled_by_another_measure(base: FactBase) -> None:
    # Only 2020 has a users figure: 2019's growth does not stand in for 2019's users.
    assert [row["id"] for row in ask(base, "渝快办用户数 2019年和2020年").rows] == ["users-2020"]
