"""`cqsmart extract` within its bounds: numbers no value can hold, sentences that never end, control
characters, and a draft that its own `validate --draft` always accepts."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from conftest import Run
from cqsmart.extract.draft import extract
from cqsmart.extract.numbers import MAX_DIGITS
from cqsmart.extract.text import MAX_SENTENCE
from cqsmart.model.rules import number_problem
from cqsmart.model.vocabulary import MAX_INTEGER


def draft_of(run: Run, tmp_path: Path, text: str) -> tuple[list[dict[str, Any]], str]:
    """The figures drafted from text and the messages on stderr, after checking the draft validates."""
    path = tmp_path / "text.txt"
    path.write_text(text, encoding="utf-8")
    result = run("extract", str(path), "--output", str(tmp_path / "draft.json"))
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    checked = run("validate", "--draft", str(tmp_path / "draft.json"))
    assert checked.exit_code == 0, checked.stderr
    records = json.loads((tmp_path / "draft.json").read_text(encoding="utf-8"))
    return [record for record in records if record["kind"] == "figure"], result.stderr


def test_a_4301_digit_number_is_skipped_with_a_note(run: Run, tmp_path: Path) -> None:
    """Past Python's int-string limit: no traceback, the run is left out and stderr says so."""
    figures, stderr = draft_of(run, tmp_path, "全市数字经济增加值达到" + "9" * 4301 + "亿元，增长5%。")
    assert [(figure["value"], figure["unit"]) for figure in figures] == [(5, "%")]
    assert "skipped 1 run of digits too long to be a value" in stderr


def test_a_400_digit_value_is_dropped_with_a_note(run: Run, tmp_path: Path) -> None:
    figures, stderr = draft_of(run, tmp_path, "企业数量达到" + "7" * 400 + "家。")
    assert figures == []
    assert "too long to be a value" in stderr


def test_an_integer_past_max_integer_is_dropped_as_validate_would(run: Run, tmp_path: Path) -> None:
    """Under MAX_DIGITS but over what a fact base holds: the model's own rule drops it, with a note."""
    digits = "9" * 30
    assert len(digits) < MAX_DIGITS and number_problem(int(digits)) is not None
    figures, stderr = draft_of(run, tmp_path, f"企业数量达到{digits}家，投资{MAX_INTEGER}元。")
    assert [figure["value"] for figure in figures] == [MAX_INTEGER]
    assert "left out" in stderr and "beyond what a fact base can hold" in stderr


def test_max_digits_is_the_longest_run_read_as_a_number() -> None:
    """A run of MAX_DIGITS characters is read (and then refused as a value); one more is skipped unread."""
    read = extract(("增长" + "1" * MAX_DIGITS + "%。").encode(), "t.txt")
    assert read.figures == [] and [note.startswith("left out") for note in read.notes] == [True]
    skipped = extract(("增长" + "1" * (MAX_DIGITS + 1) + "%。").encode(), "t.txt")
    assert skipped.figures == [] and [note.startswith("skipped 1 run") for note in skipped.notes] == [True]


def test_max_sentence_cuts_a_text_that_never_ends_a_sentence() -> None:
    """Every figure of a stretch without sentence ends is still found, each quote within MAX_SENTENCE."""
    clause = "全市数字经济增加值达到1250亿元，"
    count = 3 * MAX_SENTENCE // len(clause)
    text = "".join(clause.replace("1250", str(1000 + number)) for number in range(count))
    drafted = extract(text.encode(), "t.txt")
    assert [figure["value"] for figure in drafted.figures] == [1000 + number for number in range(count)]
    assert all(len(figure["source"]["quote"]) <= MAX_SENTENCE for figure in drafted.figures)


def test_a_control_character_never_becomes_a_label(run: Run, tmp_path: Path) -> None:
    figures, _ = draft_of(run, tmp_path, "\x08增长5%。\n数字经济\x1b[31m增加值达到1250亿元。")
    labels = [figure["label"]["zh"] for figure in figures]
    assert labels and all(label.isprintable() and label.strip() for label in labels)
    assert "\b" not in labels
