"""The words that name what a figure counts: the noun before the number, else the noun after it."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from cqsmart.extract.numbers import RANK_SCOPES as _RANK_SCOPES
from cqsmart.extract.numbers import RANK_WORDS as _RANK_WORDS
from cqsmart.extract.numbers import Mention
from cqsmart.extract.periods import TIME_OPENING

_YEAR_WORDS = re.compile(
    r"^(?:(?:19|20)\d\d年(?:(?:至|到|-|—)(?:19|20)\d\d年)?(?:底|末|全年|上半年|前三季度)?|截至\S{0,8}?(?:年底|年末|目前|底|末)|到(?:19|20)\d\d年(?:底|末)?)"
)
_LEADING = tuple(
    sorted(
        (
            "其中", "同时", "此外", "另外", "全年", "年末", "年底", "今年", "去年", "目前", "当前", "现已", "首先", "其次",
            "再次", "最后", "其一", "其二", "其三", "一是", "二是", "三是", "四是", "五是", "全市", "我市", "本市", "全省",
            "我省", "全区", "并且", "且", "还", "共", "一方面", "另一方面", "比如", "例如", "通过", "该中心现已", "该中心",
            "为", "仅", "比上年同期", "比上年末", "比上年", "较上年", "同比", "环比", "实现", "已经", "已", "累计", "共有",
            "拥有", "有", "新建", "据介绍", "据统计", "实际", "名义", "分别", "建成", "完成", "力争", "培育", "引进", "打造",
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
_TRAILING = tuple(
    sorted(
        (
            "分别", "提高到", "控制在", "稳定在", "保持在", "维持在", "提升到", "增加到", "增至", "降至", "下降到", "力争",
            "首次", "达到了", "多达", "高达", "约合", "同比", "比上年", "较上年", "比上", "年均", "增长", "增加", "下降",
            "减少", "降低", "提高", "提升至", "提升", "上升", "达到", "达", "为", "是", "有", "突破", "超过", "超", "逾",
            "近", "约", "接近", "实现", "完成", "累计", "共计", "共", "打造", "建设", "建成", "培育", "引进", "新增", "拥有",
            "形成", "上线", "接入", "集中", "重点", "协同", "加快", "举全力", "全力", "积极", "已", "将", "新", "进入",
            "普及应用", "应用", "签署", "的", "由上年", "由", "至", "在", "等", "就", "更是", "已经", "已达", "了", "总计",
            "合计", "约为", "高于同期", "高于", "低于", "占比", "保持", "取得", "获得", "支撑", "试点", "吸引", "带动",
            "开通", "部署", "落地", "推动", "推进", "发展",
        ),
        key=len,
        reverse=True,
    )
)  # fmt: skip
_AFTER_STOP = re.compile(r"[任达为是在与及的、,，;:。]|实现|提供|覆盖|参与|\d+(?![A-Za-z\d])")
# Words after a number that go on with the statement rather than name what it counts: verbs and
# qualifiers, and the mark a figure crosses (突破万亿元大关, 迈上千亿台阶).
_VERBS = (
    *("提升", "提高", "增长", "下降", "达", "超", "突破", "实现", "以上", "左右", "同比", "比上年", "占"),
    *("增加", "增至", "降至", "减少", "上升", "扩大"),  # 由2018年的2.1万亿元增加到…: the change to the next value
    *("大关", "台阶", "关口"),
)
_TRAILING_YEAR = re.compile(r"(?:(?:由|从|比|较)?(?:19|20)\d\d年(?:底|末)?|连续[\d一二两三四五六七八九十]+年)$")


def label(text: str, found: list[Mention], index: int, head: Mention, clause_start: int) -> tuple[str, bool]:
    """The label, and whether it was taken from the words after the number."""
    earlier = []
    for other in reversed(found[:index]):  # the mentions of the clause before this one, nearest first
        if other.start < clause_start:
            break
        if other.end <= head.start:
            earlier.append(other)
    earlier.reverse()
    if earlier:  # 由16%提升至25.5%: the same measure as the number before it, unless words between name another
        before = text[earlier[-1].end : head.start]
        if len(clean(before)) < 2:
            before = text[clause_start : earlier[0].start]
    else:
        before = text[clause_start : head.start]
    qualified = text[head.start : head.number_start]  # 约占到全国: the whole of a share, inside the qualifier's span
    name = clean(before) + (qualified[qualified.index("占") :] if "占" in qualified else "")
    mention = found[index]
    after = text[mention.end :].removeprefix("的")
    quoted = after.find("”") + 1 if after.startswith("“") else 0  # “小切口、大民生”智能化创新应用项目
    stop = _AFTER_STOP.search(after, quoted)
    noun = after[: stop.start() if stop else len(after)][:30]
    if len(noun) >= 2 and not noun.startswith(_VERBS):  # 6位市领导: the noun after the unit is what it counts
        return _balanced(noun), True
    return name, False


def clean(words: str) -> str:
    """Drop the time, the fillers before the measure and the verbs after it: 全市规模以上工业增加值增长 → 规模以上工业增加值."""
    previous = None
    while previous != words:
        previous = words
        words = _YEAR_WORDS.sub("", TIME_OPENING.sub("", words))
        leading = _LEADING_WORD.match(words)
        if leading:
            words = words[leading.end() :]
        trailing = _TRAILING_WORD.match(words[::-1])  # the longest trailing word, matched on the reversed words
        if trailing:
            words = words[: len(words) - trailing.end()]
        words = _TRAILING_YEAR.sub("", words)
    return _balanced(words.strip("《》()、,，"))


# One word of each list at a time, longest first (an alternation tries its members in order).
_LEADING_WORD = re.compile("|".join(map(re.escape, _LEADING)))
_TRAILING_WORD = re.compile("|".join(re.escape(word[::-1]) for word in _TRAILING))


def _balanced(words: str) -> str:
    """Without a quotation mark whose partner was cut off."""
    if words.startswith("“") and "”" not in words:
        words = words[1:]
    if words.endswith("”") and "“" not in words:
        words = words[:-1]
    return words


def subject(text: str, before: int) -> tuple[str, int]:
    """The nearest quoted name before a position (“渝康码”) that the sentence is about, and where it starts."""
    names = [match for match in re.finditer(r"“[^”]{1,12}”", text[:before])]
    if names:
        return names[-1].group(), names[-1].start()
    return "", 0


def printable(words: str) -> str:
    """Without control and format characters (\\b, ESC, U+2028, bidi marks): a label is read, never executed."""
    if words.isprintable():
        return words
    return "".join(char for char in words if unicodedata.category(char) not in _UNPRINTABLE)


_UNPRINTABLE = ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn")


# Words a clause starts with when it measures the subject stated before it rather than naming its own.
_MEASURE_START = (
    "同比", "比上年", "较上年", "比上年末", "环比", "增长", "下降", "提高", "提升", "增速", "增幅", "占", "拉动",
    "高于", "低于", "比重", "回落", "位居", "位列", "排名", "名列", "较", "总数", "净增", "规模",
    "比", "居", "跃居", "稳居",
)  # fmt: skip
# Names that open with a measure's word: 规模以上工业企业 is a subject, not the 规模 of one.
_NOT_A_MEASURE = ("规模以上",)
_MEASURE_END = ("由上年的", "由上年", "达到", "分别为", "为", "达", "的", "了", "由", "从")
_RANK_START = ("位居", "位列", "排名", "名列", "居", "跃居", "稳居")
# 居全省: where a figure stands, not what it is; a label opening with a rank word names nothing.
_STARTS_WITH_VERB = (
    *("推动", "支撑", "增至", "到", "提升", "提高", "增长", "下降", "达到", "实现", "同期", "近", "带动"),
    *_RANK_START,
)
_GENERIC = frozenset(("总数", "同期", "增幅", "增速", "规模", "数量", "比重", "占比", "总量", "净增", "全年"))


def measure(words: str) -> str:
    """What a clause measures of the sentence's subject (同比增长, 占全行业收入比重, 全国排名), or "" when
    the clause names its own subject."""
    words = _YEAR_WORDS.sub("", words.lstrip(",，:;")).removeprefix("全年").removeprefix("其中").removeprefix("分别")
    words = TIME_OPENING.sub("", words)  # 其中一季度增长: a measure of the subject for part of the year
    if words.startswith("在") and "中占比" in words:  # 在全行业收入中占比为 → 占全行业收入比重
        inside, _, rest = words[1:].partition("中占比")
        words = f"占{inside}比重{rest}"
    if not words.startswith(_MEASURE_START) or words.startswith(_NOT_A_MEASURE):
        return ""
    previous = None
    while previous != words:
        previous = words
        for word in _MEASURE_END:
            if words.endswith(word):
                words = words[: -len(word)]
                break
    if words.startswith(_RANK_START):
        return next((scope for scope in _RANK_SCOPES if scope in words), "") + "排名"  # 居全省第三 → 全省排名
    return words.replace("的比重", "比重").replace("分别", "")


# How a list's members are joined, tried in turn: 和, 与 and 及 are also inside words (普及率, 参与度),
# so a split on them is taken only when the list's size needs it.
_MEMBER_JOINS = ("、", "[、和与]", "[、和及与]")


# What stands between a rank's subject and its number (在全国31个省(区、市)中排名, 连续多年稳居世界,
# 自去年8月以来连续10个月居全国, 均居全国): where and since when it stands, stripped from the end
# one piece at a time; the scope it names is kept for the label's 全国排名.
_SCOPE = "|".join(_RANK_SCOPES)
_RANK_WORD = "|".join(sorted((*_RANK_WORDS, "排位"), key=len, reverse=True))
_RANK_TAIL = re.compile(
    f"(?:{_RANK_WORD}|均|分别|历史性|情况|在(?:{_SCOPE})?(?:[^,，;]{{0,14}}中)?"
    f"|{_SCOPE}|连续(?:多|[\\d一二两三四五六七八九十]+)(?:个月|年)|自[^,，;]{{0,10}}以来)$"
)


_RANK_TAIL_MOST = 40  # longer than any one piece of a rank's tail, so a long label is not searched whole


def rank(label: str) -> str:
    """The label of a rank: its subject, the scope it is ranked in, and 排名 (综合评价位居全国 → 综合评价全国排名)."""
    head, tail = label, ""
    while (found := _RANK_TAIL.search(head, max(0, len(head) - _RANK_TAIL_MOST))) and found.start() > 0:
        head, tail = head[: found.start()], found.group() + tail
    if head == label or len(head) < 2:
        return label
    scope = next((scope for scope in _RANK_SCOPES if scope in tail), "")
    return head + scope + ("排位" if "排位" in tail else "排名")


_SHARE_NAMED = ("比重", "比例", "份额", "占比")


def share(label: str) -> str:
    """The label of a share stated as 占X的12.5% or 约占到全国10%: what of X, named 比重 as the genre
    names it (占全县就业人员比重), unless the label already names it."""
    at = label.rfind("占")
    if at < 0 or label.endswith(_SHARE_NAMED) or _SHARE_NAMED[0] in label[at:]:
        return label
    return label[:at] + "占" + label[at + 1 :].removeprefix("到").removesuffix("的") + "比重"


def member(words: str, position: int, size: int) -> str:
    """The subject of one member of a list (固定语音和移动语音业务收入 → 固定语音业务收入), or words as they are."""
    parts = next((found for joins in _MEMBER_JOINS if len(found := [p for p in re.split(joins, words) if p]) == size), [])
    if size < 2 or not parts:
        return words
    last = parts[-1]
    core, _, suffix = last.partition("的") if "的" in last else (last[: len(parts[0])], "", last[len(parts[0]) :])
    cores = [*parts[:-1], core]
    chosen = cores[position]
    return chosen if chosen.endswith(suffix) else chosen + suffix


def is_fragment(words: str) -> bool:
    """A label that names nothing on its own: 总数, 同期, 增至, a verb first."""
    opens = words[:1].isalnum() or words[:1] in "“《(（"
    return len(words) < 2 or not opens or words in _GENERIC or words.startswith(_STARTS_WITH_VERB)


def distinguish(figures: list[dict[str, Any]]) -> None:
    """No two figures of a text share a label: a figure of another year than the first says its year, others their order."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for figure in figures:
        groups.setdefault(figure["label"]["zh"], []).append(figure)
    taken = set(groups)
    for name, group in groups.items():
        if len(group) < 2:
            continue
        first = (group[0]["period"]["start"], group[0]["period"]["end"])
        for number, figure in enumerate(group[1:], 2):
            start = figure["period"]["start"]
            suffix = f"（{start}年）" if start and (start, figure["period"]["end"]) != first else f"（{number}）"
            while name + suffix in taken:
                suffix = suffix[:-1] + "之二）"
            figure["label"]["zh"] = name[: 200 - len(suffix)] + suffix
            taken.add(figure["label"]["zh"])
