"""`ask` on a third question set, written blind: from the facts and the article alone, by someone who had
not read the code or the other question sets, each expected id fixed before anything was run.

Scored 57 of 60 before the fixes it led to (what a figure counts must be what is asked for; "rate
against other provinces" asks for a rank). One loose paraphrase is still missed and is marked below.
"""

from __future__ import annotations

import json

import pytest

from conftest import Run

NO_ANSWER = "cqsmart: no figure in the fact base answers this question\n"

QUESTIONS: list[tuple[str, str, str | None]] = [
    # plain
    ("plain", "2020年重庆数字经济规模是多少？", "digital-economy-scale-2020"),
    ("plain", "How many key platform enterprises are there in Chongqing?", "key-platform-enterprises"),
    (
        "plain",
        "How many big data cooperation agreements have Sichuan and Chongqing signed?",
        "sichuan-chongqing-big-data-agreement-count",
    ),
    ("plain", "重庆建成了多少个5G融合典型应用场景？", "5g-integrated-scenario-count"),
    ("plain", "How many city leaders serve as system cloud chiefs?", "system-cloud-chief-leaders"),
    ("plain", "“小切口、大民生”智能化创新应用项目有多少个？", "smart-innovation-projects"),
    # paraphrase far from the label
    ("paraphrase", "How many people make a living in the gig economy in Chongqing?", "new-business-form-workers"),
    (
        "paraphrase",
        "How fast has Chongqing's data centre capacity been expanding each year lately?",
        "data-centre-scale-annual-growth",
    ),
    ("paraphrase", "重庆数据中心的机架使用率比全国平均高多少？", "data-centre-rack-utilisation-above-national"),
    ("paraphrase", "城市大脑上打造了几个综合场景？", "ops-centre-application-scenarios"),
    (
        "paraphrase",
        "Where did Chongqing place in Tsinghua's ranking of digital government performance?",
        "digital-government-governance-rank",
    ),
    ("paraphrase", "渝快办上能办多少件事？", "yukuaiban-services"),
    ("paraphrase", "How many departments and districts have their top official acting as cloud chief?", "cloud-chief-units"),
    ("paraphrase", "重庆打算培育多少家高成长的数字经济企业？", "planned-high-growth-enterprises"),
    (
        "paraphrase",
        "How does Chongqing's online government service rate against other provinces?",
        "online-government-service-rank",
    ),
    ("paraphrase", "成渝双城经济圈建设中重庆拿到了几项重点成果？", "twin-city-key-achievement-count"),
    # superlative / latest over a metric's years
    ("superlative", "重庆数字经济哪一年增长最快？", "digital-economy-growth-2020"),
    ("superlative", "What is the latest digital economy growth rate for Chongqing?", "digital-economy-growth-2020"),
    ("superlative", "数字经济增速最低的是哪一年？", "digital-economy-growth-2018"),
    ("superlative", "数字经济增速超过GDP增速最多的一年超出多少？", "digital-economy-growth-gap-2020"),
    ("superlative", "In which year did Chongqing's GDP grow fastest?", "implied-gdp-growth-2019"),
    ("superlative", "数字经济增速比上年提高最多的是哪年？", "digital-economy-growth-acceleration-2020"),
    (
        "superlative",
        "What is the most recent figure for the digital economy's share of GDP?",
        "digital-economy-share-of-gdp-2020",
    ),
    # traditional characters
    ("traditional", "重慶數字經濟規模有多大？", "digital-economy-scale-2020"),
    ("traditional", "渝快辦有多少用戶？", "yukuaiban-users"),
    ("traditional", "渝康碼上線了多少項功能？", "yukangma-functions"),
    ("traditional", "兩江國際雲計算產業園能支撐多少台服務器？", "liangjiang-park-server-capacity"),
    ("traditional", "政務數據共享達到多少類？", "shared-government-data-categories"),
    ("traditional", "常住居民電子健康卡普及了多少張？", "electronic-health-cards"),
    # Chinese numerals / fullwidth years
    ("numerals", "二〇一九年重庆数字经济增长了多少？", "digital-economy-growth-2019"),
    ("numerals", "２０２０年数字经济占GDP比重是多少？", "digital-economy-share-of-gdp-2020"),
    ("numerals", "二〇一八年数字经济增速比GDP高几个百分点？", "digital-economy-growth-gap-2018"),
    ("numerals", "二零一七年数字经济占GDP的比重", "digital-economy-share-of-gdp-2017"),
    # English typos
    ("typo", "digtal econmy growth 2019", "digital-economy-growth-2019"),
    ("typo", "How many sytems are conected to the operations center?", "ops-centre-connected-systems"),
    ("typo", "What's the taregt for listed and unicorn digital companies?", "planned-listed-unicorn-enterprises"),
    ("typo", "how many agrements did sichuan and chongqing sign on big data", "sichuan-chongqing-big-data-agreement-count"),
    ("typo", "How many peple work in new busness forms?", "new-business-form-workers"),
    # pinyin / romanised platform names
    ("pinyin", "How many services can you handle on yukuaiban?", "yukuaiban-services"),
    ("pinyin", "yu kang ma users", "yukangma-users"),
    ("pinyin", "How much financing has yukuairong raised for SMEs?", "yukuairong-sme-financing"),
    ("pinyin", "How many units are piloting yu kuai zheng?", "yukuaizheng-pilot-units"),
    ("pinyin", "yukuairong number of users", "yukuairong-users"),
    # derived answers
    ("derived", "重庆2020年GDP增速是多少？", "implied-gdp-growth-2020"),
    ("derived", "What was Chongqing's GDP growth in 2018?", "implied-gdp-growth-2018"),
    ("derived", "2020年重庆GDP总量大约多少？", "implied-gdp-2020"),
    (
        "derived",
        "By how many points did the digital economy's share of GDP rise from 2017 to 2020?",
        "digital-economy-share-change-2017-2020",
    ),
    ("derived", "2018到2020年数字经济累计增长了多少？", "digital-economy-cumulative-growth-2018-2020"),
    ("derived", "How big was Chongqing's digital economy in 2017?", "implied-digital-economy-scale-2017"),
    ("derived", "2019年数字经济增速比上一年加快了多少？", "digital-economy-growth-acceleration-2019"),
    # cannot be answered from the base
    ("unanswerable", "What is Chongqing's GDP per capita?", None),
    ("unanswerable", "重庆常住人口有多少？", None),
    ("unanswerable", "How many 5G users does Chongqing have?", None),
    ("unanswerable", "2021年重庆数字经济增速是多少？", None),
    ("unanswerable", "What was the size of Chongqing's digital economy in 2019?", None),
    ("unanswerable", "2018年数字经济占GDP比重是多少？", None),
    ("unanswerable", "How big is Chengdu's digital economy?", None),
    ("unanswerable", "重庆建了多少个5G基站？", None),
    ("unanswerable", "What was Chongqing's GDP growth in 2017?", None),
    ("unanswerable", "新业态从业人员平均月收入是多少？", None),
]


