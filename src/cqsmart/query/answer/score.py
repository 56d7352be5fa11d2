"""How well a record matches a question: one set of named weights, the coverage of what the question
asks, and the score that ranks the records that answer (`ask`, and `search` ranking its hits)."""

from __future__ import annotations

from typing import NamedTuple

from cqsmart.model.factbase import JsonRecord
from cqsmart.query.answer.document import LABEL, Document
from cqsmart.query.answer.index import Index
from cqsmart.query.answer.question import number_names
from cqsmart.query.text.analysis import Analysis
from cqsmart.query.text.values import states


class Weights(NamedTuple):
    """The numbers ranking is made of, each named for what it decides."""

    answers: float = 0.55  # the share of the question's weight a figure must match to answer
    undated_answers: float = 0.8  # the share a figure dated only by its source's year must match,
    undated_label: float = 0.5  # and of its label the question must ask about (unless a plan is asked for)
    label_share: float = 0.4  # how much of the score label coverage makes (the rest is coverage)
    names_other: float = 0.85  # the score's factor for a label naming what is not asked ("Batches of …")
    other_label: float = 0.4  # such a figure answers only with this much label coverage,
    other_share: float = 0.95  # or this much coverage, or every slot matched in its own texts
    counted: float = 1.1  # the factor for a figure stated in the measure word asked in (多少人: 万人)
    exact_span: float = 0.15  # the bonus for a figure over exactly the years asked (2017 to 2020)
    wider_span: float = 0.1  # and for one over more years than those
    derived_margin: float = 0.08  # how much better a derived figure must score to outrank a stated one
    names_entity: float = 0.6  # the share of an initiative's or target's label a question asking what it is must say


WEIGHTS = Weights()


class Scored:
    __slots__ = ("counted", "coverage", "document", "label_coverage", "names_other", "spans")

    def __init__(
        self, document: Document, coverage: float, label_coverage: float, names_other: bool, counted: bool, spans: float
    ) -> None:
        self.document = document
        self.coverage = coverage
        self.label_coverage = label_coverage
        self.names_other = names_other  # the label names something the question does not ask about ("Batches of …")
        self.counted = counted  # stated in the measure word the question counts in
        # Covers every one of several years asked (2017 to 2020): exact_span when its years are those
        # asked, wider_span when more; 0 when not. A derived figure covers the years of its inputs too.
        self.spans = spans

    @property
    def score(self) -> float:
        weights = WEIGHTS
        factor = (weights.names_other if self.names_other else 1.0) * (weights.counted if self.counted else 1.0)
        return weighed(self.coverage, self.label_coverage) * factor * (1.0 + self.spans)

    @property
    def record(self) -> JsonRecord:
        return self.document.record


def weighed(share: float, label_share: float) -> float:
    """How well a record matches: its coverage, of which the label's coverage makes WEIGHTS.label_share."""
    return share * (1 - WEIGHTS.label_share + WEIGHTS.label_share * label_share)


def _slot_weight(slot: frozenset[str], index: Index) -> float:
    """A character weighs as its commoner bigram; a lone character left over says little; unknown keys weigh most."""
    weights = [weight for weight in map(index.idf, slot) if weight is not None]
    if any(key.startswith("u:") for key in slot):
        return min(weights[0], 1.0) if weights else 1.0
    if not weights:
        return index.unknown_weight  # a word the base never uses: what is asked is not here
    # Two characters make a word: a Chinese word weighs as much as an English one.
    return min(weights) * (0.5 if all(key.startswith("z:") for key in slot) else 1.0)


def coverage(question: Analysis, document: Document, index: Index, scene: bool = True) -> float:
    """The share of what the question asks that the figure matches. With `scene`, what a scene-setting
    clause says counts too, for the figure where it matches and never against it: a ranking, not a
    test, since a scene that names a figure's subject must not let an unrelated question through."""
    total = matched = 0.0
    for slot in question.slots:
        told = slot in question.context
        if told and not scene:
            continue
        weight = _slot_weight(slot, index)
        found = weight * max(document.keys.get(key, 0.0) for key in slot)
        total += found if told else weight
        matched += found
    if question.values:  # a number the question states weighs as the rarest word, matched by its figure
        total += index.unknown_weight  # or by the figure whose label it is part of (Synthetic figure 4242)
        named = any(document.keys.get(key, 0.0) >= LABEL.weight for key in number_names(question.values))
        matched += index.unknown_weight * (named or states(document.record, question.values))
    return matched / total if total else 0.0


def label_coverage(question: Analysis, document: Document, index: Index) -> float:
    """How much of the figure's label the question asks about, in the question's language(s)."""
    asked = question.all_keys()
    chinese = any(key.startswith(("z:", "u:")) for key in asked)
    english = any(key.startswith("w:") for key in asked)
    labels = [document.label_zh] * chinese + [document.label_en] * english or [document.label_zh, document.label_en]
    best = 0.0
    for label in labels:
        weights = [(_slot_weight(slot, index), bool(slot & asked)) for slot in label]
        total = sum(weight for weight, _ in weights)
        if total:
            best = max(best, sum(weight for weight, hit in weights if hit) / total)
    return best
