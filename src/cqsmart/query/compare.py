"""Comparisons: two years across every metric, or two metrics year by year."""

from __future__ import annotations

from cqsmart.errors import UsageError, Words
from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.model.outputs import signed
from cqsmart.model.units import PERCENT_UNITS
from cqsmart.model.years import read_year
from cqsmart.query.listing import years_with_figures
from cqsmart.query.result import Result, hint, require_known


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
        if items[0] == items[1]:
            raise UsageError(f"compare takes two different metrics, not {items[0]} twice")
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
    """Percentage points between percentages; a relative change in % between amounts. A decline counts
    as the negative quantity it is (下降3.5% is -3.5%)."""
    a, b = signed(first), signed(second)
    if first["unit"] in PERCENT_UNITS:
        return round(b - a, 6), "个百分点"
    if a == 0:
        return None, "%"
    return round((b - a) / abs(a) * 100, 2), "%"


# How a qualified value bounds a difference a - b: a lower bound on a (at least, more than) bounds the
# difference from below, on b from above; an approximate value, or bounds both ways, make it approximate.
_LOWER, _UPPER = ("at_least", "more_than"), ("at_most",)


def difference_qualifier(a: JsonRecord, b: JsonRecord) -> str | None:
    """`approximately`, `at_least`, `more_than` or `at_most` for a difference a - b worked out from
    qualified values; None when both are exact."""
    first, second = a.get("qualifier") or "exact", b.get("qualifier") or "exact"
    if first == second == "exact":
        return None
    lower = first in _LOWER or second in _UPPER
    upper = first in _UPPER or second in _LOWER
    if "approximately" in (first, second) or (lower and upper):
        return "approximately"
    if lower:
        return "more_than" if first == "more_than" and second == "exact" else "at_least"
    return "at_most"


def compare_years(base: FactBase, years: list[int], derived: bool, metric: str | None = None, topic: str | None = None) -> Result:
    """Every metric with a value in at least two of the years (in both, for two), its values, and the
    change from the first of them to the last."""
    figures = base.of_kind("figure")
    if metric is not None:
        metric = require_known(metric, {figure["metric"] for figure in figures}, "metric")
    if topic is not None:
        topic = require_known(topic, {figure["topic"] for figure in figures}, "topic")
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
                "change_qualifier": _change_qualifier(a, b),
                **_stated(a, "a"),
                **_stated(b, "b"),
                "derived": any(by_year[year]["derived"] for year in present),
                "values": [_entry(by_year[year], year) for year in present],
            }
        )
    if not rows:
        having = list(map(str, years_with_figures(base, derived)))
        wanted = " and ".join(map(str, years)) if len(years) == 2 else "at least two of " + ", ".join(map(str, years))
        text = f"no metric has a value in {'both ' if len(years) == 2 else ''}{wanted}; years with figures: {', '.join(having)}"
        said = hint(text, "no-common-years", years=Words(tuple(map(str, years))), known=Words(tuple(having)))
        return Result(rows, "year-comparison", said)
    return Result(rows, "year-comparison")


def _change_qualifier(first: JsonRecord, second: JsonRecord) -> str | None:
    """Percentage points are a difference; a relative change divided by a qualified value is approximate."""
    if first["unit"] in PERCENT_UNITS:
        return difference_qualifier(second, first)
    qualified = {first.get("qualifier"), second.get("qualifier")} - {None, "exact"}
    return "approximately" if qualified else None


def _entry(figure: JsonRecord, year: int) -> JsonRecord:
    return {
        "year": year,
        "value": figure["value"],
        "qualifier": figure["qualifier"],
        "qualifier_text": figure.get("qualifier_text"),
        "direction": figure.get("direction"),
        "id": figure["id"],
    }


def _stated(figure: JsonRecord, side: str) -> JsonRecord:
    """What a compared value keeps of how the source states it: its word (突破) and direction (下降)."""
    return {f"qualifier_text_{side}": figure.get("qualifier_text"), f"direction_{side}": figure.get("direction")}


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
                "difference": round(signed(a) - signed(b), 6),
                "difference_unit": "个百分点" if a["unit"] in PERCENT_UNITS else a["unit"],
                "qualifier_a": a["qualifier"],
                "qualifier_b": b["qualifier"],
                "difference_qualifier": difference_qualifier(a, b),
                **_stated(a, "a"),
                **_stated(b, "b"),
            }
        )
    said = hint(f"{first} and {second} share no year", "no-shared-year", first=first, second=second)
    return Result(rows, "metric-comparison", None if rows else said)
