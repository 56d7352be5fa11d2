"""The rules a single record must keep beyond its shape, as plain functions of its values.

Both ways of validating a base call them: the Pydantic models (whose errors carry the exact JSON
path, for a base with problems) and the fast path, which validates shapes in Rust and runs these
rules over the plain data. One implementation, so the two can never disagree. Each returns the
problem as a sentence, or None when the rule holds.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from cqsmart.model.quotes import normalise, quote_states_number
from cqsmart.model.units import unit_base
from cqsmart.model.vocabulary import MAX_INTEGER

# Values of the enumerations the rules compare with (str enums compare equal to these).
UNSTATED, SPAN = "unstated", "span"
EXACT = "exact"
ALL_RISING = "all-rising"
SINGLE_TERM_RELATIONS = ("=", "≈", "<", ">")


INTERVIEW = "interview"
INTERVIEW_FIELDS = ("reporter", "interviewee", "interview_date")


def source_problem(source: Mapping[str, Any]) -> str | None:
    """An interview names its reporter, interviewee and date; another document has none of them."""
    present = [name for name in INTERVIEW_FIELDS if source.get(name) is not None]
    if source.get("type", INTERVIEW) == INTERVIEW:
        missing = [name for name in INTERVIEW_FIELDS if name not in present]
        return f"an interview needs {', '.join(missing)}" if missing else None
    if present:
        return f"{', '.join(present)} belong{'s' if len(present) == 1 else ''} to interviews only, not to a {source['type']}"
    return None


def number_problem(value: int | float) -> str | None:
    """Whether a value or base value is one a fact base can hold: finite, an integer within MAX_INTEGER."""
    if isinstance(value, float) and not math.isfinite(value):
        return "should be a finite number"
    if isinstance(value, int) and not -MAX_INTEGER <= value <= MAX_INTEGER:
        return f"is beyond what a fact base can hold (integers up to {MAX_INTEGER})"
    return None


def period_problem(start: int | None, end: int | None, basis: str) -> str | None:
    if basis == UNSTATED:
        return "an unstated period has start and end null" if start is not None or end is not None else None
    if start is None or end is None:
        return f"a period of basis {basis!r} needs start and end years"
    if basis == SPAN:
        return None if start < end else "a span needs start before end"
    return None if start == end else f"a period of basis {basis!r} has start equal to end"


FIGURE_RULE_FIELDS = ("value", "unit", "base_value", "qualifier", "qualifier_text", "derived", "formula", "inputs", "source")


def figure_problem(figure: Mapping[str, Any], multiplier: tuple[Decimal, str] | None = None) -> str | None:
    """A figure as plain data (fields left out take the model's defaults); `multiplier` is its unit's, if known."""
    value, unit, base_value, qualifier = figure["value"], figure["unit"], figure["base_value"], figure["qualifier"]
    qualifier_text, derived = figure.get("qualifier_text"), figure.get("derived", False)
    formula, inputs, source = figure.get("formula"), figure.get("inputs"), figure.get("source")
    quote: str | None = source["quote"] if source is not None else None
    if value is None:
        if unit is not None or base_value is not None or qualifier is not None:
            return "a figure without a value has unit, base_value and qualifier null"
    elif base_value is None or qualifier is None:
        return "a figure with a value needs unit, base_value and qualifier"
    elif unit is None:
        # An index or a ratio the source states without a unit (发展指数105.4): its base value is itself.
        if base_value != value:
            return f"base_value should be {value} for a value stated without a unit"
    else:
        problem = base_value_problem(value, unit, base_value, multiplier)
        if problem:
            return problem
    if derived:
        if quote is not None or not formula or not inputs:
            return "a derived figure has a formula and inputs and no source quote"
        if value is None:
            return "a derived figure has a value"
    else:
        if quote is None:
            return "a stated figure needs source.quote"
        if formula is not None or inputs is not None:
            return "only derived figures have formula and inputs"
        if value is not None and not quote_states_number(quote, value):
            return f"source.quote does not contain the value {value}"
    if qualifier_text is None and (derived or qualifier is None or qualifier == EXACT):
        return None  # most figures: nothing for qualifier_text_problem to check
    return qualifier_text_problem(qualifier, qualifier_text, derived, quote)


def qualifier_text_problem(qualifier: str | None, word: str | None, derived: bool, quote: str | None) -> str | None:
    """The source's own word for a qualified figure (余, 超, 以上 …), standing in its quote."""
    if word is None:
        if not derived and qualifier not in (None, EXACT):
            return f"a figure qualified {qualifier!r} needs qualifier_text: the source's word, e.g. 超 or 以上"
        return None
    if derived or quote is None:
        return "a derived figure has no quote, so no qualifier_text"
    if qualifier == EXACT:
        return "an exact figure has no qualifier_text"
    if word not in quote and normalise(word) not in normalise(quote):
        return f"qualifier_text {word!r} does not occur in source.quote"
    return None


def base_value_problem(
    value: int | float, unit: str, base_value: int | float, multiplier: tuple[Decimal, str] | None
) -> str | None:
    factor, base_unit = multiplier or unit_base(unit) or (Decimal(1), "")
    integral = type(value) is int and type(base_value) is int and factor == factor.to_integral_value()
    if integral and value * int(factor) == base_value:
        return None  # exact in integers: no Decimal arithmetic needed (most figures of a large base)
    expected = Decimal(str(value)) * factor
    if Decimal(str(base_value)) != expected:
        return f"base_value should be {expected.normalize():f} ({base_unit}) for {value}{unit}"
    return None


def check_problem(relation: str, terms: Sequence[str], expected: str | None) -> str | None:
    if relation in SINGLE_TERM_RELATIONS and len(terms) != 1:
        return f"relation {relation!r} takes exactly one term"
    if relation == ALL_RISING:
        if len(terms) < 2:
            return "relation 'all-rising' takes at least two terms"
        return "relation 'all-rising' has expected null" if expected is not None else None
    if expected is None:
        return f"relation {relation!r} needs expected: a formula such as {{figure-id}} or 10"
    return None


def alias_problem(zh: Sequence[str], en: Sequence[str]) -> str | None:
    terms = [term.casefold() for term in (*zh, *en)]
    if len(terms) < 2:
        return "an alias needs at least two terms (zh and en together)"
    repeated = sorted({term for term in terms if terms.count(term) > 1})
    return f"terms repeat {repeated[0]!r}" if repeated else None
