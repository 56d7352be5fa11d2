"""`cqsmart extract` on whole texts: the interview against the bundled fact base, paragraphs of our own
with their expected records, and the draft's way through validate, verify and --facts."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from conftest import SOURCE, Run
from cqsmart.model.quotes import normalise

TEXTS = Path(__file__).resolve().parent / "extract_texts"
FACTS = Path(__file__).resolve().parents[1] / "facts" / "figures.json"


def draft_of(run: Run, path: Path) -> list[dict[str, Any]]:
    result = run("extract", str(path), "--json")
    assert result.exit_code == 0, result.stderr
    return list(json.loads(result.stdout))


def stated_year(period: dict[str, Any], note: str | None = None) -> tuple[int | None, int | None]:
    """The years a sentence states; 截至目前 (dated to the interview by curation) states none, nor does a
    draft's year from context or from the document's date (its note says so)."""
    if note and ("from context" in note or "from the document's date" in note):
        return None, None
    if period["basis"] in ("year", "span"):
        return period["start"], period["end"]
    return None, None


def curate(item: Any) -> None:
    """What a curator does at the least: write an English label beside each Chinese one."""
    if isinstance(item, dict):
        if "zh" in item and "en" not in item:
            item["en"] = "curated"
        for value in item.values():
            curate(value)
    elif isinstance(item, list):
        for value in item:
            curate(value)


def curated(path: Path) -> None:
    records = json.loads(path.read_text(encoding="utf-8"))
    curate(records)
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")


def key(figure: dict[str, Any]) -> tuple[Any, ...]:
    return (float(figure["value"]), figure["unit"], figure["qualifier"], stated_year(figure["period"], figure.get("note")))


@pytest.mark.skipif(not SOURCE.exists(), reason="the source text is not checked out beside the project")
def test_the_interview_recovers_the_bundled_figures(run: Run) -> None:
    """Recall of the bundled base's stated figures (value, unit, qualifier, year) ≥ 39/41, precision ≥ 90%,
    and every quote stands once in the text."""
    oracle = [r for r in json.loads(FACTS.read_text(encoding="utf-8")) if not r.get("derived") and r["value"] is not None]
    figures = [r for r in draft_of(run, SOURCE) if r["kind"] == "figure"]
    wanted, got = Counter(key(r) for r in oracle), Counter(key(r) for r in figures)
    right = sum((wanted & got).values())
    print(f"interview: recall {right}/{len(oracle)}, precision {right}/{len(figures)}")
    assert right >= 39
    assert right / len(figures) >= 0.9
    text = normalise(SOURCE.read_text(encoding="utf-8"))
    assert [f["source"]["quote"] for f in figures if text.count(normalise(f["source"]["quote"])) != 1] == []


# Texts written for these tests in the style of a statistical communiqué, a press briefing and a
# newspaper interview with a bureau official.
# Each row: value, unit, qualifier, (start, end) of the period, direction.
EXPECTED = {
    "communique.txt": [
        (30145.79, "亿元", "exact", (2023, 2023), None),
        (6.1, "%", "exact", (2023, 2023), None),
        (2074.72, "亿元", "exact", (None, None), None),
        (4.6, "%", "exact", (None, None), None),
        (11699.14, "亿元", "exact", (None, None), None),
        (6.6, "%", "exact", (None, None), None),
        (6.6, "%", "exact", (None, None), None),
        (9.8, "%", "exact", (None, None), None),
        (0.3, "%", "exact", (None, None), "decrease"),
        (3191.43, "万人", "exact", (None, None), None),
        (21.48, "万人", "exact", (None, None), "decrease"),
        (71.67, "%", "exact", (None, None), None),
        (0.75, "个百分点", "exact", (None, None), None),
        (1093.7, "万吨", "exact", (None, None), None),
        (1.2, "%", "exact", (None, None), None),
        (1823.6, "万头", "exact", (None, None), None),
        (7137.4, "亿元", "exact", (2023, 2023), None),
        (12.0, "%", "exact", (2023, 2023), "decrease"),
        (62, "所", "exact", (None, None), None),
    ],
    "transport-interview.txt": [
        (1500, "亿元", "exact", (2019, 2019), None),
        (1680, "亿元", "exact", (2020, 2020), None),
        (1850, "亿元", "exact", (2021, 2021), None),
        (11.1, "%", "exact", (2019, 2021), None),
        (3839, "公里", "exact", (2021, 2021), None),
        (2400, "公里", "more_than", (None, None), None),
        (839, "公里", "exact", (None, None), None),
        (4000, "万人次", "more_than", (None, None), None),
        (106, "条", "exact", (None, None), None),
        (1, "第", "exact", (None, None), None),
        (2, "亿吨", "approximately", (None, None), None),
        (120, "万标箱", "more_than", (None, None), None),
        (402, "公里", "exact", (None, None), None),
        (300, "万乘次", "more_than", (None, None), None),
        (60, "%", "approximately", (None, None), None),
        (3400, "公里", "at_least", (2025, 2025), None),
        (4600, "公里", "exact", (2025, 2025), None),
        (7, "成", "approximately", (2025, 2025), None),
    ],
    "briefing.txt": [
        (7.3, "万个", "exact", (2023, 2023), None),
        (12, "%", "at_least", (2021, 2023), None),
        (1200, "个", "more_than", (2021, 2023), None),
        (3000, "亿元", "approximately", (2021, 2023), None),
        (15.2, "%", "exact", (None, None), None),
        (2000, "家", "more_than", (None, None), None),
        (1000, "亿元", "approximately", (None, None), None),
        (30, "万人", "more_than", (None, None), None),
        (26, "个", "exact", (None, None), None),
        (1.2, "万家", "more_than", (None, None), None),
        (1000, "个", "exact", (None, None), None),
        (150, "个", "exact", (None, None), None),
        (10000, "亿元", "more_than", (2027, 2027), None),
        (40, "%", "approximately", (2027, 2027), None),
        (3, "成", "exact", (2027, 2027), None),
        (3, "个", "exact", (2027, 2027), None),
        (10, "家", "exact", (2027, 2027), None),
        (1200, "家", "exact", (2020, 2020), None),
        (1500, "家", "exact", (2021, 2021), None),
        (2100, "家", "exact", (2022, 2022), None),
        (5, "第", "exact", (None, None), None),
        (10, "名", "at_most", (None, None), None),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_own_paragraphs_give_their_expected_records(run: Run, name: str) -> None:
    """Every stated figure of a briefing-style text comes out, in order, and nothing else."""
    figures = [r for r in draft_of(run, TEXTS / name) if r["kind"] == "figure"]
    got = [(f["value"], f["unit"], f["qualifier"], stated_year(f["period"], f.get("note")), f["direction"]) for f in figures]
    assert got == EXPECTED[name]
    for figure in figures:  # the source's own word for the qualifier stands in the quote
        assert figure["qualifier_text"] is None or figure["qualifier_text"] in figure["source"]["quote"]
        assert (figure["qualifier_text"] is None) == (figure["qualifier"] == "exact")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_draft_validates_and_its_quotes_are_found(run: Run, tmp_path: Path, name: str) -> None:
    """extract --output, validate --draft, curate, then verify against the same text: all quotes found."""
    draft = tmp_path / "draft.json"
    written = run("extract", str(TEXTS / name), "--output", str(draft))
    assert written.exit_code == 0
    count = len(EXPECTED[name])
    assert (
        written.stderr
        == f"cqsmart: wrote a draft of {count} figures to {draft}; check it with: cqsmart validate --draft {draft}\n"
    )
    checked = run("validate", "--draft", str(draft))
    assert checked.exit_code == 0, checked.stderr
    assert checked.stdout.startswith(f"valid: {count + 1} records: {count} figures")
    curated(draft)
    verified = run("--facts", str(draft), "verify", "--source", str(TEXTS / name))
    assert verified.stdout.splitlines()[-1] == f"{count} of {count} quotes found in {TEXTS / name}"


def test_validate_warns_of_each_missing_english_name_and_strict_refuses(run: Run, tmp_path: Path) -> None:
    """Without --draft, every name lacking English is one warning line (exit 0); with --strict one error line, exit 2."""
    text = tmp_path / "t.txt"
    text.write_text("全市新增企业120家，从业人员达3万人。", encoding="utf-8")
    draft = tmp_path / "draft.json"
    run("extract", str(text), "--output", str(draft))
    missing = [
        "t: label.en: no English",
        "t: publisher.en: no English",
        "figure-001: label.en: no English",
        "figure-002: label.en: no English",
    ]
    warned = run("validate", str(draft))
    assert warned.exit_code == 0
    assert warned.stderr.splitlines() == [f"cqsmart: warning: {line}" for line in missing]
    refused = run("validate", "--strict", str(draft))
    assert refused.exit_code == 2
    assert refused.stdout == ""
    assert refused.stderr.splitlines() == [
        *(f"cqsmart: {line}" for line in missing),
        "cqsmart: invalid fact base (4 names without English)",
    ]


def test_a_draft_must_still_hold_everything_else(run: Run, tmp_path: Path) -> None:
    """--draft forgives only English labels: a quote without its value is still an error."""
    text = tmp_path / "t.txt"
    text.write_text("全市新增企业120家。", encoding="utf-8")
    draft = tmp_path / "draft.json"
    run("extract", str(text), "--output", str(draft))
    records = json.loads(draft.read_text(encoding="utf-8"))
    records[1]["value"] = 121
    records[1]["base_value"] = 121
    draft.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    result = run("validate", "--draft", str(draft))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[1:] == [f"{draft}: [1]: source.quote does not contain the value 121"]


def test_a_curated_draft_is_a_fact_base(run: Run, tmp_path: Path) -> None:
    """With English labels written in, the draft is a normal base for --facts."""
    draft = tmp_path / "draft.json"
    run("extract", str(TEXTS / "briefing.txt"), "--source-id", "city-briefing", "--output", str(draft))
    curated(draft)
    records = json.loads(draft.read_text(encoding="utf-8"))
    assert run("validate", str(draft)).exit_code == 0
    result = run("--facts", str(draft), "stats", "--year", "2027", "--format", "csv", "--fields", "id,value,unit")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        '"id","value","unit"',
        '"figure-013",10000,"亿元"',
        '"figure-014",40,"%"',
        '"figure-015",3,"成"',
        '"figure-016",3,"个"',
        '"figure-017",10,"家"',
    ]
    assert records[0]["id"] == "city-briefing" and records[1]["source"]["id"] == "city-briefing"


def test_the_source_record_carries_the_files_sha256(run: Run, tmp_path: Path) -> None:
    """The draft's source record names the file and its SHA-256; a BOM is accepted and hashed as read."""
    import hashlib

    text = tmp_path / "with-bom.txt"
    data = "\ufeff全市新增企业120家。".encode()
    text.write_bytes(data)
    [source, figure] = draft_of(run, text)
    assert (source["file"], source["sha256"], source["id"]) == ("with-bom.txt", hashlib.sha256(data).hexdigest(), "with-bom")
    assert (figure["value"], figure["source"]["quote"]) == (120, "全市新增企业120家")


