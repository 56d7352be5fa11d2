"""Checks of a whole fact base against the outside world: its source text, and its JSON Schema."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from cqsmart.base import FactBase
from cqsmart.errors import UsageError
from cqsmart.text import SourceText

SCHEMA_ID = "https://cqsmart.invalid/schema/facts-1.json"


def summary(base: FactBase) -> str:
    counts = Counter(record["kind"] for record in base.records)
    derived = sum(1 for record in base.of_kind("figure") if record["derived"])
    parts = [_count(counts[kind], kind) for kind in ("figure", "initiative", "target", "source")]
    return f"{_count(len(base.records), 'record')}: {', '.join(parts)} ({derived} of the figures derived)"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


@dataclass
class QuoteReport:
    checked: int = 0
    found: int = 0
    missing: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def verify_quotes(base: FactBase, path: Path) -> QuoteReport:
    """Every quote citing the source that `path` holds must appear in it, as normalised text."""
    try:
        content = path.read_bytes()
    except OSError as error:
        raise UsageError(f"--source {path}: cannot be read: {error.strerror or error}") from None
    try:
        text = SourceText(content.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise UsageError(f"--source {path}: not UTF-8 text") from None
    report = QuoteReport()
    sources = base.of_kind("source")
    # A renamed copy of the only source still verifies; with several sources the file name decides.
    matching = [source for source in sources if source["file"] == path.name] or (sources if len(sources) == 1 else [])
    if not matching:
        known = ", ".join(source["file"] for source in sources)
        raise UsageError(f"--source {path}: no source record names this file; files: {known}")
    source = matching[0]
    digest = hashlib.sha256(content).hexdigest()
    if digest != source["sha256"]:
        report.warnings.append(f"{path} has SHA-256 {digest}, but source {source['id']!r} records {source['sha256']}")
    for record in base.records:
        citation = record.get("source")
        if not isinstance(citation, dict) or citation["id"] != source["id"]:
            continue
        report.checked += 1
        if text.contains(citation["quote"]):
            report.found += 1
        else:
            report.missing.append(f"{record['id']}: {citation['quote']!r}")
    return report


def schema_text() -> str:
    from cqsmart.models import RECORDS_ADAPTER

    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "cqsmart fact-base file",
        "description": (
            "A JSON array of records (figures, initiatives, targets, sources). "
            "The --json output of stats, initiatives, targets, search and sources has this shape."
        ),
        **RECORDS_ADAPTER.json_schema(),
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
