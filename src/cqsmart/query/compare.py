"""Comparisons: two years across every metric, or two metrics year by year."""

from __future__ import annotations

from cqsmart.errors import UsageError
from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.model.years import read_year
from cqsmart.query.listing import PERCENT_UNITS, years_with_figures
from cqsmart.query.result import Result, require_known


def compare(
    base: FactBase, items: list[str], derived: bool = False, metric: str | None = None, topic: str | None = None
) -> Result:
    """Two or more years (`2018 2019 2020`), or two metrics (`digital-economy-growth implied-gdp-growth`)."""
    read = [read_year(item) for item in items]
    years = [year for year in read if year is not None]
    if len(years) == len(items) and len(items) >= 2:
        if len(set(years)) != len(years):
            raise UsageError(f"compare takes each year once, not {' '.join(items)}")
        return compare_years(base, sorted(years), derived, metric, topic)
    if not years and len(items) == 2:
        if metric is not None or topic is not None:
            raise UsageError("--metric and --topic narrow a comparison of years, not of two metrics")
        return compare_metrics(base, items[0], items[1])
    raise UsageError(f"compare takes two or more years, or two metrics, not {' '.join(repr(item) for item in items)}")


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


def compare_years(base: FactBase, years: list[int], derived: bool, metric: str | None = None, topic: str | None = None) -> Result:
    """Every metric with a value in at least two of the years (in both, for two), its values, and the
    change from the first of them to the last."""
    figures = base.of_kind("figure")
    if metric is not None:
        require_known(metric, {figure["metric"] for figure in figures}, "metric")
    if topic is not None:
        require_known(topic, {figure["topic"] for figure in figures}, "topic")
    rows: list[JsonRecord] = []
    for name, by_year in _yearly(base, derived).items():
        present = [year for year in years if year in by_year]
        first = by_year[present[0]] if present else None
        if len(present) < 2 or first is None or (metric or name) != name or (topic or first["topic"]) != first["topic"]:
            continue
        a, b = first, by_year[present[-1]]
        amount, unit = change(a, b)
        rows.append(
            {
                "metric": name,
                "label": a["label"],
                "unit": a["unit"],
                "year_a": present[0],
                "value_a": a["value"],
                "qualifier_a": a["qualifier"],
                "year_b": present[-1],
                "value_b": b["value"],
                "qualifier_b": b["qualifier"],
                "change": amount,
                "change_unit": unit,
                "derived": any(by_year[year]["derived"] for year in present),
                "values": [_entry(by_year[year], year) for year in present],
            }
        )
    hint = ""
    if not rows:
        known = ", ".join(map(str, years_with_figures(base, derived)))
        wanted = " and ".join(map(str, years)) if len(years) == 2 else "at least two of " + ", ".join(map(str, years))
        hint = f"no metric has a value in {'both ' if len(years) == 2 else ''}{wanted}; years with figures: {known}"
    return Result(rows, "year-comparison", hint)


def _entry(figure: JsonRecord, year: int) -> JsonRecord:
    return {
        "year": year,
        "value": figure["value"],
        "qualifier": figure["qualifier"],
        "qualifier_text": figure.get("qualifier_text"),
        "id": figure["id"],
    }


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
