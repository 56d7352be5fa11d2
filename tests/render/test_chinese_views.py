"""Chinese views name lines, areas and topics in Chinese, never by slug; an empty comparison draws nothing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from conftest import Run

FACTS = Path(__file__).resolve().parents[2] / "facts"
SLUG = re.compile(r"\b[a-z]+(?:-[a-z]+)+\b|\b(?:strategy|rules|elements|scenarios|platforms|computing|rankings)\b")


def test_every_line_area_and_topic_of_the_base_has_both_labels() -> None:
    """Each slug the base uses has a Chinese and an English label, as every label of the base does."""
    from cqsmart.model.vocabulary import LINE_LABELS, TEXT_MAX, TOPIC_LABELS, Line, TargetArea

    records = [
        record for name in ("figures", "initiatives", "targets") for record in json.loads((FACTS / f"{name}.json").read_text())
    ]
    assert {record["topic"] for record in records} <= set(TOPIC_LABELS)
    assert {line.value for line in Line} | {area.value for area in TargetArea} <= set(LINE_LABELS)
    for zh, en in [*LINE_LABELS.values(), *TOPIC_LABELS.values()]:
        assert re.search(r"[\u4e00-\u9fff]", zh) and not re.search(r"[A-Za-z]", zh)
        assert en.isascii() and 0 < len(en) <= TEXT_MAX


@pytest.mark.parametrize(
    "args",
    [
        ["topics"],
        ["initiatives"],
        ["targets"],
        ["show", "big-data-intelligence-strategy"],
        ["compare", "digital-economy-growth", "implied-gdp-growth"],
    ],
    ids=" ".join,
)
def test_chinese_views_show_no_slug(run: Run, args: list[str]) -> None:
    """--lang zh: topics, lines, 主题 and compare's headers and legend are Chinese (ids, English label: own rows)."""
    shown = run(*args, "--lang", "zh", env={"COLUMNS": "200"}).stdout
    shown = "\n".join(
        line for line in shown.splitlines() if not line.lstrip().startswith(("编号", "英文名称", "上级", "下级", "所属"))
    )
    assert not SLUG.search(shown), SLUG.search(shown)


def test_an_empty_comparison_draws_no_table(run: Run) -> None:
    """compare 2018 2021 has no metric in common: exit 0, nothing on stdout, one line on stderr."""
    for fmt in ("table", "markdown"):
        result = run("compare", "2018", "2021", "--format", fmt)
        assert (result.exit_code, result.stdout) == (0, "")
        assert result.stderr.count("\n") == 1 and "years with figures" in result.stderr
    assert run("compare", "2018", "2021", "--json").stdout.strip() == "[]"


def test_notes_on_stderr_follow_the_language(run: Run) -> None:
    """With --lang zh the failing-check note and the empty comparison's line are Chinese; English stays English."""
    chinese = run("compare", "2018", "2020", "--lang", "zh").stderr
    assert chinese.startswith("cqsmart: 注意：") and "note" not in chinese
    assert run("compare", "2018", "2020", "--lang", "en").stderr.startswith("cqsmart: note: these figures")
    empty = run("compare", "2018", "2021", "--lang", "zh")
    assert (empty.exit_code, empty.stdout) == (0, "")
    assert empty.stderr == "cqsmart: 没有指标在2018、2021年都有数值；有数据的年份：2017、2018、2019、2020、2021\n"
