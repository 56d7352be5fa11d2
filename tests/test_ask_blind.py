"""`ask` on a third question set, written blind: from the facts and the article alone, by someone who had
not read the code or the other question sets, each expected id fixed before anything was run.

Two rounds, by two writers. The first scored 57 of 60 before the fixes it led to (what a figure counts
must be what is asked for; "rate against other provinces" asks for a rank). The second, in the styles
people type in (long conversational questions, bare keywords, mixed Chinese and English, the number's
context instead of the label's words, FY2020), scored 37 of 50: long questions were refused, their
small talk weighing against every figure. Questions still answered wrongly are marked below.
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

ROUND_TWO: list[tuple[str, str, str | None]] = [
    # long conversational
    (
        "long",
        (
            "I'm writing a piece on Chongqing's e-government push for a newsletter - can you "
            "tell me roughly how many people have signed up to the Yukuaiban app?"
        ),
        "yukuaiban-users",
    ),
    ("long", "我在写一篇关于重庆疫情防控数字化的稿子，想问一下渝康码到底被访问了多少次啊？", "yukangma-visits"),
    (
        "long",
        (
            "My professor asked us to compare regional digital economies; do you happen to "
            "know how big Chongqing's digital economy was in 2020, in yuan?"
        ),
        "digital-economy-scale-2020",
    ),
    (
        "long",
        "朋友说重庆的数据中心利用率比全国平均高很多，具体高出多少个百分点你知道吗",
        "data-centre-rack-utilisation-above-national",
    ),
    (
        "long",
        (
            "Hi, quick one for a report I'm drafting: how many systems has the city's "
            "smart-city operations centre (the 'city brain') hooked up so far?"
        ),
        "ops-centre-connected-systems",
    ),
    (
        "long",
        "老师让我们查一下重庆和四川在大数据方面合作得怎么样，两地一共签了多少项协议？",
        "sichuan-chongqing-big-data-agreement-count",
    ),
    (
        "long",
        (
            "I'm putting together slides on platform-economy policy. Could you tell me how many people in "
            "Chongqing work in these new forms of business like gig and platform jobs?"
        ),
        "new-business-form-workers",
    ),
    # very short keyword queries
    ("keyword", "渝快办 用户", "yukuaiban-users"),
    ("keyword", "rack utilisation", "data-centre-rack-utilisation-above-national"),
    ("keyword", "渝康码 功能", "yukangma-functions"),
    ("keyword", "system cloud chiefs", "system-cloud-chief-leaders"),
    ("keyword", "5G scenarios", "5g-integrated-scenario-count"),
    ("keyword", "电子健康卡", "electronic-health-cards"),
    ("keyword", "Yukuairong financing", "yukuairong-sme-financing"),
    ("keyword", "政务数据共享 类", "shared-government-data-categories"),
    # mixed Chinese/English in one line
    ("mixed", "Yukuaiban 有多少办事项", "yukuaiban-services"),
    ("mixed", "Yukangma 用户数是多少", "yukangma-users"),
    ("mixed", "Liangjiang 云计算产业园 server capacity", "liangjiang-park-server-capacity"),
    ("mixed", "重庆 key platform enterprises 有几家", "key-platform-enterprises"),
    ("mixed", "Yukuaizheng 试点了多少个单位", "yukuaizheng-pilot-units"),
    ("mixed", "operations centre 有多少个综合应用场景", "ops-centre-application-scenarios"),
    # the number's context rather than the label's words
    ("context", "How many accounts have signed up to Chongqing's online lending service for small firms?", "yukuairong-users"),
    ("context", "重庆的数据中心这几年每年扩张多快", "data-centre-scale-annual-growth"),
    ("context", "重庆在全国各省网上办事能力评比里排第几", "online-government-service-rank"),
    (
        "context",
        "How many city leaders were put in charge of cloud systems for sectors like transport and agriculture?",
        "system-cloud-chief-leaders",
    ),
    ("context", "同上一堂课、后厨天眼通这类民生小项目一共做了多少个", "smart-innovation-projects"),
    (
        "context",
        "How many municipal departments, districts and development zones are covered by the cloud-chief scheme?",
        "cloud-chief-units",
    ),
    ("context", "What slice of Chongqing's economy was digital back in 2017?", "digital-economy-share-of-gdp-2017"),
    # traditional characters
    ("traditional", "重慶數字經濟佔GDP比重2020年", "digital-economy-share-of-gdp-2020"),
    ("traditional", "川渝雙城經濟圈取得了幾項重點成果", "twin-city-key-achievement-count"),
    ("traditional", "重慶數據中心規模在西部排第幾", "data-centre-scale-western-standing"),
    ("traditional", "重慶數字政府治理效果全國排名", "digital-government-governance-rank"),
    ("traditional", "計劃培育多少家高成長型數字經濟企業", "planned-high-growth-enterprises"),
    ("traditional", "「小切口、大民生」項目有幾個批次", "smart-project-batches"),
    # year formats
    ("year", "2019年度重庆数字经济增长了多少", "digital-economy-growth-2019"),
    ("year", "FY2020 digital economy growth Chongqing", "digital-economy-growth-2020"),
    ("year", "How much faster than GDP did the digital economy grow in FY2018?", "digital-economy-growth-gap-2018"),
    ("year", "二〇二〇年数字经济增速比GDP高几个百分点", "digital-economy-growth-gap-2020"),
    ("year", "What was Chongqing's GDP growth in the 2019 fiscal year?", "implied-gdp-growth-2019"),
    ("year", "2018-2020年度数字经济累计增长多少", "digital-economy-cumulative-growth-2018-2020"),
    # unanswerable
    ("none", "成都数字经济规模是多少", None),
    ("none", "What was Chongqing's digital-economy growth in 2016?", None),
    ("none", "How many 5G base stations does Chongqing have?", None),
    ("none", "渝快办 2022年用户数", None),
    ("none", "Shenzhen digital economy size", None),
    ("none", "重庆超算中心算力多少", None),
    ("none", "How many data centres does Chongqing have?", None),
    ("none", "重庆2018年数字经济规模", None),
    ("none", "What's the unemployment rate in Chongqing?", None),
    ("none", "西部数据交易中心交易额是多少", None),
]

# Still answered wrongly: reported, not hidden. Strict, so a fix must remove its entry.
STILL_WRONG = {
    "渝快办上能办多少件事？",
    # Both clauses ask (合作得怎么样, 签了多少), so neither is taken as the scene, and 两地 is not 川渝.
    "老师让我们查一下重庆和四川在大数据方面合作得怎么样，两地一共签了多少项协议？",
    # Words for the thing that no label or alias has: online lending, 网上办事…评比, 同上一堂课, slice, 雙城 for 川渝.
    "How many accounts have signed up to Chongqing's online lending service for small firms?",
    "重庆在全国各省网上办事能力评比里排第几",
    "同上一堂课、后厨天眼通这类民生小项目一共做了多少个",
    "What slice of Chongqing's economy was digital back in 2017?",
    "川渝雙城經濟圈取得了幾項重點成果",
}

pytestmark = pytest.mark.usefixtures("reuse_module_cache")


def test_the_blind_sets_spread_over_figures_and_kinds() -> None:
    """Sixty and fifty questions in both languages, over forty and thirty figures, ten of each unanswerable."""
    for questions, size, figures in ((QUESTIONS, 60, 40), (ROUND_TWO, 50, 30)):
        expected = [answer for _, _, answer in questions]
        assert len(questions) == size and expected.count(None) == 10
        assert len(set(expected) - {None}) >= figures
    assert {question for _, question, _ in QUESTIONS + ROUND_TWO} >= STILL_WRONG


@pytest.mark.parametrize(
    ("category", "question", "expected"),
    [
        pytest.param(*case, id=f"{case[0]}:{case[1]}", marks=[pytest.mark.xfail(strict=True)] * (case[1] in STILL_WRONG))
        for case in QUESTIONS + ROUND_TWO
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
