"""How values read to a person: quantities in the reader's language (638.7 billion yuan, 10余项),
periods, labels, notes, and inert text.

The one place a figure becomes text. `figure_value` is its stated form: the value and unit, the
source's own qualifier word (突破2100万人, 10余项, 超26万; more than 21 million people), its direction
(下降3.5%, down 3.5%) and a rank the source states in words (前列: among the leaders). `period` is when
it holds, marked as a target for a planned figure and as inferred when the source does not print the
year. Every table, `show`, `ask`, `compare`, `audit`, `cite`, the SVG and extract's review call these;
no view formats a figure on its own.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from cqsmart.model.factbase import JsonRecord
from cqsmart.model.quotes import format_number
from cqsmart.model.units import LATIN_UNITS, PER_MAGNITUDES, is_rate, split_per, unit_base
from cqsmart.render.plain import default_lang as default_lang  # re-exported: values is what renderers use
from cqsmart.render.plain import inert as inert

# C0/C1 controls (ESC starts ANSI and OSC sequences) and bidirectional overrides are shown escaped.

# Where the source's own qualifier word goes: 超26万, 10余项, 5家以上, 前10位.
_INFIX_WORDS = ("余", "多")
_SUFFIX_WORDS = ("以上", "左右", "以内", "以下")
# `less_than` bounds only a value a question states (不到3000万, under 30 million), never a figure.
_ZH_DEFAULT_WORD = {"at_least": "以上", "more_than": "超", "approximately": "约", "at_most": "不超过", "less_than": "不到"}
_EN_WORDS = {
    "at_least": "at least ",
    "more_than": "more than ",
    "approximately": "about ",
    "at_most": "at most ",
    "less_than": "less than ",
}
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
# Any other unit is read by model/units as magnitude × counter, and named by its counter's base unit.
_EN_NOUNS: dict[str, str] = {
    "CNY": "yuan", "USD": "US dollars", "count": "", "people": "people", "person-times": "person-times",
    "households": "households", "cards": "cards", "servers": "machines", "times": "times", "days": "days",
    "t": "tonnes", "kg": "kg", "kWh": "kWh", "kW": "kW", "MW": "MW", "km": "km", "m": "metres",
    "km2": "square kilometres", "m2": "square metres", "m3": "cubic metres", "mu": "mu", "ha": "hectares",
    "TEU": "TEU", "vehicles": "vehicles", "µg/m3": "µg/m³", "regions": "regions", "points": "points",
    "minutes": "minutes", **{unit: unit for unit in LATIN_UNITS},
}  # fmt: skip
# What a rate is counted per, in the singular: 元/人 is yuan per person.
_EN_ONE = {"people": "person", "households": "household", "vehicles": "vehicle", "days": "day", "t": "tonne"}
# Standings the source states in words, not numbers (位居全国前列, 全国唯一), in English.
RANK_WORDS_EN = {"前列": "among the leaders", "唯一": "the only one", "领先": "leading", "第一": "first"}
# A stated decline (工业用电量下降3.5%): the value is kept as stated, and reads with its direction.
DECREASE = {"zh": "下降", "en": "down "}
INFERRED = {"zh": "（推断）", "en": " (inferred)"}
TARGET = {"zh": "目标", "en": "target"}
_SCALES = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))


# How an English view shows a name no one has put in English: the Chinese, marked as such.
UNTRANSLATED = "{zh} [zh]"


def label(record: JsonRecord, lang: str, key: str = "label") -> str:
    """The name of `record[key]` in `lang`; a name with no English reads in Chinese, marked, where English is asked for."""
    names = record.get(key) or {}
    zh, en = names.get("zh") or "", names.get("en")
    if lang == "zh":
        return str(zh or en or "")
    if lang == "both":
        return f"{zh} / {en}" if en else str(zh)
    return str(en) if en else UNTRANSLATED.format(zh=zh) if zh else ""


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


def quantity(
    value: Any,
    unit: str | None,
    qualifier: str | None,
    lang: str,
    qualifier_text: str | None = None,
    direction: str | None = None,
) -> str:
    """A value as stated: 突破2100万人 / more than 21 million people; 下降3.5% / down 3.5%; 前列 / among the leaders."""
    if value is None:  # a rank the source states only in words (前列, 唯一)
        if not qualifier_text:
            return "—"
        return qualifier_text if lang == "zh" else RANK_WORDS_EN.get(qualifier_text, qualifier_text)
    text = english_quantity(value, unit, qualifier) if lang == "en" else chinese_quantity(value, unit, qualifier, qualifier_text)
    if direction == "decrease":
        return DECREASE["zh" if lang == "zh" else "en"] + text
    return text


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
    if unit == "第" and qualifier == "at_most":
        return f"top {number}"
    if unit == "第":
        return ordinal(value)
    if qualifier == "at_most" and unit == "位":
        return f"top {number}"
    if unit == "%":
        amount = f"{number}%"
    elif unit == "个百分点":
        amount = f"{number} percentage point{'' if value == 1 else 's'}"
    elif unit and unit not in _EN_UNITS and is_rate(unit):
        counted, _, per = unit.partition("/")
        amount = f"{english_quantity(value, counted, None)} per {_english_per(per)}"
    else:
        size, noun = english_unit(unit)
        amount = f"{scaled(Decimal(str(value)) * size)} {noun}".rstrip()
    return _EN_WORDS.get(qualifier or "exact", "") + amount


def english_unit(unit: str | None) -> tuple[Decimal | int, str]:
    """How many of the counted thing one unit is, and its English name: 亿元 is 100 million yuan, 万吨
    10,000 tonnes. A unit no reading knows keeps its own words."""
    if unit in _EN_UNITS or not unit:
        return _EN_UNITS.get(unit or "", (1, ""))
    base = unit_base(unit)
    if base is None or base[1] not in _EN_NOUNS:
        return 1, unit
    return base[0], _EN_NOUNS[base[1]]


def _english_per(per: str) -> str:
    """百人 as 100 people, 人 as person: what a rate counts per."""
    magnitude, counter = split_per(per)
    size, noun = english_unit(counter)
    if not magnitude:
        base = unit_base(counter)
        return _EN_ONE.get(base[1], noun) if base else noun
    return f"{scaled(PER_MAGNITUDES[magnitude] * Decimal(size))} {noun}".rstrip()


# A number and its unit in worked-out arithmetic (25606亿元, 7.7个百分点, 20.55–22.06%): each reads as
# the figure renderer writes it, so the audit says 2.5606 trillion yuan as every other view does.
_UNITS_IN_TEXT = ("个百分点", "亿元", "亿次", "万人", "万张", "万台", "万", "%")
_AMOUNT_IN_TEXT = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(?:–(\d+(?:\.\d+)?))?(" + "|".join(map(re.escape, _UNITS_IN_TEXT)) + ")")


_LEADING_NUMBER = re.compile(r"-?[\d.,]+")


def arithmetic(text: str, lang: str) -> str:
    """Worked-out arithmetic with each value and unit as a figure reads; the bare terms of a formula stay as
    the source printed them (6387 / (25.5 / 100))."""
    if lang == "zh":
        return text

    def amount(number: str, unit: str) -> str:
        value: int | float = float(number) if "." in number else int(number)
        return quantity(value, unit, None, lang).replace(" percentage point", " point")

    def written(match: re.Match[str]) -> str:
        low_text, high_text, unit = match.groups()
        if high_text is None:
            return amount(low_text, unit)
        low, high = amount(low_text, unit), amount(high_text, unit)
        low_number, high_number = _LEADING_NUMBER.match(low), _LEADING_NUMBER.match(high)
        if low_number and high_number and low[low_number.end() :] == high[high_number.end() :]:
            return f"{low_number.group()}–{high}"  # 2.4996–2.5098 trillion yuan, 20.55–22.06%: the unit once
        return f"{low}–{high}"

    return _AMOUNT_IN_TEXT.sub(written, text)


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
    """A figure's value as the source states it, in one language (see the module's docstring)."""
    return quantity(
        figure.get("value"),
        figure.get("unit"),
        figure.get("qualifier"),
        lang,
        figure.get("qualifier_text"),
        figure.get("direction"),
    )


_VERDICTS = {
    "en": {"consistent": "is consistent with", "within rounding": "is within rounding of", "differs": "differs from"},
    "zh": {"consistent": "与来源一致", "within rounding": "与来源相差在四舍五入范围内", "differs": "与来源不符"},
}


def claim(answer: JsonRecord, lang: str) -> str:
    """The verdict on the value a question states, beside the source's: "the claim 20% differs from the
    source: 18.3%"; empty when the question states none."""
    stated = answer.get("claim")
    if not isinstance(stated, dict) or stated.get("verdict") not in _VERDICTS["en"]:
        return ""
    if lang == "both":
        return f"{claim(answer, 'en')} {claim(answer, 'zh')}"
    said = quantity(stated.get("stated"), stated.get("unit"), stated.get("bound"), lang)
    source = figure_value(answer, lang)
    if lang == "zh":
        return f"说法“{said}”{_VERDICTS['zh'][stated['verdict']]}：来源为{source}"
    return f"The claim {said} {_VERDICTS['en'][stated['verdict']]} the source: {source}"


