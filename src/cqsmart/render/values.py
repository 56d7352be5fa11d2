"""How values read to a person: qualifiers and units (≥ 5家, 超26万), periods, labels, inert text."""

from __future__ import annotations

import locale
import os
import re
from typing import Any

from cqsmart.model.factbase import JsonRecord
from cqsmart.model.quotes import format_number

# C0/C1 controls (ESC starts ANSI and OSC sequences) and bidirectional overrides are shown escaped.
_UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_PREFIX = {
    "zh": {"at_least": "≥ ", "more_than": "超", "approximately": "约", "at_most": "≤ ", "exact": ""},
    # 超 as the readers expect (超26万), like units, which stay as stated in both languages.
    "en": {"at_least": "≥ ", "more_than": "超", "approximately": "≈ ", "at_most": "≤ ", "exact": ""},
}


def default_lang() -> str:
    """Chinese labels first where the locale is Chinese, English otherwise."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    found = locale.getlocale()[0] or ""
    return "zh" if found.lower().startswith("zh") else "en"


def inert(text: str) -> str:
    """Text from a fact file, made safe to print: control and bidi characters become visible escapes."""
    return _UNSAFE.sub(lambda match: match.group().encode("unicode_escape").decode("ascii"), text)


def label(record: JsonRecord, lang: str, key: str = "label") -> str:
    names = record.get(key) or {}
    if lang == "both":
        return f"{names.get('zh', '')} / {names.get('en', '')}"
    return str(names.get(lang) or names.get("en") or "")


# Where Chinese puts a qualifier word: 10余项 between number and unit, 5家以上 after the unit, else before (超26万).
_WORD_BETWEEN = ("余", "多")
_WORD_AFTER = ("以上", "以下", "左右", "之上", "开外")


def quantity(value: Any, unit: str | None, qualifier: str | None, lang: str, qualifier_text: str | None = None) -> str:
    """In Chinese, the source's own word where it has one (10余项, 突破2100万人, 5家以上, 前列)."""
    word = qualifier_text if lang == "zh" else None
    if value is None:
        return word or "—"
    number = format_number(value)
    if word in _WORD_BETWEEN:
        return f"{number}{word}{unit or ''}"
    amount = f"第{number}" if unit == "第" else f"{number}{unit or ''}"
    if word in _WORD_AFTER:
        return amount + word
    if word:
        return word + amount
    return _PREFIX["zh" if lang == "zh" else "en"].get(qualifier or "exact", "") + amount


def figure_value(figure: JsonRecord, lang: str) -> str:
    return quantity(figure.get("value"), figure.get("unit"), figure.get("qualifier"), lang, figure.get("qualifier_text"))


def period(figure: JsonRecord, lang: str) -> str:
    span = figure.get("period") or {}
    start, end, basis = span.get("start"), span.get("end"), span.get("basis")
    if start is None:
        return "—"
    if basis == "as_of_interview":
        return f"截至{start}" if lang == "zh" else f"as of {start}"
    return str(start) if start == end else f"{start}–{end}"


def flatten(row: JsonRecord) -> dict[str, Any]:
    """Nested objects become `label_zh`-style columns and lists `a;b`, for CSV and TSV."""
    flat: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, dict):
            for sub_key, sub_value in flatten(value).items():
                flat[f"{key}_{sub_key}"] = sub_value
        elif isinstance(value, list):
            flat[key] = ";".join(str(item) for item in value)
        else:
            flat[key] = value
    return flat
