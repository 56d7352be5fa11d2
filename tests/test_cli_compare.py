"""`cqsmart compare`: two years across metrics, or two metrics year by year."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SMALL, Run


def test_two_years_compare_every_metric_present_in_both(run: Run) -> None:
    """2018 vs 2020: growth and its gap, side by side, with the change in percentage points."""
    rows = json.loads(run("compare", "2018", "2020", "--json").stdout)
    assert [row["metric"] for row in rows] == ["digital-economy-growth", "digital-economy-growth-gap-over-gdp"]
    growth = rows[0]
    assert (growth["year_a"], growth["value_a"], growth["year_b"], growth["value_b"]) == (2018, 13.7, 2020, 18.3)
    assert (growth["change"], growth["change_unit"], growth["unit"]) == (4.6, "个百分点", "%")
    assert growth["label"] == {"zh": "重庆数字经济增速", "en": "Chongqing digital-economy growth"}


def test_derived_metrics_join_the_comparison_when_asked(run: Run) -> None:
    """--derived adds implied GDP growth to a year comparison."""
    rows = json.loads(run("compare", "2018", "2020", "--derived", "--json").stdout)
    implied = next(row for row in rows if row["metric"] == "implied-gdp-growth")
    assert (implied["value_a"], implied["value_b"], implied["change"], implied["derived"]) == (6.0, 3.9, -2.1, True)


def test_amounts_change_relatively(run: Run, tmp_path: Path) -> None:
    """Between amounts (not percentages) the change is relative, in %."""
    records = json.loads(SMALL.read_text(encoding="utf-8"))
    scale_2018 = dict(
        records[4], id="scale-2018", value=5000, base_value=500000000000, period={"start": 2018, "end": 2018, "basis": "year"}
    )
    scale_2018["source"] = {"id": "interview", "quote": "规模5000亿元"}
    base = tmp_path / "amounts.json"
    base.write_text(json.dumps([*records, scale_2018], ensure_ascii=False), encoding="utf-8")
    rows = json.loads(run("--facts", str(base), "compare", "2018", "2020", "--json").stdout)
    scale = next(row for row in rows if row["metric"] == "scale")
    assert (scale["change"], scale["change_unit"]) == (27.74, "%")


def test_two_metrics_year_by_year_with_difference(run: Run) -> None:
    """Digital-economy growth against implied GDP growth: the difference is the stated gap."""
    rows = json.loads(run("compare", "digital-economy-growth", "implied-gdp-growth", "--json").stdout)
    assert [(row["year"], row["value_a"], row["value_b"], row["difference"]) for row in rows] == [
        (2018, 13.7, 6.0, 7.7),
        (2019, 15.9, 6.3, 9.6),
        (2020, 18.3, 3.9, 14.4),
    ]
    assert {row["difference_unit"] for row in rows} == {"个百分点"}


def test_table_draws_a_bar_per_value(run: Run) -> None:
    """In a table each compared value gets a bar, so the trend shows at a glance."""
    table = run("compare", "2018", "2020").stdout
    assert "█████████░░░" in table and "████████████" in table
    assert "+4.6 points" in table


def test_years_without_common_metrics_are_empty_not_an_error(run: Run) -> None:
    """No metric in both years: exit 0, [] and a note naming the years that exist."""
    result = run("compare", "2017", "2019", "--json")
    assert (result.exit_code, result.stdout) == (0, "[]\n")
    assert (
        result.stderr
        == "cqsmart: no metric has a value in both 2017 and 2019; years with figures: 2017, 2018, 2019, 2020, 2021\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["2018", "digital-economy-growth"],
            "cqsmart: compare takes two or more years, or two metrics, not '2018' 'digital-economy-growth'\n",
        ),
        (["digital-economy-growth", "gdp-growth"], "cqsmart: unknown metric 'gdp-growth'; did you mean "),
        (
            ["digital-economy-growth", "digital-economy-scale"],
            "cqsmart: cannot compare digital-economy-growth with digital-economy-scale: their units differ (%, 亿元)\n",
        ),
    ],
)
def test_compare_usage_errors(run: Run, args: list[str], message: str) -> None:
    """Mixed arguments, unknown metrics and incomparable units exit 2 with one line."""
    result = run("compare", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)
    assert len(result.stderr.splitlines()) == 1


def test_three_years_give_each_year_and_the_change_over_all(run: Run) -> None:
    """compare 2018 2019 2020: every year's value, and the change from the first to the last."""
    rows = json.loads(run("compare", "2018", "2019", "2020", "--json").stdout)
    growth = next(row for row in rows if row["metric"] == "digital-economy-growth")
    assert [(entry["year"], entry["value"]) for entry in growth["values"]] == [(2018, 13.7), (2019, 15.9), (2020, 18.3)]
    assert (growth["year_a"], growth["year_b"], growth["change"]) == (2018, 2020, 4.6)


