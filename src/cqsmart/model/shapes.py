"""The shape of every record kind as a schema for Pydantic's core, which validates it wholly in Rust.

A large base is validated against these, then against `rules`, as plain data: no model instance and
no Python validator per field, which is most of the time a base of 100,000 figures takes. They are
written for `pydantic_core` directly, so a cold run imports neither Pydantic nor the models (both
cost more than validating a base of a thousand records). They mirror the models in `records` field
for field, in the same order and with the same defaults and limits (from `vocabulary`), but leave
out what only Python can check (units outside the enumeration, the rules): the fast path checks
those itself. A test keeps the two in step, and another checks that nothing these accept is
refused by the models. Enumerations are Literals of their values; records come out as plain dicts.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from pydantic_core import CoreSchema
from pydantic_core import core_schema as core

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

SLUG = core.str_schema(pattern=SLUG_PATTERN, max_length=SLUG_MAX)
TEXT = core.str_schema(min_length=1, max_length=TEXT_MAX)
QUOTE = core.str_schema(min_length=1, max_length=QUOTE_MAX)
FORMULA = core.str_schema(min_length=1, max_length=FORMULA_MAX)
YEAR = core.int_schema(ge=MIN_YEAR, le=MAX_YEAR, strict=True)
DATE = core.str_schema(pattern=DATE_PATTERN)
BOOL = core.bool_schema()
# Integers every consumer holds exactly; floats that are numbers (JSON has no NaN, but a parser may).
NUMBER = core.union_schema(
    [core.int_schema(strict=True, ge=-MAX_INTEGER, le=MAX_INTEGER), core.float_schema(strict=True, allow_inf_nan=False)]
)


def values_of(enumeration: type[Enum]) -> CoreSchema:
    return core.literal_schema([member.value for member in enumeration])


# A unit of the enumeration, or another that the fast path reads as magnitude × counter itself.
UNIT = core.union_schema([values_of(Unit), core.str_schema(min_length=1, max_length=OTHER_UNIT_MAX)])


def required(schema: CoreSchema) -> core.TypedDictField:
    return core.typed_dict_field(schema, required=True)


def optional(schema: CoreSchema, default: Any = None) -> core.TypedDictField:
    """A field that may be left out: None (or `default`) when it is; a list default is a fresh list."""
    if default == []:
        return core.typed_dict_field(core.with_default_schema(schema, default_factory=list), required=False)
    return core.typed_dict_field(core.with_default_schema(schema, default=default), required=False)


def record(fields: dict[str, core.TypedDictField]) -> CoreSchema:
    return core.typed_dict_schema(fields, extra_behavior="forbid")


def nullable(schema: CoreSchema) -> CoreSchema:
    return core.nullable_schema(schema)


LABEL = record({"zh": required(TEXT), "en": required(TEXT)})
CITATION = record({"id": required(SLUG), "quote": required(QUOTE)})
PERIOD = record(
    {
        "start": required(nullable(YEAR)),
        "end": required(nullable(YEAR)),
        "basis": required(values_of(PeriodBasis)),
        # left out when absent, as the model leaves them out of its dump
        "from": core.typed_dict_field(nullable(values_of(PeriodFrom)), required=False),
        "part": core.typed_dict_field(nullable(values_of(YearPart)), required=False),
    }
)
SLUGS = core.list_schema(SLUG)
TERMS = core.list_schema(core.str_schema(strip_whitespace=True, min_length=1, max_length=TERM_MAX))

SHAPE_BY_KIND: dict[str, CoreSchema] = {
    "figure": record(
        {
            "id": required(SLUG),
            "kind": required(core.literal_schema(["figure"])),
            "metric": required(SLUG),
            "topic": required(SLUG),
            "label": required(LABEL),
            "value": required(nullable(NUMBER)),
            "unit": required(nullable(UNIT)),
            "base_value": required(nullable(NUMBER)),
            "qualifier": required(nullable(values_of(Qualifier))),
            "qualifier_text": optional(
                nullable(core.str_schema(min_length=1, max_length=QUALIFIER_WORD_MAX, pattern=QUALIFIER_WORD_PATTERN))
            ),
            "period": required(PERIOD),
            "source": required(nullable(CITATION)),
            "derived": optional(BOOL, False),
            "formula": optional(nullable(FORMULA)),
            "inputs": optional(nullable(SLUGS)),
            "note": optional(nullable(TEXT)),
            "direction": optional(nullable(core.literal_schema(["decrease"]))),
            "confidence": optional(nullable(core.float_schema(ge=0, le=1))),
            "planned": optional(BOOL, False),
        }
    ),
    "initiative": record(
        {
            "id": required(SLUG),
            "kind": required(core.literal_schema(["initiative"])),
            "topic": required(SLUG),
            "line": required(values_of(Line)),
            "label": required(LABEL),
            "parent": optional(nullable(SLUG)),
            "figures": optional(SLUGS, []),
            "source": required(CITATION),
            "note": optional(nullable(TEXT)),
        }
    ),
    "target": record(
        {
            "id": required(SLUG),
            "kind": required(core.literal_schema(["target"])),
            "topic": required(SLUG),
            "area": required(values_of(TargetArea)),
            "label": required(LABEL),
            "figures": optional(SLUGS, []),
            "deadline": optional(nullable(YEAR)),
            "source": required(CITATION),
            "note": optional(nullable(TEXT)),
        }
    ),
    "source": record(
        {
            "id": required(SLUG),
            "kind": required(core.literal_schema(["source"])),
            "label": required(LABEL),
            "publisher": required(LABEL),
            "reporter": optional(nullable(LABEL)),
            "photographer": optional(nullable(LABEL)),
            "interviewee": optional(nullable(record({"name": required(LABEL), "role": required(LABEL)}))),
            "year": required(YEAR),
            "year_inferred": required(BOOL),
            "interview_date": optional(nullable(DATE)),
            "photo_date": optional(nullable(DATE)),
            "file": required(core.str_schema(min_length=1, max_length=FILE_NAME_MAX)),
            "sha256": required(core.str_schema(pattern=SHA256_PATTERN)),
            "note": optional(nullable(TEXT)),
            "type": optional(values_of(SourceType), SourceType.INTERVIEW.value),
            "url": optional(nullable(core.str_schema(pattern=URL_PATTERN, max_length=URL_MAX))),
            "published": optional(nullable(core.str_schema(pattern=PUBLISHED_PATTERN))),
            "authors": optional(core.list_schema(LABEL), []),
        }
    ),
    "check": record(
        {
            "id": required(SLUG),
            "kind": required(core.literal_schema(["check"])),
            "label": required(LABEL),
            "terms": required(core.list_schema(FORMULA, min_length=1, max_length=TERMS_MAX)),
            "relation": required(values_of(Relation)),
            "expected": required(nullable(FORMULA)),
            "note": required(TEXT),
        }
    ),
    "alias": record(
        {
            "id": required(SLUG),
            "kind": required(core.literal_schema(["alias"])),
            "terms": required(
                record(
                    {
                        "zh": optional(
                            core.list_schema(core.str_schema(strip_whitespace=True, min_length=1, max_length=TERM_MAX)), []
                        ),
                        "en": optional(
                            core.list_schema(core.str_schema(strip_whitespace=True, min_length=1, max_length=TERM_MAX)), []
                        ),
                    }
                )
            ),
            "note": optional(nullable(TEXT)),
        }
    ),
}
RECORDS = core.list_schema(core.tagged_union_schema(SHAPE_BY_KIND, discriminator="kind"))
