"""`ask`: the figure that answers a question, or none.

A figure answers when what the question says is covered by the figure's texts (coverage: the share of
the question's weight the figure matches) and it covers the years asked. Among those, a figure whose
label the question also covers ranks first. Derived figures answer only when the question asks for
one (implied, 推算) or they fit clearly better than every stated figure. Superlatives and recency pick
among the years of the best metric.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping
from typing import NamedTuple

from cqsmart.errors import NotFound, UsageError, echo
from cqsmart.model.factbase import FactBase, JsonRecord
from cqsmart.model.units import PERCENT_UNITS
from cqsmart.query.answer.claims import Claim, claim, is_claim, measures
from cqsmart.query.answer.document import NAME, Document
from cqsmart.query.answer.fit import Fit, names_nothing
from cqsmart.query.answer.index import Index, index_of
from cqsmart.query.answer.question import understand
from cqsmart.query.answer.score import WEIGHTS, Scored, coverage, label_coverage
from cqsmart.query.result import Result
from cqsmart.query.text.analysis import Analysis, normalise
from cqsmart.query.text.chinese import is_han
from cqsmart.query.text.values import Stated, states

CHANGE = "c:change"
TARGET = "c:target"
# The units a figure counted in a Chinese measure word is stated in: 多少个 asks for 个, 多少人 for 万人 or 位.
COUNTER_UNITS = {
    "个": ("个", "个批次"),
    "项": ("项",),
    "家": ("家",),
    "位": ("位", "万人"),
    "名": ("位", "万人"),
    "人": ("万人", "位"),
    "类": ("类",),
    "张": ("万张",),
    "台": ("万台",),
    "次": ("亿次",),
    "批": ("个批次",),
}
NO_ANSWER = "no figure in the fact base answers this question"  # the message "no-answer"


def _covers_years(record: JsonRecord, years: list[int], reported: dict[str, int] | None = None) -> bool:
    """The figure's period covers a year asked; a figure with no time reference counts as of the year
    its source reports (an interview of 2021 tells how things stood in 2021), never any other year,
    unless it is a plan: one without a deadline may answer for any year from its source's on."""
    period = record.get("period") or {}
    start, end = period.get("start"), period.get("end")
    if start is None or end is None:
        source = record.get("source") if reported else None
        year = reported.get(str(source.get("id"))) if reported and isinstance(source, dict) else None
        if year is not None and record.get("planned"):
            return any(asked >= year for asked in years)  # a plan with no deadline, asked about by 2025
        return year is not None and year in years
    return any(start <= year <= end for year in years)


class Rule(NamedTuple):
    """What a figure must be to answer, whatever it matches, and why."""

    name: str
    reason: str
    keeps: Callable[[Analysis, JsonRecord], bool]


def _counts(question: Analysis) -> bool:
    return question.counting and not any("c:percentage-point" in slot for slot in question.slots)


def _asks_target(question: Analysis) -> bool:
    return any(TARGET in slot for slot in question.asking())


RULES = (
    Rule(
        "no-percentage-counts",
        '"how many" is never answered by a percentage',
        lambda question, record: not (_counts(question) and record.get("unit") in PERCENT_UNITS),
    ),
    Rule(
        "amounts-have-values",
        "how many or how much is not answered by a standing stated only in words (前列, 唯一)",
        lambda question, record: not ((_counts(question) or question.amount) and record.get("value") is None),
    ),
    Rule(
        "the-present-is-no-plan",
        "how many there are today is not answered by how many are planned",
        lambda question, record: not (question.present and record.get("planned") and not _asks_target(question)),
    ),
)


def rank(
    question: Analysis, index: Index, threshold: float = WEIGHTS.answers, reported: dict[str, int] | None = None
) -> list[Scored]:
    """Documents that answer, best first; ties go to the most recent period."""
    scored = []
    weights = WEIGHTS
    fit = Fit(question, index)
    for document in index.candidates(question):
        if not fit.allows(document) or not all(rule.keeps(question, document.record) for rule in RULES):
            continue
        dated = not question.years or _covers_years(document.record, question.years)
        if not dated and not _covers_years(document.record, question.years, reported):
            continue
        # A plan without a deadline, asked how many it plans "by 2025": its label need not be the question's words.
        plan = not dated and question.counting and bool(document.record.get("planned"))
        plan = plan and _asks_target(question)
        # Dated by the interview, not by the source's words: a year asked meets it only by inference.
        dated = dated and (not question.years or (document.record.get("period") or {}).get("basis") != "as_of_interview")
        share = coverage(question, document, index, scene=False)
        # A figure without a time reference, taken as of its source's year, must fit the question closely.
        if share >= threshold and (
            dated
            or (share >= weights.undated_answers and (plan or label_coverage(question, document, index) >= weights.undated_label))
        ):
            asked = question.all_keys()
            chinese = any(key.startswith(("z:", "u:")) for key in asked)
            head = document.head_zh if chinese else document.head
            other = bool(head) and not any(slot & asked for slot in head)
            counted = document.record.get("unit") in COUNTER_UNITS.get(question.counter, ())
            several = len(set(question.years)) > 1 and fit.asks_span
            spans = _spans(document.record, question.years, index.base.by_id) if several else 0.0
            covered = label_coverage(question, document, index)
            if other and covered < weights.other_label and share < weights.other_share and not _all_matched(question, document):
                continue  # what the figure measures is not what was asked, and the question is not all matched
            if question.context:
                share = coverage(question, document, index)
            scored.append(Scored(document, share, covered, other, counted, spans))

    def order(item: Scored) -> tuple[float, int, int]:
        period = item.record.get("period") or {}
        return (-round(item.score, 6), -(period.get("end") or 0), item.document.position)

    return sorted(scored, key=order)


