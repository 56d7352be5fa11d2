"""`audit` checks that sources stating the same measure for the same period agree, within their rounding."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import SMALL, Run


def two_sources(tmp_path: Path, value: float, qualifier: str = "exact", qualifier_text: str | None = None) -> Path:
    """small.json with a second source that states the 2020 digital-economy scale too."""
    records: list[dict[str, Any]] = json.loads(SMALL.read_text(encoding="utf-8"))
    interview = next(record for record in records if record["kind"] == "source")
    release = {**interview, "id": "release", "label": {"zh": "统计公报", "en": "Statistical release"}}
    scale = next(record for record in records if record["id"] == "scale-2020")
    quote = f"{qualifier_text or ''}{value:g}亿元"
    restated = {
        **scale,
        "id": "scale-2020-release",
        "value": value,
        "base_value": round(value * 1e8),
        "qualifier": qualifier,
        "qualifier_text": qualifier_text,
        "source": {"id": "release", "quote": quote},
    }
    path = tmp_path / "two-sources.json"
    path.write_text(json.dumps([*records, release, restated], ensure_ascii=False), encoding="utf-8")
    return path


def agreement(run: Run, path: Path) -> dict[str, Any]:
    rows = json.loads(run("--facts", str(path), "audit", "--json").stdout)
    return next(row for row in rows if row["id"].startswith("sources-agree-"))


@pytest.mark.parametrize(
    ("value", "qualifier", "word", "status"),
    [
        (6387, "exact", None, "holds"),
        (6390, "exact", None, "fails"),
        (6000, "more_than", "超", "holds"),
        (6500, "more_than", "超", "fails"),
    ],
)
def test_two_sources_agree_only_within_what_their_digits_and_qualifiers_allow(
    run: Run, tmp_path: Path, value: float, qualifier: str, word: str | None, status: str
) -> None:
    row = agreement(run, two_sources(tmp_path, value, qualifier, word))
    assert row["id"] == "sources-agree-scale-2020"
    assert row["status"] == status
    assert row["terms"] == ["{scale-2020-release}"] and row["expected"] == "{scale-2020}"


def test_a_disagreement_shows_both_values_and_both_quotes(run: Run, tmp_path: Path) -> None:
    row = agreement(run, two_sources(tmp_path, 6390))
    assert row["arithmetic"] == "6390亿元 ≉ 6387亿元"
    assert row["note"] == "interview: 达到6387亿元; release: 6390亿元"
    result = run("--facts", str(tmp_path / "two-sources.json"), "audit", "--lang", "zh")
    assert "各来源一致" in result.stdout and result.stderr.endswith("未通过：2020年数字经济规模：各来源一致\n")


def test_a_base_with_one_source_gets_no_agreement_checks(run: Run) -> None:
    rows = json.loads(run("--facts", str(SMALL), "audit", "--json").stdout)
    assert not [row for row in rows if row["id"].startswith("sources-agree-")]


def test_an_agreement_check_can_be_named(run: Run, tmp_path: Path) -> None:
    path = two_sources(tmp_path, 6390)
    result = run("--facts", str(path), "audit", "sources-agree-scale-2020", "--strict")
    assert result.exit_code == 1
    assert result.stderr == "cqsmart: 0 of 1 checks hold; failing: sources-agree-scale-2020\n"