def test_another_encoding_is_one_clear_line(run: Run, tmp_path: Path) -> None:
    """A GBK text exits 2 with one line saying what is accepted."""
    text = tmp_path / "gbk.txt"
    text.write_bytes("全市新增企业120家。".encode("gbk"))
    result = run("extract", str(text))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"cqsmart: {text}: not UTF-8 text (invalid byte at offset 2); save it as UTF-8 and try again\n"


def test_a_missing_file_is_one_clear_line(run: Run, tmp_path: Path) -> None:
    """A FILE that cannot be read exits 2 with one line."""
    result = run("extract", str(tmp_path / "absent.txt"))
    assert result.exit_code == 2
    assert result.stderr == f"cqsmart: {tmp_path / 'absent.txt'}: no such file or folder\n"


def test_output_never_clobbers_without_force(run: Run, tmp_path: Path) -> None:
    """--output refuses an existing file (exit 2) unless --force, and then replaces it."""
    draft = tmp_path / "draft.json"
    draft.write_text("keep me", encoding="utf-8")
    refused = run("extract", str(TEXTS / "briefing.txt"), "--output", str(draft))
    assert refused.exit_code == 2
    assert refused.stderr == f"cqsmart: {draft} exists; use --force to replace it\n"
    assert draft.read_text(encoding="utf-8") == "keep me"
    forced = run("extract", str(TEXTS / "briefing.txt"), "--output", str(draft), "--force")
    assert forced.exit_code == 0
    assert json.loads(draft.read_text(encoding="utf-8"))[0]["kind"] == "source"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--json", "--output", "x.json"], "cqsmart: --json prints the draft and --output writes it: give one of them\n"),
        (
            ["--source-id", "My Source"],
            "cqsmart: --source-id 'My Source' is not an id: use lower-case letters, digits and hyphens\n",
        ),
    ],
)
def test_bad_options_are_usage_errors(run: Run, args: list[str], message: str) -> None:
    """Conflicting or malformed options exit 2 with one line."""
    result = run("extract", str(TEXTS / "briefing.txt"), *args)
    assert result.exit_code == 2
    assert result.stderr == message