def _spans(record: JsonRecord, years: list[int], records: Mapping[str, JsonRecord]) -> float:
    covered: set[int] = set()
    for each in (record, *(records[ref] for ref in record.get("inputs") or () if ref in records)):
        period = each.get("period") or {}
        if isinstance(period.get("start"), int) and isinstance(period.get("end"), int):
            covered.update(range(period["start"], period["end"] + 1))
    if not set(years) <= covered:
        return 0.0
    return WEIGHTS.exact_span if covered == set(range(min(years), max(years) + 1)) else WEIGHTS.wider_span


def _all_matched(question: Analysis, document: Document) -> bool:
    """Every slot of the question is found in the figure's own texts (its label, quote or note)."""
    return all(any(document.keys.get(key, 0.0) >= 0.5 for key in slot) for slot in question.asking())


def _with_derived_rule(ranked: list[Scored], question: Analysis) -> list[Scored]:
    stated = [item for item in ranked if not item.record.get("derived")]
    derived = [item for item in ranked if item.record.get("derived")]
    if "derived" in question.intents:
        return derived + stated
    if derived and (
        not stated
        or derived[0].score > stated[0].score + WEIGHTS.derived_margin
        or _only_derived_says_change(question, derived, stated)
        or (derived[0].spans and not stated[0].spans)  # from 2018 to 2020: only a figure over the span answers
    ):
        return derived + stated
    return stated


def _only_derived_says_change(question: Analysis, derived: list[Scored], stated: list[Scored]) -> bool:
    """A question about a change (提高了多少, how much did it rise) is answered by the derived change
    when no stated figure measures one: the share of 2020 does not say how much the share rose."""
    asked = any(CHANGE in slot for slot in question.slots)
    return asked and _label_says(derived[0], CHANGE) and not _label_says(stated[0], CHANGE)


def _label_says(item: Scored, key: str) -> bool:
    return any(key in slot for slot in (*item.document.label_zh, *item.document.label_en))


def _pick(ranked: list[Scored], intents: set[str]) -> list[Scored]:
    """最快/largest, 最低/smallest, 最新/latest: choose among the figures of the best metric."""
    chosen = intents & {"max", "min", "latest"}
    if not ranked or not chosen:
        return ranked
    metric = ranked[0].record.get("metric")
    group = [item for item in ranked if item.record.get("metric") == metric]
    rest = [item for item in ranked if item.record.get("metric") != metric]

    def value(item: Scored) -> float:
        number = item.record.get("value")
        return float(number) if isinstance(number, (int, float)) else float("-inf")

    def end(item: Scored) -> int:
        return int((item.record.get("period") or {}).get("end") or 0)

    if "latest" in chosen:
        group.sort(key=end, reverse=True)
    elif "max" in chosen:
        group.sort(key=value, reverse=True)
    else:
        group.sort(key=lambda item: value(item) if value(item) != float("-inf") else float("inf"))
    return group + rest


QUANTITY_INTENTS = frozenset({"max", "min", "latest", "derived"})


def _asks_quantity(question: Analysis) -> bool:
    """The question asks for a number (how many, how much, a year's, the largest, a value it states)."""
    return bool(question.counting or question.amount or question.values or question.years or question.intents & QUANTITY_INTENTS)


