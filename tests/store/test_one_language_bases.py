"""A base with names in Chinese only is usable: queried as it is, English views mark the Chinese, validate warns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import Run
from cqsmart.render.values import label
from cqsmart.store.validate import missing_english


@pytest.fixture
def draft(run: Run, tmp_path: Path) -> Path:
    text = tmp_path / "some.txt"
    text.write_text("全市工业用电量增长12%，新增企业120家。", encoding="utf-8")
    path = tmp_path / "draft.json"
    assert run("extract", str(text), "-o", str(path)).exit_code == 0
    return path


def test_an_english_view_shows_a_name_without_english_in_chinese_marked() -> None:
    record = {"label": {"zh": "工业用电量", "en": None}}
    assert label(record, "en") == "工业用电量 [zh]"
    assert label(record, "zh") == "工业用电量"
    assert label(record, "both") == "工业用电量"
    named = {"label": {"zh": "工业用电量", "en": "Industrial electricity use"}}
    assert label(named, "both") == "工业用电量 / Industrial electricity use"


def test_missing_english_names_each_field_by_record_and_path() -> None:
    records = [
        {"id": "s", "kind": "source", "label": {"zh": "文", "en": None}, "publisher": {"zh": "社", "en": "Press"}},
        {"id": "a", "kind": "alias", "terms": {"zh": ["重庆", "我市"], "en": []}},
        {"id": "f", "kind": "figure", "label": {"zh": "量"}},
    ]
    assert missing_english(records) == ["s: label.en", "f: label.en"]


def test_an_extract_draft_is_queried_directly(run: Run, draft: Path) -> None:
    english = run("stats", "--facts", str(draft), "--lang", "en")
    assert english.exit_code == 0, english.stderr
    assert "工业用电量 [zh]" in english.stdout
    chinese = run("stats", "--facts", str(draft), "--lang", "zh")
    assert "[zh]" not in chinese.stdout
    figures = json.loads(run("stats", "--facts", str(draft), "--json").stdout)
    assert [figure["label"] for figure in figures] == [{"zh": "工业用电量", "en": None}, {"zh": "新增企业", "en": None}]


@pytest.mark.parametrize("command", [["search", "用电"], ["ask", "工业用电量是多少"], ["show", "figure-001"], ["cite", "some"]])
def test_every_command_works_on_a_base_without_english(run: Run, draft: Path, command: list[str]) -> None:
    for lang in ("en", "zh", "both"):
        result = run(*command, "--facts", str(draft), "--lang", lang)
        assert result.exit_code == 0, result.stderr
        assert "None" not in result.stdout
