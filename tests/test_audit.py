"""`cqsmart audit`: the source's arithmetic checked in the open, through the real CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from conftest import FACT_BASES, SMALL, Run
from cqsmart.model.factbase import FIELDS_BY_KIND

SUMMARY = "cqsmart: 7 of 9 checks hold; failing: share-of-gdp-compounds-2017-2020, implied-gdp-2017-below-2020\n"
NOTE = (
    "cqsmart: note: these figures take part in a failing check: share-of-gdp-compounds-2017-2020,"
    " implied-gdp-2017-below-2020 (see 'cqsmart audit')\n"
)


def rows(run: Run, *args: str) -> dict[str, dict[str, Any]]:
    result = run("audit", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return {row["id"]: row for row in json.loads(result.stdout)}


def check(check_id: str, terms: list[str], relation: str, expected: str | None) -> dict[str, Any]:
    return {
        "id": check_id,
        "kind": "check",
        "label": {"zh": "检验", "en": f"Check {check_id}"},
        "terms": terms,
        "relation": relation,
        "expected": expected,
        "note": "A check for the tests.",
    }


def small_with(tmp_path: Path, *checks: dict[str, Any]) -> Path:
    """The small single-file base with these checks mixed in among its records."""
    records = json.loads(SMALL.read_text(encoding="utf-8"))
    path = tmp_path / "with-checks.json"
    path.write_text(json.dumps([*records[:3], *checks, *records[3:]], ensure_ascii=False), encoding="utf-8")
    return path


def test_audit_shows_the_failing_compounding_with_its_arithmetic(run: Run) -> None:
    """The 2017 share grown at the stated rates gives about 21.3%, not 25.5%: the check fails, shown in full."""
    row = rows(run)["share-of-gdp-compounds-2017-2020"]
    assert row["status"] == "fails"
    assert row["arithmetic"] == "16 × (1 + 55.9 / 100) / (1 + 17.1 / 100) = 21.3% (20.55–22.06%) ≉ 25.5% (25.45–25.55%)"
    assert row["relation"] == "≈"
    assert round(row["values"][0], 1) == 21.3
    assert row["expected_value"] == 25.5


def test_audit_shows_the_holding_checks(run: Run) -> None:
    """Rising growth, three double-digit years, growth above GDP and the growth arithmetic all hold."""
    found = rows(run)
    assert found["digital-economy-growth-rising"]["arithmetic"] == "13.7% < 15.9% < 18.3%"
    assert found["digital-economy-double-digit-growth"]["arithmetic"] == "13.7% ≥ 10%, 15.9% ≥ 10%, 18.3% ≥ 10%"
    assert (
        found["digital-economy-growth-above-gdp-growth"]["arithmetic"]
        == "7.7个百分点 > 0个百分点, 9.6个百分点 > 0个百分点, 14.4个百分点 > 0个百分点"
    )
    assert found["implied-gdp-growth-2020-adds-up"]["arithmetic"] == "18.3 - 14.4 = 3.9% = 3.9%"
    assert found["implied-gdp-2017-below-2020"]["arithmetic"] == "25606亿元 ≮ 25047亿元"
    assert found["implied-gdp-2020-from-scale-and-share"]["status"] == "holds"
    holding = {check_id for check_id, row in found.items() if row["status"] == "holds"}
    assert len(holding) == 7


def test_audit_exits_0_and_summarises_on_stderr(run: Run) -> None:
    """Failing checks are findings, not errors: exit 0, and one summary line on stderr."""
    result = run("audit")
    assert result.exit_code == 0
    assert result.stderr == SUMMARY
    assert "The 2017 share, grown at" in result.stdout and "fails" in result.stdout


def test_strict_exits_1_when_a_check_fails(run: Run) -> None:
    """`--strict` turns a failing check into exit status 1, for scripts and CI."""
    result = run("audit", "--strict", "--json")
    assert result.exit_code == 1
    assert result.stderr == SUMMARY
    assert len(json.loads(result.stdout)) == 9


def test_strict_exits_0_when_the_named_checks_hold(run: Run) -> None:
    """Naming only holding checks, `--strict` exits 0."""
    result = run("audit", "--strict", "digital-economy-growth-rising", "implied-gdp-growth-2019-adds-up")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == "cqsmart: 2 of 2 checks hold\n"


def test_unknown_check_is_not_found(run: Run) -> None:
    """A check id that does not exist exits 1 with the close matches."""
    result = run("audit", "digital-economy-growth-rises")
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "cqsmart: no check 'digital-economy-growth-rises'; did you mean digital-economy-growth-rising"
    )


def test_json_rows_follow_the_contract(run: Run) -> None:
    """Each JSON row has exactly the documented audit fields, in order."""
    result = run("audit", "--json")
    for row in json.loads(result.stdout):
        assert tuple(row) == FIELDS_BY_KIND["audit"]
        assert row["status"] in ("holds", "fails")


def test_chinese_table_is_chinese(run: Run) -> None:
    """In Chinese the labels and the status are Chinese; the arithmetic is symbols and numbers."""
    result = run("audit", "--lang", "zh", "--format", "markdown", "--fields", "label,status")
    assert "| 2017年占比按增速推算到2020年应与25.5%相符 | 不成立 |" in result.stdout
    assert "| 数字经济增速逐年走高 | 成立 |" in result.stdout


@pytest.mark.parametrize(
    ("terms", "relation", "expected", "status", "arithmetic"),
    [
        (["{growth-2018}", "{growth-2020}"], "all-rising", None, "holds", "13.7% < 18.3%"),
        (["{growth-2020}", "{growth-2018}"], "all-rising", None, "fails", "18.3% ≮ 13.7%"),
        (
            ["{growth-2018} + 0.9"],
            "≈",
            "{growth-2020} - 3.75",
            "holds",
            "13.7 + 0.9 = 14.6 (14.55–14.65) ≈ " + "18.3 - 3.75 = 14.6 (14.50–14.60)",
        ),
        (
            ["{growth-2018} + 1"],
            "≈",
            "{growth-2020} - 3.75",
            "fails",
            "13.7 + 1 = 14.7 (14.65–14.75) ≉ " + "18.3 - 3.75 = 14.6 (14.50–14.60)",
        ),
        (["{growth-2020} - {gap-2020}"], "=", "{gdp-growth-2020}", "holds", "18.3 - 14.4 = 3.9% = 3.9%"),
        (["{growth-2020} - {gap-2020}"], "=", "4", "fails", "18.3 - 14.4 = 3.9 ≠ 4"),
        (["{scale-2020}"], ">", "6000", "holds", "6387亿元 > 6000亿元"),
        (["{scale-2020}"], "<", "6000", "fails", "6387亿元 ≮ 6000亿元"),
        (["{growth-2018}", "{gap-2020}"], "all ≥", "14", "fails", "13.7 ≱ 14, 14.4 ≥ 14"),
        (["{growth-2018}", "{gap-2020}"], "all >", "13.7", "fails", "13.7 ≯ 13.7, 14.4 > 13.7"),
    ],
)
def test_each_relation_on_a_custom_base(
    run: Run, tmp_path: Path, terms: list[str], relation: str, expected: str | None, status: str, arithmetic: str
) -> None:
    """Every relation holds or fails by its rule, on a base with its checks mixed into one file."""
    path = small_with(tmp_path, check("custom", terms, relation, expected))
    (row,) = json.loads(run("--facts", str(path), "audit", "--json").stdout)
    assert (row["status"], row["arithmetic"]) == (status, arithmetic)


def test_folder_with_and_without_checks_file(run: Run, tmp_path: Path) -> None:
    """A folder without checks.json is valid and audits to nothing; with one, its checks are run."""
    folder = tmp_path / "base"
    shutil.copytree(FACT_BASES / "valid" / "folder", folder)
    empty = run("--facts", str(folder), "audit", "--strict", "--json")
    assert (empty.exit_code, empty.stdout) == (0, "[]\n")
    assert empty.stderr == "cqsmart: the fact base has no checks (a folder keeps them in checks.json)\n"
    rising = check("growth-rising", ["{growth-2018}", "{growth-2020}"], "all-rising", None)
    (folder / "checks.json").write_text(json.dumps([rising], ensure_ascii=False), encoding="utf-8")
    result = run("--facts", str(folder), "audit", "--strict", "--json")
    assert result.exit_code == 0, result.stderr
    assert [row["id"] for row in json.loads(result.stdout)] == ["growth-rising"]


def test_checks_json_holds_only_checks(run: Run, tmp_path: Path) -> None:
    """A figure in checks.json is refused like any record in the wrong file."""
    folder = tmp_path / "base"
    shutil.copytree(FACT_BASES / "valid" / "folder", folder)
    figures = json.loads((folder / "figures.json").read_text(encoding="utf-8"))
    (folder / "checks.json").write_text(json.dumps(figures[:1], ensure_ascii=False), encoding="utf-8")
    result = run("--facts", str(folder), "validate")
    assert result.exit_code == 2
    assert f"{folder / 'checks.json'}: [0].kind: checks.json holds only 'check' records" in result.stderr.splitlines()


def test_compare_mentions_a_failing_check_once(run: Run) -> None:
    """`compare 2017 2020` shows the share rising 9.5 points and notes, once, the checks it fails."""
    result = run("compare", "2017", "2020", "--json")
    assert result.exit_code == 0
    assert result.stderr == NOTE
    assert json.loads(result.stdout)[0]["change"] == 9.5


def test_show_mentions_a_failing_check_of_its_figure(run: Run) -> None:
    """`show` of a figure a failing check rests on says so on stderr; an unrelated one says nothing."""
    assert run("show", "digital-economy-share-of-gdp-2017").stderr == NOTE
    quiet = run("show", "yukangma-users")
    assert (quiet.exit_code, quiet.stderr) == (0, "")


def test_show_of_a_check_gives_its_formulas(run: Run) -> None:
    """`show` of a check lists its terms, relation and expected formula."""
    shown = run("show", "implied-gdp-2017-below-2020", "--format", "markdown").stdout
    assert "| terms | {implied-gdp-2017} |" in shown
    assert "| relation | &lt; |" in shown
    assert "| expected | {implied-gdp-2020} |" in shown


def test_check_records_have_exactly_the_contract_fields(run: Run) -> None:
    """A check found by `search --json` carries every field of the check contract, in order."""
    from cqsmart.model.records import Check

    assert tuple(Check.model_fields) == FIELDS_BY_KIND["check"]
    found = [row for row in json.loads(run("search", "compounds", "--json").stdout) if row["kind"] == "check"]
    assert found
    assert all(tuple(row) == FIELDS_BY_KIND["check"] for row in found)


def test_a_chinese_summary_names_the_failing_checks_by_their_chinese_names(run: Run) -> None:
    result = run("audit", "--lang", "zh")
    assert result.stderr == (
        "cqsmart: 9 项核对中 7 项通过；未通过：2017年占比按增速推算到2020年应与25.5%相符、隐含2017年GDP低于隐含2020年GDP\n"
    )


def test_the_note_under_a_chinese_table_names_failing_checks_in_chinese(run: Run) -> None:
    result = run("compare", "2018", "2019", "2020", "--lang", "zh")
    assert result.exit_code == 0
    assert result.stderr.startswith("cqsmart: 注意：所示数据涉及未通过的核对：2017年占比按增速推算到2020年应与25.5%相符")
