"""What a text says of itself: the kind of document, who published it and when, as a draft source record.

The kinds are told apart by the words each genre uses of itself, tried in order, in the heading first
(a heading names its genre: 政府工作报告, 统计公报) and then in the opening of the body. A field the text
does not give is left out (the model's default) or, where the model requires one, 未注明.
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from cqsmart.extract import labels
from cqsmart.extract.periods import document_year
from cqsmart.extract.text import first_line

UNSTATED = "未注明"
OPENING = 600  # characters of the body that say what the text is: a byline, a dateline, 记者…问

# (source type, words that mark it), in the order they are tried in the heading. Every genre mentions
# plans and reports, so the body is searched only for how a text speaks of itself (BODY_GENRES), and
# only when the heading names no genre.
GENRES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("government-report", re.compile(r"政府工作报告")),
    ("statistical-release", re.compile(r"统计公报|统计快报|统计监测|统计局(?:发布|公布)|国民经济和社会发展统计")),
    ("plan", re.compile(r"规划|行动计划|实施方案|行动方案|三年行动")),
    # …or the questions of one: a line that a name opens with a colon and a question mark closes.
    ("interview", re.compile(r"专访|采访|访谈|答记者问|记者[:：]|受访|(?m:^[\u4e00-\u9fff]{2,8}[:：][^\n]*[?？]$)")),
    ("news", re.compile(r"本报讯|记者|日电|讯[(（]|通讯员")),
)
BODY_GENRES = ("interview", "statistical-release", "news")
_BYLINE = re.compile(r"(?:([\u4e00-\u9fff]{2,10}?)记者|记者)[ \t\u3000]*([\u4e00-\u9fff]{2,4})(?![\u4e00-\u9fff])")
_PUBLISHER = re.compile(r"[\u4e00-\u9fff]{2,12}?(?:统计局|人民政府|大数据发展局|经济和信息化委员会|通信管理局)")
# A news agency's dateline: 新华社杭州7月5日电.
_DATELINE = re.compile(r"([\u4e00-\u9fff]{2,5}社)[\u4e00-\u9fff]{0,6}\d{1,2}月\d{1,2}日电")
_DAY = re.compile(r"(?<!\d)(\d{1,2})月(\d{1,2})日")
_FULL_DATE = re.compile(r"((?:19|20)\d\d)年(\d{1,2})月(\d{1,2})日")


def genre(text: str) -> str:
    """The source type the text's own words give: its heading's, else its opening's, else `other`."""
    heading, opening = _title(text), text[:OPENING]
    for kind, marks in GENRES:
        if heading and marks.search(heading):
            return kind
    marks_by_kind = dict(GENRES)
    return next((kind for kind in BODY_GENRES if marks_by_kind[kind].search(opening)), "other")


def _title(text: str) -> str:
    """The first line when it is a title (short, no full stop), not the first sentence of the body."""
    line = first_line(text)
    return line if len(line) <= 60 and "。" not in line else ""


def source(text: str, data: bytes, file_name: str, source_id: str) -> dict[str, Any]:
    """The draft's source record: interview fields only for an interview, and only what the text says."""
    kind = genre(text)
    heading, opening = first_line(text), text[:OPENING]
    byline = _BYLINE.search(text)
    year, year_from = document_year(text, file_name)
    dateline = _DATELINE.search(opening)
    found = byline[1] if byline and byline[1] else dateline[1] if dateline else None
    publisher = found or (_PUBLISHER.search(opening) or [UNSTATED])[0]
    record: dict[str, Any] = {
        "id": source_id,
        "kind": "source",
        "type": kind,
        "label": {"zh": labels.printable(heading or file_name)[:200] or file_name[:200]},
        "publisher": {"zh": publisher},
        "year": year,
        "year_inferred": True,
        "file": file_name[-255:],
        "sha256": hashlib.sha256(data).hexdigest(),
    }
    dated = _FULL_DATE.search(opening)
    if dated and 1 <= int(dated[2]) <= 12 and 1 <= int(dated[3]) <= 31:
        record["published"] = f"{dated[1]}-{int(dated[2]):02d}-{int(dated[3]):02d}"
    if byline and kind != "interview":
        record["authors"] = [{"zh": byline[2]}]
    said = f"the year is {year_from}"
    if kind == "interview":
        day = _DAY.search(text)
        known_day = day and 1 <= int(day[1]) <= 12 and 1 <= int(day[2]) <= 31
        record["reporter"] = {"zh": byline[2] if byline else UNSTATED}
        record["interviewee"] = {"name": {"zh": UNSTATED}, "role": {"zh": UNSTATED}}
        record["interview_date"] = f"{int(day[1]):02d}-{int(day[2]):02d}" if day and known_day else "01-01"
        said += ", the interview date the first the text states (01-01 when none)"
    record["note"] = (
        f"Drafted by cqsmart extract: {kind} by its own words; {said}; {UNSTATED} marks what the text"
        " does not say. Curate before use."
    )
    return record
