"""How well `extract` reads real documents: recall, precision and field accuracy against hand labels.

    python benchmarks/extract_eval.py [FOLDER] [--misses]

FOLDER (default tests/extract_texts/real) holds TEXT.txt beside TEXT.labels.json, labelled by hand
before any run (see its POLICY.md). A labelled figure is found when a drafted figure has its value and
a quote overlapping its quote in the text. Of the found: qualifier, unit and year (period start and
end) right, and the label exactly as labelled; of the drafts: labels that repeat another's. The
draft's source year is compared with the document's year; labels that are fragments (extract's own
test) and figures whose subject was not found are counted. Prints, never asserts.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

REAL = Path(__file__).resolve().parents[1] / "tests" / "extract_texts" / "real"
# The hand labels name qualifiers as the README does; the draft uses the model's values.
QUALIFIERS = {"more than": "more_than", "at least": "at_least", "at most": "at_most", "about": "approximately"}


def draft(text_file: Path) -> list[dict[str, Any]]:
    from typer.testing import CliRunner

    from cqsmart.cli import app

    result = CliRunner().invoke(app, ["extract", str(text_file), "--json"])
    if result.exit_code != 0:
        raise SystemExit(f"extract {text_file} failed: {result.stderr}")
    records: list[dict[str, Any]] = json.loads(result.stdout)
    return records


def span(text: str, quote: str) -> range:
    start = text.find(quote)
    return range(start, start + len(quote)) if start >= 0 else range(0)


def score(text_file: Path, tally: Counter[str], misses: list[str]) -> None:
    text = text_file.read_text(encoding="utf-8")
    labels = json.loads(text_file.with_suffix(".labels.json").read_text(encoding="utf-8"))
    records = draft(text_file)
    figures = [record for record in records if record["kind"] == "figure"]
    source = next(record for record in records if record["kind"] == "source")
    used: set[int] = set()
    for expected in labels["figures"]:
        where = span(text, expected["quote"])
        found = next(
            (
                position
                for position, got in enumerate(figures)
                if position not in used
                and float(got["value"]) == float(expected["value"])
                and set(where) & set(span(text, got["source"]["quote"]))
            ),
            None,
        )
        tally["labelled"] += 1
        if found is None:
            misses.append(f"{text_file.stem}: missed {expected['quote']} ({expected['value']} {expected['unit']})")
            continue
        used.add(found)
        got = figures[found]
        tally["found"] += 1
        checks = {
            "qualifier": got["qualifier"] == QUALIFIERS.get(expected["qualifier"], expected["qualifier"]),
            "unit": got["unit"] == expected["unit"],
            "year": (got["period"]["start"], got["period"]["end"]) == (expected["period"]["start"], expected["period"]["end"]),
            "label": got["label"].get("zh") == expected["label_zh"],
        }
        for name, right in checks.items():
            tally[name] += right
            if not right and name != "label":
                misses.append(
                    f"{text_file.stem}: {name} of {expected['quote']}: {got[name] if name != 'year' else got['period']}"
                )
    tally["drafted"] += len(figures)
    tally["false"] += len(figures) - len(used)
    for position, got in enumerate(figures):
        if position not in used:
            misses.append(f"{text_file.stem}: not a labelled figure: {got['source']['quote']} ({got['value']} {got['unit']})")
    from cqsmart.extract.labels import is_fragment

    tally["fragment labels"] += sum(is_fragment(got["label"].get("zh", "")) for got in figures)
    tally["no subject"] += sum("no subject found" in (got.get("note") or "") for got in figures)
    repeats = Counter(got["label"].get("zh") for got in figures)
    tally["repeated labels"] += sum(count for label, count in repeats.items() if count > 1)
    tally["documents"] += 1
    tally["source year"] += source.get("year") == labels["document_year"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=REAL)
    parser.add_argument("--misses", action="store_true", help="list each miss, wrong field and false figure")
    args = parser.parse_args()
    tally: Counter[str] = Counter()
    misses: list[str] = []
    for text_file in sorted(args.folder.glob("*.txt")):
        score(text_file, tally, misses)
    found = tally["found"] or 1
    print(f"{tally['documents']} documents, {tally['labelled']} labelled figures, {tally['drafted']} drafted")
    print(f"recall     {tally['found'] / tally['labelled']:7.1%}   precision {1 - tally['false'] / (tally['drafted'] or 1):7.1%}")
    for name in ("qualifier", "unit", "year", "label"):
        print(f"{name:<10} {tally[name] / found:7.1%}   ({tally[name]}/{tally['found']} of the found)")
    print(f"repeated labels {tally['repeated labels']} of {tally['drafted']} drafts")
    print(f"fragment labels {tally['fragment labels']}, labels without a subject {tally['no subject']}")
    print(f"source year from the text: {tally['source year']}/{tally['documents']}")
    if args.misses:
        print("\n".join(misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
