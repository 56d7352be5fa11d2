"""Units as Chinese texts write them: an optional magnitude (万, 亿, 万亿 …) and a counter (人, 元, 吨 …).

The fact base's `Unit` enum names the units of the bundled source; a text of the same genre states
many more (万吨, 亿千瓦时, 万户 …). Each is read here as magnitude × counter, which gives its base
value, so a new unit needs one entry in COUNTERS, not a new rule.
"""

from __future__ import annotations

from decimal import Decimal

MAGNITUDES: dict[str, Decimal] = {
    "万亿": Decimal("1e12"),
    "千亿": Decimal("1e11"),
    "百亿": Decimal("1e10"),
    "十亿": Decimal("1e9"),
    "亿": Decimal("1e8"),
    "千万": Decimal("1e7"),
    "百万": Decimal("1e6"),
    "十万": Decimal("1e5"),
    "万": Decimal("1e4"),
}

# Units of bandwidth, storage and computing power that a number may be written straight against.
LATIN_UNITS = (
    "Tbps", "Gbps", "Mbps", "G", "T", "EB", "PB", "TB", "GB", "EFLOPS", "PFLOPS", "TFLOPS", "EFlops", "PFlops", "TFlops",
)  # fmt: skip
# A Latin unit with one letter (G, T) only after a magnitude: 5G and 3D name things, 7.2万G counts bandwidth.
SHORT_LATIN = frozenset(unit for unit in LATIN_UNITS if len(unit) == 1)

# Counter → (multiplier, base unit). Longer counters are tried first by readers of text.
COUNTERS: dict[str, tuple[Decimal, str]] = {
    "%": (Decimal("0.01"), "fraction"),
    "个百分点": (Decimal("0.01"), "fraction"),
    "百分点": (Decimal("0.01"), "fraction"),
    "成": (Decimal("0.1"), "fraction"),
    "倍": (Decimal(1), "times"),
    "元": (Decimal(1), "CNY"),
    "美元": (Decimal(1), "USD"),
    "人": (Decimal(1), "people"),
    "名": (Decimal(1), "people"),
    "人次": (Decimal(1), "person-times"),
    "位": (Decimal(1), "count"),
    "户": (Decimal(1), "households"),
    "次": (Decimal(1), "times"),
    "张": (Decimal(1), "cards"),
    "台": (Decimal(1), "servers"),
    "吨": (Decimal(1), "t"),
    "千瓦时": (Decimal(1), "kWh"),
    "千瓦": (Decimal(1), "kW"),
    "兆瓦": (Decimal(1), "MW"),
    "公里": (Decimal(1), "km"),
    "千米": (Decimal(1), "km"),
    "米": (Decimal(1), "m"),
    "平方公里": (Decimal(1), "km2"),
    "平方米": (Decimal(1), "m2"),
    "平方千米": (Decimal(1), "km2"),
    "公斤": (Decimal(1), "kg"),
    "千克": (Decimal(1), "kg"),
    "亩": (Decimal(1), "mu"),
    "公顷": (Decimal(1), "ha"),
    "立方米": (Decimal(1), "m3"),
    "标箱": (Decimal(1), "TEU"),
    "辆": (Decimal(1), "vehicles"),
    "个批次": (Decimal(1), "count"),
    "个": (Decimal(1), "count"),
    "家": (Decimal(1), "count"),
    "项": (Decimal(1), "count"),
    "类": (Decimal(1), "count"),
    "所": (Decimal(1), "count"),
    "座": (Decimal(1), "count"),
    "条": (Decimal(1), "count"),
    "件": (Decimal(1), "count"),
    "套": (Decimal(1), "count"),
    "种": (Decimal(1), "count"),
    "款": (Decimal(1), "count"),
    "批": (Decimal(1), "count"),
    "处": (Decimal(1), "count"),
    "支": (Decimal(1), "count"),
    "部": (Decimal(1), "count"),
    "份": (Decimal(1), "count"),
    "场": (Decimal(1), "count"),
    "只": (Decimal(1), "count"),
    "头": (Decimal(1), "count"),
    "块": (Decimal(1), "count"),
    "床": (Decimal(1), "count"),
    "张床": (Decimal(1), "count"),
    "例": (Decimal(1), "count"),
    "起": (Decimal(1), "count"),
    "篇": (Decimal(1), "count"),
    "册": (Decimal(1), "count"),
    "架次": (Decimal(1), "count"),
    "乘次": (Decimal(1), "person-times"),
    "车次": (Decimal(1), "count"),
    "班次": (Decimal(1), "count"),
    "艘次": (Decimal(1), "count"),
    "批次": (Decimal(1), "count"),
    "台套": (Decimal(1), "count"),
    "笔": (Decimal(1), "count"),
    "宗": (Decimal(1), "count"),
    "架": (Decimal(1), "count"),
    "艘": (Decimal(1), "count"),
    "栋": (Decimal(1), "count"),
    "间": (Decimal(1), "count"),
    "孔": (Decimal(1), "count"),
    "天": (Decimal(1), "days"),  # only where the text counts days (优良天数329天), never a duration
    "分": (Decimal(1), "points"),  # a score (总分86.4分); after Arabic digits only, as 十分 is "very"
    "分钟": (Decimal(1), "minutes"),  # call minutes (471.95亿分钟); after a magnitude only, else a duration
    # Units written in Latin letters, kept as the text writes them: their own base, no conversion between
    # them (28Tbps, 7.2万G of bandwidth, 1.2EFLOPS of computing power, 50PB of storage).
    **{unit: (Decimal(1), unit) for unit in LATIN_UNITS},
    # Places counted with no measure word (联接西部10省市): only compounds, which no other word starts.
    "省区市": (Decimal(1), "regions"),
    "省市": (Decimal(1), "regions"),
    "省区": (Decimal(1), "regions"),
    "省份": (Decimal(1), "regions"),
    "地市": (Decimal(1), "regions"),
    "区县": (Decimal(1), "regions"),
    "市县": (Decimal(1), "regions"),
    "微克/立方米": (Decimal(1), "µg/m3"),
    "第": (Decimal(1), "rank"),
}


