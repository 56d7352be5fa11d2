"""Sources describe documents: an interview has its reporter, interviewee and date; other documents none."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import SMALL, Run

INTERVIEW_ONLY = ("reporter", "interviewee", "interview_date")


def with_source(tmp_path: Path, **changes: Any) -> Path:
    records: list[dict[str, Any]] = json.loads(SMALL.read_text(encoding="utf-8"))
    source = next(record for record in records if record["kind"] == "source")
    source.update(changes)
    for name, value in changes.items():
        if value is ...:
            del source[name]
    path = tmp_path / "base.json"
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


def problems(run: Run, path: Path, *options: str) -> list[str]:
    result = run("validate", str(path), "--json", *options)
    return [problem["reason"] for problem in json.loads(result.stdout)["problems"]]


def release(tmp_path: Path, **more: Any) -> Path:
    changes: dict[str, Any] = {
        "type": "statistical-release",
        **dict.fromkeys(INTERVIEW_ONLY, ...),
        "publisher": {"zh": "重庆市统计局", "en": "Chongqing Municipal Bureau of Statistics"},
    }
    return with_source(tmp_path, **(changes | more))


def test_a_statistical_release_needs_no_interview_fields(run: Run, tmp_path: Path) -> None:
    path = release(tmp_path, url="https://tjj.cq.gov.cn/release.html", published="2021-03", authors=[])
    assert problems(run, path) == []
    source = json.loads(run("--facts", str(path), "sources", "--json").stdout)[0]
    assert (source["type"], source["reporter"], source["interviewee"], source["interview_date"]) == (
        "statistical-release",
        None,
        None,
        None,
    )
    assert (source["url"], source["published"]) == ("https://tjj.cq.gov.cn/release.html", "2021-03")


def test_a_source_without_a_type_is_an_interview(run: Run) -> None:
    source = json.loads(run("--facts", str(SMALL), "sources", "--json").stdout)[0]
    assert (source["type"], source["url"], source["published"], source["authors"]) == ("interview", None, None, [])


def test_an_interview_without_its_reporter_is_refused(run: Run, tmp_path: Path) -> None:
    path = with_source(tmp_path, reporter=..., interview_date=None)
    assert problems(run, path) == ["an interview needs reporter, interview_date"]


def test_a_release_with_an_interviewee_is_refused(run: Run, tmp_path: Path) -> None:
    path = release(tmp_path, interviewee={"name": {"zh": "杨帆", "en": "Yang Fan"}, "role": {"zh": "局长", "en": "Director"}})
    assert problems(run, path) == ["interviewee belongs to interviews only, not to a statistical-release"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("published", "2021-13"), ("published", "21"), ("url", "ftp://x"), ("url", "https://a b"), ("type", "blog")],
)
def test_a_malformed_document_field_is_refused(run: Run, tmp_path: Path, field: str, value: str) -> None:
    assert len(problems(run, release(tmp_path, **{field: value}))) == 1


@pytest.mark.parametrize("published", ["2021", "2021-03", "2021-03-05"])
def test_a_publication_date_may_be_partial(run: Run, tmp_path: Path, published: str) -> None:
    assert problems(run, release(tmp_path, published=published)) == []


def test_cite_uses_the_document_s_authors_date_and_address(run: Run, tmp_path: Path) -> None:
    path = release(
        tmp_path,
        url="https://tjj.cq.gov.cn/release.html",
        published="2021-03-05",
        authors=[{"zh": "王五", "en": "Wang Wu"}],
        year_inferred=False,
    )
    apa = run("--facts", str(path), "cite", "scale-2020", "--lang", "en").stdout
    assert apa.splitlines()[0] == (
        "Wang, W. (2021). Building the pillars of a smart city [构建智慧名城“四梁八柱”]. Chongqing Municipal Bureau of"
        " Statistics. Published 5 March 2021. https://tjj.cq.gov.cn/release.html"
    )
    bibtex = run("--facts", str(path), "cite", "scale-2020", "--style", "bibtex", "--lang", "en").stdout
    assert bibtex.startswith("@techreport{scale-2020,\n  author = {Wang, Wu},")
    assert "  url = {https://tjj.cq.gov.cn/release.html}," in bibtex
