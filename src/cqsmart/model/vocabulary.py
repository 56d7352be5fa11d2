"""The fact base's vocabulary: enumerations, the limits of its strings and numbers, the units' multipliers.

Shared by the Pydantic models (`records`) and the shapes that Pydantic's core checks (`shapes`). It
imports no Pydantic, so the fast path of validation never pays for Pydantic or the models' schemas.
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum

MIN_YEAR = 1949
MAX_YEAR = 2100
# The limits of the constrained strings, which the models and the shapes both apply.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG_MAX = 80
TEXT_MAX = 2000
QUOTE_MAX = 300
FORMULA_MAX = 500
# The source's word for a qualifier, as printed: 超, 突破, 余, 以上, 近, 前, 前列, 唯一 …
QUALIFIER_WORD_PATTERN = r"^\S+$"
QUALIFIER_WORD_MAX = 10
OTHER_UNIT_MAX = 20
TERM_MAX = 80
TERMS_MAX = 50
FILE_NAME_MAX = 255
DATE_PATTERN = r"^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"
# When a document was published, as precisely as it says: 2024, 2024-03 or 2024-03-05.
PUBLISHED_PATTERN = r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$"
URL_PATTERN = r"^https?://[^\s]+$"
URL_MAX = 2000


# The range every consumer can hold exactly: SQLite's INTEGER, and a 64-bit integer elsewhere.
MAX_INTEGER = 2**63 - 1


class Qualifier(str, Enum):
    EXACT = "exact"
    AT_LEAST = "at_least"  # 以上
    MORE_THAN = "more_than"  # 超, 突破, 余
    APPROXIMATELY = "approximately"  # 近
    AT_MOST = "at_most"  # 前N位: a rank within the top N


class Unit(str, Enum):
    PERCENT = "%"
    PERCENTAGE_POINT = "个百分点"
    HUNDRED_MILLION_YUAN = "亿元"
    HUNDRED_MILLION_TIMES = "亿次"
    TEN_THOUSAND_PEOPLE = "万人"
    TEN_THOUSAND_CARDS = "万张"
    TEN_THOUSAND_MACHINES = "万台"
    TEN_THOUSAND = "万"
    ITEMS = "个"
    BATCHES = "个批次"
    PERSONS = "位"
    CATEGORIES = "类"
    ENTERPRISES = "家"
    ENTRIES = "项"
    ORDINAL = "第"


# Multiplier to base units and the base unit's name; percentages become fractions.
UNIT_BASE: dict[Unit, tuple[Decimal, str]] = {
    Unit.PERCENT: (Decimal("0.01"), "fraction"),
    Unit.PERCENTAGE_POINT: (Decimal("0.01"), "fraction"),
    Unit.HUNDRED_MILLION_YUAN: (Decimal("1e8"), "CNY"),
    Unit.HUNDRED_MILLION_TIMES: (Decimal("1e8"), "times"),
    Unit.TEN_THOUSAND_PEOPLE: (Decimal("1e4"), "people"),
    Unit.TEN_THOUSAND_CARDS: (Decimal("1e4"), "cards"),
    Unit.TEN_THOUSAND_MACHINES: (Decimal("1e4"), "servers"),
    Unit.TEN_THOUSAND: (Decimal("1e4"), "count"),
    Unit.ITEMS: (Decimal(1), "count"),
    Unit.BATCHES: (Decimal(1), "count"),
    Unit.PERSONS: (Decimal(1), "count"),
    Unit.CATEGORIES: (Decimal(1), "count"),
    Unit.ENTERPRISES: (Decimal(1), "count"),
    Unit.ENTRIES: (Decimal(1), "count"),
    Unit.ORDINAL: (Decimal(1), "rank"),
}


class PeriodBasis(str, Enum):
    YEAR = "year"  # one stated year
    SPAN = "span"  # a stated span of years
    AS_OF_INTERVIEW = "as_of_interview"  # 截至目前, 现已: the (inferred) interview year
    UNSTATED = "unstated"  # no time reference in the source


class PeriodFrom(str, Enum):
    """Where a drafted figure's year came from, so that a curator sees what was inferred."""

    CLAUSE = "clause"  # the figure's own clause states it
    SENTENCE = "sentence"  # an earlier clause of its sentence
    CONTEXT = "context"  # an earlier sentence or the heading governing it
    DOCUMENT = "document"  # the document's own year: nothing nearer states one