# Still answered wrongly: reported, not hidden. Strict, so a fix must remove its entry.
STILL_WRONG = {"渝快办上能办多少件事？"}

pytestmark = pytest.mark.usefixtures("reuse_module_cache")


def test_the_blind_set_spreads_over_figures_and_kinds() -> None:
    """Sixty questions in both languages, over forty figures, ten of them unanswerable."""
    expected = [answer for _, _, answer in QUESTIONS]
    assert len(QUESTIONS) == 60 and expected.count(None) == 10
    assert len(set(expected) - {None}) >= 40
    assert {question for _, question, _ in QUESTIONS} >= STILL_WRONG


@pytest.mark.parametrize(
    ("category", "question", "expected"),
    [
        pytest.param(*case, id=f"{case[0]}:{case[1]}", marks=[pytest.mark.xfail(strict=True)] * (case[1] in STILL_WRONG))
        for case in QUESTIONS
    ],
)
def test_blind_question(run: Run, category: str, question: str, expected: str | None) -> None:
    """The answering figure comes first; a question the base cannot answer exits 1 with one line."""
    result = run("ask", question, "--json")
    if expected is None:
        assert (result.exit_code, result.stdout, result.stderr) == (1, "", NO_ANSWER)
    else:
        assert (result.exit_code, result.stderr) == (0, ""), result.stderr
        assert json.loads(result.stdout)[0]["id"] == expected