# The units of a percentage and of a difference of percentages, as the fact base states them.
PERCENT_UNITS = ("%", "个百分点")


# The base units that are money: a claim in yuan is about a figure in 元 or 亿元, never one in 美元.
CURRENCIES = frozenset({"CNY", "USD"})


# What a rate is counted per (部/百人: phones per hundred people): a power of ten and a counter.
PER_MAGNITUDES: dict[str, Decimal] = {**MAGNITUDES, "千": Decimal(1000), "百": Decimal(100), "十": Decimal(10)}


def unit_base(unit: str) -> tuple[Decimal, str] | None:
    """The multiplier to base units and the base unit's name, or None for a unit not read as one."""
    if unit in COUNTERS:
        return COUNTERS[unit]
    if "/" in unit:
        return _rate_base(unit)
    for magnitude, factor in MAGNITUDES.items():
        if unit.startswith(magnitude):
            rest = unit[len(magnitude) :]
            if not rest:
                return factor, "count"
            counter = COUNTERS.get(rest)
            if counter is not None and counter[1] not in ("fraction", "rank"):
                return factor * counter[0], counter[1]
    return None


def check_unit(unit: str) -> str:
    """For the model: a unit outside the known list must still read as magnitude × counter."""
    if unit_base(unit) is None:
        raise ValueError(f"unknown unit {unit!r}: expected a counter such as 个, 家, 人, 元, 吨, optionally after 万 or 亿")
    return unit


def _rate_base(unit: str) -> tuple[Decimal, str] | None:
    """A rate as magnitude × counter per magnitude × counter: 122.5部/百人 is 1.225 phones a person."""
    counted, _, per = unit.partition("/")
    top = unit_base(counted) if "/" not in counted else None
    magnitude, counter = split_per(per)
    bottom = COUNTERS.get(counter)
    if top is None or bottom is None or "fraction" in (top[1], bottom[1]) or "rank" in (top[1], bottom[1]):
        return None
    return top[0] / (PER_MAGNITUDES.get(magnitude, Decimal(1)) * bottom[0]), f"{top[1]}/{bottom[1]}"


_PER_LONGEST_FIRST = sorted(PER_MAGNITUDES, key=len, reverse=True)


def split_per(per: str) -> tuple[str, str]:
    """What a rate counts per, as its magnitude and the rest: 百人 is 百 and 人, 人 is no magnitude and 人."""
    magnitude = next((m for m in _PER_LONGEST_FIRST if per.startswith(m)), "")
    return magnitude, per[len(magnitude) :]


def is_rate(unit: str) -> bool:
    """A unit read as one unit per another (部/百人, 元/人), not a counter written with a slash (微克/立方米)."""
    return "/" in unit and unit not in COUNTERS and unit_base(unit) is not None
