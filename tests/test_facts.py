"""The bundled fact base: complete against its source, cited verbatim, and labelled in real English."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from conftest import SOURCE, Run
from cqsmart.model.quotes import SourceText, normalise
from cqsmart.store.load import load
from cqsmart.store.locate import bundled_facts_dir

BASE = load(None, use_cache=False)
RECORDS = BASE.records
CITED = [record for record in RECORDS if isinstance(record.get("source"), dict)]
needs_source = pytest.mark.skipif(not SOURCE.exists(), reason=f"source text not found at {SOURCE}")

# Numbers in the source that are not facts, each with the text around it that identifies the place.
NOT_FACTS = {
    "8月13日": "the interview date: metadata of the source record",
    "8月16日": "the photo date in the caption: metadata of the source record",
    "5G": "the name of the technology, not a quantity",
}


def covered_spans(source: SourceText) -> list[tuple[int, int]]:
    return [span for record in CITED for place in source.spans(record["source"]["quote"]) for span in place]


@needs_source
def test_every_number_in_the_source_is_cited() -> None:
    """Each number in the article, at each place it appears, falls inside some record's quote."""
    source = SourceText(SOURCE.read_text(encoding="utf-8"))
    text = source.text
    spans = covered_spans(source)
    allowed = [(match.start(), match.end()) for phrase in NOT_FACTS for match in re.finditer(re.escape(phrase), text)]
    uncited = []
    for match in re.finditer(r"\d+(?:\.\d+)?", text):
        if not any(start <= match.start() and match.end() <= end for start, end in [*spans, *allowed]):
            uncited.append(f"{match.group()} in …{text[max(0, match.start() - 12) : match.end() + 8]}…")
    assert uncited == []


@needs_source
def test_verify_passes_against_the_source(run: Run) -> None:
    """`cqsmart verify --source` finds every quote and the recorded checksum matches."""
    result = run("verify", "--source", str(SOURCE))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stdout == f"{len(CITED)} of {len(CITED)} quotes found in {SOURCE}\n"
    assert result.stderr == ""


@needs_source
def test_recorded_checksum_is_the_source_files() -> None:
    """The source record's SHA-256 is that of the text in shared/sources."""
    (source,) = BASE.of_kind("source")
    assert source["sha256"] == hashlib.sha256(SOURCE.read_bytes()).hexdigest()
    assert source["year_inferred"] is True


@needs_source
def test_quotes_are_short_spans_not_the_article() -> None:
    """Citations are short spans, never passages; together they leave much of the article unquoted.

    The article is dense with facts (nearly every clause states a figure, initiative or target), so
    the union of short citations is large; the bound guards against quoting whole passages.
    """
    source = SourceText(SOURCE.read_text(encoding="utf-8"))
    lengths = [len(normalise(record["source"]["quote"])) for record in CITED]
    assert max(lengths) <= 80
    covered = set()
    for start, end in covered_spans(source):
        covered.update(range(start, end))
    assert len(covered) / len(source.text) < 0.75


@pytest.mark.parametrize("record", [record for record in RECORDS if "label" in record], ids=lambda record: record["id"])
def test_english_label_is_english(record: dict[str, object]) -> None:
    """English labels are English words; Chinese may appear only in brackets after a name."""
    english = record["label"]["en"]  # type: ignore[index]
    outside_brackets = re.sub(r"\([^)]*\)|《[^》]*》|“[^”]*”", "", english)
    assert not re.search(r"[\u3400-\u9fff]", outside_brackets), english
    assert len(re.findall(r"[A-Za-z]{2,}", outside_brackets)) >= 2, english


def test_every_kind_is_present() -> None:
    """Figures, derived figures, initiatives, targets, the source and aliases are all there."""
    kinds = {record["kind"] for record in RECORDS}
    assert kinds == {"figure", "initiative", "target", "source", "alias"}
    derived = {record["metric"] for record in BASE.of_kind("figure") if record["derived"]}
    assert {"implied-gdp-growth", "implied-gdp", "digital-economy-share-change"} <= derived


def test_derived_gdp_growth_follows_from_the_stated_figures() -> None:
    """Implied GDP growth is digital-economy growth minus the stated gap, each year 2018–2020."""
    figures = {(record["metric"], record["period"]["start"]): record for record in BASE.of_kind("figure")}
    for year in (2018, 2019, 2020):
        implied = figures[("implied-gdp-growth", year)]
        growth = figures[("digital-economy-growth", year)]
        gap = figures[("digital-economy-growth-gap-over-gdp", year)]
        assert implied["derived"] is True
        assert implied["value"] == round(growth["value"] - gap["value"], 1)
        assert implied["inputs"] == [growth["id"], gap["id"]]


def test_as_of_figures_use_the_interview_year() -> None:
    """'As of now' figures carry the (inferred) interview year, never an invented one."""
    (source,) = BASE.of_kind("source")
    for record in BASE.of_kind("figure"):
        if record["period"]["basis"] == "as_of_interview":
            assert (record["period"]["start"], record["period"]["end"]) == (source["year"], source["year"])


def test_targets_have_no_invented_deadline() -> None:
    """The source gives no deadline for any target."""
    assert all(target["deadline"] is None for target in BASE.of_kind("target"))


def test_bundled_facts_are_in_the_checkout_layout() -> None:
    """The bundled base is a folder with the four files and its aliases, read from the package or the checkout."""
    folder = bundled_facts_dir()
    assert sorted(path.name for path in folder.glob("*.json")) == [
        "aliases.json",
        "figures.json",
        "initiatives.json",
        "sources.json",
        "targets.json",
    ]


def test_schema_file_is_current(run: Run) -> None:
    """schema/facts.schema.json is what `cqsmart schema` prints; regenerate it with that command."""
    committed = Path(__file__).resolve().parents[1] / "schema" / "facts.schema.json"
    assert run("schema").stdout == committed.read_text(encoding="utf-8")


def test_bundled_facts_satisfy_the_json_schema(run: Run) -> None:
    """The published JSON Schema accepts every bundled file and `stats --json` output."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(run("schema").stdout)
    for path in bundled_facts_dir().glob("*.json"):
        jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)
    jsonschema.validate(json.loads(run("stats", "--json", "--derived").stdout), schema)
