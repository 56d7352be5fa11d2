"""Numbers in a sentence with their units and qualifiers, in every written form; dates, years,
durations and ordinals in names are left out."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from cqsmart.model.quotes import CHINESE_NUMERAL, chinese_number, fractions
from cqsmart.model.units import COUNTERS, LATIN_UNITS, MAGNITUDES, SHORT_LATIN, split_per, unit_base

_ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER = re.compile(f"(?P<arabic>{_ARABIC})|(?P<chinese>{CHINESE_NUMERAL.pattern})")
_COUNTERS = sorted(COUNTERS, key=len, reverse=True)
_MAGNITUDES = sorted(MAGNITUDES, key=len, reverse=True)
_LATIN_LONGEST_FIRST = sorted(LATIN_UNITS, key=len, reverse=True)

# Words before a number: (word, qualifier). Longest first.
PREFIXES: tuple[tuple[str, str], ...] = (
    ("不少于", "at_least"),
    ("不低于", "at_least"),
    ("至少", "at_least"),
    ("不超过", "at_most"),
    ("不足", "at_most"),
    ("不到", "at_most"),
    ("超过", "more_than"),
    ("超出", "more_than"),
    ("突破", "more_than"),
    ("跨越", "more_than"),
    ("迈过", "more_than"),
    ("接近", "approximately"),
    ("大约", "approximately"),
    ("约合", "approximately"),
    ("超", "more_than"),
    ("逾", "more_than"),
    ("近", "approximately"),
    ("约", "approximately"),
    ("前", "at_most"),
)
# Qualifiers that make a magnitude alone a round number: 近万家, 超万人, 逾万户 (but 上万, 数万 are vague).
_ROUND_QUALIFIERS = ("近", "超", "逾", "接近", "超过", "突破")
# Words after the unit (余 and 多 come between the number and its unit: 70余个, 1200多亿元).
SUFFIXES: tuple[tuple[str, str], ...] = (
    ("以上", "at_least"),
    ("左右", "approximately"),
    ("以下", "at_most"),
    ("以内", "at_most"),
)
_NOT_AFTER_NUMBER = ("年", "月", "日", "号", "时", "周", "天", "小时", "分钟", "秒", "季度", "岁", "届", "级", "期")
_DURATION_AFTER_COUNTER = ("月", "小时", "工作日", "星期", "季度")
_NOT_A_SCORE = ("之", "钟", "别", "享", "析", "类", "布", "行", "局", "公司", "店", "院", "会", "支", "期", "批", "区", "级")
_NOT_A_COUNT = ("方面", "层面", "阶段", "维度", "环节", "步骤", "数", "是", "大", "点")
_IDIOMS = ("千家万户", "千方百计", "千行百业", "万无一失", "四面八方", "三番五次", "一五一十", "七上八下", "百花齐放")
# What an amount sorts when it stands before it (超百亿元企业, 百亿元以上产业集群): a threshold, not a figure.
_SORTED_BY_AMOUNT = ("企业", "项目", "产业", "集群", "园区")
_THRESHOLD_OF = ("级", "以上的", *(f"{between}{thing}" for between in ("", "以上", "的") for thing in _SORTED_BY_AMOUNT))
RANK_WORDS = ("排名", "排", "位居", "位列", "居", "列", "名列", "跃居", "进入", "稳居")
_NOT_A_RANK = ("批", "届", "次", "场", "期", "个", "家", "条", "款", "章", "节", "部分", "产业", "阶段", "轮", "梯队", "方阵")
# Verbs of a rank's move: 排名上升3位 is three places moved, not the third place.
_MOVES = ("上升", "提升", "提高", "前进", "上移", "下降", "后退", "下滑", "回落")
# The whole a place is ranked in, written just before 第 with no rank word: 数量全国第一, 增速全省第三.
RANK_SCOPES = ("全国", "全省", "全市", "全区", "全球", "世界", "全行业")
# 在全国31个省(区、市)中排名第9位, 全国两个试点城市之一: the count of what a place is ranked or
# counted among is the size of that universe, not a figure. (A rank word of one character would read
# 中居民 as a rank.)
_AMONG = re.compile(f"[^,，。;:]{{0,10}}?(?:中(?:{'|'.join(word for word in RANK_WORDS if len(word) > 1)})|之一)")
_LIST_JOINS = ("、", "和", "及", "与", ",", "，")
# How far from a number the words that qualify or disqualify it may stand: the longest (a rank word
# before 第, a unit with its magnitude and 余) is well within this, so no reading looks further.
_NEAR = 16
# The longest run of digits (with its marks) read as a number: more than any value holds (a
# fact base's integers have at most 19 digits), so a value that fits is never cut short.
MAX_DIGITS = 40


@dataclass
class Mention:
    """One number: where it stands in the normalised sentence, and how the text qualifies it."""

    start: int  # of the number (or of the qualifier before it)
    end: int  # after the unit and any qualifier after it
    number_start: int
    value: int | float
    unit: str | None
    qualifier: str = "exact"
    qualifier_text: str | None = None
    chinese: bool = False
    shared_unit: bool = False
    note: str | None = None  # what a curator should know of how it was read


def mentions(text: str, overlong: list[tuple[int, int]] | None = None) -> list[Mention]:
    """Every figure the sentence states, in order; numbers in a list share the unit of its last member.

    A run of digits longer than MAX_DIGITS is no value (none can hold it): it is left out, and its
    span added to `overlong` for the draft's notes."""
    found: list[Mention] = []
    pending: list[Mention] = []  # unitless numbers waiting for a list's unit
    opened = [mark.start() for mark in re.finditer("“", text)]
    closed = [mark.start() for mark in re.finditer("”", text)] if opened else []
    position = 0
    fractions = iter(_fractions(text))
    fraction = next(fractions, None)
    while True:
        match = NUMBER.search(text, position)
        while fraction is not None and fraction.number_start < position:
            fraction = next(fractions, None)
        if fraction is not None and (match is None or fraction.number_start <= match.start()):
            pending.clear()
            found.append(fraction)
            position = fraction.end
            fraction = next(fractions, None)
            continue
        if match is None:
            break
        if match.end() - match.start() > MAX_DIGITS:
            if overlong is not None and match.group("arabic"):
                overlong.append(match.span())
            mention = None
        else:
            quoted = bisect_left(opened, match.start()) > bisect_left(closed, match.start())
            mention = _read(text, match, quoted)
        position = max(match.end(), mention.end if mention else 0)
        if mention is None:
            pending.clear()
            continue
        if mention.unit is None:
            if _names_an_index(text, mention):
                pending.clear()
                found.append(mention)  # 发展指数105.4: a value the source states without a unit
                continue
            if pending and not _joined(text, pending[-1].end, mention.start):
                pending.clear()
            pending.append(mention)
            continue
        if pending and _joined(text, pending[-1].end, mention.start):
            for member in pending:
                member.unit, member.shared_unit = mention.unit, True
                found.append(member)
        elif found and _shortened(found[-1], mention) and _joined(text, found[-1].end, mention.start):
            found[-1].unit, found[-1].shared_unit = mention.unit, True  # 提高1.2个和1.5个百分点
        pending.clear()
        found.append(mention)
    return found