# A difference worked out from a qualified value is bounded or approximate, never exact.
BOUND_MARKS = {"approximately": "≈", "at_least": "≥", "more_than": ">", "at_most": "≤"}


def difference(amount: Any, unit: str, lang: str, qualifier: str | None = None) -> str:
    """A change or difference between figures: signed (+4.6 points, -13.49 million people), marked ≈, ≥, >
    or ≤ when worked out from a qualified value."""
    if amount is None:
        return "—"
    sign = "+" if amount > 0 else ""
    mark = BOUND_MARKS[qualifier] + " " if qualifier in BOUND_MARKS else ""
    if lang == "zh" or unit == "%":
        return f"{mark}{sign}{format_number(amount)}{unit}"
    if unit == "个百分点":
        return f"{mark}{sign}{format_number(amount)} percentage points"
    return f"{mark}{sign}{quantity(amount, unit, None, lang)}"


def year_inferred(figure: JsonRecord, by_id: Mapping[str, JsonRecord] | None = None) -> bool:
    """Dated by the interview (`as_of_interview`) to a year the source does not print. Without the base
    to look the source up in, the interview year counts as inferred, as the README's period basis says."""
    if (figure.get("period") or {}).get("basis") != "as_of_interview":
        return False
    if by_id is None:
        return True
    refs = [figure.get("source")] + [(by_id.get(ref) or {}).get("source") for ref in figure.get("inputs") or ()]
    sources = [by_id.get(str(ref.get("id"))) for ref in refs if isinstance(ref, dict)]
    known = [source for source in sources if source is not None]
    return not known or any(bool(source.get("year_inferred")) for source in known)


