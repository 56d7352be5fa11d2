"""Comparisons: two years across every metric, or two metrics year by year."""

from __future__ import annotations

from cqsmart.errors import UsageError
from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.model.years import read_year
from cqsmart.query.listing import PERCENT_UNITS, years_with_figures
from cqsmart.query.result import Result, require_known


def compare(base: FactBase, first: str, second: str, derived: bool = False) -> Result:
    """Two years (`2018 2020`) or two metrics (`digital-economy-growth implied-gdp-growth`)."""
    first_year, second_year = read_year(first), read_year(second)
    if first_year is not None and second_year is not None:
        return compare_years(base, first_year, second_year, derived)
    if first_year is not None or second_year is not None:
        raise UsageError(f"compare takes two years or two metrics, not {first!r} and {second!r}")
    return compare_metrics(base, first, second)


def _yearly(base: FactBase, derived: bool) -> dict[str, dict[int, JsonRecord]]:
    """metric → year → the single-year figure with a value for it."""
    table: dict[str, dict[int, JsonRecord]] = {}
    for figure in base.of_kind("figure"):
        period = figure["period"]
        if figure["value"] is None or period["start"] is None or period["start"] != period["end"]:
            continue
        if figure["derived"] and not derived:
            continue
        table.setdefault(figure["metric"], {})[period["start"]] = figure
    return table


def change(first: JsonRecord, second: JsonRecord) -> tuple[float | None, str]:
    """Percentage points between percentages; a relative change in % between amounts."""
    if first["unit"] in PERCENT_UNITS:
        return round(second["value"] - first["value"], 6), "个百分点"
    if first["value"] == 0:
        return None, "%"
    return round((second["value"] - first["value"]) / first["value"] * 100, 2), "%"


def compare_years(base: FactBase, first: int, second: int, derived: bool) -> Result:
    rows: list[JsonRecord] = []
    for metric, by_year in _yearly(base, derived).items():
        if first in by_year and second in by_year:
            a, b = by_year[first], by_year[second]
            amount, unit = change(a, b)
            rows.append(
                {
                    "metric": metric,
                    "label": a["label"],
                    "unit": a["unit"],
                    "year_a": first,
                    "value_a": a["value"],
                    "qualifier_a": a["qualifier"],
                    "year_b": second,
                    "value_b": b["value"],
                    "qualifier_b": b["qualifier"],
                    "change": amount,
                    "change_unit": unit,
                    "derived": a["derived"] or b["derived"],
                }
            )
    hint = ""
    if not rows:
        years = ", ".join(map(str, years_with_figures(base, derived)))
        hint = f"no metric has a value in both {first} and {second}; years with figures: {years}"
    return Result(rows, "year-comparison", hint)


def compare_metrics(base: FactBase, first: str, second: str) -> Result:
    table = _yearly(base, derived=True)
    metrics = {figure["metric"] for figure in base.of_kind("figure")}
    require_known(first, metrics, "metric")
    require_known(second, metrics, "metric")
    a_years, b_years = table.get(first, {}), table.get(second, {})
    units = {figure["unit"] for figure in [*a_years.values(), *b_years.values()]}
    if len(units - set(PERCENT_UNITS)) > 0 and len(units) > 1:
        raise UsageError(f"cannot compare {first} with {second}: their units differ ({', '.join(sorted(units))})")
    rows: list[JsonRecord] = []
    for year in sorted(set(a_years) & set(b_years)):
        a, b = a_years[year], b_years[year]
        rows.append(
            {
                "year": year,
                "metric_a": first,
                "label_a": a["label"],
                "value_a": a["value"],
                "metric_b": second,
                "label_b": b["label"],
                "value_b": b["value"],
                "unit": a["unit"],
                "difference": round(a["value"] - b["value"], 6),
                "difference_unit": "个百分点" if a["unit"] in PERCENT_UNITS else a["unit"],
            }
        )
    hint = "" if rows else f"{first} and {second} share no year"
    return Result(rows, "metric-comparison", hint)
