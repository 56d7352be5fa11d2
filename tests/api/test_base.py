"""The Python API: `cqsmart.load()` and a FactBase whose queries return the model's typed records."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import cqsmart
from cqsmart.model.records import Figure, Initiative, Source, Target
from cqsmart.store.locate import bundled_facts_dir


@pytest.fixture(scope="module")
def base() -> cqsmart.FactBase:
    return cqsmart.load()


def test_figures_of_a_year_are_typed_records_with_their_source_words(base: cqsmart.FactBase) -> None:
    figures = base.figures(year=2020)
    growth = next(figure for figure in figures if figure.id == "digital-economy-growth-2020")
    assert isinstance(growth, Figure)
    assert (growth.value, growth.unit, growth.label.zh) == (18.3, "%", "重庆数字经济增速")
    assert growth.source is not None and "18.3%" in growth.source.quote
    assert all(figure.period.start is not None and figure.period.start <= 2020 for figure in figures)


def test_filters_narrow_as_the_cli_does(base: cqsmart.FactBase) -> None:
    by_metric = base.figures(metric="digital-economy-growth")
    assert [figure.period.start for figure in by_metric] == [2018, 2019, 2020]
    assert {figure.topic for figure in base.figures(topic="digital-economy")} == {"digital-economy"}


def test_an_unknown_filter_value_says_what_exists(base: cqsmart.FactBase) -> None:
    from cqsmart.errors import UsageError

    with pytest.raises(UsageError, match=r"unknown topic 'nope'.*topics: "):
        base.figures(topic="nope")


def test_other_kinds_come_as_their_own_classes(base: cqsmart.FactBase) -> None:
    assert base.initiatives() and all(isinstance(record, Initiative) for record in base.initiatives())
    assert base.targets() and all(isinstance(record, Target) for record in base.targets())
    assert [type(record) for record in base.sources()] == [Source]


def test_get_returns_the_record_and_an_unknown_id_is_a_key_error(base: cqsmart.FactBase) -> None:
    assert base.get("yukangma-users").id == "yukangma-users"
    with pytest.raises(KeyError, match="no record with id 'yukangma-user'; did you mean yukangma-users"):
        base.get("yukangma-user")


def test_ask_gives_answers_best_first_and_nothing_for_an_unanswerable_question(base: cqsmart.FactBase) -> None:
    answers = base.ask("渝康码有多少用户")
    assert answers[0].figure.id == "yukangma-users"
    assert 0 < answers[0].score <= 1
    assert base.ask("What is the population of Mars?") == []


def test_search_and_audit_match_the_commands(base: cqsmart.FactBase) -> None:
    assert "yukuaiban-users" in [record.id for record in base.search("渝快办")]
    statuses = {row["status"] for row in base.audit()}
    assert statuses <= {"holds", "fails"} and statuses


def test_to_pandas_gives_the_csv_columns_with_numbers_as_numbers(base: cqsmart.FactBase) -> None:
    pandas = pytest.importorskip("pandas")
    frame = base.to_pandas("figures")
    assert isinstance(frame, pandas.DataFrame)
    assert len(frame) == len(base.figures(derived=True))
    assert {"id", "label_zh", "label_en", "value", "unit", "qualifier", "period_start"} <= set(frame.columns)
    assert frame.set_index("id").loc["digital-economy-growth-2020", "value"] == 18.3


def test_to_pandas_names_the_tables_there_are(base: cqsmart.FactBase) -> None:
    pytest.importorskip("pandas")
    with pytest.raises(ValueError, match=r"unknown table 'charts' \(tables: sources, figures, initiatives, targets, links\)"):
        base.to_pandas("charts")


def test_importing_the_package_loads_neither_the_api_nor_pydantic() -> None:
    """The CLI imports `cqsmart` first thing: the API must cost its start-up nothing."""
    code = "import cqsmart, sys; print(sorted(m for m in sys.modules if m.startswith(('cqsmart.api', 'pydantic', 'pandas'))))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "[]\n"


def test_a_name_the_package_lacks_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'lod'"):
        cqsmart.lod  # noqa: B018


def test_source_narrows_every_query_to_one_base_read_with_others() -> None:
    """The interview read with a Chinese-only draft: each query takes `source`, as --source does."""
    draft = Path(__file__).resolve().parents[1] / "extract_texts" / "district-2024.draft.json"
    both = cqsmart.load([str(draft), str(bundled_facts_dir())], library=False)
    drafted = both.figures(source="district-2024")
    assert drafted and all(figure.source is not None and figure.source.id == "district-2024" for figure in drafted)
    assert len(both.figures(source="cqdaily-2021-08-smart-city-interview")) + len(drafted) == len(both.figures())
    assert {answer.figure.source.id for answer in both.ask("数字经济增加值", source="district-2024") if answer.figure.source} == {
        "district-2024"
    }
    assert both.initiatives(source="district-2024") == [] and both.search("渝快办", source="district-2024") == []