def test_the_table_lists_the_figures_for_review(run: Run) -> None:
    """Without --json, a table of id, Chinese label, value and period; nothing on stderr."""
    result = run("extract", str(TEXTS / "briefing.txt"))
    assert result.exit_code == 0
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert "数据草稿" in lines[0]
    assert any(
        "figure-002" in line and "数字经济核心产业增加值" in line and "12%以上" in line and "2021—2023年" in line
        for line in lines
    )


def test_a_text_without_figures_is_an_empty_success(run: Run, tmp_path: Path) -> None:
    """No figures: exit 0, an empty list, and one line on stderr saying so."""
    text = tmp_path / "plain.txt"
    text.write_text("智慧城市让生活更美好。", encoding="utf-8")
    result = run("extract", str(text), "--json")
    assert result.exit_code == 0
    assert [r["kind"] for r in json.loads(result.stdout)] == ["source"]
    assert result.stderr == f"cqsmart: no figures found in {text}\n"


def test_markup_and_control_characters_stay_inert(run: Run, tmp_path: Path) -> None:
    """Text from the file is data: Rich markup prints literally and a label drops control characters."""
    text = tmp_path / "hostile.txt"
    text.write_text("[red]企业[/]\x1b[31m数量达到120家。", encoding="utf-8")
    result = run("extract", str(text))
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout
    assert "[red]企业[/][31m数量" in result.stdout


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (TEXTS / "transport-interview.txt", ("interview", "重庆日报", "张三", 2021, "01-01")),
        (TEXTS / "communique.txt", ("statistical-release", "未注明", None, 2023, None)),
        (SOURCE, ("interview", "重庆日报", "向菊梅", 2020, "08-13")),
    ],
    ids=["transport", "communique", "interview"],
)
def test_the_source_record_says_what_the_text_says(run: Run, path: Path, expected: tuple[Any, ...]) -> None:
    """The kind of document, publisher and reporter from the by-line, the latest year stated (not a plan year),
    the first date; 未注明 where a required field is not stated, nothing where an optional one is not."""
    if not path.exists():
        pytest.skip("the source text is not checked out beside the project")
    source = draft_of(run, path)[0]
    reporter = source.get("reporter")
    assert (
        source["type"],
        source["publisher"]["zh"],
        reporter and reporter["zh"],
        source["year"],
        source.get("interview_date"),
    ) == expected
    assert source["year_inferred"] is True


def test_json_is_one_record_a_line_and_terminal_inert(run: Run, tmp_path: Path) -> None:
    """--json prints the array as other listings do, one record a line, with bidi controls escaped."""
    text = tmp_path / "bidi.txt"
    text.write_text("企业\u202e数量达到120家。", encoding="utf-8")
    result = run("extract", str(text), "--json")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert (lines[0], lines[-1], len(lines)) == ("[", "]", 4)
    assert "\u202e" not in result.stdout
    assert "\\u202e" in lines[2]
