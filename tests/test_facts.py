"""The bundled fact base: complete against its source, cited verbatim, and labelled in real English."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest

from conftest import SMALL, SOURCE, Run
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
    "“金字招牌”新业态从业人员达210万人": "a section heading repeating new-business-form-workers, cited where the text states it",
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
    assert kinds == {"figure", "initiative", "target", "source", "check", "alias"}
    derived = {record["metric"] for record in BASE.of_kind("figure") if record["derived"]}
    assert {"implied-gdp-growth", "implied-gdp", "digital-economy-share-change", "digital-economy-growth-acceleration"} <= derived


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
        "checks.json",
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


QUALIFIED = [figure for figure in BASE.of_kind("figure") if figure["qualifier"] not in ("exact", None) and not figure["derived"]]


@pytest.mark.parametrize("figure", QUALIFIED, ids=lambda figure: str(figure["id"]))
def test_qualified_figures_keep_the_sources_word(figure: dict[str, object]) -> None:
    """Every qualified stated figure names the source's own word (余, 超, 突破, 以上, 前), found in its quote."""
    word = figure["qualifier_text"]
    assert isinstance(word, str)
    assert normalise(word) in normalise(figure["source"]["quote"])  # type: ignore[index]


def test_chinese_tables_print_the_sources_words(run: Run) -> None:
    """In Chinese the qualifier stands where the source puts it: 10余项, 超26万, 突破2100万人, 5家以上, 前10位."""
    shown = run("stats", "--lang", "zh", "--format", "markdown", "--fields", "id,value").stdout
    for figure_id, value in [
        ("yukangma-functions", "10余项"),
        ("yukuairong-users", "超26万"),
        ("yukuaiban-users", "突破2100万人"),
        ("planned-listed-unicorn-enterprises", "5家以上"),
        ("online-government-service-rank", "前10位"),
        ("smart-innovation-projects", "70余个"),
        ("shared-government-data-national-standing", "前列"),
    ]:
        assert f"| {figure_id} | {value} |" in shown


def test_present_state_achievements_are_in_the_interview_year(run: Run) -> None:
    """`stats --year 2021` lists the 截至目前/已/现 achievements, 渝快办 and 渝康码 alike."""
    ids = {row["id"] for row in json.loads(run("stats", "--year", "2021", "--json").stdout)}
    assert {"yukuaiban-users", "yukangma-users", "yukuairong-users", "cloud-chief-units", "5g-integrated-scenario-count"} <= ids
    assert len(ids) >= 25


def test_only_plans_have_no_period() -> None:
    """Dating policy: a stated figure with no period is a forward target; everything else is dated."""
    planned = {ref for target in BASE.of_kind("target") for ref in target["figures"]}
    undated = {figure["id"] for figure in BASE.of_kind("figure") if figure["period"]["basis"] == "unstated"}
    assert undated == planned


def test_quotes_name_what_they_count() -> None:
    """The 渝康码 users and visits are cited with a quote that names 渝康码."""
    for figure_id in ("yukangma-users", "yukangma-visits"):
        assert "渝康码" in BASE.by_id[figure_id]["source"]["quote"]


def test_no_english_label_repeats_another_records() -> None:
    """Each English label names one thing: only the figures of one metric (one per year) share a label."""
    owners: dict[str, set[str]] = {}
    for record in (record for record in RECORDS if "label" in record):  # aliases have terms, not labels
        owner = record["metric"] if record["kind"] == "figure" else record["id"]
        owners.setdefault(record["label"]["en"].casefold(), set()).add(owner)
    assert {label: names for label, names in owners.items() if len(names) > 1} == {}


@pytest.mark.parametrize(
    "calque", ["small-incision", "big-livelihood", "full-element", "chief cloud chief", "rule of law for data"]
)
def test_no_calque_remains(calque: str) -> None:
    """The calqued English the audit found is gone from every label."""
    assert [record["id"] for record in RECORDS if "label" in record and calque in record["label"]["en"].casefold()] == []