# What a number stated without a unit measures when these words name it: an index, a coefficient.
_INDEX_WORDS = ("指数", "系数", "PMI", "pmi")
_INDEX_BRIDGE = re.compile("(?:为|达|达到|是|升至|降至|提高到|提升到|:|：)?$")


def _names_an_index(text: str, mention: Mention) -> bool:
    """Whether the words just before a bare number name an index (景气指数98.6, 指数达到105.4)."""
    before = text[max(0, mention.start - 6) : mention.start]
    bridge = _INDEX_BRIDGE.search(before)
    named = before[: bridge.start()] if bridge else before
    return named.endswith(_INDEX_WORDS)


def _fractions(text: str) -> list[Mention]:
    """The fractions in words the sentence states (三分之一以上, 过半), as percentages."""
    found = []
    for match, value, qualifier in fractions(text):
        mention = Mention(match.start(), match.end(), match.start(), value, "%", chinese=True)
        mention.note = f"{match.group()} is a fraction in words, drafted as {value}%"
        if qualifier != "exact":
            mention.qualifier, mention.qualifier_text = qualifier, match.group()
        else:
            for word, suffix_qualifier in SUFFIXES:
                if text.startswith(word, match.end()):
                    mention.qualifier, mention.qualifier_text, mention.end = suffix_qualifier, word, match.end() + len(word)
                    break
        _prefix(text, mention)
        found.append(mention)
    return found


def _shortened(member: Mention, last: Mention) -> bool:
    """Whether a list member's unit is the start of the last member's (1.2个和1.5个百分点): the
    list's unit, written out once at its end."""
    short, whole = member.unit or "", last.unit or ""
    return bool(short) and whole != short and whole.startswith(short)


def _joined(text: str, end: int, start: int) -> bool:
    return start - end <= 1 and text[end:start] in _LIST_JOINS


