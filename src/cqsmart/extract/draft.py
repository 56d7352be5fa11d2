"""A text to a draft fact base: its source record (with the file's SHA-256) and one figure per statement."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from cqsmart.extract import labels
from cqsmart.extract.numbers import Mention, mentions
from cqsmart.extract.periods import YEAR, period_of, years
from cqsmart.extract.text import CLAUSE_END, Sentence, decode, first_line, sentences
from cqsmart.model.units import unit_base

_LIST_JOINS = ("、", "和", "及", "与")
_DECLINES = ("下降", "减少", "降低", "下滑", "回落", "下跌", "收窄", "减少了", "下降了")
UNSTATED = "未注明"


@dataclass(frozen=True)
class Draft:
    source: dict[str, Any]
    figures: list[dict[str, Any]]

    @property
    def records(self) -> list[dict[str, Any]]:
        return [self.source, *self.figures]


def extract(data: bytes, file_name: str, source_id: str | None = None) -> Draft:
    """The draft fact base of a text given as bytes (UTF-8, BOM accepted)."""
    text = decode(data, file_name)
    source_id = source_id or slug(file_name.rsplit(".", 1)[0]) or "source"
    figures: list[dict[str, Any]] = []
    body_quantities: set[tuple[Any, ...]] = set()
    pieces: list[str] = []
    parts = list(sentences(text, pieces))
    for sentence in parts:
        if not sentence.heading:
            body_quantities.update((m.value, m.unit) for m in mentions(sentence.text))
    seen: set[tuple[Any, ...]] = set()
    document = "".join(pieces)
    for sentence in parts:
        for figure in _figures(sentence, source_id, document):
            if sentence.heading and (figure["value"], figure["unit"]) in body_quantities:
                continue  # a heading repeats a figure of the body
            statement = (figure["value"], figure["unit"], figure["qualifier"], str(figure["period"]), figure["label"]["zh"])
            if statement in seen:
                continue  # a summary repeats a figure already stated
            seen.add(statement)
            figures.append(figure)
    for number, figure in enumerate(figures, 1):
        figure["id"] = figure["metric"] = f"figure-{number:03d}"
    return Draft(_source(text, data, file_name, source_id), figures)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60].strip("-")


def _figures(sentence: Sentence, source_id: str, document: str) -> list[dict[str, Any]]:
    text = sentence.text
    found = mentions(text)
    stated = years(text)
    result: list[dict[str, Any]] = []
    previous: tuple[str, int] | None = None  # the label and quote start of the figure before, in this sentence
    for index, mention in enumerate(found):
        head, position, size = _list_of(text, found, index)
        span = period_of(text, stated, head.start, position, size)
        clause_start = _clause_start(text, head.start)
        label, named_after = labels.label(text, found, index, head, clause_start)
        start, end = clause_start, mention.end
        if named_after:
            end = _clause_end(text, mention.end)
        if len(label) < 2 and previous:  # 比上年增长6.1%: the measure of the figure before
            label, start = previous
        elif len(label) < 4 and "“" not in label and not named_after:
            subject, subject_start = labels.subject(text, clause_start)
            if subject:
                label, start = subject + label, _clause_start(text, subject_start)
        year_start = _year_clause(text, stated, span, start)
        start = min(start, year_start)
        while start > 0 and document.count(text[start:end]) > 1:  # a quote must point to one place
            start = _clause_start(text, start - 1)
        confidence = 0.9 - 0.1 * mention.chinese - 0.05 * mention.shared_unit - 0.1 * sentence.heading
        if not label:
            label, confidence = text[start:end][:60], confidence - 0.2
        previous = (label, start)
        result.append(
            _record(sentence, mention, label, span, (start, end), _declines(text, head), round(confidence, 2), source_id)
        )
    return result


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
        "label": {"zh": label[:200]},
        "value": mention.value,
        "unit": unit,
        "base_value": base_value,
        "qualifier": mention.qualifier,
        "qualifier_text": mention.qualifier_text,
        "direction": "decrease" if declines else None,
        "period": period,
        "source": {"id": source_id, "quote": sentence.quote(*quote)[-300:]},
        "confidence": max(confidence, 0.1),
    }


def _source(text: str, data: bytes, file_name: str, source_id: str) -> dict[str, Any]:
    """What the text says of itself; anything it does not say is 未注明, for the curator to fill in."""
    heading = first_line(text)
    byline = re.search(r"(?:([\u4e00-\u9fff]{2,10}?)记者|记者)[ \t\u3000]*([\u4e00-\u9fff]{2,4})(?![\u4e00-\u9fff])", text)
    stated_years = [
        int(m["year"] or m["titled"]) for m in YEAR.finditer(text) if text[max(0, m.start() - 1) : m.start()] not in ("到", "至")
    ]
    past = [year for year in stated_years if year <= date.today().year]
    day = re.search(r"(?<!\d)(\d{1,2})月(\d{1,2})日", text)
    interview_date = (
        f"{int(day[1]):02d}-{int(day[2]):02d}" if day and 1 <= int(day[1]) <= 12 and 1 <= int(day[2]) <= 31 else "01-01"
    )
    return {
        "id": source_id,
        "kind": "source",
        "label": {"zh": (heading or file_name)[:200]},
        "publisher": {"zh": byline[1] if byline and byline[1] else UNSTATED},
        "reporter": {"zh": byline[2] if byline else UNSTATED},
        "interviewee": {"name": {"zh": UNSTATED}, "role": {"zh": UNSTATED}},
        "year": max(past) if past else date.today().year,
        "year_inferred": True,
        "interview_date": interview_date,
        "file": file_name[-255:],
        "sha256": hashlib.sha256(data).hexdigest(),
        "note": (
            "Drafted by cqsmart extract: the year is the latest the text states, the date the first it states "
            f"(01-01 when none), and {UNSTATED} marks what the text does not say. Curate before use."
        ),
    }