@pytest.mark.parametrize("words", ["智造重镇", "智慧名城", "创新驱动发展战略", "杨帆", "向菊梅", "罗斌", "8月13日", "Yang Fan"])
def test_strategy_people_and_dates_are_searchable(run: Run, words: str) -> None:
    """The strategy, its goals, the people and the dates of the interview are found by `search`."""
    result = run("search", words, "--json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)


def test_strategy_goal_is_the_best_match(run: Run) -> None:
    """`search 智造重镇` puts the goal itself first."""
    assert json.loads(run("search", "智造重镇", "--json").stdout)[0]["id"] == "smart-manufacturing-hub-goal"


def test_qualitative_ranks_are_records_without_a_value() -> None:
    """全国前列, 西部前列 and 全国唯一 are rank records with a null value and the source's word."""
    ranks = {
        figure["qualifier_text"]: figure
        for figure in BASE.of_kind("figure")
        if figure["value"] is None and figure["qualifier_text"]
    }
    assert {"前列", "唯一"} <= set(ranks)
    assert all(rank["unit"] is None and rank["topic"] == "rankings" for rank in ranks.values())


@pytest.mark.parametrize("figure", [f for f in BASE.of_kind("figure") if f["derived"]], ids=lambda figure: str(figure["id"]))
def test_derived_figures_state_their_precision(figure: dict[str, object]) -> None:
    """Each derived figure's note says how precise it is; rounded results are marked approximately."""
    assert "Precision" in str(figure["note"]) or "Approximate" in str(figure["note"])
    if "rounded to" in str(figure["note"]):
        assert figure["qualifier"] == "approximately"


def test_accelerations_follow_from_the_growth_rates() -> None:
    """增速逐年走高: the rises of +2.2 and +2.4 points are derived from the stated growth."""
    assert BASE.by_id["digital-economy-growth-acceleration-2019"]["value"] == 2.2
    assert BASE.by_id["digital-economy-growth-acceleration-2020"]["value"] == 2.4


@pytest.mark.parametrize(
    ("qualifier", "word", "quote", "shown"),
    [
        ("more_than", "逾", "增长逾13.7%", "逾13.7%"),
        ("at_least", "以上", "增长13.7%以上", "13.7%以上"),
        ("more_than", "多", "增长13.7多%", "13.7多%"),
        ("approximately", "近", "增长近13.7%", "近13.7%"),
    ],
)
def test_any_qualifier_word_stands_where_chinese_puts_it(
    run: Run, tmp_path: Path, qualifier: str, word: str, quote: str, shown: str
) -> None:
    """Words beyond the bundled ones are placed by rule: 余/多 inside, 以上 after, the rest before."""
    records = json.loads(SMALL.read_text(encoding="utf-8"))
    records[1] |= {"qualifier": qualifier, "qualifier_text": word, "source": {"id": "interview", "quote": quote}}
    path = tmp_path / "words.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    table = run("--facts", str(path), "stats", "--lang", "zh", "--format", "markdown", "--fields", "id,value").stdout
    assert f"| growth-2018 | {shown} |" in table
    english = run("--facts", str(path), "stats", "--lang", "en", "--format", "markdown", "--fields", "id,value").stdout
    assert word not in english.replace("growth-2018", "")


def test_planned_figures_are_exactly_the_targets_figures(run: Run) -> None:
    """JSON marks a target's figure as planned (a boolean), and no achieved figure is marked."""
    figures = json.loads(run("stats", "--json").stdout)
    linked = {ref for target in json.loads(run("targets", "--json").stdout) for ref in target["figures"]}
    assert {row["id"] for row in figures if row["planned"]} == linked
    assert all(isinstance(row["planned"], bool) for row in figures)


def test_a_planned_figure_no_target_links_to_is_invalid(run: Run, tmp_path: Path) -> None:
    """planned is a claim the base must back: only a figure that a target links to may make it."""
    records = json.loads(SMALL.read_text(encoding="utf-8"))
    figure = next(position for position, record in enumerate(records) if record["id"] == "growth-2018")
    records[figure]["planned"] = True
    base = tmp_path / "planned.json"
    base.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    result = run("--facts", str(base), "validate")
    assert (result.exit_code, result.stderr.splitlines()[1:]) == (
        2,
        [f"{base}: [{figure}].planned: only a figure that a target links to is planned"],
    )
