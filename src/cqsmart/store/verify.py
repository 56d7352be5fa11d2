"""Checking a fact base against its source text: every quote must stand in it, and its checksum match."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from cqsmart.errors import InvalidFactBase, UsageError
from cqsmart.model.factbase import FactBase
from cqsmart.model.quotes import SourceText
from cqsmart.store.locate import read_regular_file


@dataclass
class QuoteReport:
    checked: int = 0
    found: int = 0
    missing: list[str] = field(default_factory=list)
    missing_quotes: list[tuple[str, str]] = field(default_factory=list)  # (record id, quote), for --json
    # Quotes found at more than one place, whose record's note does not say why.
    repeated: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# A note that explains a repeated quote says so: "occurs twice", "appears 3 times", "occurs more than once".
_EXPLAINS_REPEAT = re.compile(r"\b(?:occurs|appears)\b.{0,40}?\b(?:twice|more than once|\d+ times)\b", re.IGNORECASE)


def explains_repeat(note: object) -> bool:
    return isinstance(note, str) and bool(_EXPLAINS_REPEAT.search(note))


def verify_quotes(base: FactBase, path: Path) -> QuoteReport:
    """Every quote citing the source that `path` holds must appear in it, as normalised text."""
    try:
        content = read_regular_file(path, f"--source {path}")  # a FIFO or device must not hang or flood
    except InvalidFactBase as error:
        raise UsageError(str(error)) from None
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
        places = len(text.spans(citation["quote"]))
        if places:
            report.found += 1
        else:
            report.missing.append(f"{record['id']}: {citation['quote']!r}")
            report.missing_quotes.append((record["id"], citation["quote"]))
        if places > 1 and not explains_repeat(record.get("note")):
            report.repeated.append(
                f"{record['id']}: {citation['quote']!r} occurs {places} times in the source;"
                " quote a longer span that occurs once, or say in the note why it occurs more than once"
            )
    return report
