"""Bars for comparison tables: one per value, and the legend that says what a full bar is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from cqsmart.model.factbase import JsonRecord
from cqsmart.render import values as display

if TYPE_CHECKING:
    from cqsmart.render.cells import Context

BAR_WIDTH = 12


def trend(row: JsonRecord, context: Context) -> str:
    """One bar per value: a year comparison's bars scale to the row's largest value (units differ
    between rows); a metric comparison's to the table's largest (one unit)."""
    full, empty = ("█", "░") if context.unicode else ("#", ".")
    values = [entry.get("value") for entry in row["values"]] if "values" in row else [row.get("value_a"), row.get("value_b")]
    numbers = [abs(value) for value in values if isinstance(value, (int, float))]
    largest = max(numbers, default=0.0) if "year_a" in row else context.largest
    lines = []
    for value in values:
        filled = round(abs(value) / largest * BAR_WIDTH) if isinstance(value, (int, float)) and largest else 0
        lines.append(full * filled + empty * (BAR_WIDTH - filled))
    return "\n".join(lines)


def legend(kind: str, rows: list[JsonRecord], context: Context) -> str:
    """What the bars mean and their scale, under the table."""
    if kind == "year-comparison":
        years = sorted({entry["year"] for row in rows for entry in row.get("values") or ()})
        listed = "、".join(map(str, years)) if context.zh else ", ".join(map(str, years))
        if context.zh:
            return f"趋势：自上而下为{listed}年；满格为该行最大值"
        return f"trend: one bar per year ({listed}, top to bottom); a full bar is the row's largest value"
    if kind == "metric-comparison" and rows:
        top = display.quantity(context.largest, rows[0].get("unit"), None, context.lang)
        a, b = display.label(rows[0], context.lang, "label_a"), display.label(rows[0], context.lang, "label_b")
        if context.zh:
            return f"趋势：上为{a}，下为{b}；满格为{top}"
        return f"trend: upper bar {a}, lower bar {b}; a full bar is {top}"
    return ""