def _read(text: str, match: re.Match[str], quoted: bool) -> Mention | None:
    """The mention a number starts, from at most _NEAR characters either side of it (`quoted`: it
    stands inside quotation marks)."""
    start, end = match.span()
    before = text[max(0, start - _NEAR) : start]
    ordinal = before.endswith("第")
    if before.endswith("每"):
        return None  # 每千人口, 每10万人: the base of a rate, not a figure
    if match.group("arabic"):
        after = text[end : end + 1]
        lettered = after.isascii() and after.isalpha() and not _latin_unit(text, end)
        if _latin(before[-1:]) or before[-1:] in ("-", ".", "/") or lettered:
            return None  # 5G, COVID-19, 3D, a version or a code; but 28Tbps
        if re.match(r"0\d", match.group()):
            return None  # 023, 0001: a code, not a quantity
        value: int | float = _arabic(match.group())
        chinese = False
    else:
        run = match.group()
        magnitude = next((m for m in ("万亿", "亿", "万") if run.endswith(m) and len(run) > len(m)), "")  # 两百|万家
        number = chinese_number(run[: len(run) - len(magnitude)])
        if number is None or number < 1 or (number == 1 and not ordinal) or before.endswith(("数", "几", "若干", "上")):
            return None  # 一批, 一体化, 数十家, 上百家: not counts
        alone = not re.search("[一二两三四五六七八九十百千〇零]", run) and run != "万亿"
        if alone and not text.startswith(("余", "多"), end) and not before.endswith(_ROUND_QUALIFIERS):
            return None  # 每万人, 亿万: a magnitude alone is not a number, unless 万余家 or 近万家
        if quoted or any(idiom in text[max(0, start - 3) : end + 4] for idiom in _IDIOMS):
            return None  # “两个确立”, 千家万户: numerals in slogans and idioms
        if text.startswith(_NOT_AFTER_NUMBER, end):
            return None  # 千亿级, 三年
        if before.endswith("/"):
            return None  # 122.5部/百人: the base of a rate
        end -= len(magnitude)
        value, chinese = number, True
    after = text[end : end + _NEAR]
    if after.startswith(_NOT_AFTER_NUMBER) and not (after.startswith("天") and "天数" in before[-12:]):
        return None  # a year, a date, a duration, a grade (三级医院); but 优良天数329天 counts days
    mention = Mention(start, end, start, value, None, chinese=chinese)
    if ordinal:
        rank = any(word in before[-13:-1] for word in RANK_WORDS) or before[:-1].endswith(RANK_SCOPES)
        if value < 1 or after.startswith(_NOT_A_RANK) or not rank:
            return None  # 第二批, 第一: ordinals in names and enumerations
        mention.start, mention.unit = start - 1, "第"
        if after.startswith(("位", "名")):  # 第25位: the rank's word is part of it, not a noun after it
            mention.end += 1
        return mention
    position = end
    for word in ("余", "多"):  # between the number and its unit: 70余个, 两千余家
        if text.startswith(word, position):
            mention.qualifier, mention.qualifier_text, position = "more_than", word, position + 1
    unit, length = _unit_at(text[position : position + _NEAR])
    if before.endswith("百分之") and not unit:  # 百分之三十: a percentage written out
        unit, mention.start = "%", start - 3
    if not unit:
        if chinese or mention.qualifier_text:
            return None  # a Chinese numeral without a unit is a word, not a figure
        return mention
    following = text[position + length : position + length + _NEAR]
    if not _counts(following, unit, chinese):
        return None
    ranked = any(word in before[-13:] for word in RANK_WORDS) or re.search("第[\\d一二三四五六七八九十]+位", before)
    if unit == "位" and not before.endswith(("前", *_MOVES)) and ranked:
        unit = "第"  # 排位从第25位提升至20位: a rank, written as every other rank is
    if _AMONG.match(following):
        return None
    if unit in ("位", "名") and before.endswith("前") and following.startswith("的"):
        return None  # 排在前五位的地区: who is in the top five, not a standing of the subject
    if unit.endswith("元") and following.startswith(_THRESHOLD_OF):
        return None  # 超百亿元企业, 10亿元以上项目: an amount that sorts things, not a figure
    if length > len(unit):  # 3万余人: 余 between the magnitude and the counter
        mention.qualifier, mention.qualifier_text = "more_than", text[position + length - len(unit)]
    mention.unit, position = unit, position + length
    if mention.qualifier == "exact" and unit in MAGNITUDES and text.startswith("余", position):
        mention.qualifier, mention.qualifier_text, position = "more_than", "余", position + 1  # 26万余
    if mention.qualifier == "exact":
        for word, qualifier in SUFFIXES:
            if text.startswith(word, position):
                mention.qualifier, mention.qualifier_text, position = qualifier, word, position + len(word)
                break
    mention.end = position
    if quoted and text.startswith("”", position):
        return None  # 出台“20条”: a quotation that a number and its unit close is a name, not a figure
    _prefix(text, mention)
    return mention