def named_entities(base: FactBase, question: Analysis) -> list[Scored]:
    """The initiatives and targets a question asking what something is names (云长制是什么, What is
    Yukuaiban?), best first: each must match the question as a figure must, and the question must
    say most of its label. None when the question asks for a number: then a figure answers."""
    if "define" not in question.intents or _asks_quantity(question):
        return []
    index = index_of(base, "entities", lambda: [*base.of_kind("initiative"), *base.of_kind("target")])
    scored = []
    asks_target = _asks_target(question)
    for document in index.candidates(question):
        # The question names the thing and nothing besides: "the computing power of the supercomputing
        # centre" asks about its power.
        if not all(any(document.keys.get(key, 0.0) >= NAME.weight for key in slot) for slot in question.asking()):
            continue
        if asks_target and document.record.get("figures"):
            continue  # "what is the target for …" asks for the planned quantity: that figure answers
        share = coverage(question, document, index)
        covered = label_coverage(question, document, index)
        if share >= WEIGHTS.answers and covered >= WEIGHTS.names_entity:
            scored.append(Scored(document, share, covered, names_other=False, counted=False, spans=0.0))
    return sorted(scored, key=lambda item: (-round(item.score, 6), item.document.position))


class Found(NamedTuple):
    """A record that answers (a figure, or an initiative or target the question asks what it is), how
    well (0–1), and, for a question that states a value, its verdict."""

    record: JsonRecord
    score: float
    claim: Claim | None = None
    year_asked: int | None = None  # one of the years a question lists (2018 and 2019), this figure's


def answers(base: FactBase, text: str) -> list[Found]:
    if not text.strip():
        raise UsageError("ask needs a question, e.g. '渝康码有多少项功能?' or 'How many Yukuaiban users are there?'")
    index = index_of(base, "figures", lambda: base.of_kind("figure"))
    question = understand(text, index)
    if not question.slots and not question.values:
        if any(char.isalpha() and not char.isascii() and not is_han(char) for char in normalise(text)):
            # Words in a script the base is not written in (한국어, русский): a question all the same.
            raise NotFound(NO_ANSWER, "no-answer")
        raise UsageError(
            f"{echo(text.strip())} asks nothing that can be looked up; name a figure, e.g. 数字经济增速 or 'Yukangma users'"
        )
    if not question.values and names_nothing(question, index):
        raise NotFound(NO_ANSWER, "no-answer")
    reported = {str(source["id"]): int(source["year"]) for source in base.of_kind("source")}
    claimed = question.values[0] if is_claim(text, question.values) else None
    if claimed is not None:
        # The figure of the measure the claim names answers, whatever value it states: the value then
        # picks among that measure's figures (its year), never another measure's.
        question = copy.copy(question)
        question.values = []
    ranked = _pick(_with_derived_rule(rank(question, index, reported=reported), question), question.intents)
    if claimed is not None:
        ranked = _stating_first([item for item in ranked if measures(claimed, item.record)], claimed)
    each_year = _each_year(ranked, question) if claimed is None else []
    years = {id(item): year for year, item in each_year}
    ranked = [item for _, item in each_year] + [item for item in ranked if id(item) not in years]
    named = named_entities(base, question)
    if named and (not ranked or named[0].score >= ranked[0].score):
        ranked = named[:1] + ranked  # what the thing is comes first; its figures follow
    return [
        Found(item.record, round(min(1.0, item.score), 3), claim(claimed, item.record) if claimed else None, years.get(id(item)))
        for item in ranked
    ]


def _each_year(ranked: list[Scored], question: Analysis) -> list[tuple[int, Scored]]:
    """For a question listing years (2018 and 2019, 2017年和2020年), the best answer's measure in each
    year it has, in the order named: each year listed is asked, not only the one that ranks first."""
    asked = list(dict.fromkeys(question.years))
    if len(asked) < 2 or question.year_range or not ranked:
        return []
    metric = ranked[0].record.get("metric")
    found: list[tuple[int, Scored]] = []
    for year in asked:
        item = next((item for item in ranked if item.record.get("metric") == metric and _covers_years(item.record, [year])), None)
        if item is not None and all(item is not other for _, other in found):
            found.append((year, item))
    return found if len(found) > 1 else []


def _stating_first(ranked: list[Scored], claimed: Stated) -> list[Scored]:
    """Of the best measure's figures, the one whose value the claim states comes first."""
    if not ranked:
        return ranked
    metric = ranked[0].record.get("metric")
    stating = [item for item in ranked if item.record.get("metric") == metric and states(item.record, [claimed])]
    return stating[:1] + [item for item in ranked if item not in stating[:1]]


def ask(base: FactBase, text: str, limit: int = 1) -> Result:
    if limit < 1:
        raise UsageError(f"--limit takes a whole number of at least 1, not {limit}")
    found = answers(base, text)
    if not found:
        raise NotFound(NO_ANSWER, "no-answer")
    shown = max(limit, sum(each.year_asked is not None for each in found))  # each year a question lists
    rows: list[JsonRecord] = [
        {**each.record, "score": each.score, "claim": each.claim.as_json() if each.claim else None} for each in found[:shown]
    ]
    return Result(rows, "answer")
