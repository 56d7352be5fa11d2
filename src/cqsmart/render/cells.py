"""Cell text for human formats (table, Markdown): the columns a reader sees, by field name, in the
reader's language. Ids stay out of tables unless asked for (`--fields id,…`)."""

from __future__ import annotations

import re
from typing import Any, NamedTuple

from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.model.vocabulary import slug_name
from cqsmart.render import values as display
from cqsmart.render.layout import Lexicon

DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "figure": ("label", "value", "period"),
    "initiative": ("label", "line", "quantities"),
    "target": ("label", "area", "deadline", "quantities"),
    "source": ("label", "publisher", "interviewee", "year", "sha256"),
    "record": ("kind", "label", "value"),
    "answer": ("value", "period", "label", "source"),
    "year-comparison": ("label", "values", "change", "trend"),
    "metric-comparison": ("year", "value_a", "value_b", "difference", "trend"),
    "topic": ("topic", "figures", "initiatives", "targets", "records"),
    "library": ("id", "sources", "figures", "initiatives", "targets"),
    "metric": ("metric", "years", "latest_value"),
    "audit": ("label", "arithmetic", "status"),
}
# Columns that only exist for reading, never in machine output nor in Markdown.
DISPLAY_ONLY = ("trend",)
# Values: never broken across lines in a table.
VALUE_COLUMNS = ("value", "value_a", "value_b", "change", "difference", "latest_value", "period", "year", "years")
BREAK = "\u200b"  # a line may break here (between escaped Chinese characters); never shown
DERIVED_MARK = {"zh": "（推算）", "en": " (derived)"}
TARGET_MARK = display.TARGET
HEADERS_ZH = {
    "id": "编号",
    "kind": "类型",
    "label": "名称",
    "value": "数值",
    "period": "时间",
    "line": "工作线",
    "area": "领域",
    "figures": "数据",
    "quantities": "数量",
    "arithmetic": "算式",
    "status": "结果",
    "publisher": "发布者",
    "reporter": "记者",
    "photographer": "摄影",
    "interviewee": "受访者",
    "year": "年份",
    "years": "年份",
    "topic": "主题",
    "metric": "指标",
    "unit": "单位",
    "change": "变化",
    "difference": "差值",
    "trend": "趋势",
    "note": "备注",
    "source": "原文",
    "deadline": "期限",
    "records": "记录",
    "initiatives": "举措",
    "targets": "目标",
    "latest_value": "最新值",
    "qualifier": "限定",
    "derived": "推算",
    "parent": "上级",
    "base_value": "基本单位值",
    "file": "文件",
    "interview_date": "采访日期",
    "sha256": "SHA-256",
}
KIND_NAMES = {
    "zh": {"figure": "数据", "initiative": "举措", "target": "目标", "source": "来源"},
    "en": {"figure": "figure", "initiative": "initiative", "target": "target", "source": "source"},
}
STATUS = {"zh": {"holds": "成立", "fails": "不成立"}}


_LEXICONS: dict[int, tuple[FactBase, Lexicon]] = {}


def lexicon_of(base: FactBase) -> Lexicon:
    """The base's names and words, for breaking its Chinese between words; made once per base."""
    kept = _LEXICONS.get(id(base))
    if kept is not None and kept[0] is base:
        return kept[1]
    lexicon = Lexicon(lambda: _names(base), lambda: _texts(base))
    _LEXICONS.clear()
    _LEXICONS[id(base)] = (base, lexicon)
    return lexicon


# The figures whose texts a lexicon reads: words are counted well on a few thousand, and a table of a
# base of 100,000 must not read every record to break its cells.
LEXICON_FIGURES = 5000


def _others(base: FactBase) -> list[JsonRecord]:
    return [record for kind in base.by_kind if kind != "figure" for record in base.of_kind(kind)]


def _names(base: FactBase) -> set[str]:
    """The base's Chinese names: aliases, and short initiative, target and source labels (a name a
    label quotes is kept whole wherever it stands: see layout.QUOTED_NAME)."""
    names: set[str] = set()
    for record in _others(base):
        label = record.get("label")
        chinese = label.get("zh") if isinstance(label, dict) else None
        if isinstance(chinese, str) and record.get("kind") in ("initiative", "target", "source") and len(chinese) <= 10:
            names.add(chinese)
        terms = record.get("terms")
        if record.get("kind") == "alias" and isinstance(terms, dict):
            names.update(term for term in terms.get("zh") or () if isinstance(term, str))
    return names


