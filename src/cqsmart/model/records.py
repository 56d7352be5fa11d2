"""Pydantic models of the fact base: one record per kind, and the cross-record rules of a whole base."""

from __future__ import annotations

import math
from decimal import Decimal
from enum import Enum
from typing import Annotated, Literal, TypeAlias

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    ValidatorFunctionWrapHandler,
    WrapValidator,
    model_validator,
)

from cqsmart.model.quotes import normalise, quote_states_number
from cqsmart.model.units import check_unit, unit_base

MIN_YEAR = 1949
MAX_YEAR = 2100

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=80)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
Quote = Annotated[str, StringConstraints(min_length=1, max_length=300)]
Year = Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR, strict=True)]
Formula = Annotated[str, StringConstraints(min_length=1, max_length=500)]
# The source's word for a qualifier, as printed: 超, 突破, 余, 以上, 近, 前, 前列, 唯一 …
QualifierWord = Annotated[str, StringConstraints(min_length=1, max_length=10, pattern=r"^\S+$")]


_JSON_TYPES = {str: "a string", list: "an array", dict: "an object", bool: "a boolean", type(None): "null"}


# The range every consumer can hold exactly: SQLite's INTEGER, and a 64-bit integer elsewhere.
MAX_INTEGER = 2**63 - 1


def _finite_number(value: object) -> object:
    """One clear error for a non-number, instead of one per member of an int | float union."""
    if isinstance(value, Decimal):  # how the store reads an integer too long for any consumer
        raise ValueError(f"is beyond what a fact base can hold (integers up to {MAX_INTEGER})")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"should be a number, not {_JSON_TYPES.get(type(value), type(value).__name__)}")
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("should be a finite number")
    if isinstance(value, int) and not -MAX_INTEGER <= value <= MAX_INTEGER:
        raise ValueError(f"is beyond what a fact base can hold (integers up to {MAX_INTEGER})")
    return value


Number = Annotated[int | float, BeforeValidator(_finite_number)]


class Qualifier(str, Enum):
    EXACT = "exact"
    AT_LEAST = "at_least"  # 以上
    MORE_THAN = "more_than"  # 超, 突破, 余
    APPROXIMATELY = "approximately"  # 近
    AT_MOST = "at_most"  # 前N位: a rank within the top N


class Unit(str, Enum):
    PERCENT = "%"
    PERCENTAGE_POINT = "个百分点"
    HUNDRED_MILLION_YUAN = "亿元"
    HUNDRED_MILLION_TIMES = "亿次"
    TEN_THOUSAND_PEOPLE = "万人"
    TEN_THOUSAND_CARDS = "万张"
    TEN_THOUSAND_MACHINES = "万台"
    TEN_THOUSAND = "万"
    ITEMS = "个"
    BATCHES = "个批次"
    PERSONS = "位"
    CATEGORIES = "类"
    ENTERPRISES = "家"
    ENTRIES = "项"
    ORDINAL = "第"


# Multiplier to base units and the base unit's name; percentages become fractions.
UNIT_BASE: dict[Unit, tuple[Decimal, str]] = {
    Unit.PERCENT: (Decimal("0.01"), "fraction"),
    Unit.PERCENTAGE_POINT: (Decimal("0.01"), "fraction"),
    Unit.HUNDRED_MILLION_YUAN: (Decimal("1e8"), "CNY"),
    Unit.HUNDRED_MILLION_TIMES: (Decimal("1e8"), "times"),
    Unit.TEN_THOUSAND_PEOPLE: (Decimal("1e4"), "people"),
    Unit.TEN_THOUSAND_CARDS: (Decimal("1e4"), "cards"),
    Unit.TEN_THOUSAND_MACHINES: (Decimal("1e4"), "servers"),
    Unit.TEN_THOUSAND: (Decimal("1e4"), "count"),
    Unit.ITEMS: (Decimal(1), "count"),
    Unit.BATCHES: (Decimal(1), "count"),
    Unit.PERSONS: (Decimal(1), "count"),
    Unit.CATEGORIES: (Decimal(1), "count"),
    Unit.ENTERPRISES: (Decimal(1), "count"),
    Unit.ENTRIES: (Decimal(1), "count"),
    Unit.ORDINAL: (Decimal(1), "rank"),
}


# Any other unit a text states (万吨, 亿千瓦时 …), read as magnitude × counter by model.units.
OtherUnit = Annotated[str, StringConstraints(min_length=1, max_length=20), AfterValidator(check_unit)]


