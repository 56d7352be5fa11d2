"""A text to a draft fact base: its source record (with the file's SHA-256) and one figure per statement."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from cqsmart.extract import labels
from cqsmart.extract.document import source as source_record
from cqsmart.extract.numbers import Mention, mentions
from cqsmart.extract.periods import (
    PART,
    PARTS,
    YEARS_RUNNING,
    Context,
    YearMention,
    change_since,
    date_line_year,
    is_date_line,
    period_of,
    relative_years,
    since_ends,
    years,
)
from cqsmart.extract.quotes import QuoteIndex
from cqsmart.extract.text import CLAUSE_END, Sentence, Skipped, decode, sentences
from cqsmart.model.quotes import chinese_number
from cqsmart.model.rules import figure_problem, number_problem
from cqsmart.model.units import unit_base
from cqsmart.model.vocabulary import Unit

_LIST_JOINS = ("、", "和", "及", "与")
_DECLINES = ("下降", "减少", "降低", "下滑", "回落", "下跌", "收窄", "减少了", "下降了")
UNSTATED = "未注明"
NO_SUBJECT = "（主语待补）"  # before the quoted words of a figure whose subject was not found


@dataclass(frozen=True)
class Draft:
    source: dict[str, Any]
    figures: list[dict[str, Any]]
    notes: list[str] = field(default_factory=list)  # what was left out and why, for stderr

    @property
    def records(self) -> list[dict[str, Any]]:
        return [self.source, *self.figures]


def extract(data: bytes, file_name: str, source_id: str | None = None) -> Draft:
    """The draft fact base of a text given as bytes (UTF-8, BOM accepted).

    Two passes over the sentences: the first reads each sentence's numbers once and indexes where
    each number stands, the second drafts the figures, checking a quote's uniqueness only against
    the sentences that share its number, so that the work grows with the text, not its square."""
    text = decode(data, file_name)
    source_id = source_id or slug(file_name.rsplit(".", 1)[0]) or "source"
    notes: list[str] = []
    skipped = Skipped()
    overlong: list[tuple[int, int]] = []
    parts: list[tuple[Sentence, list[Mention]]] = []
    quotes = QuoteIndex()
    body_quantities: set[tuple[Any, ...]] = set()
    for sentence in sentences(text, None, skipped):
        before = len(overlong)
        read = mentions(sentence.text, overlong)
        found = [mention for index, mention in enumerate(read) if not _descriptor(sentence.text, read, index)]
        for start, end in overlong[before:]:
            skipped.add(end - start, sentence.offsets[start])
        del overlong[before:]
        if found:
            quotes.add(len(parts), sentence.text)
        parts.append((sentence, found))  # one without figures may still establish a year (a heading)
        if not sentence.heading:
            body_quantities.update((m.value, m.unit) for m in found)
    if skipped.count:
        notes.append(
            f"skipped {skipped.count} run{'s' * (skipped.count > 1)} of digits too long to be a value "
            f"(the longest {skipped.longest} characters, the first at character {skipped.first})"
        )
    source = source_record(text, data, file_name, source_id)
    context = Context(source["year"], date_line_year(text))
    figures: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    texts = [sentence.text for sentence, _ in parts]
    for sentence, found in parts:
        context.enter(sentence)
        for figure in _figures(sentence, found, source_id, lambda quote: quotes.repeated(quote, texts), context):
            if sentence.heading and sentence.paragraph == 0 and (figure["value"], figure["unit"]) in body_quantities:
                continue  # a title repeats a figure of the body; a section's heading states its own
            statement = (figure["value"], figure["unit"], figure["qualifier"], str(figure["period"]), figure["label"]["zh"])
            if statement in seen:
                continue  # a summary repeats a figure already stated
            problem = _problem(figure)
            if problem:
                where = figure["source"]["quote"][:40]
                notes.append(f"left out {figure['value']!r:.40} {figure['unit']} at {where!r}: {problem}")
                continue
            seen.add(statement)
            figures.append(figure)
    for number, figure in enumerate(figures, 1):
        figure["id"] = figure["metric"] = f"figure-{number:03d}"
    labels.distinguish(figures)
    return Draft(source, figures, notes)


def _problem(figure: dict[str, Any]) -> str | None:
    """What `validate --draft` would refuse in a figure's value: the model's own rules."""
    for name in ("value", "base_value"):
        problem = number_problem(figure[name])
        if problem:
            return f"{name} {problem}"
    return figure_problem(figure)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")


@dataclass(frozen=True)
class _Marks:
    """Where a sentence first dates itself to the present (目前), where it names a year by its distance
    from the document's (去年), and its parts of a year (上半年): found once a sentence, so that each
    figure only compares positions."""

    present: int
    relative: list[tuple[int, int, bool]]
    parts: list[tuple[int, str]]

    @classmethod
    def of(cls, text: str) -> _Marks:
        present = _PRESENT.search(text)
        return cls(
            present.start() if present else len(text),
            relative_years(text),
            [(match.start(), match.group()) for match in PART.finditer(text)],
        )


def _in_clause_before(found: list[Mention], index: int, clause_start: int, end: int) -> list[Mention]:
    """The mentions before found[index] that start in its clause before end, in order."""
    earlier = []
    for other in reversed(found[:index]):
        if other.start < clause_start:
            break
        if other.start < end:
            earlier.append(other)
    return earlier[::-1]


def _figures(
    sentence: Sentence, found: list[Mention], source_id: str, repeated: Callable[[str], bool], context: Context
) -> list[dict[str, Any]]:
    text = sentence.text
    stated = years(text)
    marks = _Marks.of(text)
    result: list[dict[str, Any]] = []
    subject = ""  # what the sentence's first figure measures: the subject of the measures after it
    for index, mention in enumerate(found):
        head, position, size = _list_of(text, found, index)
        clause_start = _clause_start(text, head.start)
        span, origin = _period(text, stated, found, index, head, position, size, clause_start, context, marks)
        label, named_after = labels.label(text, found, index, head, clause_start)
        label = labels.printable(label)
        start, end = clause_start, mention.end
        if named_after:
            end = _clause_end(text, mention.end)
        earlier = _in_clause_before(found, index, clause_start, head.start)
        words = text[clause_start : earlier[0].start if earlier else head.start]  # 由上年的15.2%提升至15.6%
        measure = labels.measure(words) if not named_after else ""
        if subject and measure:  # 同比增长10.9%, 占全行业收入的比重为24.7%: a measure of the sentence's subject
            label = labels.member(subject, position, size) + measure
        elif size > 1 and not named_after:
            subject = subject if measure else label
            label = labels.member(label, position, size)
        elif len(label) < 4 and "“" not in label and not named_after:
            quoted, quoted_start = labels.subject(text, clause_start)
            if quoted:
                label, start = quoted + label, _clause_start(text, quoted_start)
        if mention.unit == "第":
            label = labels.rank(label)  # 综合评价位居全国 → 综合评价全国排名
        elif mention.unit == "%":
            label = labels.share(label)  # 占全县就业人员的12.5% → …占全县就业人员比重
        if len(label) >= 2 and not measure and size == 1 and not labels.is_fragment(label):
            subject = label  # the latest level named: what the measures after it are of
        year_start = _year_clause(text, stated, span, start)
        start = min(start, year_start)
        while start > 0 and repeated(text[start:end]):  # a quote must point to one place
            start = _clause_start(text, start - 1)
        notes = [mention.note] if mention.note else []
        confidence = 0.9 - 0.1 * mention.chinese - 0.05 * mention.shared_unit - 0.1 * sentence.heading
        if origin == "sentence":  # a year from an earlier clause: nearer than context, less sure than its own
            confidence -= 0.05
        elif origin == "context":
            confidence -= 0.1
            notes.append(f"year {_years(span)} from context: an earlier sentence or heading")
        elif origin == "document":
            confidence -= 0.2
            notes.append(f"year {_years(span)} from the document's date: the text states none for this figure")
        part = next((word for at, word in reversed(marks.parts) if at < head.start), None)
        if part is None and origin in ("context", "document"):
            part = context.part
        if not label or labels.is_fragment(label):
            label, confidence = NO_SUBJECT + labels.printable(text[start:end])[:60], confidence - 0.2
            notes.append("no subject found: the label is the quoted words, to be written")
        if (mention.unit or "") not in _USUAL_UNITS:
            confidence -= 0.1
        figure = _record(sentence, mention, label, span, (start, end), _declines(text, head), round(confidence, 2), source_id)
        figure["period"]["from"] = origin
        if part in PARTS:
            figure["period"]["part"] = PARTS[part]
        if notes:
            figure["note"] = "; ".join(notes)
        result.append(figure)
    context.settle(stated, sentence.heading and not is_date_line(text), marks.parts, bool(found))
    return result


# Words that date a statement to the document's own time, not to a year stated before it: 目前, 现已, 已有.
_PRESENT = re.compile("目前|现已|已经|已有|如今|当前|现有|已")
_USUAL_UNITS = frozenset(unit.value for unit in Unit) | {"万户", "亿户", "万个", "万家", "万亿元", "亿美元", "万件"}


def _years(span: tuple[int, int] | None) -> str:
    return "unstated" if span is None else str(span[0]) if span[0] == span[1] else f"{span[0]}–{span[1]}"


def _period(
    text: str,
    stated: list[YearMention],
    found: list[Mention],
    index: int,
    head: Mention,
    position: int,
    size: int,
    clause_start: int,
    context: Context,
    marks: _Marks,
) -> tuple[tuple[int, int] | None, str]:
    """The figure's years and where they came from: its clause, its sentence, the context, or the document."""
    span = period_of(text, stated, head.start, position, size)
    origin = "sentence"
    if span is None:
        paired = any(word in text[clause_start : head.start] for word in "由从")
        first_of_pair = paired and not any(clause_start <= other.start < head.start for other in found[:index])
        attached = [(item.first, item.last) for item in stated if item.attached and not item.baseline]
        # 从2012年的11万亿元增至2021年的45.5万亿元，比重由21.6%提升到39.8%: paired years; 稳居世界第二位，从…增至
        # 2021年的…: the sentence's latest; but 从2016年的第25位提升至20位: the one year is the base's only
        if attached and (not paired or first_of_pair or len(set(attached)) > 1):
            span = attached[0] if first_of_pair else attached[-1]
        elif paired and context.paired and not attached:  # the same, the share in the sentence after the levels
            span, origin = context.paired[0 if first_of_pair else 1], "context"
    if span and _in_clause(text, stated, span, clause_start, head.start):
        origin = "clause"
    if span is not None:
        span = since_ends(span, [item for item in stated if item.end <= head.start], context.document_year)
    if span is None and context.governing is not None and marks.present >= head.start:
        span, origin = context.governing, "context"
    if span is None:
        span, origin = (context.document_year, context.document_year), "document"
    before = text[clause_start : head.start]
    relative = next((mark for mark in reversed(marks.relative) if mark[0] < head.start), None)
    # 截至去年: the year before the document's; 今年力争 in the figure's own clause outranks an earlier clause's year
    if relative is not None and (origin not in ("clause", "sentence") or (origin == "sentence" and relative[0] >= clause_start)):
        at, offset, running_on = relative
        year = context.present_year + offset
        # 自去年8月以来: a span to the present year, for the figures of its own clause
        span, origin = (year, context.present_year if running_on and at >= clause_start else year), "document"
    if before.endswith(("上年的", "上年")) and span[0] == span[1]:  # 由上年的15.2%: the year before
        span = (span[0] - 1, span[0] - 1)
    baseline = change_since(before)
    if baseline is not None and baseline <= span[0]:  # 较“十三五”初期提升: from the plan's first year
        span = (baseline, span[1])
    running = None
    if span[0] == span[1] and "年" in text[max(0, clause_start - _TIME_PHRASE_MOST) : head.start]:
        running = YEARS_RUNNING.search((_time_phrase(text, found, clause_start) + before)[-_RUNNING_REACH:])
    if running:  # 连续七年位居全国第一, 近三年年均增长: the N years ending then
        words = running[1] or running[2]
        count = int(words) if words.isdigit() else chinese_number(words)
        if count and count <= _MOST_YEARS_RUNNING:
            span = (span[1] - int(count) + 1, span[1])
    return span, origin