def _texts(base: FactBase) -> list[str]:
    """The base's Chinese texts (labels and quotes), where its words are counted (of its first
    LEXICON_FIGURES figures)."""
    texts: list[str] = []
    for record in [*base.of_kind("figure")[:LEXICON_FIGURES], *_others(base)]:
        label = record.get("label")
        if isinstance(label, dict) and isinstance(label.get("zh"), str):
            texts.append(label["zh"])
        source = record.get("source")
        if isinstance(source, dict) and isinstance(source.get("quote"), str):
            texts.append(source["quote"])
    return texts


class Context(NamedTuple):
    """What a cell may need beyond its row: the base, the language, and facts computed once per table."""

    base: FactBase
    lang: str
    unicode: bool = True
    planned: frozenset[str] = frozenset()
    largest: float = 0.0
    shared: str = ""  # words every linked quantity's label shares ("Target number of "), left out

    @classmethod
    def of(cls, base: FactBase, lang: str, rows: list[JsonRecord], unicode: bool) -> Context:
        planned = frozenset(ref for target in base.of_kind("target") for ref in target.get("figures") or ())
        numbers = [abs(row[key]) for row in rows for key in ("value_a", "value_b") if isinstance(row.get(key), (int, float))]
        refs = [ref for row in rows if isinstance(row.get("figures"), list) for ref in row["figures"]]
        linked = {display.label(base.by_id[ref], lang) for ref in refs if ref in base.by_id}
        return cls(base, lang, unicode, planned, max(numbers, default=0.0), shared_words(linked, lang == "zh"))

    @property
    def zh(self) -> bool:
        return self.lang == "zh"


def expand(kind: str, columns: tuple[str, ...], rows: list[JsonRecord]) -> tuple[str, ...]:
    """A comparison's `values` column becomes one column per year compared."""
    if "values" not in columns:
        return columns
    years = sorted({entry["year"] for row in rows for entry in row.get("values") or ()})
    if not years and rows:
        years = sorted({rows[0]["year_a"], rows[0]["year_b"]})
    index = columns.index("values")
    return columns[:index] + tuple(f"values:{year}" for year in years) + columns[index + 1 :]


def headers(kind: str, columns: tuple[str, ...], rows: list[JsonRecord], lang: str) -> list[str]:
    """Field names in English (they are what --fields takes), Chinese words in Chinese; comparison value
    columns are headed by what they hold (a year, or a metric)."""
    zh = lang == "zh"
    names = {"value_a": "a", "value_b": "b"}
    if rows and kind == "year-comparison":
        names = {"value_a": str(rows[0]["year_a"]), "value_b": str(rows[0]["year_b"])}
    elif rows and kind == "metric-comparison":  # what each metric measures, in the reader's language
        names = {"value_a": display.label(rows[0], lang, "label_a"), "value_b": display.label(rows[0], lang, "label_b")}
    if zh:
        names = {key: f"{name}年" if name.isdigit() else name for key, name in names.items()}
    shown = []
    for column in columns:
        if column.startswith("values:"):
            year = column.split(":", 1)[1]
            shown.append(f"{year}年" if zh else year)
        else:
            shown.append(names.get(column) or (HEADERS_ZH.get(column, column) if zh else column))
    return shown


def cell(kind: str, row: JsonRecord, column: str, context: Context) -> str:
    text = _cell(kind, row, column, context)
    if kind.endswith("comparison") and context.lang == "en":  # side by side, "points" after a percentage reads plainly
        text = text.replace(" percentage points", " points").replace(" percentage point", " point")
    return text