def _one_unit_error(value: object, handler: ValidatorFunctionWrapHandler) -> object:
    """One problem for a bad unit (the enum's list of units), not one per member of the union."""
    try:
        return handler(value)
    except ValidationError as error:
        details = error.errors(include_url=False)
        raise ValueError(next((d["msg"] for d in details if d["type"] == "enum"), details[0]["msg"])) from None


AnyUnit = Annotated[Unit | OtherUnit, WrapValidator(_one_unit_error)]


class PeriodBasis(str, Enum):
    YEAR = "year"  # one stated year
    SPAN = "span"  # a stated span of years
    AS_OF_INTERVIEW = "as_of_interview"  # 截至目前, 现已: the (inferred) interview year
    UNSTATED = "unstated"  # no time reference in the source


class Line(str, Enum):
    STRATEGY = "strategy"  # the strategy itself and its goals
    MECHANISMS = "mechanisms"
    RULES = "rules"
    ELEMENTS = "elements"
    SCENARIOS = "scenarios"
    ONLINE_DEVELOPMENT = "online-development"
    PLATFORMS = "platforms"
    DESIGNATIONS = "designations"
    COOPERATION = "cooperation"


class TargetArea(str, Enum):
    INNOVATION_SYSTEM = "innovation-system"
    SCENARIOS = "scenarios"
    RULES = "rules"
    OPEN_COOPERATION = "open-cooperation"


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Label(StrictModel):
    zh: Text
    en: Text


class Person(StrictModel):
    name: Label
    role: Label


class Citation(StrictModel):
    id: Slug
    quote: Quote


class Period(StrictModel):
    start: Year | None
    end: Year | None
    basis: PeriodBasis

    @model_validator(mode="after")
    def _years_fit_basis(self) -> Period:
        bounded = self.start is not None and self.end is not None
        if self.basis is PeriodBasis.UNSTATED:
            if self.start is not None or self.end is not None:
                raise ValueError("an unstated period has start and end null")
        elif not bounded:
            raise ValueError(f"a period of basis {self.basis.value!r} needs start and end years")
        elif self.basis is PeriodBasis.SPAN and not self.start < self.end:  # type: ignore[operator]
            raise ValueError("a span needs start before end")
        elif self.basis is not PeriodBasis.SPAN and self.start != self.end:
            raise ValueError(f"a period of basis {self.basis.value!r} has start equal to end")
        return self


class Figure(StrictModel):
    id: Slug
    kind: Literal["figure"]
    metric: Slug
    topic: Slug
    label: Label
    value: Number | None
    unit: AnyUnit | None
    base_value: Number | None
    qualifier: Qualifier | None
    qualifier_text: QualifierWord | None = None
    period: Period
    source: Citation | None
    derived: bool = False
    formula: Formula | None = None
    inputs: list[Slug] | None = None
    note: Text | None = None
    direction: Literal["decrease"] | None = None  # 下降2.7%: the value is kept as stated
    confidence: Annotated[float, Field(ge=0, le=1)] | None = None  # of a drafted (extracted) figure
    # A figure a target plans for (5家以上 to be cultivated), not one achieved; only a target's figures are.
    planned: bool = False

    @model_validator(mode="after")
    def _consistent(self) -> Figure:
        quantity = (self.unit, self.base_value, self.qualifier)
        if self.value is None:
            if any(part is not None for part in quantity):
                raise ValueError("a figure without a value has unit, base_value and qualifier null")
        else:
            if any(part is None for part in quantity):
                raise ValueError("a figure with a value needs unit, base_value and qualifier")
            self._check_base_value()
        if self.derived:
            if self.source is not None or not self.formula or not self.inputs:
                raise ValueError("a derived figure has a formula and inputs and no source quote")
            if self.value is None:
                raise ValueError("a derived figure has a value")
        else:
            if self.source is None:
                raise ValueError("a stated figure needs source.quote")
            if self.formula is not None or self.inputs is not None:
                raise ValueError("only derived figures have formula and inputs")
            if self.value is not None and not quote_states_number(self.source.quote, self.value):
                raise ValueError(f"source.quote does not contain the value {self.value}")
        self._check_qualifier_text()
        return self

    def _check_qualifier_text(self) -> None:
        """The source's own word for a qualified figure (余, 超, 以上 …), standing in its quote."""
        word = self.qualifier_text
        if word is None:
            if not self.derived and self.qualifier not in (None, Qualifier.EXACT):
                qualifier = self.qualifier.value
                raise ValueError(f"a figure qualified {qualifier!r} needs qualifier_text: the source's word, e.g. 超 or 以上")
            return
        if self.derived or self.source is None:
            raise ValueError("a derived figure has no quote, so no qualifier_text")
        if self.qualifier is Qualifier.EXACT:
            raise ValueError("an exact figure has no qualifier_text")
        if word not in self.source.quote and normalise(word) not in normalise(self.source.quote):
            raise ValueError(f"qualifier_text {word!r} does not occur in source.quote")

    def _check_base_value(self) -> None:
        assert self.unit is not None and self.value is not None and self.base_value is not None
        unit = self.unit.value if isinstance(self.unit, Unit) else self.unit
        multiplier, base_unit = UNIT_BASE[self.unit] if isinstance(self.unit, Unit) else unit_base(unit) or (Decimal(1), "")
        integral = type(self.value) is int and type(self.base_value) is int and multiplier == multiplier.to_integral_value()
        if integral and self.value * int(multiplier) == self.base_value:
            return  # exact in integers: no Decimal arithmetic needed (most figures of a large base)
        expected = Decimal(str(self.value)) * multiplier
        if Decimal(str(self.base_value)) != expected:
            raise ValueError(f"base_value should be {expected.normalize():f} ({base_unit}) for {self.value}{unit}")


