"""`cqsmart stats`: every filter, derived figures, empty results and bad values."""

from __future__ import annotations

import json

import pytest

from conftest import Run
from cqsmart.store.locate import bundled_facts_dir

FIGURES = json.loads((bundled_facts_dir() / "figures.json").read_text(encoding="utf-8"))
STATED = [figure for figure in FIGURES if not figure["derived"]]


def ids(result) -> list[str]:  # type: ignore[no-untyped-def]
    assert result.exit_code == 0, result.stderr
    return [record["id"] for record in json.loads(result.stdout)]


def covering(year: int, figures: list[dict]) -> list[str]:  # type: ignore[type-arg]
    return [f["id"] for f in figures if f["period"]["start"] is not None and f["period"]["start"] <= year <= f["period"]["end"]]


def test_year_keeps_figures_whose_period_covers_it(run: Run) -> None:
    """--year 2020 lists exactly the stated figures whose period includes 2020."""
    assert ids(run("stats", "--year", "2020", "--json")) == covering(2020, STATED)


def test_year_2021_means_as_of_the_interview(run: Run) -> None:
    """'As of now' figures belong to the inferred interview year."""
    found = ids(run("stats", "--year", "2021", "--json"))
    assert "key-platform-enterprises" in found and "yukuaiban-users" in found
    assert found == covering(2021, STATED)


def test_from_to_keeps_overlapping_periods(run: Run) -> None:
    """--from 2017 --to 2018 keeps figures of 2017 and 2018 and spans that touch them."""
    expected = [
        f["id"]
        for f in STATED
        if f["period"]["start"] is not None and f["period"]["end"] >= 2017 and f["period"]["start"] <= 2018
    ]
    assert ids(run("stats", "--from", "2017", "--to", "2018", "--json")) == expected
    assert "digital-economy-share-of-gdp-2017" in expected


def test_topic_metric_and_search_filters(run: Run) -> None:
    """--topic, --metric and --search narrow the listing as named."""
    assert ids(run("stats", "--metric", "digital-economy-growth", "--json")) == [
        "digital-economy-growth-2018",
        "digital-economy-growth-2019",
        "digital-economy-growth-2020",
    ]
    assert set(ids(run("stats", "--topic", "rankings", "--json"))) == {f["id"] for f in STATED if f["topic"] == "rankings"}
    assert ids(run("stats", "--search", "渝康码", "--json")) == ["yukangma-functions", "yukangma-users", "yukangma-visits"]
    assert ids(run("stats", "--search", "health code", "--json")) == ["yukangma-functions", "yukangma-users", "yukangma-visits"]


def test_derived_figures_only_when_asked(run: Run) -> None:
    """Derived figures are left out by default, listed with --derived, and marked in tables."""
    plain = ids(run("stats", "--metric", "implied-gdp-growth", "--json", "--derived"))
    assert plain == ["implied-gdp-growth-2018", "implied-gdp-growth-2019", "implied-gdp-growth-2020"]
    assert not any(figure_id.startswith("implied") for figure_id in ids(run("stats", "--json")))
    table = run("stats", "--year", "2019", "--derived").stdout
    assert "Implied Chongqing GDP growth (derived)" in table
    assert "6.3%" in table


def test_derived_metric_without_derived_flag_is_empty_not_an_error(run: Run) -> None:
    """A derived metric exists, so naming it is not an error; without --derived nothing is listed."""
    result = run("stats", "--metric", "implied-gdp", "--json")
    assert (result.exit_code, result.stdout) == (0, "[]\n")


def test_empty_result_is_success_with_a_note(run: Run) -> None:
    """No match: exit 0, [] for JSON, an empty table, and a note on stderr naming what exists."""
    result = run("stats", "--year", "1999", "--json")
    assert (result.exit_code, result.stdout) == (0, "[]\n")
    assert result.stderr.startswith("cqsmart: no figures match; years with figures: 2017, 2018, 2019, 2020, 2021; topics: ")
    table = run("stats", "--year", "1999")
    assert table.exit_code == 0
    assert "label" in table.stdout and "2020" not in table.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--year", "abc"],
            "cqsmart: --year takes a four-digit year such as 2020, not 'abc'; years with figures: 2017, 2018, 2019, 2020, 2021\n",
        ),
        (
            ["--from", "20"],
            "cqsmart: --from takes a four-digit year such as 2020, not '20'; years with figures: 2017, 2018, 2019, 2020, 2021\n",
        ),
        (["--from", "2020", "--to", "2018"], "cqsmart: --from 2020 is after --to 2018\n"),
        (["--year", "2020", "--from", "2018"], "cqsmart: --year is one year; use --from and --to for a range, not both\n"),
    ],
)
def test_malformed_years_name_what_is_accepted(run: Run, args: list[str], message: str) -> None:
    """A malformed year exits 2 with one line naming the years that exist."""
    result = run("stats", *args)
    assert (result.exit_code, result.stderr, result.stdout) == (2, message, "")


def test_unknown_topic_suggests_the_closest(run: Run) -> None:
    """An unknown topic exits 2, suggests close topics and lists all."""
    result = run("stats", "--topic", "digital-econ")
    assert result.exit_code == 2
    assert result.stderr.startswith("cqsmart: unknown topic 'digital-econ'; did you mean digital-economy")
    assert "(topics: cloud-chief, " in result.stderr


def test_unknown_metric_suggests_the_closest(run: Run) -> None:
    """An unknown metric exits 2 with suggestions."""
    result = run("stats", "--metric", "digital-economy-growht")
    assert result.exit_code == 2
    assert result.stderr.startswith("cqsmart: unknown metric 'digital-economy-growht'; did you mean digital-economy-growth")
