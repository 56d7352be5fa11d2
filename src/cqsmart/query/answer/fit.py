"""Whether a figure can answer a question at all, before it is scored: three rules on what is asked.

- A figure that measures something else does not answer: asked for a size, a growth rate is no answer
  (the measures of `lexicon.MEASURES` exclude one another, when both the question and the label name one).
- Likewise for what is counted: asked how many users, a count of scenarios is no answer
  (`lexicon.COUNTED`, when both the question and the label name one).
- A figure that does not mention a thing the question names (a platform, GDP, a park) does not answer,
  unless the name is so common in the base that it sets the scene rather than the subject (the city);
  a place must be in the figure's label, as what the figure is about.
- A figure over a span of years (2017–2020) answers a question about one year only when the question
  asks about a change or a span: the 2019 share of GDP is not the rise in the share from 2017 to 2020.
"""

from __future__ import annotations

from cqsmart.model.factbase import JsonRecord
from cqsmart.query.answer.document import Document
from cqsmart.query.answer.index import Index
from cqsmart.query.text import lexicon
from cqsmart.query.text.analysis import Analysis

# Built-in concepts are words, not names; a place is a name (the names rule below applies to it).
BUILTIN = frozenset("c:" + group[0] for group in lexicon.CONCEPTS if not group[0].startswith(lexicon.PLACE))
MEASURES = tuple("c:" + name for name in lexicon.MEASURES)
COUNTED = tuple("c:" + name for name in lexicon.COUNTED)
PLACE = "c:" + lexicon.PLACE
SPAN_WORDS = tuple("c:" + name for name in lexicon.SPAN_CONCEPTS)
SETTING = 1 / 3  # a name in at least this share of the documents is the setting, not the subject


class Fit:
    """What a question requires of a figure, worked out once per question."""

    __slots__ = ("asks_span", "counted", "measures", "names", "one_year", "places")

    def __init__(self, question: Analysis, index: Index) -> None:
        asked = {key for slot in question.asking() for key in slot}
        self.measures = {key for key in MEASURES if key in asked}
        # What a how-many question counts, when it says; else every counted thing it names.
        self.counted = {question.counts} if question.counts else {key for key in COUNTED if key in asked}
        self.names = [key for (key,) in (slot for slot in question.asking() if len(slot) == 1) if _names(key, index)]
        self.places = [name for name in self.names if name.startswith(PLACE)]
        # Years listed (2018 and 2019) ask about each; a span (2018 to 2020) or a change between them, about both.
        self.asks_span = question.year_range or any(key in asked for key in SPAN_WORDS)
        self.one_year = bool(question.years) and not self.asks_span

    def allows(self, document: Document) -> bool:
        if any(name not in document.keys for name in self.names):
            return False
        if self.one_year and _spans(document.record):
            return False
        if not (self.places or self.measures or self.counted):
            return True
        label = {key for slot in (*document.label_zh, *document.label_en) for key in slot}
        # A place must be what the figure is about: Shenzhen named beside Chongqing in a quote is not Shenzhen's figure.
        if any(place not in label for place in self.places):
            return False
        return not (_other(self.measures, label, MEASURES) or _other(self.counted, label, COUNTED))


def names_nothing(question: Analysis, index: Index) -> bool:
    """Whether all a question asks is a measure or a counted thing of the base's setting ("How many
    people does Chongqing have?"): every figure of the city counts something, so none is the answer."""
    said = question.slots  # a scene-setting clause counts too: 网上办政务这块，重庆排第几 names what it ranks
    return bool(said) and all(key.startswith("c:") and not _names(key, index) for slot in said for key in slot)


def _names(key: str, index: Index) -> bool:
    """Whether a concept key names a thing (a platform, GDP, a park), not a word of the built-in
    vocabulary nor a name so common in the base that it is the setting (the city)."""
    return key.startswith("c:") and key not in BUILTIN and index.count(key) / (index.size or 1) < SETTING


def _other(asked: set[str], label: set[str], exclusive: tuple[str, ...]) -> bool:
    """Whether the label names one of the exclusive concepts, and none of those the question asks for."""
    named = {key for key in exclusive if key in label}
    return bool(asked) and bool(named) and not named & asked


def _spans(record: JsonRecord) -> bool:
    period = record.get("period") or {}
    start, end = period.get("start"), period.get("end")
    return isinstance(start, int) and isinstance(end, int) and start < end
