"""The time a figure refers to: a year in its sentence, the years of a 分别 list over a span, a span
for 累计 or 年均 over years, a span since a year or a named time (党的十八大以来), the plan year of
到2030年; None where the sentence states none. The genre's words are tables (NAMED_STARTS, PLAN_POINTS,
RELATIVE_YEARS, PARTS), so that a phrase the code does not know is a new row, not a new branch."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from cqsmart.extract.text import Sentence, first_line

_YEAR = r"(?:19[5-9]\d|20\d\d)"
SPAN = re.compile(f"(?P<start>{_YEAR})(?:年)?(?:至|到|—|–|-|~|～)(?P<end>{_YEAR})年")
# 2020年, 《2020数字政府…》, 《数字中国发展报告(2022)》
YEAR = re.compile(f"(?P<year>{_YEAR})年(?!代)|(?<=《)(?P<titled>{_YEAR})|(?<=[告书](?:\\(|（))(?P<edition>{_YEAR})(?=\\)|）)")
# A five-year plan period: 十三五 is 2016–2020, 十四五 2021–2025; not its name (十四五规划) nor a baseline (初期).
PLAN = re.compile("“?十([一二三四五])五(?!”?(?:规划|初期|以来))”?(?:期间|时期)?")
_PLAN_ORDINALS = "一二三四五"
# Words after a plan's name that point at one of its years: 十三五末 is 2020, 十四五开局之年 2021.
PLAN_POINTS = {"末": 4, "收官": 4, "最后一年": 4, "开局": 0, "首年": 0, "第一年": 0}
# 连续七年, 近三年, 过去五年, 10年来, 两年平均: a span of N years ending at the year the figure is dated by.
_COUNT = "(\\d{1,2}|[两二三四五六七八九十]{1,2})"
YEARS_RUNNING = re.compile(f"(?:连续|近|过去|最近){_COUNT}年|(?<![\\d年]){_COUNT}年(?:来|间|以来|平均)")
# Words after a year that make it the start of a span to the year the text is about: 2018年以来, 2019年至今.
_SINCE_AFTER = ("以来", "至今", "起", "开始")
# Times a text names rather than dates, as the year a span since them starts: 党的十八大以来 runs from 2012,
# “十三五”以来 from 2016.
NAMED_STARTS = {
    **{"十四大": 1992, "十五大": 1997, "十六大": 2002, "十七大": 2007, "十八大": 2012, "十九大": 2017, "二十大": 2022},
    **{f"十{ordinal}五": 2006 + 5 * index for index, ordinal in enumerate(_PLAN_ORDINALS)},
}
NAMED_SINCE = re.compile(f"“?({'|'.join(NAMED_STARTS)})”?(?:时期|期间)?以来")
# The part of the year a figure covers, by the word that names it.
PARTS = {
    "上半年": "first_half",
    "下半年": "second_half",
    "前三季度": "first_three_quarters",
    **{f"{prefix}{ordinal}季度": f"q{index}" for index, ordinal in enumerate("一二三四", 1) for prefix in ("", "第")},
}
PART = re.compile("|".join(sorted(PARTS, key=len, reverse=True)))
# The words that say when and name nothing measured, as a label may open with them: 近五年, 2019年以来, 同期, 一季度.
TIME_OPENING = re.compile(
    f"^(?:(?:党的)?{NAMED_SINCE.pattern}|(?:自|从)?{_YEAR}年(?:{'|'.join(_SINCE_AFTER)})|{YEARS_RUNNING.pattern}|(?:上年)?同期"
    f"|{PART.pattern})"
)
_BASELINE_BEFORE = ("比", "较", "同比", "与", "相比", "对比")
# Years named by their distance from the document's: 截至去年 in a 2021 text is 2020.
RELATIVE_YEARS = {"今年": 0, "本年": 0, "去年": -1, "前年": -2}
_RELATIVE_YEAR = re.compile("|".join(RELATIVE_YEARS))


def relative_years(text: str) -> list[tuple[int, int, bool]]:
    """(position, years from the document's, since) of each 今年 or 去年 that dates the text, not a
    baseline (比去年同期); since when a span starts there (去年8月以来), running to the present year."""
    return [
        (match.start(), RELATIVE_YEARS[match.group()], bool(_RELATIVE_SINCE.match(text, match.end())))
        for match in _RELATIVE_YEAR.finditer(text)
        if not text.endswith(_BASELINE_BEFORE, 0, match.start())
    ]


# The rest of a span's start after 去年 (去年8月以来, 去年年底至今): a month, a quarter or an end of the year.
_RELATIVE_SINCE = re.compile(f"(?:\\d{{1,2}}月份?|[一二三四]季度|年初|年中|年底|底)?(?:{'|'.join(_SINCE_AFTER)})")
# A change measured from the start of a plan (较“十三五”初期提升9.6个百分点) runs from the plan's first year.
_CHANGE_SINCE_PLAN = re.compile(f"(?:{'|'.join(_BASELINE_BEFORE)})“?十([{_PLAN_ORDINALS}])五”?初期")


def change_since(words: str) -> int | None:
    """The year a change stated in words starts from: the first year of the plan it is measured from."""
    found = _CHANGE_SINCE_PLAN.findall(words)
    return 2006 + 5 * _PLAN_ORDINALS.index(found[-1]) if found else None


_ATTACHED_AFTER = ("的",)


@dataclass(frozen=True)
class YearMention:
    start: int
    end: int
    first: int
    last: int
    attached: bool  # 由2017年的16%: the year of the next number only
    plan: bool = False  # 十三五: a plan period, not a list of years for a 分别 list
    since: bool = False  # 2018年以来: a span from the year to the year the text is about
    baseline: bool = False  # 较“十三五”期间: what a figure is compared with, dating that figure only


def years(text: str) -> list[YearMention]:
    """Years and spans of years the sentence states, leaving out baselines (比2019年); 2018年以来 is
    marked since, its end being the year the text is about."""
    found: list[YearMention] = []
    taken: list[tuple[int, int]] = []
    for match in SPAN.finditer(text):
        first, last = int(match["start"]), int(match["end"])
        if first < last:
            found.append(YearMention(match.start(), match.end(), first, last, False))
            taken.append(match.span())
    for match in YEAR.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        after = text[match.end() :]
        if _baseline(text, match):
            continue
        if after.startswith(_SINCE_AFTER):
            year = int(match["year"] or match["titled"] or match["edition"])
            found.append(YearMention(match.start(), match.end(), year, year, False, since=True))
            continue
        attached = after.startswith(_ATTACHED_AFTER) or bool(re.match(r"[\d.]+(?![\d.]*[月季])", after))
        year = int(match["year"] or match["titled"] or match["edition"])
        found.append(YearMention(match.start(), match.end(), year, year, attached))
    for match in NAMED_SINCE.finditer(text):
        year = NAMED_STARTS[match[1]]
        found.append(YearMention(match.start(), match.end(), year, year, False, since=True))
    for match in PLAN.finditer(text):
        # 超过“十三五”期间每年2个百分点: a period compared with dates only the figure it is compared by
        compared = text[max(0, match.start() - 3) : match.start()].endswith((*_BASELINE_BEFORE, "超过", "高于", "低于"))
        first = 2006 + 5 * _PLAN_ORDINALS.index(match[1])
        point = next((year for word, year in PLAN_POINTS.items() if text.startswith(word, match.end())), None)
        if point is not None:  # 十三五末: one year of the plan, not its five
            found.append(YearMention(match.start(), match.end(), first + point, first + point, compared, baseline=compared))
            continue
        found.append(YearMention(match.start(), match.end(), first, first + 4, compared, plan=True, baseline=compared))
    return sorted(found, key=lambda item: item.start)


_TIMES_OF = re.compile("的(?:[\\d.]+|[一二两三四五六七八九十]+)倍")


def _baseline(text: str, match: re.Match[str]) -> bool:
    """比2019年, 是2018年的2.5倍: the year of a base a figure is compared with, which dates no figure
    and is not a year the text reports."""
    return text.endswith(_BASELINE_BEFORE, 0, match.start()) or (
        text.endswith(("是", "为"), 0, match.start()) and bool(_TIMES_OF.match(text, match.end()))
    )


def stated_years(text: str) -> list[int]:
    """The years a text states for what has happened: not the year of a target (到2025年), though
    增至2021年 and 提升到2021年 state what has happened, nor a year whose clause plans (2024年，全省力争…)
    nor a year in a plan's title (《…行动计划（2023—2025年）》)."""
    plans = [match.span() for match in _PLAN_TITLE.finditer(text)]  # in order and apart: one bisect a year
    starts = [start for start, _ in plans]
    return [
        int(m["year"] or m["titled"] or m["edition"])
        for m in YEAR.finditer(text)
        if (
            text[max(0, m.start() - 1) : m.start()] not in ("到", "至") or text[max(0, m.start() - 2) : m.start() - 1] in _REACHED
        )
        if not _inside(plans, starts, m.start()) and not _TARGET_AFTER.match(text, m.end()) and not _baseline(text, m)
    ]


# A year whose own clause goes on to plan (2024年，全省力争…, 2025年预计…): a target's year, as 到2025年 is.
_TARGET_AFTER = re.compile("[^,，;:。]{0,20}?(?:力争|预计|争取|计划|目标|将)")


def _inside(spans: list[tuple[int, int]], starts: list[int], position: int) -> bool:
    """Whether position falls inside one of spans (in order, not overlapping; starts their starts)."""
    index = bisect_right(starts, position) - 1
    return index >= 0 and position < spans[index][1]


# The title of a plan, whose years are the years it plans for: 《数字经济三年行动计划（2023—2025年）》.
_PLAN_TITLE = re.compile("《[^》]{0,60}?(?:规划|计划|方案|纲要|要点)[^》]{0,30}》")


# Characters before 到/至 that make the year one reached, not planned for: 增至2021年, 截至2021年底.
_REACHED = ("增", "长", "升", "高", "加", "扩", "展", "截")


def period_of(text: str, stated: list[YearMention], number_start: int, list_index: int, list_size: int) -> tuple[int, int] | None:
    """(first, last) year of the figure at number_start, or None."""
    earlier = [item for item in stated if item.end <= number_start]
    attached = [item for item in earlier if item.attached and _next_is(text, item.end, number_start)]
    if attached:
        return attached[-1].first, attached[-1].last
    topics = [item for item in earlier if not item.attached] or [item for item in stated if not item.attached]
    if not topics:
        return None
    topic = topics[-1]
    listed = [topic]  # 2019年、2020年和2021年分别…: a list of years for a list of figures
    for item in reversed(topics[:-1]):
        if text[item.end : listed[0].start] not in ("、", "和", "及", "与", ",", "，") or item.first != item.last:
            break
        listed.insert(0, item)
    if len(listed) > 1 and "分别" in text[topic.end : number_start]:
        if len(listed) == list_size:
            return listed[list_index].first, listed[list_index].last
        return None
    if topic.first != topic.last and not topic.plan:
        count = topic.last - topic.first + 1
        if list_size == count and "分别" in text[topic.end : number_start]:
            year = topic.first + list_index
            return year, year
        if list_size > 1 and "分别" in text[topic.end : number_start]:
            return None
    return topic.first, topic.last


def _next_is(text: str, year_end: int, number_start: int) -> bool:
    """Whether nothing but 的, 末, 底 or a qualifier stands between the year and the number."""
    between = text[year_end:number_start]
    return len(between) <= 4 and not any(mark in between for mark in ",;:。")


_DATE_LINE = re.compile(r"(?:19[5-9]\d|20\d\d)(?=年\d{1,2}月\d{1,2}日|-\d{1,2}-\d{1,2})")
_FILE_YEAR = re.compile(r"(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)")


def date_line_year(text: str) -> int | None:
    """The year of the date line a text opens with (2024年02月28日 23:09), if it opens with one."""
    dated = _date_line(text)
    return int(dated[2]) if dated else None


def _date_line(text: str) -> tuple[int, int, str] | None:
    """Where the date line's year stands in the text, and the year: a date in a short first line, or
    the full date a first sentence opens with (2024年1月18日，记者从…获悉): when the text was written."""
    opening = first_line(text)
    dated = _DATE_LINE.search(opening) if len(opening) <= 80 else _DATE_LINE.match(opening)
    if dated is None:
        return None
    at = text.find(opening)
    return at + dated.start(), at + dated.end(), dated.group()


def is_date_line(line: str) -> bool:
    """Whether a short line opens with a full date (2024年1月18日): when it was written, so not a
    heading whose year governs the figures under it."""
    return bool(_DATE_LINE.match(line))


def document_year(text: str, file_name: str) -> tuple[int, str]:
    """The year the document is about, and where it came from: the latest year its body states (not a
    plan year), else its date line's, else a year in the file name; the clock only when none says one.
    The body comes first because a release is dated after the year it reports on (a 2024年02月28日
    release on what 2023 achieved is about 2023); the date line only anchors 今年 and 去年."""
    dated = _date_line(text)
    body = text[: dated[0]] + text[dated[1] :] if dated else text  # the date line's year is no figure's
    this_year = date.today().year
    past = [year for year in stated_years(body) if year <= this_year]
    if past:
        return max(past), "the latest the text states"
    if dated is not None:
        return int(dated[2]), "the date line's"
    named = _FILE_YEAR.findall(file_name)
    if named:
        return int(named[-1]), "the file name's (the text states none)"
    return this_year, "this year's (neither the text nor its file name states one)"


_LEAD_OPENING = 1  # where a lead's time may start: at the paragraph's start, or after its opening quote


@dataclass
class Context:
    """What governs a figure whose own sentence states no year: the year the last earlier sentence of
    its paragraph established, else the year of the heading it stands under, else the document's year
    (an earlier paragraph's year governs that paragraph only); and the paired years (从2015年的…增至
    2020年的…) of the sentence just before, for a 由…提高到… that states none. The part of the year
    (上半年) is governed as the year is, and a year stated without one ends it."""

    document_year: int
    dated_year: int | None = None  # the date line's: what 今年 and 去年 count from, when there is one
    governing: tuple[int, int] | None = None
    heading: tuple[int, int] | None = None  # the year the latest heading stating one established
    paired: tuple[tuple[int, int], tuple[int, int]] | None = None
    paragraph: int = -1
    part: str | None = None
    heading_part: str | None = None
    # A section's lead: a paragraph right under a heading that states no year, opening with its time
    # (“十三五”时期，…) and stating no figure, dates the section's paragraphs after it, until the next heading.
    lead: tuple[int, int] | None = None
    _in_heading: bool = False
    _heading_dated: bool = False
    _opens_after_heading: bool = False

    @property
    def present_year(self) -> int:
        """The year 今年 names: the date line's, else the document's."""
        return self.document_year if self.dated_year is None else self.dated_year

    def enter(self, sentence: Sentence) -> None:
        """A new heading or paragraph falls back to the heading's year, not an earlier paragraph's."""
        opens = sentence.paragraph != self.paragraph
        if sentence.heading:
            self.lead = None
        if opens:
            self.governing, self.paired, self.part = self.lead or self.heading, None, self.heading_part
        self._opens_after_heading = opens and self._in_heading and not sentence.heading
        self.paragraph = sentence.paragraph

    def settle(self, stated: list[YearMention], heading: bool, parts: list[tuple[int, str]], figures: bool) -> None:
        established = [item for item in stated if not item.attached]
        self._in_heading = heading  # a date line is no heading
        if heading:
            self._heading_dated = bool(established)
        lead = self._opens_after_heading and not self._heading_dated and not figures
        if lead and established and established[0].start <= _LEAD_OPENING:
            self.lead = since_ends((established[0].first, established[0].last), established[:1], self.document_year)
        if established or parts:
            self.part = parts[-1][1] if parts else None
        if established:
            self.governing = since_ends((established[-1].first, established[-1].last), established, self.document_year)
        if heading and established:
            self.heading = self.governing
        if heading and (established or parts):
            self.heading_part = self.part
        attached = [(item.first, item.last) for item in stated if item.attached]
        self.paired = (attached[0], attached[-1]) if len(set(attached)) > 1 else None


def since_ends(span: tuple[int, int], stated: list[YearMention], document_year: int) -> tuple[int, int]:
    """2018年以来: the span from the stated year to the document's year, where the year is a since."""
    first, last = span
    if first == last and any(item.since and item.first == first for item in stated[-1:]):
        return first, max(first, document_year)
    return span
