"""Cell text for human formats (table, Markdown): the columns a reader sees, by field name."""

from __future__ import annotations

from typing import Any

from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.model.quotes import format_number
from cqsmart.render import values as display

DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "figure": ("id", "label", "value", "period"),
    "initiative": ("id", "label", "line", "figures"),
    "target": ("id", "label", "area", "figures"),
    "source": ("id", "label", "publisher", "interviewee", "year", "sha256"),
    "record": ("kind", "id", "label", "value"),
    "answer": ("value", "period", "label", "source"),
    "year-comparison": ("label", "value_a", "value_b", "change", "trend"),
    "metric-comparison": ("year", "value_a", "value_b", "difference", "trend"),
}
# Columns that only exist for reading, never in machine output.
DISPLAY_ONLY = ("trend",)
DERIVED_MARK = {"zh": "（推算）", "en": " (derived)"}


def _signed(amount: Any, unit: str) -> str:
    if amount is None:
        return "—"
    return f"{'+' if amount > 0 else ''}{format_number(amount)}{unit}"


def headers(kind: str, columns: tuple[str, ...], rows: list[JsonRecord]) -> list[str]:
    """Comparison value columns are headed by what they hold (a year, or a metric)."""
    names = {"value_a": "a", "value_b": "b"}
    if rows and kind == "year-comparison":
        names = {"value_a": str(rows[0]["year_a"]), "value_b": str(rows[0]["year_b"])}
    elif rows and kind == "metric-comparison":
        names = {"value_a": rows[0]["metric_a"], "value_b": rows[0]["metric_b"]}
    return [names.get(column, column) for column in columns]


def cell(kind: str, row: JsonRecord, column: str, base: FactBase, lang: str, bars: tuple[float, str, str]) -> str:
    value = row.get(column)
    if column in ("label", "label_a", "label_b"):
        text = display.label(row, lang, column)
        return text + DERIVED_MARK["zh" if lang == "zh" else "en"] if row.get("derived") else text
    if column == "value" and row.get("kind") == "figure":
        return display.figure_value(row, lang)
    if column in ("value_a", "value_b"):
        qualifier = row.get("qualifier" + column[-2:]) if kind == "year-comparison" else None
        return display.quantity(value, row.get("unit"), qualifier, lang)
    if column == "change":
        return _signed(value, row.get("change_unit") or "")
    if column == "difference":
        return _signed(value, row.get("difference_unit") or "")
    if column == "trend":
        return trend(row, bars)
    if column == "period" and isinstance(value, dict):
        return display.period(row, lang)
    if column == "figures" and isinstance(value, list):
        return ", ".join(display.figure_value(base.by_id[ref], lang) for ref in value if ref in base.by_id)
    if column == "source" and kind == "answer":
        return cited(row, base, lang)
    if column == "source" and isinstance(value, dict):
        return str(value.get("quote", ""))
    if column in ("publisher", "reporter", "photographer") and isinstance(value, dict):
        return display.label(row, lang, column)
    if column == "interviewee" and isinstance(value, dict):
        return display.label(value, lang, "name")
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, dict):
        return " / ".join(str(part) for part in value.values())
    return str(value)


def cited(row: JsonRecord, base: FactBase, lang: str) -> str:
    """The quote and the source it is from; a derived figure says how it was worked out instead."""
    source = row.get("source")
    if not isinstance(source, dict):
        inputs = ", ".join(row.get("inputs") or ())
        return (
            f"推算：{row.get('formula') or ''}（{inputs}）" if lang == "zh" else f"derived: {row.get('formula') or ''} ({inputs})"
        )
    document = base.by_id.get(str(source.get("id")))
    name = display.label(document, lang) if document is not None else str(source.get("id", ""))
    return f"{source.get('quote', '')}\n— {name}"


def bar_scale(kind: str, rows: list[JsonRecord], unicode: bool) -> tuple[float, str, str]:
    """The largest magnitude in view and the bar glyphs, so bars in one table share a scale."""
    values = [abs(row[key]) for row in rows for key in ("value_a", "value_b") if isinstance(row.get(key), (int, float))]
    full, empty = ("█", "░") if unicode else ("#", ".")
    return (max(values, default=0.0), full, empty)


def trend(row: JsonRecord, bars: tuple[float, str, str], width: int = 12) -> str:
    """Two bars, one per value; year comparisons scale per metric since their units differ."""
    largest, full, empty = bars
    values = [row.get("value_a"), row.get("value_b")]
    numbers = [abs(value) for value in values if isinstance(value, (int, float))]
    if "year_a" in row:
        largest = max(numbers, default=0.0)
    lines = []
    for value in values:
        filled = round(abs(value) / largest * width) if isinstance(value, (int, float)) and largest else 0
        lines.append(full * filled + empty * (width - filled))
    return "\n".join(lines)