# 近三年数字经济增加值年均增长: how far before its figure a span of recent years may stand, so that a
# clause that never ends is not searched again for each of its figures.
_RUNNING_REACH = 40
_MOST_YEARS_RUNNING = 30  # 近30年 is a span; 100年来 is a history, not a period a figure covers
_TIME_PHRASE_MOST = 12  # 过去五年, 党的十八大以来: a clause this short opening a sentence dates what follows


def _time_phrase(text: str, found: list[Mention], clause_start: int) -> str:
    """The clause before the figure's when it only says when (近五年来，…): it stands short and states no figure."""
    if clause_start == 0:
        return ""
    start = _clause_start(text, clause_start - 1)
    if clause_start - start > _TIME_PHRASE_MOST or any(start <= other.start < clause_start for other in found):
        return ""
    return text[start:clause_start]


def _in_clause(text: str, stated: list[YearMention], span: tuple[int, int], clause_start: int, number_start: int) -> bool:
    """Whether the figure's own clause states the years it is dated by: in it, or in the time phrase
    that opens it (2023年，… / 截至2022年底，…), not in an earlier clause that states a figure."""
    opening = _clause_start(text, max(clause_start - 1, 0))
    return any(
        (item.first, item.last) == span
        and item.end <= number_start
        and (clause_start <= item.start or (opening <= item.start and len(text[item.end : clause_start]) <= 4))
        for item in stated
    )


