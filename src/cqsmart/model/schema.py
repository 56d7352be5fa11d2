"""The JSON Schema of fact-base files, generated from the record models."""

from __future__ import annotations

import json

SCHEMA_ID = "https://cqsmart.invalid/schema/facts-1.json"


def schema_text() -> str:
    from cqsmart.model.records import RECORDS_ADAPTER

    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "cqsmart fact-base file",
        "description": (
            "A JSON array of records (figures, initiatives, targets, sources). "
            "Each command's --json output has its own schema: cqsmart schema --output NAME."
        ),
        **RECORDS_ADAPTER.json_schema(),
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
