"""`cqsmart extract` on sentences written for each rule: numbers in every form, units, qualifiers,
periods, declines, and the words that are not figures."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from conftest import Run


def extract_figures(run: Run, tmp_path: Path, text: str) -> list[dict[str, Any]]:
    path = tmp_path / "text.txt"
    path.write_text(text, encoding="utf-8")
    result = run("extract", str(path), "--json")
    assert result.exit_code == 0, result.stderr
    records = json.loads(result.stdout)
    assert records[0]["kind"] == "source"
    return [record for record in records if record["kind"] == "figure"]


def quantity(figure: dict[str, Any]) -> tuple[Any, ...]:
    """What a rule sentence states; a year the sentence does not state (the document's date) reads as None."""
    period = figure["period"]
    if "from the document's date" in (figure.get("note") or ""):
        period = {"start": None, "end": None}
    return (figure["value"], figure["unit"], figure["qualifier"], figure["qualifier_text"], period["start"], period["end"])


RULES = [
    # Arabic numbers and compound units, as stated
    ("2022年，全市旅游收入达到1250亿元。", [(1250, "亿元", "exact", None, 2022, 2022)]),
    ("新增城镇就业58万人。", [(58, "万人", "exact", None, None, None)]),
    ("累计发放社保卡3200万张。", [(3200, "万张", "exact", None, None, None)]),
    ("粮食总产量1093.7万吨。", [(1093.7, "万吨", "exact", None, None, None)]),
    ("城镇化率比上年提高1.5个百分点。", [(1.5, "个百分点", "exact", None, None, None)]),
    ("全市货运量达到12.6亿吨。", [(12.6, "亿吨", "exact", None, None, None)]),
    ("实现增加值3,456.7亿元。", [(3456.7, "亿元", "exact", None, None, None)]),
    ("投资3.50亿元，增长12.00%。", [(3.5, "亿元", "exact", None, None, None), (12.0, "%", "exact", None, None, None)]),
    ("服务热线023-12345678，编号0012。", []),
    ("①个人所得税改革落地；②企业减负。", []),
    # fullwidth digits and percent sign
    ("规模以上工业增加值增长６．６％。", [(6.6, "%", "exact", None, None, None)]),
    # qualifiers
    ("培育5家以上上市企业。", [(5, "家", "at_least", "以上", None, None)]),
    ("每年新增不少于20个应用场景。", [(20, "个", "at_least", "不少于", None, None)]),
    ("“渝快融”用户超26万。", [(26, "万", "more_than", "超", None, None)]),
    ("总投资超过300亿元。", [(300, "亿元", "more_than", "超过", None, None)]),
    ("用户突破2100万人。", [(2100, "万人", "more_than", "突破", None, None)]),
    ("从业人员逾30万人。", [(30, "万人", "more_than", "逾", None, None)]),
    ("上线疫苗接种等10余项功能。", [(10, "项", "more_than", "余", None, None)]),
    ("带动就业3万余人。", [(3, "万人", "more_than", "余", None, None)]),
    ("总投资近3000亿元。", [(3000, "亿元", "approximately", "近", None, None)]),
    ("覆盖人口约500万人。", [(500, "万人", "approximately", "约", None, None)]),
    ("比重达到40%左右。", [(40, "%", "approximately", "左右", None, None)]),
    ("到2025年，力争增速达到8%左右。", [(8, "%", "approximately", "左右", 2025, 2025)]),
    ("网上政务服务能力排名进入全国前10位。", [(10, "位", "at_most", "前", None, None)]),
    ("总投资约为3000亿元。", [(3000, "亿元", "approximately", "约", None, None)]),
    ("“渝快融”用户26万余。", [(26, "万", "more_than", "余", None, None)]),
    ("全年节约用水1000吨，附近3个社区受益。", [(1000, "吨", "exact", None, None, None), (3, "个", "exact", None, None, None)]),
    (
        "空气质量优良天数329天，PM2.5平均浓度为33微克/立方米。",
        [(329, "天", "exact", None, None, None), (33, "微克/立方米", "exact", None, None, None)],
    ),
    ("营业收入超百亿元企业28家。", [(28, "家", "exact", None, None, None)]),
    ("旅游总收入1200多亿元。", [(1200, "亿元", "more_than", "多", None, None)]),
    # periods
    (
        "2016年至2018年，全市数字经济分别增长13.7%、15.9%和18.3%。",
        [(13.7, "%", "exact", None, 2016, 2016), (15.9, "%", "exact", None, 2017, 2017), (18.3, "%", "exact", None, 2018, 2018)],
    ),
    (
        "2019年、2020年和2021年，全市新增企业分别为120家、150家和210家。",
        [(120, "家", "exact", None, 2019, 2019), (150, "家", "exact", None, 2020, 2020), (210, "家", "exact", None, 2021, 2021)],
    ),
    ("2016年至2020年，累计完成投资4500亿元。", [(4500, "亿元", "exact", None, 2016, 2020)]),
    (
        "到2030年，数字经济规模达到2.5万亿元，培育龙头企业500家。",
        [(2.5, "万亿元", "exact", None, 2030, 2030), (500, "家", "exact", None, 2030, 2030)],
    ),
    (
        "占GDP比重由2017年的16%提升至2020年的25.5%。",
        [(16, "%", "exact", None, 2017, 2017), (25.5, "%", "exact", None, 2020, 2020)],
    ),
    ("全市共有医院62所。", [(62, "所", "exact", None, None, None)]),
    # Chinese numerals and lists
    ("新能源汽车渗透率超过百分之三十。", [(30, "%", "more_than", "超过", None, None)]),
    ("数字经济核心产业占比提高三成。", [(3, "成", "exact", None, None, None)]),
    ("软件企业实现营收近千亿元。", [(1000, "亿元", "approximately", "近", None, None)]),
    ("两千余家软件企业入驻园区。", [(2000, "家", "more_than", "余", None, None)]),
    ("带动万余家企业上云。", [(10000, "家", "more_than", "余", None, None)]),
    ("重庆数字政府治理效果排名全国第五。", [(5, "第", "exact", None, None, None)]),
    ("新建十五个充电站。", [(15, "个", "exact", None, None, None)]),
    ("经济总量居全国第12位、西部第2位。", [(12, "第", "exact", None, None, None), (2, "第", "exact", None, None, None)]),
    ("排名靠前的企业进入第二批名单。", []),
    (
        "2018年至2020年分别高于同期GDP增速7.7、9.6和14.4个百分点。",
        [
            (7.7, "个百分点", "exact", None, 2018, 2018),
            (9.6, "个百分点", "exact", None, 2019, 2019),
            (14.4, "个百分点", "exact", None, 2020, 2020),
        ],
    ),
    # not figures: dates, years, durations, ordinals in names, codes and words
    ("8月13日，记者采访了市大数据发展局。", []),
    ("2021年是“十四五”开局之年。", []),
    ("项目建设历时两年，上半年经济运行平稳。", []),
    ("新建三级医院，公布第二批试点名单。", []),
    ("推动5G网络和一网通办建设，保持两位数增长。", []),
    ("我们将从四个方面着手，近5年来发展迅速。", []),
    ("第一，创新体制机制；数十家企业参与。", []),
    ("坚持“两个确立”，让智慧服务走进千家万户，每万人受益。", []),
    ("培育千亿级产业集群，推动三次产业协调发展。", []),
    (
        "每千人口床位数7.78张，每10万人口拥有执业医师280人。",
        [(7.78, "张", "exact", None, None, None), (280, "人", "exact", None, None, None)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), RULES, ids=[sentence for sentence, _ in RULES])
def test_each_rule_on_a_sentence(run: Run, tmp_path: Path, sentence: str, expected: list[tuple[Any, ...]]) -> None:
    """Each sentence yields exactly the figures it states, with value, unit, qualifier and period."""
    assert [quantity(figure) for figure in extract_figures(run, tmp_path, sentence)] == expected


DECLINES = [
    ("全年居民消费价格比上年下降2.7%。", 2.7, "decrease"),
    ("常住人口比上年末减少21.48万人。", 21.48, "decrease"),
    ("全市地区生产总值增长6.1%。", 6.1, None),
]


@pytest.mark.parametrize(("sentence", "value", "direction"), DECLINES)
def test_declines_keep_the_stated_value_and_say_so(
    run: Run, tmp_path: Path, sentence: str, value: float, direction: str | None
) -> None:
    """下降2.7% is the value 2.7 with direction 'decrease'; growth has no direction."""
    [figure] = extract_figures(run, tmp_path, sentence)
    assert (figure["value"], figure["direction"]) == (value, direction)


LABELS = [
    ("2023年，全市规模以上工业增加值增长5.2%。", ["规模以上工业增加值"]),
    ("同时建成30个5G融合典型应用场景。", ["5G融合典型应用场景"]),
    ("2023年，全市实现地区生产总值30145.79亿元，比上年增长6.1%。", ["地区生产总值", "地区生产总值比上年增长"]),
    (
        "上半年，软件产品收入11427亿元，同比增长10.2%，占全行业收入的比重为24.7%。",
        ["软件产品收入", "软件产品收入同比增长", "软件产品收入占全行业收入比重"],
    ),
    ("信息技术服务收入30296亿元，在全行业收入中占比为65.5%。", ["信息技术服务收入", "信息技术服务收入占全行业收入比重"]),
    (
        "2023年，完成固定语音和移动语音业务收入185.3亿元和1108亿元，比上年分别下降8%和2.5%。",
        ["固定语音业务收入", "移动语音业务收入", "固定语音业务收入比上年下降", "移动语音业务收入比上年下降"],
    ),
]


@pytest.mark.parametrize(("sentence", "labels"), LABELS)
def test_the_label_names_the_measure(run: Run, tmp_path: Path, sentence: str, labels: list[str]) -> None:
    """label.zh names the subject and what is measured of it (level, growth, share), each list member its own."""
    figures = extract_figures(run, tmp_path, sentence)
    assert [figure["label"]["zh"] for figure in figures] == labels


def test_no_two_figures_of_a_text_share_a_label(run: Run, tmp_path: Path) -> None:
    text = "2023年，电信业务收入在总收入中占比由上年的15.2%提升至15.6%。2023年，全市网民超2000万人。全市网民超2000万户。"
    labels = [figure["label"]["zh"] for figure in extract_figures(run, tmp_path, text)]
    assert len(labels) == len(set(labels)) == 4


def test_the_quote_is_the_shortest_span_naming_the_figure(run: Run, tmp_path: Path) -> None:
    """Each quote is verbatim, holds the number and its qualifier, and names what it counts."""
    text = "2018年至2020年,重庆数字经济分别增长13.7%、15.9%、18.3%,增速逐年走高。“渝快融”用户超26万,为中小微企业融资371亿元。"
    quotes = [figure["source"]["quote"] for figure in extract_figures(run, tmp_path, text)]
    assert quotes == [
        "2018年至2020年,重庆数字经济分别增长13.7%",
        "2018年至2020年,重庆数字经济分别增长13.7%、15.9%",
        "2018年至2020年,重庆数字经济分别增长13.7%、15.9%、18.3%",
        "“渝快融”用户超26万",
        "为中小微企业融资371亿元",
    ]


def test_a_phrase_broken_across_lines_is_one_figure(run: Run, tmp_path: Path) -> None:
    """A line break inside a sentence (同时建成30 / 个5G…) does not split the number from its unit."""
    text = "三是持续打造全场景集，让智慧城市更有温度。同时建成30\n\n个5G融合典型应用场景。\n"
    [figure] = extract_figures(run, tmp_path, text)
    assert (figure["value"], figure["unit"], figure["source"]["quote"]) == (30, "个", "同时建成30个5G融合典型应用场景")


def test_every_figure_has_a_confidence(run: Run, tmp_path: Path) -> None:
    """Confidence is between 0 and 1, lower for a Chinese numeral than for digits."""
    digits, chinese = extract_figures(run, tmp_path, "新建15个充电站。建成十五个公园。")
    assert 0 < chinese["confidence"] < digits["confidence"] <= 1


def test_a_repeated_statement_is_one_figure(run: Run, tmp_path: Path) -> None:
    """A heading or summary that repeats a figure adds no second record; the quote grows until it is unique."""
    text = "用好金字招牌 从业人员达210万人\n\n截至目前，新业态从业人员达210万人。总之，新业态从业人员达210万人。\n"
    [figure] = extract_figures(run, tmp_path, text)
    assert (figure["label"]["zh"], figure["source"]["quote"]) == ("新业态从业人员", "截至目前，新业态从业人员达210万人")


def test_every_rule_sentence_drafts_a_valid_base(run: Run, tmp_path: Path) -> None:
    """All the sentences above as one text: the draft passes validate --draft (quotes state values, base values hold)."""
    text = tmp_path / "rules.txt"
    text.write_text("\n\n".join(sentence for sentence, _ in RULES), encoding="utf-8")
    draft = tmp_path / "draft.json"
    assert run("extract", str(text), "--output", str(draft)).exit_code == 0
    result = run("validate", "--draft", str(draft))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


def test_random_text_never_breaks_the_draft(run: Run, tmp_path: Path) -> None:
    """Shuffled fragments of numbers, units, qualifiers and years: extract succeeds and the draft validates."""
    import random

    pieces = [*"0123456789.,，、和%％年月日第前超近约余多下降万亿千百十一二两三五九个家项人元成“”《》。；\n"]
    pieces += ["2021年", "2018年至2020年", "分别增长", "个百分点", "万人", "亿元", "以上", "左右", "排名", "前10位", "每"]
    generator = random.Random(15)
    lines = ["".join(generator.choice(pieces) for _ in range(generator.randint(1, 50))) for _ in range(400)]
    text = tmp_path / "random.txt"
    text.write_text("。\n".join(lines), encoding="utf-8")
    draft = tmp_path / "draft.json"
    assert run("extract", str(text), "--output", str(draft)).exit_code == 0
    result = run("validate", "--draft", str(draft))
    assert (result.exit_code, result.stderr) == (0, "")
