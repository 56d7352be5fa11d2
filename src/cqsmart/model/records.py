"""Pydantic models of the fact base: one record per kind, and the cross-record rules of a whole base."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal, TypeAlias, TypeVar

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

from cqsmart.model.rules import (
    FIGURE_RULE_FIELDS,
    INTERVIEW_FIELDS,
    alias_problem,
    check_problem,
    figure_problem,
    number_problem,
    period_problem,
    source_problem,
)
from cqsmart.model.units import check_unit
from cqsmart.model.vocabulary import (
    DATE_PATTERN,
    FILE_NAME_MAX,
    FORMULA_MAX,
    MAX_INTEGER,
    MAX_YEAR,
    MIN_YEAR,
    OTHER_UNIT_MAX,
    PUBLISHED_PATTERN,
    QUALIFIER_WORD_MAX,
    QUALIFIER_WORD_PATTERN,
    QUOTE_MAX,
    SHA256_PATTERN,
    SLUG_MAX,
    SLUG_PATTERN,
    TERM_MAX,
    TERMS_MAX,
    TEXT_MAX,
    UNIT_BASE,
    URL_MAX,
    URL_PATTERN,
    Line,
    PeriodBasis,
    PeriodFrom,
    Qualifier,
    Relation,
    SourceType,
    TargetArea,
    Unit,
    YearPart,
)

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=SLUG_MAX)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=TEXT_MAX)]
Quote = Annotated[str, StringConstraints(min_length=1, max_length=QUOTE_MAX)]
Year = Annotated[int, Field(ge=MIN_YEAR, le=MAX_YEAR, strict=True)]
Formula = Annotated[str, StringConstraints(min_length=1, max_length=FORMULA_MAX)]
QualifierWord = Annotated[str, StringConstraints(min_length=1, max_length=QUALIFIER_WORD_MAX, pattern=QUALIFIER_WORD_PATTERN)]
Term = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TERM_MAX)]
Date = Annotated[str, StringConstraints(pattern=DATE_PATTERN)]

_JSON_TYPES = {str: "a string", list: "an array", dict: "an object", bool: "a boolean", type(None): "null"}


def _finite_number(value: object) -> object:
    """One clear error for a non-number, instead of one per member of an int | float union."""
    if isinstance(value, Decimal):  # how the store reads an integer too long for any consumer
        raise ValueError(f"is beyond what a fact base can hold (integers up to {MAX_INTEGER})")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"should be a number, not {_JSON_TYPES.get(type(value), type(value).__name__)}")
    problem = number_problem(value)
    if problem:
        raise ValueError(problem)
    return value


Number = Annotated[int | float, BeforeValidator(_finite_number)]


# Any other unit a text states (万吨, 亿千瓦时 …), read as magnitude × counter by model.units.
OtherUnit = Annotated[str, StringConstraints(min_length=1, max_length=OTHER_UNIT_MAX), AfterValidator(check_unit)]


def _one_unit_error(value: object, handler: ValidatorFunctionWrapHandler) -> object:
    """One problem for a bad unit (the enum's list of units), not one per member of the union."""
    try:
        return handler(value)
    except ValidationError as error:
        details = error.errors(include_url=False)
        raise ValueError(next((d["msg"] for d in details if d["type"] == "enum"), details[0]["msg"])) from None


AnyUnit = Annotated[Unit | OtherUnit, WrapValidator(_one_unit_error)]


_Model = TypeVar("_Model", bound=BaseModel)


def _holds(model: _Model, problem: str | None) -> _Model:
    """A model validator's verdict: the model itself, or the rule's problem as a validation error."""
    if problem is not None:
        raise ValueError(problem)
    return model


class StrictModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Label(StrictModel):
    """A name in Chinese; `en` is null where none is written (an `extract` draft): English views show the Chinese marked [zh]."""

    zh: Text
    en: Text | None = None


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
    # `from` is a Python keyword: the field is from_ in code, "from" in every file, dump and schema
    model_config = ConfigDict(extra="forbid", frozen=True, serialize_by_alias=True)
    # a drafted figure's own: left out of a dump when unset, so that a curated period reads as it is written
    from_: PeriodFrom | None = Field(default=None, alias="from", exclude_if=lambda value: value is None)
    part: YearPart | None = Field(default=None, exclude_if=lambda value: value is None)

    @model_validator(mode="after")
    def _years_fit_basis(self) -> Period:
        return _holds(self, period_problem(self.start, self.end, self.basis.value))


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
        multiplier = UNIT_BASE[self.unit] if isinstance(self.unit, Unit) else None
        problem = figure_problem(self.model_dump(mode="json", include=set(FIGURE_RULE_FIELDS)), multiplier)
        return _holds(self, problem)


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
    """A document the figures cite: an interview (with its reporter, interviewee and date), a news
    report, a statistical release, a government report or a plan."""

    id: Slug
    kind: Literal["source"]
    label: Label
    publisher: Label
    reporter: Label | None = None
    photographer: Label | None = None
    interviewee: Person | None = None
    year: Year
    year_inferred: bool
    interview_date: Date | None = None
    photo_date: Date | None = None
    file: Annotated[str, StringConstraints(min_length=1, max_length=FILE_NAME_MAX)]
    sha256: Annotated[str, StringConstraints(pattern=SHA256_PATTERN)]
    note: Text | None = None
    type: SourceType = SourceType.INTERVIEW
    url: Annotated[str, StringConstraints(pattern=URL_PATTERN, max_length=URL_MAX)] | None = None
    published: Annotated[str, StringConstraints(pattern=PUBLISHED_PATTERN)] | None = None
    authors: list[Label] = []

    @model_validator(mode="after")
    def _interview_fields_on_interviews(self) -> Source:
        return _holds(self, source_problem(self.model_dump(mode="json", include={"type", *INTERVIEW_FIELDS})))


class Check(StrictModel):
    """A relation the source's figures should satisfy, evaluated in the open by `cqsmart audit`."""

    id: Slug
    kind: Literal["check"]
    label: Label
    terms: Annotated[list[Formula], Field(min_length=1, max_length=TERMS_MAX)]
    relation: Relation
    expected: Formula | None
    note: Text

    @model_validator(mode="after")
    def _arity(self) -> Check:
        return _holds(self, check_problem(self.relation.value, self.terms, self.expected))


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
        return _holds(self, alias_problem(self.terms.zh, self.terms.en))


Record: TypeAlias = Annotated[Figure | Initiative | Target | Source | Check | Alias, Field(discriminator="kind")]
RECORD_ADAPTER: TypeAdapter[Record] = TypeAdapter(Record)
RECORDS_ADAPTER: TypeAdapter[list[Record]] = TypeAdapter(list[Record])
