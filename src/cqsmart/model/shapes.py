"""The shape of every record kind as TypedDicts that Pydantic validates wholly in Rust.

A large base is validated against these, then against `rules`, as plain data: no model instance
and no Python validator per field, which is most of the time a base of 100,000 figures takes.
They mirror the models in `records`, field for field, in the same order and with the same
defaults, but leave out what only Python can check (units outside the enumeration, the rules);
the fast path checks those itself. A test keeps the two in step, and another checks that nothing
these accept is refused by the models. Enumerations are Literals of their values.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any, Literal, TypeAlias

from pydantic import ConfigDict, Field, StringConstraints
from typing_extensions import NotRequired, TypedDict

from cqsmart.model.vocabulary import (
    MAX_INTEGER,
    Formula,
    Line,
    PeriodBasis,
    Qualifier,
    QualifierWord,
    Quote,
    Relation,
    Slug,
    TargetArea,
    Term,
    Text,
    Unit,
    Year,
)

_CONFIG = ConfigDict(extra="forbid")


def _values_of(enumeration: type[Enum]) -> Any:
    """A Literal of the enumeration's values: checked in Rust, kept as plain strings (an Enum field,
    even with use_enum_values, calls back into Python for every value)."""
    return Literal[tuple(member.value for member in enumeration)]


if TYPE_CHECKING:  # to the type checker each is a string
    UnitValue: TypeAlias = str
    QualifierValue: TypeAlias = str
    BasisValue: TypeAlias = str
    LineValue: TypeAlias = str
    AreaValue: TypeAlias = str
    RelationValue: TypeAlias = str
else:
    UnitValue = _values_of(Unit)
    QualifierValue = _values_of(Qualifier)
    BasisValue = _values_of(PeriodBasis)
    LineValue = _values_of(Line)
    AreaValue = _values_of(TargetArea)
    RelationValue = _values_of(Relation)
# Integers every consumer holds exactly; floats that are numbers (JSON has no NaN, but a parser may).
Number = (
    Annotated[int, Field(strict=True, ge=-MAX_INTEGER, le=MAX_INTEGER)]
    | Annotated[float, Field(strict=True, allow_inf_nan=False)]
)
# A unit of the enumeration, or another that the fast path reads as magnitude × counter itself.
AnyUnit = UnitValue | Annotated[str, StringConstraints(min_length=1, max_length=20)]
Date = Annotated[str, StringConstraints(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")]


class Label(TypedDict):
    __pydantic_config__ = _CONFIG  # type: ignore[misc]
    zh: Text
    en: Text


class Person(TypedDict):
    __pydantic_config__ = _CONFIG  # type: ignore[misc]
    name: Label
    role: Label


class Citation(TypedDict):
    __pydantic_config__ = _CONFIG  # type: ignore[misc]
    id: Slug
    quote: Quote


class Period(TypedDict):
    __pydantic_config__ = _CONFIG  # type: ignore[misc]
    start: Year | None
    end: Year | None
    basis: BasisValue


class Figure(TypedDict):
    __pydantic_config__ = _CONFIG  # type: ignore[misc]
    id: Slug
    kind: Literal["figure"]
    metric: Slug
    topic: Slug
    label: Label
    value: Number | None
    unit: AnyUnit | None
    base_value: Number | None
    qualifier: QualifierValue | None
    qualifier_text: NotRequired[Annotated[QualifierWord | None, Field(default=None)]]
    period: Period
    source: Citation | None
    derived: NotRequired[Annotated[bool, Field(default=False)]]
    formula: NotRequired[Annotated[Formula | None, Field(default=None)]]
    inputs: NotRequired[Annotated[list[Slug] | None, Field(default=None)]]
    note: NotRequired[Annotated[Text | None, Field(default=None)]]
    direction: NotRequired[Annotated[Literal["decrease"] | None, Field(default=None)]]
    confidence: NotRequired[Annotated[Annotated[float, Field(ge=0, le=1)] | None, Field(default=None)]]
    planned: NotRequired[Annotated[bool, Field(default=False)]]


class Initiative(TypedDict):
    __pydantic_config__ = _CONFIG  # type: ignore[misc]
    id: Slug
    kind: Literal["initiative"]
    topic: Slug
    line: LineValue
    label: Label
    parent: NotRequired[Annotated[Slug | None, Field(default=None)]]
    figures: NotRequired[Annotated[list[Slug], Field(default_factory=list)]]
    source: Citation
    note: NotRequired[Annotated[Text | None, Field(default=None)]]


class Target(TypedDict):
    __pydantic_config__ = _CONFIG  # type: ignore[misc]
    id: Slug
    kind: Literal["target"]
    topic: Slug
    area: AreaValue
    label: Label
    figures: NotRequired[Annotated[list[Slug], Field(default_factory=list)]]
    deadline: NotRequired[Annotated[Year | None, Field(default=None)]]
    source: Citation
    note: NotRequired[Annotated[Text | None, Field(default=None)]]


class Source(TypedDict):
    __pydantic_config__ = _CONFIG  # type: ignore[misc]
    id: Slug
    kind: Literal["source"]
    label: Label
    publisher: Label
    reporter: Label
    photographer: NotRequired[Annotated[Label | None, Field(default=None)]]
    interviewee: Person
    year: Year
    year_inferred: bool
    interview_date: Date
    photo_date: NotRequired[Annotated[Date | None, Field(default=None)]]
    file: Annotated[str, StringConstraints(min_length=1, max_length=255)]
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    note: NotRequired[Annotated[Text | None, Field(default=None)]]


class Check(TypedDict):
    __pydantic_config__ = _CONFIG  # type: ignore[misc]
    id: Slug
    kind: Literal["check"]
    label: Label
    terms: Annotated[list[Formula], Field(min_length=1, max_length=50)]
    relation: RelationValue
    expected: Formula | None
    note: Text


class AliasTerms(TypedDict):
    __pydantic_config__ = _CONFIG  # type: ignore[misc]
    zh: NotRequired[Annotated[list[Term], Field(default_factory=list)]]
    en: NotRequired[Annotated[list[Term], Field(default_factory=list)]]


class Alias(TypedDict):
    __pydantic_config__ = _CONFIG  # type: ignore[misc]
    id: Slug
    kind: Literal["alias"]
    terms: AliasTerms
    note: NotRequired[Annotated[Text | None, Field(default=None)]]


SHAPE_BY_KIND: dict[str, Any] = {
    "figure": Figure,
    "initiative": Initiative,
    "target": Target,
    "source": Source,
    "check": Check,
    "alias": Alias,
}
Shape = Annotated[Figure | Initiative | Target | Source | Check | Alias, Field(discriminator="kind")]