class Initiative(StrictModel):
    id: Slug
    kind: Literal["initiative"]
    topic: Slug
    line: Line
    label: Label
    parent: Slug | None = None
    figures: list[Slug] = []
    source: Citation
    note: Text | None = None


class Target(StrictModel):
    id: Slug
    kind: Literal["target"]
    topic: Slug
    area: TargetArea
    label: Label
    figures: list[Slug] = []
    deadline: Year | None = None
    source: Citation
    note: Text | None = None


class Source(StrictModel):
    id: Slug
    kind: Literal["source"]
    label: Label
    publisher: Label
    reporter: Label
    photographer: Label | None = None
    interviewee: Person
    year: Year
    year_inferred: bool
    interview_date: Annotated[str, StringConstraints(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")]
    photo_date: Annotated[str, StringConstraints(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")] | None = None
    file: Annotated[str, StringConstraints(min_length=1, max_length=255)]
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    note: Text | None = None


class Relation(str, Enum):
    """How a check's terms must stand to what they are compared with."""

    EQUAL = "="  # within the rounding of the compared value's last printed digit
    APPROXIMATELY = "≈"  # the ranges the inputs' printed precision allows overlap
    LESS = "<"
    GREATER = ">"
    ALL_RISING = "all-rising"  # each term above the one before
    ALL_AT_LEAST = "all ≥"  # every term at least the compared value
    ALL_ABOVE = "all >"  # every term above the compared value


SINGLE_TERM = (Relation.EQUAL, Relation.APPROXIMATELY, Relation.LESS, Relation.GREATER)


class Check(StrictModel):
    """A relation the source's figures should satisfy, evaluated in the open by `cqsmart audit`."""

    id: Slug
    kind: Literal["check"]
    label: Label
    terms: Annotated[list[Formula], Field(min_length=1, max_length=50)]
    relation: Relation
    expected: Formula | None
    note: Text

    @model_validator(mode="after")
    def _arity(self) -> Check:
        if self.relation in SINGLE_TERM and len(self.terms) != 1:
            raise ValueError(f"relation {self.relation.value!r} takes exactly one term")
        if self.relation is Relation.ALL_RISING:
            if len(self.terms) < 2:
                raise ValueError("relation 'all-rising' takes at least two terms")
            if self.expected is not None:
                raise ValueError("relation 'all-rising' has expected null")
        elif self.expected is None:
            raise ValueError(f"relation {self.relation.value!r} needs expected: a formula such as {{figure-id}} or 10")
        return self


Term = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]


class AliasTerms(StrictModel):
    zh: list[Term] = []
    en: list[Term] = []


class Alias(StrictModel):
    """Words that name one thing (重庆/我市/全市; firms/companies/enterprises), for `ask` and `search`."""

    id: Slug
    kind: Literal["alias"]
    terms: AliasTerms
    note: Text | None = None

    @model_validator(mode="after")
    def _two_distinct_terms(self) -> Alias:
        terms = [term.casefold() for term in (*self.terms.zh, *self.terms.en)]
        if len(terms) < 2:
            raise ValueError("an alias needs at least two terms (zh and en together)")
        repeated = sorted({term for term in terms if terms.count(term) > 1})
        if repeated:
            raise ValueError(f"terms repeat {repeated[0]!r}")
        return self


Record: TypeAlias = Annotated[Figure | Initiative | Target | Source | Check | Alias, Field(discriminator="kind")]
KINDS: tuple[str, ...] = ("figure", "initiative", "target", "source", "check", "alias")
RECORDS_ADAPTER: TypeAdapter[list[Record]] = TypeAdapter(list[Record])
