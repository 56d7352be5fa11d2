"""Claims: a question that states a value and asks whether it holds ("Did the digital economy grow 20%
in 2020?", 渝康码用户有5000万人，是真的吗). It is answered by the figure of the measure it names,
whatever the value, and the answer says whether the source bears the value out:

- `consistent`: the claim states the source's value (18.3% for 18.3%, 2100万 for 突破2100万), or a
  bound the source's value meets (over 20 million for 突破2100万, under 40 million for 3449万);
- `within rounding`: not the source's value but a rounding of it, within a twentieth (16% for 15.9%,
  about 3500万 for 3449万);
- `differs`: the source says otherwise, or does not say enough to bear the claim out (over 30 million
  for 突破2100万).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from cqsmart.model.units import CURRENCIES, PERCENT_UNITS, unit_base
from cqsmart.query.text import lexicon
from cqsmart.query.text.analysis import normalise
from cqsmart.query.text.values import ROUNDED, Stated

_FLOORS = ("at_least", "more_than")  # a figure stated as a floor (突破2100万) bears out no ceiling
# The unit a value stated as a percentage or in percentage points can be a figure's in (money: any in its currency).
_UNIT_OF = dict(zip(("percent", "points"), PERCENT_UNITS, strict=True))
_TOLERANCE = 1e-9  # relative: values in base units are floats (0.183)


class Claim(NamedTuple):
    """What a question claims of a figure, in the figure's unit, and the verdict of its source."""

    stated: float
    unit: str | None
    bound: str  # as a figure's qualifier: exact, approximately, more_than, at_least, less_than, at_most
    verdict: str

    def as_json(self) -> dict[str, Any]:
        return {"stated": _number(self.stated), "unit": self.unit, "bound": self.bound, "verdict": self.verdict}


def is_claim(text: str, values: list[Stated]) -> bool:
    """The question states a value and asks whether it holds."""
    if not values:
        return False
    words = normalise(text).strip(" ?？!！。.,，")
    first = words.split(" ", 1)[0]
    spaced = f" {words} "
    said = any((f" {word} " in spaced) if word.isascii() else word in words for word in lexicon.CLAIM_WORDS)
    return first in lexicon.CLAIM_OPENINGS or said or words.endswith(lexicon.CLAIM_ENDINGS)


def measures(stated: Stated, record: Mapping[str, Any]) -> bool:
    """The figure measures what the value's words say (a percentage, an amount of money, a count): a
    claim of 640 billion yuan is about no growth rate."""
    unit = str(record.get("unit") or "")
    if stated.measure in CURRENCIES:
        return (unit_base(unit) or (None, ""))[1] == stated.measure
    if stated.measure in _UNIT_OF:
        return unit == _UNIT_OF[stated.measure]
    return not stated.said or unit not in PERCENT_UNITS


def claim(stated: Stated, record: Mapping[str, Any]) -> Claim | None:
    """The claim checked against the figure; None for a figure with no value (前列, 唯一) or one that
    measures something else."""
    value, base = _numeric(record.get("value")), _numeric(record.get("base_value"))
    if value is None or not measures(stated, record):
        return None
    # A bare number (1875) is compared as written; one with its scale (20 million, 16%) in base units.
    # A claim states a magnitude, as a figure's value does: 下降3.5% is a fall of 3.5%, its base_value -0.035.
    base = abs(base) if base is not None else None
    source = base if stated.said and base is not None else value
    per_unit = value / base if stated.said and base else 1.0
    verdict = _verdict(stated, source, str(record.get("qualifier") or "exact"))
    return Claim(round(stated.value * per_unit, 10), record.get("unit"), stated.bound, verdict)


def _verdict(stated: Stated, source: float, qualifier: str) -> str:
    claimed, slack = stated.value, _TOLERANCE * max(abs(stated.value), abs(source))
    near = abs(source - claimed) <= ROUNDED * abs(source) + slack
    if stated.bound in ("more_than", "at_least"):
        strictly = stated.bound == "more_than" and qualifier != "more_than"
        holds = qualifier != "at_most" and (source > claimed + slack or (not strictly and source >= claimed - slack))
    elif stated.bound in ("less_than", "at_most"):
        strictly = stated.bound == "less_than"
        holds = qualifier not in _FLOORS and (source < claimed - slack or (not strictly and source <= claimed + slack))
    else:
        holds = abs(source - claimed) <= slack
    return "consistent" if holds else "within rounding" if near else "differs"


def _numeric(value: object) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value