def _descriptor(text: str, found: list[Mention], index: int) -> bool:
    """三家基础电信企业完成…185.3亿元, 两项业务合计占…7.7%: a small count opening a clause that states
    another figure describes the subject; it is not a figure itself, unless the next is listed after it."""
    mention = found[index]
    if mention.unit not in ("家", "项", "个") or mention.value > 9 or mention.qualifier != "exact":
        return False
    start = _clause_start(text, mention.start)
    if labels.clean(text[start : mention.start]) or index + 1 == len(found):
        return False
    following = found[index + 1]
    if text[mention.end : following.start].endswith(_LIST_JOINS):
        return False  # 新建3个平台、11个中心: counts of things listed side by side, each a figure
    return _clause_start(text, following.start) == start


def _list_of(text: str, found: list[Mention], index: int) -> tuple[Mention, int, int]:
    """The first member of the list the mention belongs to, its position in it, and the list's size."""
    first = index
    while first > 0 and text[found[first - 1].end : found[first].start] in _LIST_JOINS:
        first -= 1
    last = index
    while last + 1 < len(found) and text[found[last].end : found[last + 1].start] in _LIST_JOINS:
        last += 1
    return found[first], index - first, last - first + 1


def _clause_start(text: str, position: int) -> int:
    cut = max(text.rfind(mark, 0, position) for mark in CLAUSE_END)
    return cut + 1


