"""The JSON Schema of each command's --json output: the machine contract, versioned per output.

A new output is one entry in OUTPUTS: its version, title, description and the schema of what it prints.
Policy: a field added to an output keeps its version; a field removed or renamed, or a type narrowed,
bumps it (and so the `$id`, e.g. `…/stats-2.json`). Record objects allow further properties, so a
client that validates against an older schema keeps working as fields are added.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cqsmart.model.factbase import FIELDS_BY_KIND, QUANTITY_FIELDS

# 2: `base_value` is the signed quantity (a stated decline, 下降3.5%, has base_value -0.035); `value`
# stays as the source prints it (3.5, with `direction` "decrease").
CONTRACT_VERSION = 2
BASE_URL = "https://cqsmart.invalid/schema"
Schema = dict[str, Any]


@dataclass(frozen=True)
class Output:
    version: int
    title: str
    description: str
    body: Callable[[], Schema]


DECREASE = "decrease"
BASE_VALUE = (
    "The signed quantity in base units (亿 = 1e8, 万 = 1e4, percentages as fractions): 18.3% is 0.183, and a "
    "stated decline (下降3.5%, value 3.5, direction decrease) is -0.035. Signed from contract version 2 on."
)
DIRECTION = "`decrease` for a stated decline (下降3.5%): `value` keeps the number as printed, `base_value` is negative."


def signed(figure: Any, key: str = "value") -> Any:
    """A figure's `value` or `base_value` as a signed quantity: a stated decline (下降3.5%: value 3.5,
    direction "decrease") is -3.5. What arithmetic on figures (compare, audit) works with, and what
    `base_value` means in every output from contract version 2 on."""
    number = figure.get(key)
    if figure.get("direction") == DECREASE and isinstance(number, (int, float)) and not isinstance(number, bool):
        return -abs(number)
    return number


def _ref(name: str) -> Schema:
    return {"$ref": f"#/$defs/{name}"}


def _array(items: Schema) -> Schema:
    return {"type": "array", "items": items}


def _nullable(schema: Schema) -> Schema:
    return {"anyOf": [schema, {"type": "null"}]}


NUMBER: Schema = {"type": "number"}
TEXT: Schema = {"type": "string"}
YEAR: Schema = {"type": "integer"}


def _open(schema: Any) -> Any:
    """Drops `additionalProperties: false` everywhere: added fields must not break old clients."""
    if isinstance(schema, dict):
        return {key: _open(value) for key, value in schema.items() if not (key == "additionalProperties" and value is False)}
    if isinstance(schema, list):
        return [_open(item) for item in schema]
    return schema


def _record_defs() -> dict[str, Schema]:
    """The record kinds as the fact-base models define them, every field required (outputs print them all)."""
    from cqsmart.model.records import RECORDS_ADAPTER

    generated = _open(RECORDS_ADAPTER.json_schema(mode="serialization"))
    defs: dict[str, Schema] = generated["$defs"]
    for name, kind in (("Figure", "figure"), ("Initiative", "initiative"), ("Target", "target"), ("Source", "source")):
        definition = defs[name]
        if "figures" in definition["properties"]:
            definition["properties"]["quantities"] = {
                "description": "One entry per id in `figures`: the linked figure's quantity.",
                **_array(_ref("Quantity")),
            }
        definition["required"] = [field for field in FIELDS_BY_KIND[kind] if field in definition["properties"]]
    figure = defs["Figure"]["properties"]
    figure["base_value"] = {"description": BASE_VALUE, **figure["base_value"]}
    figure["direction"] = {"description": DIRECTION, **figure["direction"]}
    quantity_properties = {name: figure.get(name, _nullable(TEXT)) for name in QUANTITY_FIELDS}
    defs["Quantity"] = {"type": "object", "properties": quantity_properties, "required": list(QUANTITY_FIELDS)}
    defs["Record"] = {"anyOf": [_ref(name) for name in ("Figure", "Initiative", "Target", "Source", "Check", "Alias")]}
    return defs


def _comparison_defs() -> dict[str, Schema]:
    label, unit, qualifier = _ref("Label"), _nullable(_ref("Unit")), _nullable(_ref("Qualifier"))
    direction = _nullable({"enum": [DECREASE]})
    stated = {
        **{f"qualifier_text_{side}": _nullable(TEXT) for side in "ab"},
        **{f"direction_{side}": direction for side in "ab"},
    }
    by_years = {
        "metric": TEXT,
        "label": label,
        "unit": unit,
        "year_a": YEAR,
        "value_a": NUMBER,
        "qualifier_a": qualifier,
        "year_b": YEAR,
        "value_b": NUMBER,
        "qualifier_b": qualifier,
        "change": _nullable(NUMBER),
        "change_unit": TEXT,
        "derived": {"type": "boolean"},
        "change_qualifier": {"description": CHANGE_QUALIFIER, **qualifier},
        **stated,
    }
    by_metrics = {
        "year": YEAR,
        "metric_a": TEXT,
        "label_a": label,
        "value_a": NUMBER,
        "metric_b": TEXT,
        "label_b": label,
        "value_b": NUMBER,
        "unit": unit,
        "difference": {"description": "value_a - value_b, each signed (a decline is negative).", **_nullable(NUMBER)},
        "difference_unit": TEXT,
        "qualifier_a": qualifier,
        "qualifier_b": qualifier,
        "difference_qualifier": {"description": CHANGE_QUALIFIER, **qualifier},
        **stated,
    }
    return {
        "YearComparison": {"type": "object", "properties": by_years, "required": list(FIELDS_BY_KIND["year-comparison"])},
        "MetricComparison": {"type": "object", "properties": by_metrics, "required": list(FIELDS_BY_KIND["metric-comparison"])},
    }


CHANGE_QUALIFIER = (
    "null when worked out from exact values; `approximately`, `at_least`, `more_than` or `at_most` when worked out "
    "from a qualified one (突破2100万人 minus 3449万人 is more than -1349万人)."
)


def _object(properties: Schema) -> Schema:
    return {"type": "object", "properties": properties, "required": list(properties)}


def _show() -> Schema:
    link = _object({"relation": TEXT, "id": TEXT, "kind": TEXT, "label": _ref("Label")})
    return _object({"record": _ref("Record"), "links": _array(link)})


def _validate() -> Schema:
    problem = _object({"file": TEXT, "path": TEXT, "reason": TEXT})
    return _object(
        {"valid": {"type": "boolean"}, "origin": _nullable(TEXT), "summary": _nullable(TEXT), "problems": _array(problem)}
    )


def _verify() -> Schema:
    missing = _object({"id": TEXT, "quote": TEXT})
    counts = {"checked": {"type": "integer"}, "found": {"type": "integer"}}
    return _object({"valid": {"type": "boolean"}, "source": TEXT, **counts, "missing": _array(missing), "warnings": _array(TEXT)})


def _ask() -> Schema:
    bounds = ["exact", "approximately", "more_than", "at_least", "less_than", "at_most"]
    claim = _object(
        {
            "stated": {"type": "number", "description": "The value the question states, in the figure's unit."},
            "unit": _nullable(TEXT),
            "bound": {"enum": bounds, "description": "How the question bounds it (over 20 million: more_than)."},
            "verdict": {"enum": ["consistent", "within rounding", "differs"]},
        }
    )
    claimed = {**_nullable(claim), "description": "For a question that states a value: whether the source bears it out."}
    score = {"type": "number", "minimum": 0, "maximum": 1}
    scored = _object({"score": score, "claim": claimed})
    # ask-3: an initiative or target answers a question asking what it is (云长制是什么); it states no value.
    named = _object({"score": score, "claim": {"type": "null"}})
    kinds = [{"allOf": [_ref("Figure"), scored]}, *({"allOf": [_ref(kind), named]} for kind in ("Initiative", "Target"))]
    return _array({"anyOf": kinds})


_AUDIT: dict[str, Schema] = {
    "id": TEXT,
    "label": _ref("Label"),
    "relation": TEXT,
    "arithmetic": TEXT,
    "status": {"enum": ["holds", "fails"]},
}
_COUNTS: dict[str, Schema] = {name: {"type": "integer"} for name in ("figures", "initiatives", "targets", "records", "metrics")}


def _rows(kind: str, known: dict[str, Schema]) -> Schema:
    """Rows that carry every field of their kind; the fields named here are typed, the rest any JSON value."""
    properties = {name: known.get(name, {}) for name in FIELDS_BY_KIND[kind]}
    return _array({"type": "object", "properties": properties, "required": list(properties)})


def _cite() -> Schema:
    text = {name: TEXT for name in ("id", "style", "citation", "figure", "quote", "source_id")}
    return _object({**text, "year": _nullable(YEAR), "year_inferred": {"type": "boolean"}})


def _extract() -> Schema:
    """A draft may lack English labels, so its records are checked for their shape, not their every rule."""
    record = {"type": "object", "properties": {"id": TEXT, "kind": {"enum": ["source", "figure"]}}, "required": ["id", "kind"]}
    return _array(record)


# Output name (as in `cqsmart schema --output NAME`) → its contract. One entry per --json output.
OUTPUTS: dict[str, Output] = {
    "stats": Output(2, "cqsmart stats --json", "An array of figure records.", lambda: _array(_ref("Figure"))),
    "initiatives": Output(
        2,
        "cqsmart initiatives --json",
        "An array of initiative records with their quantities.",
        lambda: _array(_ref("Initiative")),
    ),
    "targets": Output(
        2, "cqsmart targets --json", "An array of target records with their quantities.", lambda: _array(_ref("Target"))
    ),
    "sources": Output(1, "cqsmart sources --json", "An array of source records.", lambda: _array(_ref("Source"))),
    "search": Output(
        2, "cqsmart search --json", "An array of records of any kind, best match first.", lambda: _array(_ref("Record"))
    ),
    "compare": Output(
        2,
        "cqsmart compare --json",
        "Two years: a row per metric with both values; two metrics: a row per year with both values.",
        lambda: _array({"anyOf": [_ref("YearComparison"), _ref("MetricComparison")]}),
    ),
    "show": Output(2, "cqsmart show --json", "One record in full and the records it links to.", _show),
    "validate": Output(1, "cqsmart validate --json", "Whether a fact base is valid, and every problem.", _validate),
    "verify": Output(1, "cqsmart verify --json", "Whether every quote stands in the source text.", _verify),
    "ask": Output(
        3,
        "cqsmart ask --json",
        "Records that answer the question, best first, each with its score: figures, and for a question asking what "
        "something is, the initiative or target it names (check `kind`).",
        _ask,
    ),
    "audit": Output(
        2, "cqsmart audit --json", "Each check of the source's arithmetic, worked out.", lambda: _rows("audit", _AUDIT)
    ),
    "topics": Output(1, "cqsmart topics --json", "Each topic with its record counts.", lambda: _rows("topic", _COUNTS)),
    "metrics": Output(1, "cqsmart metrics --json", "Each metric with its years and latest value.", lambda: _rows("metric", {})),
    "library": Output(
        1,
        "cqsmart library list --json",
        "Each base in the user's library with its sources and record counts.",
        lambda: _rows("library", {"id": TEXT, "path": TEXT, "sources": {"type": "array", "items": TEXT}, **_COUNTS}),
    ),
    "cite": Output(1, "cqsmart cite --json", "A citation of the source with the figure and its quote.", _cite),
    "extract": Output(
        1, "cqsmart extract --json", "A draft fact base: the source record, then one figure per statement.", _extract
    ),
}


def schema_id(name: str) -> str:
    return f"{BASE_URL}/{name}-{OUTPUTS[name].version}.json"


def output_schema(name: str) -> Schema:
    """The complete schema of one output; raises KeyError for a name not in OUTPUTS."""
    output = OUTPUTS[name]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_id(name),
        "title": output.title,
        "description": output.description + " With --fields, rows hold only the named properties.",
        **output.body(),
        "$defs": {**_record_defs(), **_comparison_defs()},
    }


def output_schema_text(name: str) -> str:
    return json.dumps(output_schema(name), ensure_ascii=False, indent=2) + "\n"
