"""How values read to a person: quantities in the reader's language (638.7 billion yuan, 10余项),
periods, labels, notes, and inert text."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from cqsmart.model.factbase import JsonRecord
from cqsmart.model.quotes import format_number
from cqsmart.render.plain import default_lang as default_lang  # re-exported: values is what renderers use
from cqsmart.render.plain import inert as inert

# C0/C1 controls (ESC starts ANSI and OSC sequences) and bidirectional overrides are shown escaped.

# Where the source's own qualifier word goes: 超26万, 10余项, 5家以上, 前10位.
_INFIX_WORDS = ("余", "多")
_SUFFIX_WORDS = ("以上", "左右", "以内", "以下")
_ZH_DEFAULT_WORD = {"at_least": "以上", "more_than": "超", "approximately": "约", "at_most": "不超过"}
_EN_WORDS = {"at_least": "at least ", "more_than": "more than ", "approximately": "about ", "at_most": "at most "}
# Unit → how many of the counted thing one unit is, and what it is called in English ("" for a plain count).
_EN_UNITS: dict[str, tuple[int, str]] = {
    "亿元": (100_000_000, "yuan"),
    "亿次": (100_000_000, "times"),
    "万人": (10_000, "people"),
    "万张": (10_000, "cards"),
    "万台": (10_000, "machines"),
    "万": (10_000, ""),
    "个": (1, ""),
    "个批次": (1, "batches"),
    "位": (1, "people"),
    "类": (1, "categories"),
    "家": (1, ""),
    "项": (1, ""),
}
_SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))


def label(record: JsonRecord, lang: str, key: str = "label") -> str:
    names = record.get(key) or {}
    if lang == "both":
        return f"{names.get('zh', '')} / {names.get('en', '')}"
    return str(names.get(lang) or names.get("en") or "")


def language_of(text: str) -> str:
    """ "zh" when a text is mostly Chinese characters, "en" otherwise (a note may quote a Chinese word)."""
    # Counted by code point: a pattern of the CJK ranges takes milliseconds to compile on every run.
    chinese = sum(1 for char in text if "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff")
    latin = sum(1 for char in text if char.isascii() and char.isalpha())
    return "zh" if chinese > latin else "en"


def note(record: JsonRecord, lang: str) -> str:
    """A note in the reader's language: a {zh, en} note gives its half; a plain note shows only in its own."""
    value = record.get("note")
    if isinstance(value, dict):
        return label(record, lang, "note")
    if not isinstance(value, str) or not value:
        return ""
    return value if lang == "both" or language_of(value) == lang else ""


def quantity(value: Any, unit: str | None, qualifier: str | None, lang: str, qualifier_text: str | None = None) -> str:
    if value is None:  # a rank the source states only in words (前列, 唯一)
        return qualifier_text if lang == "zh" and qualifier_text else "—"
    if lang == "en":
        return english_quantity(value, unit, qualifier)
    return chinese_quantity(value, unit, qualifier, qualifier_text)


def chinese_quantity(value: Any, unit: str | None, qualifier: str | None, qualifier_text: str | None = None) -> str:
    """In the source's words where it gave them (10余项, 突破2100万人, 5家以上), else a Chinese default."""
    number, unit = format_number(value), unit or ""
    if unit == "第":
        return f"第{number}"
    word = qualifier_text or _ZH_DEFAULT_WORD.get(qualifier or "exact", "")
    if qualifier == "at_most" and unit == "位" and not qualifier_text:
        word = "前"
    if not word:
        return f"{number}{unit}"
    if word in _INFIX_WORDS:
        return f"{number}{word}{unit}"
    if word in _SUFFIX_WORDS:
        return f"{number}{unit}{word}"
    return f"{word}{number}{unit}"


def english_quantity(value: Any, unit: str | None, qualifier: str | None) -> str:
    """638.7 billion yuan, 34.49 million people, 14.4 percentage points, 5th, top 10, more than 40%."""
    number = format_number(value)
    if unit == "第":
        return ordinal(value)
    if qualifier == "at_most" and unit == "位":
        return f"top {number}"
    if unit == "%":
        amount = f"{number}%"
    elif unit == "个百分点":
        amount = f"{number} percentage point{'' if value == 1 else 's'}"
    else:
        size, noun = _EN_UNITS.get(unit or "", (1, unit or ""))
        amount = f"{scaled(Decimal(str(value)) * size)} {noun}".rstrip()
    return _EN_WORDS.get(qualifier or "exact", "") + amount


# Units of the numbers in worked-out arithmetic, in English: the numbers stay as the source printed
# them (25606亿元 is 25606 hundred million yuan), so a formula's unlabelled terms still read right.
_ARITHMETIC_UNITS_EN = {
    "个百分点": " points",
    "亿元": " hundred million yuan",
    "亿次": " hundred million times",
    "万人": " ten thousand people",
    "万张": " ten thousand cards",
    "万台": " ten thousand machines",
    "万": " ten thousand",
}
_UNIT_AFTER_NUMBER = re.compile(r"(?<=\d)(" + "|".join(sorted(_ARITHMETIC_UNITS_EN, key=len, reverse=True)) + ")")


def english_units(text: str) -> str:
    """The Chinese units after numbers in worked-out arithmetic (7.7个百分点, 25606亿元) in English words."""
    return _UNIT_AFTER_NUMBER.sub(lambda found: _ARITHMETIC_UNITS_EN[found.group()], text)


def scaled(amount: Decimal) -> str:
    """34490000 → 34.49 million; 260000 → 260,000."""
    for size, word in _SCALES:
        if abs(amount) >= size:
            return f"{_plain(amount / size)} {word}"
    return f"{_plain(amount, grouped=True)}"


def _plain(amount: Decimal, grouped: bool = False) -> str:
    text = f"{amount.normalize():,f}" if grouped else f"{amount.normalize():f}"
    return text


def ordinal(value: Any) -> str:
    number = int(value)
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def figure_value(figure: JsonRecord, lang: str) -> str:
    return quantity(figure.get("value"), figure.get("unit"), figure.get("qualifier"), lang, figure.get("qualifier_text"))


def period(figure: JsonRecord, lang: str) -> str:
    span = figure.get("period") or {}
    start, end, basis = span.get("start"), span.get("end"), span.get("basis")
    zh = lang == "zh"
    if start is None:
        return "—"
    if basis == "as_of_interview":
        return f"截至{start}年" if zh else f"as of {start}"
    if start == end:
        return f"{start}年" if zh else str(start)
    return f"{start}—{end}年" if zh else f"{start}–{end}"


def flatten(row: JsonRecord) -> dict[str, Any]:
    """Nested objects become `label_zh`-style columns and lists `a;b`, for CSV and TSV."""
    flat: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, dict):
            for sub_key, sub_value in flatten(value).items():
                flat[f"{key}_{sub_key}"] = sub_value
        elif isinstance(value, list):
            flat[key] = ";".join(_item(item) for item in value)
        else:
            flat[key] = value
    return flat


def _item(item: Any) -> str:
    """A list of yearly values reads `2018:13.7`; other items as themselves."""
    if isinstance(item, dict) and "year" in item:
        return f"{item['year']}:{'' if item.get('value') is None else format_number(item['value'])}"
    return str(item)
