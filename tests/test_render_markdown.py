"""Markdown carries text from fact files as text: HTML in a label is shown, never interpreted; and
--fields names each field once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import SMALL, Run


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    records = json.loads(SMALL.read_text(encoding="utf-8"))
    for record in records:
        if record["id"] == "growth-2020":
            record["label"] = {"zh": "<script>alert(1)</script>增速", "en": "<script>alert(1)</script> &lt;growth&gt;"}
    path = tmp_path / "hostile.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_markdown_cells_escape_html_from_labels(run: Run, hostile: Path, lang: str) -> None:
    result = run("--facts", str(hostile), "stats", "--format", "markdown", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    assert "<script>" not in result.stdout and "&lt;script&gt;alert(1)&lt;/script&gt;" in result.stdout
    if lang == "en":
        assert "&amp;lt;growth&amp;gt;" in result.stdout  # an entity in the label reads as written


def test_markdown_show_escapes_html(run: Run, hostile: Path) -> None:
    text = run("--facts", str(hostile), "show", "growth-2020", "--format", "markdown").stdout
    assert "<script>" not in text and "&lt;script&gt;" in text


def test_markdown_keeps_its_own_line_breaks(run: Run) -> None:
    assert "<br>" in run("targets", "--format", "markdown").stdout


def test_fields_naming_a_field_twice_is_refused(run: Run) -> None:
    result = run("stats", "--fields", "id,id")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == "cqsmart: --fields names 'id' twice; name each field once\n"