def _latin(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _latin_unit(text: str, at: int) -> bool:
    """Whether a Latin unit of more than one letter starts at `at` and ends its word: 28Tbps, not 5G."""
    unit = next((unit for unit in _LATIN_LONGEST_FIRST if text.startswith(unit, at)), "")
    return unit not in ("", *SHORT_LATIN) and not _latin(text[at + len(unit) : at + len(unit) + 1])


def _arabic(text: str) -> int | float:
    text = text.replace(",", "")
    return float(text) if "." in text else int(text)


def _unit_at(text: str) -> tuple[str, int]:
    """The unit at the start of text: a magnitude, a counter, or both (万人, 亿元, 万张)."""
    magnitude = next((m for m in _MAGNITUDES if text.startswith(m)), "")
    rest = text[len(magnitude) :]
    skip = 1 if magnitude and rest.startswith(("余", "多")) else 0  # 3万余人
    counter = next((c for c in _COUNTERS if rest[skip:].startswith(c)), "")
    if counter in ("%", "个百分点", "百分点", "成", "第") and magnitude:
        counter = ""
    if counter:
        unit, length = magnitude + counter, len(magnitude) + skip + len(counter)
        return _per(text, unit, length) if text.startswith("/", length) else (unit, length)
    return magnitude, len(magnitude)


def _per(text: str, unit: str, length: int) -> tuple[str, int]:
    """A rate's unit, when what follows the counter says what it counts per (部/百人, 元/人)."""
    magnitude, rest = split_per(text[length + 1 :])
    counter = next((c for c in _COUNTERS if rest.startswith(c)), "")
    rate = f"{unit}/{magnitude}{counter}"
    return (rate, length + 1 + len(magnitude) + len(counter)) if counter and unit_base(rate) else (unit, length)


def _counts(after: str, unit: str, chinese: bool) -> bool:
    """Whether what follows the unit lets it count things: not 3个月, 两位数, 四个方面."""
    if unit.endswith("个") and after.startswith(_DURATION_AFTER_COUNTER):
        return False
    structure = after.startswith(("方面", "层面"))  # 10个方面: how a text is organised, in any digits
    if unit in ("位", "个", "项", "类", "种", "成") and after.startswith(_NOT_A_COUNT) and (chinese or unit == "位" or structure):
        return False
    if unit == "成" and not chinese:
        return False  # 成 after Arabic digits is usually 成立, 成为
    if unit.endswith("分") and (chinese or after.startswith(_NOT_A_SCORE)):
        return False  # 十分 is "very"; 3分钟, 5分之一, 2分别 are no score
    if unit.endswith(LATIN_UNITS) and _latin(after[:1]):
        return False  # 7.2万GWh is no 万G
    return not (unit.endswith("次") and after.startswith(("会", "全会", "代表", "产业")))


def _prefix(text: str, mention: Mention) -> None:
    """A qualifier written before the number: 超26万, 突破2100万人, 近千家, 前10位, 约为3000亿元."""
    before = text[max(0, mention.start - _NEAR) : mention.start]
    for bridge in _bridges(before):
        near = before[: len(before) - len(bridge)]
        for word, qualifier in PREFIXES:
            if not near.endswith(word) or near[: len(near) - len(word)].endswith(_NOT_QUALIFYING.get(word, ())):
                continue
            if word == "前" and (bridge or not (mention.unit and any(w in near[-11:-1] for w in RANK_WORDS))):
                return
            if mention.qualifier == "exact":
                mention.qualifier, mention.qualifier_text = qualifier, word
            mention.start -= len(bridge) + len(word)
            return


# Words between a qualifier and its number: 约为3000亿元, 近达; and a share's whole (约占到全国10%,
# 约占全省的三分之一), which qualifies the share as it would the number.
_BRIDGES = ("", "为", "达", "达到", "了")  # 了: 均超过了100%
_SHARE_BRIDGE = re.compile("占[^\\d,，。;:、“”]{0,10}")


def _bridges(before: str) -> list[str]:
    """The words before a number that may stand between it and a qualifier, as they end `before`."""
    found = [bridge for bridge in _BRIDGES if before.endswith(bridge)]
    share = before.rfind("占")
    if share >= 0 and _SHARE_BRIDGE.fullmatch(before, share):
        found.append(before[share:])
    return found


# Characters that make a qualifier part of another word: 节约, 签约, 附近, 最近, 赶超.
_NOT_QUALIFYING: dict[str, tuple[str, ...]] = {
    "约": ("节", "集", "签", "预", "制", "合", "履", "特", "公", "条", "纽", "简", "婉"),
    "近": ("附", "最", "临", "就", "亲", "贴", "邻"),
    "超": ("赶", "高", "追"),
}
