"""Writes `model/generated.py`, the pydantic-core shapes and field lists of every record kind, from the models.

The models in `records` are the one declaration of the schema. A cold run validates against shapes
that need neither Pydantic nor the models, so they are derived here at development time and
committed: `python -m cqsmart.model.generate` after changing a model (tests/model/test_generate.py
fails while the committed copy is out of date). What only Python checks (the rules, units outside
the enumeration) is left out: the fast path checks those itself.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Any

from cqsmart.model.records import Alias, Check, Figure, Initiative, Source, StrictModel, Target, _finite_number
from cqsmart.model.vocabulary import MAX_INTEGER

MODEL_BY_KIND: dict[str, type[StrictModel]] = {
    "figure": Figure,
    "initiative": Initiative,
    "target": Target,
    "source": Source,
    "check": Check,
    "alias": Alias,
}
# The Python validators that decide a type, and the Rust shape that decides the same in their place.
NUMBER_SHAPE = {
    "type": "union",
    "choices": [
        {"type": "int", "strict": True, "ge": -MAX_INTEGER, "le": MAX_INTEGER},
        {"type": "float", "strict": True, "allow_inf_nan": False},
    ],
}
SHAPE_OF_VALIDATOR: dict[Any, dict[str, Any]] = {_finite_number: NUMBER_SHAPE}
# What describes a model to Pydantic and means nothing to a shape of plain data.
_DROPPED_KEYS = {"metadata", "ref", "cls", "config", "custom_init", "root_model", "model_name", "computed_fields"}

TARGET = Path(__file__).with_name("generated.py")


def plain(schema: dict[str, Any], definitions: dict[str, Any]) -> dict[str, Any]:
    """A model's core schema as one for plain data: models become typed dicts, enums literals of their values."""
    kind = schema["type"]
    if kind == "definitions":
        return plain(schema["schema"], {**definitions, **{d["ref"]: d for d in schema["definitions"]}})
    if kind == "definition-ref":
        return plain(definitions[schema["schema_ref"]], definitions)
    if kind in ("function-before", "function-wrap", "function-after"):
        replacement = SHAPE_OF_VALIDATOR.get(schema["function"]["function"])
        if replacement is not None:
            return replacement
        if kind == "function-before":
            raise ValueError(f"no Rust shape for the before-validator {schema['function']['function']!r}")
        return plain(schema["schema"], definitions)  # the rest of what it checks is a rule
    if kind == "model":
        return plain(schema["schema"], definitions)
    if kind == "model-fields":
        # By the name files use (`from`, not from_); a field a dump leaves out when unset is left out here too.
        fields = {
            str(spec.get("validation_alias") or name): field(spec["schema"], definitions, "serialization_exclude_if" in spec)
            for name, spec in schema["fields"].items()
        }
        return {"type": "typed-dict", "fields": fields, "extra_behavior": "forbid"}
    if kind == "enum":
        return {"type": "literal", "expected": [member.value for member in schema["members"]]}
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _DROPPED_KEYS:
            continue
        if key in ("schema", "items_schema"):
            value = plain(value, definitions)
        elif key == "choices":
            value = [plain(choice, definitions) for choice in value]
        elif isinstance(value, Enum):
            value = value.value
        out[key] = value
    return out


def field(schema: dict[str, Any], definitions: dict[str, Any], left_out: bool = False) -> dict[str, Any]:
    """A typed-dict field: one with a default may be left out and comes out as that default (or stays
    out, when `left_out`: the model leaves it out of a dump when unset)."""
    if schema["type"] == "default" and left_out:
        return {"type": "typed-dict-field", "schema": plain(schema["schema"], definitions), "required": False}
    if schema["type"] == "default":
        default = schema["default"].value if isinstance(schema["default"], Enum) else schema["default"]
        inner = {"type": "default", "schema": plain(schema["schema"], definitions), "default": default}
        return {"type": "typed-dict-field", "schema": inner, "required": False}
    return {"type": "typed-dict-field", "schema": plain(schema, definitions), "required": True}


def source() -> str:
    """The module's text: one line per field, so a changed field is a one-line diff."""
    lines = [
        '"""Generated from the models by `python -m cqsmart.model.generate`; do not edit by hand."""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Any",
        "",
        "RECORD_FIELDS: dict[str, tuple[str, ...]] = {",
        *(f"    {kind!r}: {tuple(model.model_fields)!r}," for kind, model in MODEL_BY_KIND.items()),
        "}",
        "SHAPE_BY_KIND: dict[str, Any] = {",
    ]
    for kind, model in MODEL_BY_KIND.items():
        shape = plain(model.__pydantic_core_schema__, {})  # type: ignore[arg-type]
        lines.append(f"    {kind!r}: {{'type': 'typed-dict', 'extra_behavior': 'forbid', 'fields': {{")
        lines += [f"        {name!r}: {spec!r}," for name, spec in shape["fields"].items()]
        lines.append("    }},")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> int:
    TARGET.write_text(source(), encoding="utf-8")
    print(TARGET, file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