def _cell(kind: str, row: JsonRecord, column: str, context: Context) -> str:
    value = row.get(column) if column in row else display.flatten(row).get(column)  # label_en as well as label
    lang = context.lang
    if column in ("label", "label_a", "label_b"):
        text = display.label(row, lang, column)
        return text + DERIVED_MARK["zh" if context.zh else "en"] if row.get("derived") else text
    if column == "value" and row.get("kind") == "figure":
        return display.figure_value(row, lang)
    if kind == "answer" and column in ("value", "period") and row.get("kind") in ("initiative", "target"):
        # What the question asked is: which kind of thing, and by when a target is due.
        if column == "value":
            return KIND_NAMES["zh" if context.zh else "en"][str(row["kind"])]
        return str(row.get("deadline") or "—")
    if column.startswith("values:"):
        year = int(column.split(":", 1)[1])
        entry = next((entry for entry in row.get("values") or () if entry["year"] == year), None)
        if entry is None:
            return "—"
        return display.figure_value({**entry, "unit": row.get("unit")}, lang)
    if column in ("value_a", "value_b"):
        return display.figure_value(compared(row, column[-1]), lang)
    if column in ("change", "difference"):
        return display.difference(value, row.get(f"{column}_unit") or "", lang, row.get(f"{column}_qualifier"))
    if column == "trend":
        from cqsmart.render.bars import trend

        return trend(row, context)
    if column == "period" and isinstance(value, dict):
        return period(row, context)
    if column == "quantities" and isinstance(row.get("figures"), list):
        by_id = context.base.by_id
        return "\n".join(linked_figure(by_id[ref], context) for ref in row["figures"] if ref in by_id)
    if column == "arithmetic" and isinstance(value, str):
        return display.arithmetic(value, lang)
    if column == "status" and kind == "audit":
        return STATUS.get(lang, {}).get(str(value), str(value))
    if column in ("line", "area", "topic") and isinstance(value, str):
        return slug_name(column, value, context.lang)
    if column == "kind" and kind == "record":
        name = KIND_NAMES["zh" if context.zh else "en"].get(str(value), str(value))
        if row.get("id") in context.planned:  # a target's planned figure, not an achieved one
            name += f"（{TARGET_MARK['zh']}）" if context.zh else f" ({TARGET_MARK['en']})"
        return name
    if column == "metric" and kind == "metric":  # what to type for --metric, and what it measures
        return f"{value}\n{display.label(row, lang)}{DERIVED_MARK['zh' if context.zh else 'en'] if row.get('derived') else ''}"
    if column == "years" and isinstance(value, list):
        return year_runs(value, context.zh)
    if column == "latest_value" and kind == "metric":
        return metric_latest(row, context)
    if column == "source" and kind == "answer":
        return cited(row, context)
    if column == "source" and isinstance(value, dict):
        return str(value.get("quote", ""))
    if column == "note":
        return display.note(row, lang)
    if column in ("publisher", "reporter", "photographer") and isinstance(value, dict):
        return display.label(row, lang, column)
    if column == "interviewee" and isinstance(value, dict):
        return display.label(value, lang, "name")
    if value is None:
        return ""
    if isinstance(value, bool):
        return ("是" if value else "否") if context.zh else ("yes" if value else "no")
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, dict):
        return " / ".join(str(part) for part in value.values())
    return str(value)


def cited(row: JsonRecord, context: Context) -> str:
    """The quote and the source it is from; a derived figure, which the source never states, cites its
    inputs instead: the formula in words, then each input's stated value, period and quote."""
    source = row.get("source")
    if not isinstance(source, dict):
        return derivation(row, context)
    document = context.base.by_id.get(str(source.get("id")))
    name = display.label(document, context.lang) if document is not None else str(source.get("id", ""))
    return f"{source.get('quote', '')}\n— {name}"


_OPERATORS = {"/": "÷", "*": "×"}


def derivation(row: JsonRecord, context: Context) -> str:
    """`derived: A ÷ (B ÷ 100)` with each input named by its label, then `A: 638.7 billion yuan, 2020 —
    “达到6387亿元”` a line per input."""
    by_id, lang = context.base.by_id, context.lang
    inputs = [by_id[ref] for ref in row.get("inputs") or () if ref in by_id]
    names = {item["id"]: display.label(item, lang) for item in inputs}
    formula = re.sub(r"\{([a-z0-9-]+)\}", lambda found: names.get(found.group(1), found.group(1)), str(row.get("formula") or ""))
    formula = re.sub(r"[/*]", lambda found: _OPERATORS[found.group()], formula)
    lines = [f"推算：{formula}" if context.zh else f"derived: {formula}"]
    for item in inputs:
        quote = (item.get("source") or {}).get("quote") if isinstance(item.get("source"), dict) else None
        said = f"“{quote}”" if quote else ("推算" if context.zh else "derived")
        colon = "：" if context.zh else ": "
        lines.append(f"{names[item['id']]}{colon}{display.stated(item, lang, by_id)} — {said}")
    return "\n".join(lines)