class YearPart(str, Enum):
    """The part of the year a figure covers: 上半年, 一季度, 前三季度."""

    FIRST_HALF = "first_half"  # 上半年
    SECOND_HALF = "second_half"  # 下半年
    Q1 = "q1"  # 一季度
    Q2 = "q2"  # 二季度
    Q3 = "q3"  # 三季度
    Q4 = "q4"  # 四季度
    FIRST_THREE_QUARTERS = "first_three_quarters"  # 前三季度


class Line(str, Enum):
    STRATEGY = "strategy"  # the strategy itself and its goals
    MECHANISMS = "mechanisms"
    RULES = "rules"
    ELEMENTS = "elements"
    SCENARIOS = "scenarios"
    ONLINE_DEVELOPMENT = "online-development"
    PLATFORMS = "platforms"
    DESIGNATIONS = "designations"
    COOPERATION = "cooperation"


class TargetArea(str, Enum):
    INNOVATION_SYSTEM = "innovation-system"
    SCENARIOS = "scenarios"
    RULES = "rules"
    OPEN_COOPERATION = "open-cooperation"


class SourceType(str, Enum):
    """What kind of document a source is: its citation, and which fields it has, follow from it."""

    INTERVIEW = "interview"  # the only kind with a reporter, an interviewee and an interview date
    NEWS = "news"
    STATISTICAL_RELEASE = "statistical-release"  # 统计公报, a statistics bureau's release
    GOVERNMENT_REPORT = "government-report"  # 政府工作报告
    PLAN = "plan"  # 规划, 行动计划
    OTHER = "other"


class Relation(str, Enum):
    """How a check's terms must stand to what they are compared with."""

    EQUAL = "="  # within the rounding of the compared value's last printed digit
    APPROXIMATELY = "≈"  # the ranges the inputs' printed precision allows overlap
    LESS = "<"
    GREATER = ">"
    ALL_RISING = "all-rising"  # each term above the one before
    ALL_AT_LEAST = "all ≥"  # every term at least the compared value
    ALL_ABOVE = "all >"  # every term above the compared value


KINDS: tuple[str, ...] = ("figure", "initiative", "target", "source", "check", "alias")


# What each line, area and topic of the bundled base is called in each language: (zh, en). Chinese views
# show these, never the slug; tests/render/test_chinese_views.py checks every slug in the base has one.
LINE_LABELS: dict[str, tuple[str, str]] = {
    "strategy": ("战略", "strategy"),
    "mechanisms": ("机制", "mechanisms"),
    "rules": ("规则", "rules"),
    "elements": ("要素", "elements"),
    "scenarios": ("场景", "scenarios"),
    "online-development": ("线上发展", "online development"),
    "platforms": ("平台", "platforms"),
    "designations": ("称号", "designations"),
    "cooperation": ("合作", "cooperation"),
    "innovation-system": ("创新体系", "innovation system"),
    "open-cooperation": ("开放合作", "open cooperation"),
}
TOPIC_LABELS: dict[str, tuple[str, str]] = {
    "strategy": ("战略", "strategy"),
    "digital-economy": ("数字经济", "digital economy"),
    "digital-government": ("数字政府", "digital government"),
    "scenarios": ("应用场景", "scenarios"),
    "innovation-system": ("创新体系", "innovation system"),
    "digital-rules": ("数字规则", "digital rules"),
    "online-economy": ("线上经济", "online economy"),
    "operations-centre": ("运行管理中心", "operations centre"),
    "twin-city": ("成渝双城", "twin-city economic circle"),
    "cloud-infrastructure": ("云基础设施", "cloud infrastructure"),
    "cloud-chief": ("云长制", "cloud-chief system"),
    "rankings": ("排名", "rankings"),
    "data-centres": ("数据中心", "data centres"),
    "platform-economy": ("平台经济", "platform economy"),
    "national-designations": ("国家级称号", "national designations"),
    "data-sharing": ("数据共享", "data sharing"),
    "computing": ("算力", "computing"),
    "open-cooperation": ("开放合作", "open cooperation"),
}


def slug_labels(field: str) -> dict[str, tuple[str, str]]:
    """The Chinese and English names of a topic's slugs, or of a line's or area's."""
    return TOPIC_LABELS if field == "topic" else LINE_LABELS if field in ("line", "area") else {}


def slug_name(field: str, slug: str, lang: str) -> str:
    """A line's, area's or topic's name in Chinese; English keeps the slug, which is what options take."""
    labels = slug_labels(field)
    return labels[slug][0] if lang == "zh" and slug in labels else slug