def test_years_with_a_gap_keep_the_metric_with_two_values(run: Run) -> None:
    """Over 2017–2020 the share of GDP (2017 and 2020 only) is compared; years nobody has are left out."""
    rows = json.loads(run("compare", "2017", "2018", "2019", "2020", "--json").stdout)
    share = next(row for row in rows if row["metric"] == "digital-economy-share-of-gdp")
    assert [entry["year"] for entry in share["values"]] == [2017, 2020]
    markdown = run("compare", "2017", "2018", "2019", "2020", "--metric", "digital-economy-share-of-gdp", "--format", "markdown")
    assert markdown.stdout == (
        "| label | 2017 | 2020 | change |\n|---|---|---|---|\n| Digital economy as a share of GDP | 16% | 25.5% | +9.5 points |\n"
    )


def test_metric_and_topic_narrow_a_year_comparison(run: Run) -> None:
    """--metric keeps one metric; --topic keeps that topic's metrics; unknown ones exit 2."""
    rows = json.loads(run("compare", "2018", "2020", "--metric", "digital-economy-growth", "--json").stdout)
    assert [row["metric"] for row in rows] == ["digital-economy-growth"]
    assert json.loads(run("compare", "2018", "2020", "--topic", "rankings", "--json").stdout) == []
    result = run("compare", "2018", "2020", "--metric", "gdp")
    assert result.exit_code == 2 and result.stderr.startswith("cqsmart: unknown metric 'gdp'")


def test_machine_and_markdown_formats_carry_numbers_not_bars(run: Run) -> None:
    """Bars are for the table only; CSV carries each year's number."""
    for fmt in ("markdown", "csv", "json", "tsv"):
        assert "█" not in run("compare", "2018", "2019", "2020", "--format", fmt).stdout
    text = run("compare", "2018", "2019", "2020", "--format", "csv").stdout
    assert "2018:13.7;2019:15.9;2020:18.3" in text


def test_table_bars_have_a_legend_and_scale(run: Run) -> None:
    """Under the bars the table says what each bar is and what a full bar means."""
    text = run("compare", "2018", "2019", "2020", env={"COLUMNS": "120"}).stdout
    assert "trend: one bar per year (2018, 2019, 2020, top to bottom); a full bar is the row's largest value" in text
    metric = run("compare", "digital-economy-growth", "implied-gdp-growth", env={"COLUMNS": "200"}).stdout
    assert "a full bar is 18.3%" in " ".join(metric.split())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["2018", "2018"], "cqsmart: compare takes each year once, not 2018 2018\n"),
        (["2018"], "cqsmart: compare takes two or more years, or two metrics, not '2018'\n"),
        (["a-metric", "b-metric", "c-metric"], "cqsmart: compare takes two or more years, or two metrics, not "),
        (
            ["digital-economy-growth", "implied-gdp-growth", "--topic", "x"],
            "cqsmart: --metric and --topic narrow a comparison of years, not of two metrics\n",
        ),
    ],
)
def test_compare_argument_mistakes(run: Run, args: list[str], message: str) -> None:
    """Repeated years, one argument, three metrics: exit 2, one line."""
    result = run("compare", *args)
    assert result.exit_code == 2
    assert result.stderr.startswith(message)


def test_markdown_refuses_bars(run: Run) -> None:
    """Asking Markdown for the trend column is a usage error that says what it carries instead."""
    result = run("compare", "2018", "2020", "--format", "markdown", "--fields", "label,trend")
    assert result.exit_code == 2
    assert result.stderr == (
        "cqsmart: trend bars are drawn in tables only; Markdown carries the numbers (value_a, value_b, values)\n"
    )
