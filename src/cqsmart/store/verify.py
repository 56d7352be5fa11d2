"""Checking a fact base against its source text: every quote must stand in it, and its checksum match."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from cqsmart.errors import UsageError
from cqsmart.model.factbase import FactBase
from cqsmart.model.quotes import SourceText


@dataclass
class QuoteReport:
    checked: int = 0
    found: int = 0
    missing: list[str] = field(default_factory=list)
    missing_quotes: list[tuple[str, str]] = field(default_factory=list)  # (record id, quote), for --json
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
            report.missing_quotes.append((record["id"], citation["quote"]))
    return report