def _clause_end(text: str, position: int) -> int:
    ends = [found for mark in CLAUSE_END if (found := text.find(mark, position)) != -1]
    return min(ends) if ends else len(text)


def _year_clause(text: str, stated: list[Any], span: tuple[int, int] | None, start: int) -> int:
    """Where the quote must start to include the year its figure is dated by."""
    if span is None:
        return start
    for item in reversed(stated):
        if item.start < start and item.first <= span[0] and span[1] <= item.last and start - item.start <= 100:
            return _clause_start(text, item.start)
    return start


def _declines(text: str, head: Mention) -> bool:
    before = text[: head.start].removesuffix("为").removesuffix("了")
    return before.endswith(_DECLINES)


def _record(
    sentence: Sentence,
    mention: Mention,
    label: str,
    span: tuple[int, int] | None,
    quote: tuple[int, int],
    declines: bool,
    confidence: float,
    source_id: str,
) -> dict[str, Any]:
    unit = mention.unit or ""
    multiplier = (unit_base(unit) or (Decimal(1), ""))[0]  # model.units, so that pydantic is never loaded
    base = Decimal(str(mention.value)) * multiplier
    base_value: int | float = int(base) if base == base.to_integral_value() else float(base)
    if span is None:
        period: dict[str, Any] = {"start": None, "end": None, "basis": "unstated"}
    else:
        period = {"start": span[0], "end": span[1], "basis": "year" if span[0] == span[1] else "span"}
    return {
        "id": "",
        "kind": "figure",
        "metric": "",
        "topic": "extracted",
        "label": {"zh": labels.printable(label)[:200]},
        "value": mention.value,
        "unit": mention.unit,  # None for an index the source states without a unit
        "base_value": base_value,
        "qualifier": mention.qualifier,
        "qualifier_text": mention.qualifier_text,
        "direction": "decrease" if declines else None,
        "period": period,
        "source": {"id": source_id, "quote": sentence.quote(*quote)[-300:]},
        "confidence": max(confidence, 0.1),
    }