def shared_words(labels: set[str], zh: bool) -> str:
    """What all of several labels say alike: leading words in English, trailing characters in Chinese
    (目标数); nothing when fewer than three labels share it or it would leave a label empty."""
    if len(labels) < 3 or any(isinstance(name, str) and not name for name in labels):
        return ""
    if zh:
        reversed_labels = [name[::-1] for name in labels]
        common = _common_prefix(reversed_labels)[::-1]
        return common if all(len(name) > len(common) + 1 for name in labels) else ""
    words = [name.split(" ") for name in labels]
    common_words = _common_prefix(words)
    common = " ".join(common_words) + " " if common_words else ""
    return common if all(len(name) > len(common) for name in labels) else ""


def _common_prefix(items: list[Any]) -> Any:
    first = min(items, key=len)
    for position, part in enumerate(first):
        if any(item[position] != part for item in items):
            return first[:position]
    return first


def year_runs(years: list[int], zh: bool) -> str:
    """2017, 2018, 2019, 2020 → 2017–2020; 2017, 2020 stays a list."""
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    dash, comma = ("—", "、") if zh else ("–", ", ")
    return comma.join(str(run[0]) if len(run) == 1 else f"{run[0]}{dash}{run[-1]}" for run in runs)


def period(figure: JsonRecord, context: Context) -> str:
    """When a figure holds; a planned figure (a target's) says so, and an inferred year is marked."""
    return display.period(figure, context.lang, context.base.by_id, figure.get("id") in context.planned)


def compared(row: JsonRecord, side: str) -> JsonRecord:
    """One value of a comparison row as the figure it is: its unit, qualifier, the source's word, direction."""
    return {
        "value": row.get(f"value_{side}"),
        "unit": row.get("unit"),
        "qualifier": row.get(f"qualifier_{side}"),
        "qualifier_text": row.get(f"qualifier_text_{side}"),
        "direction": row.get(f"direction_{side}"),
    }


def holds(row: JsonRecord, context: Context) -> str:
    """Under an answer that is an initiative or target: the figures it holds, one line each."""
    by_id = context.base.by_id
    lines = [linked_figure(by_id[ref], context) for ref in row.get("figures") or () if ref in by_id]
    if not lines:
        return ""
    return ("数据：" if context.zh else "Its figures: ") + ("；" if context.zh else "; ").join(lines)


def linked_figure(figure: JsonRecord, context: Context) -> str:
    """`label (2020): value`, one line per quantity, so each number carries its own label."""
    name = display.label(figure, context.lang)
    if context.shared and context.zh and name.endswith(context.shared):
        name = name[: -len(context.shared)]
    elif context.shared and name.startswith(context.shared):
        rest = name[len(context.shared) :]
        name = rest[:1].upper() + rest[1:]
    when = display.period(figure, context.lang, context.base.by_id, planned=False)  # the row says it is a target
    if when != "—":
        name += display.bracketed(when, context.lang)
    if figure.get("derived"):
        name += DERIVED_MARK["zh" if context.zh else "en"]
    return f"{name}{'：' if context.zh else ': '}{display.figure_value(figure, context.lang)}"


def metric_latest(row: JsonRecord, context: Context) -> str:
    """The metric's latest figure as it is stated (its direction, the source's word), with its year."""
    if row.get("latest_value") is None:
        return "—"
    figure = context.base.by_id.get(str(row.get("latest_id")))
    if figure is None:
        figure = {key: row.get(f"latest_{key}") for key in ("value", "qualifier", "qualifier_text")}
        figure["unit"] = row.get("unit")
    amount = display.figure_value(figure, context.lang)
    year = row.get("latest_year")
    if year is None:
        return amount
    return f"{amount}（{year}年）" if context.zh else f"{amount} ({year})"
