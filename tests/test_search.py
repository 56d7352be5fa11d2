"""`search`: ranked matching with the analysis `ask` uses, instead of all-terms substrings."""

from __future__ import annotations

import json

import pytest

from conftest import Run


def ids(run: Run, *args: str) -> list[str]:
    result = run("search", *args, "--json")
    assert result.exit_code == 0, result.stderr
    return [record["id"] for record in json.loads(result.stdout)]


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("渝康码功能", "yukangma-functions"),
        ("渝康碼功能", "yukangma-functions"),
        ("智能化创新应用项目数", "smart-innovation-projects"),
        ("“渝快办”用户", "yukuaiban-users"),
        ("数据中心年均增速", "data-centre-scale-annual-growth"),
        ("网上政务服务排名", "online-government-service-rank"),
        ("How many people use the health code?", "yukangma-users"),
        ("yu kuai ban users", "yukuaiban-users"),
        ("helth code visits", "yukangma-visits"),
        ("rack utilization", "data-centre-rack-utilisation-above-national"),
        ("重庆计划培育多少家独角兽企业", "planned-listed-unicorn-enterprises"),
    ],
)
def test_glued_phrases_questions_and_variants_find_the_record_first(run: Run, text: str, first: str) -> None:
    """Glued Chinese, quotation marks, question words, synonyms, pinyin and typos still find the record first."""
    assert ids(run, text)[0] == first


def test_smart_innovation_projects_finds_the_projects_and_their_number(run: Run) -> None:
    """The issue's phrase finds the initiative whose label names those projects, and the figure counting them."""
    assert ids(run, "smart innovation projects")[:2] == ["small-incision-big-livelihood-projects", "smart-innovation-projects"]


def test_derived_figures_only_with_derived(run: Run) -> None:
    """Derived figures are left out unless --derived is given; asked for by name, they come first."""
    rows = json.loads(run("search", "GDP growth", "--json").stdout)
    assert rows and not any(row["kind"] == "figure" and row["derived"] for row in rows)
    assert ids(run, "implied GDP growth", "--derived")[0].startswith("implied-gdp-growth-")


def test_ranked_matching_keeps_records_that_lack_a_filler_word(run: Run) -> None:
    """Adding 重庆 or 计划 to the text no longer empties the result, as all-terms matching did."""
    assert ids(run, "重庆渝康码")[0].startswith("yukangma")
    assert "planned-rd-innovation-platforms" in ids(run, "计划 研发创新平台")


def test_unrelated_text_matches_nothing(run: Run) -> None:
    """Text the base never mentions is success with an empty result and a note, not a nearest guess."""
    result = run("search", "quantum blockchain", "--json")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "[]\n", "cqsmart: nothing matches 'quantum blockchain'\n")


def test_search_json_rows_are_whole_records(run: Run) -> None:
    """Each row is the record as `stats --json` gives it: no field added or renamed."""
    (row, *_) = json.loads(run("search", "渝康码功能", "--json").stdout)
    stats = {record["id"]: record for record in json.loads(run("stats", "--json").stdout)}
    assert row == stats["yukangma-functions"]


def test_the_index_is_rebuilt_when_the_character_folding_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    """t2s shapes what an index holds (traditional characters folded), so an edit of it changes the
    code stamp that keys the cached index, like an edit of the lexicon."""
    import os

    from cqsmart.cli import indexes

    before = indexes._code_stamp()
    real_stat = os.stat

    def stat(path: str) -> os.stat_result:
        status = real_stat(path)
        return os.stat_result((*status[:6], status.st_size + 1, *status[7:])) if path.endswith("t2s.py") else status

    monkeypatch.setattr(indexes.os, "stat", stat)
    assert indexes._code_stamp() != before


def test_searching_for_the_economy_still_finds_the_digital_economy(run: Run) -> None:
    """Only `ask` reads the economy unqualified as GDP; a search for it lists the digital economy too."""
    result = run("search", "economy", "--json")
    assert result.exit_code == 0
    assert "digital-economy-scale-2020" in [row["id"] for row in json.loads(result.stdout)]
