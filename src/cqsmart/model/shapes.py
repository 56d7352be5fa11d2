"""The shape of every record kind as a schema for Pydantic's core, which validates it wholly in Rust.

A large base is validated against these, then against `rules`, as plain data: no model instance and
no Python validator per field, which is most of the time a base of 100,000 figures takes. They are
derived from the models by `model.generate` into `model.generated` (committed), so a cold run imports
neither Pydantic nor the models, and the models stay the one declaration of the schema. Enumerations
are Literals of their values; records come out as plain dicts.
"""

from __future__ import annotations

from typing import cast

from pydantic_core import CoreSchema
from pydantic_core import core_schema as core

from cqsmart.model.generated import RECORD_FIELDS, SHAPE_BY_KIND

__all__ = ["RECORDS", "RECORD_FIELDS", "SHAPE_BY_KIND"]

RECORDS = core.list_schema(core.tagged_union_schema(cast(dict[str, CoreSchema], SHAPE_BY_KIND), discriminator="kind"))