def period(figure: JsonRecord, lang: str, by_id: Mapping[str, JsonRecord] | None = None, planned: bool | None = None) -> str:
    """When a figure holds: 2020年, 截至2021年（推断）, as of 2021 (inferred), target 2025; a planned figure
    (a target's, or with `planned` unset, one the record marks planned) says so."""
    span = figure.get("period") or {}
    start, end, basis = span.get("start"), span.get("end"), span.get("basis")
    zh = lang == "zh"
    if start is None:
        text = "—"
    elif basis == "as_of_interview":
        text = f"截至{start}年" if zh else f"as of {start}"
        if year_inferred(figure, by_id):
            text += INFERRED["zh" if zh else "en"]
    elif start == end:
        text = f"{start}年" if zh else str(start)
    else:
        text = f"{start}—{end}年" if zh else f"{start}–{end}"
    if planned or (planned is None and figure.get("planned")):
        mark = TARGET["zh" if zh else "en"]
        return mark if text == "—" else f"{mark} {text}"
    return text


def bracketed(when: str, lang: str) -> str:
    """A period in brackets after a label: `（截至2021年，推断）`, ` (as of 2021, inferred)`."""
    if lang == "zh":
        return f"（{when.replace(INFERRED['zh'], '，推断')}）"
    return f" ({when.replace(INFERRED['en'], ', inferred')})"


def stated(figure: JsonRecord, lang: str, by_id: Mapping[str, JsonRecord] | None = None, planned: bool | None = None) -> str:
    """The value with its period: `下降3.5%，2020年`, `more than 21 million people, as of 2021 (inferred)`."""
    value, when = figure_value(figure, lang), period(figure, lang, by_id, planned)
    if when == "—":
        return value
    return f"{value}，{when}" if lang == "zh" else f"{value}, {when}"


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
