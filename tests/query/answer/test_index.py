"""The index finds candidates through its full-text table, scores only those, and counts keys there."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.query.answer import ask, fulltext, index
from cqsmart.query.answer.question import understand

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from synthetic import figure, source_record


@pytest.fixture(scope="module")
def base() -> FactBase:
    source = source_record()
    records: list[JsonRecord] = [figure(number, source["id"]) for number in range(1, 3001)]
    return FactBase((*records, source), "synthetic")


def test_terms_keep_bigrams_and_stems_in_order_then_characters_and_words() -> None:
    """A member of a concept is found as a phrase of the terms, as analysis finds it as a substring."""
    assert index._terms("渝快办用户 Growing services") == [
        "渝快",
        "快办",
        "办用",
        "用户",
        "grow",
        "servic",
        *"渝快办用户",
        "growing",
        "services",
    ]


def test_a_question_scores_only_the_candidates_bm25_finds(base: FactBase) -> None:
    built = index.build(base, base.of_kind("figure"))
    candidates = built.candidates(understand("合成指标", built), limit=20)
    assert len(candidates) == 20  # words every record holds: the best 20 of them, not all 3000


def test_in_a_large_base_the_words_most_records_hold_do_not_bring_in_candidates(base: FactBase) -> None:
    """合成指标 is in every label: 1234 alone finds the candidates (its figure, and the one quoting 共1234个)."""
    built = index.build(base, base.of_kind("figure"))
    candidates = built.candidates(understand("合成指标1234", built), limit=20)
    found = {document.record["id"] for document in candidates}
    assert found == {"synthetic-figure-001234", "synthetic-figure-000234"}


def test_counts_come_from_the_full_text_table(base: FactBase) -> None:
    """1234 is in the label of figure 1234 and in the quote of figure 234 (共1234个)."""
    built = index.build(base, base.of_kind("figure"))
    assert built.size == 3000
    counts = [built.count(key) for key in ("w:synthet", "z:合成", "w:1234", "w:nowhere")]
    assert counts == [3000, 3000, 2, 0]


def test_a_number_that_names_a_figure_beats_the_figure_whose_value_it_is(base: FactBase) -> None:
    """synthetic-figure-000234 has the value 1234; the question names figure 1234 by its label."""
    found = ask.answers(base, "Synthetic figure 1234")
    assert [each.record["id"] for each in found[:2]] == ["synthetic-figure-001234", "synthetic-figure-000234"]


def test_an_index_is_one_transaction_of_rows_and_reads_back_its_words() -> None:
    connection = fulltext.in_memory("key", [(1, "a", "合成 yukuaiban", "", "", "")], [(1, 5.0)], ["yukuaiban"])
    terms = fulltext.Terms(connection)
    assert (terms.size, terms.words(), terms.best('"合成"', 5), terms.near(4.0, 6.0)) == (
        1,
        ["yukuaiban"],
        [(1, "a")],
        [(1, "a")],
    )
