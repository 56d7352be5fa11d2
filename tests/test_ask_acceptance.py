"""The issue's measure of `ask`, on a set written blind in its own terms: at least 29 of 30 plain questions
and 25 of 28 hard ones get the right figure first, and every unanswerable question exits 1.

Written from the facts and the article alone, each expected id fixed before anything was run. Before
the fixes it led to it scored 29/30, 24/28 and 12/12: the misses were paraphrases far from the labels'
words (the COVID pass app, 外卖 and 网约车 for new forms of business) and "how much faster … than GDP".
A second set, by another writer who had not seen the aliases either, scored 30/30, 25/28 and 12/12
before its fixes (机房 and 机柜使用率 for the data centres' rack utilisation, 各省 for provincial,
伺服器 for servers) and 30/30, 28/28 and 12/12 after. A third, by a third writer, scored 30/30,
27/28 and 9/12: three unanswerable questions got a related figure (a target for how many unicorns
there are today, Shenzhen named in a quote about Chongqing, a standing in words for what something
cost); 30/30, 27/28 and 12/12 after.
"""

from __future__ import annotations

import json

import pytest

from conftest import Run, assert_asked

HARD = ("paraphrase", "superlative", "traditional", "numerals", "typo", "romanised", "derived")

QUESTIONS: list[tuple[str, str, str | None]] = [
    # ---- plain, zh (15)
    ("plain", "2019年重庆数字经济增长了多少？", "digital-economy-growth-2019"),
    ("plain", "2020年重庆数字经济规模有多大", "digital-economy-scale-2020"),
    ("plain", "2017年数字经济占GDP的比重是多少？", "digital-economy-share-of-gdp-2017"),
    ("plain", "有几位市领导担任系统云长", "system-cloud-chief-leaders"),
    ("plain", "两江国际云计算产业园能支撑多少台服务器？", "liangjiang-park-server-capacity"),
    ("plain", "重庆政务数据共享了多少类", "shared-government-data-categories"),
    ("plain", "重庆现在有多少家重点平台企业？", "key-platform-enterprises"),
    ("plain", "川渝签了多少项大数据智能化合作协议", "sichuan-chongqing-big-data-agreement-count"),
    ("plain", "运行管理中心接入了多少个系统？", "ops-centre-connected-systems"),
    ("plain", "渝快办现在能办多少项事", "yukuaiban-services"),
    ("plain", "渝快政在多少个单位试点应用？", "yukuaizheng-pilot-units"),
    ("plain", "渝快融帮中小微企业融了多少资金", "yukuairong-sme-financing"),
    ("plain", "渝康码的访问量是多少？", "yukangma-visits"),
    ("plain", "重庆建成了多少个5G融合应用场景", "5g-integrated-scenario-count"),
    ("plain", "重庆要培育多少家高成长型数字经济企业？", "planned-high-growth-enterprises"),
    # ---- plain, en (15)
    ("plain", "What was Chongqing's digital economy growth rate in 2018?", "digital-economy-growth-2018"),
    ("plain", "How much faster did the digital economy grow than GDP in 2020?", "digital-economy-growth-gap-2020"),
    ("plain", "what share of GDP was the digital economy in 2020", "digital-economy-share-of-gdp-2020"),
    ("plain", "How many departments and districts have their heads acting as cloud chiefs?", "cloud-chief-units"),
    (
        "plain",
        "How fast has Chongqing's data centre capacity grown each year over the last five years?",
        "data-centre-scale-annual-growth",
    ),
    ("plain", "How many electronic health cards do residents have?", "electronic-health-cards"),
    ("plain", "how many people work in new forms of business in chongqing", "new-business-form-workers"),
    ("plain", "How many integrated application scenarios has the operations centre built?", "ops-centre-application-scenarios"),
    ("plain", "How many users does Yukuaiban have?", "yukuaiban-users"),
    ("plain", "Where does Chongqing rank among provinces for online government services?", "online-government-service-rank"),
    ("plain", "how many users has Yukuairong got", "yukuairong-users"),
    ("plain", "How many people use the Yukangma health code?", "yukangma-users"),
    ("plain", "What was Chongqing's national ranking for digital government governance?", "digital-government-governance-rank"),
    (
        "plain",
        "How many digital economy industrial parks does Chongqing plan to build?",
        "planned-digital-economy-industrial-parks",
    ),
    ("plain", "How many R&D innovation platforms will Chongqing set up?", "planned-rd-innovation-platforms"),
    # ---- paraphrase (4)
    ("paraphrase", "靠送外卖、开网约车这类新职业吃饭的人有多少？", "new-business-form-workers"),
    ("paraphrase", "在网上能办的政府业务一共有多少种", "yukuaiban-services"),
    ("paraphrase", "How many times have people pulled up the COVID pass app?", "yukangma-visits"),
    (
        "paraphrase",
        "How many kinds of official records do government agencies swap with each other?",
        "shared-government-data-categories",
    ),
    # ---- superlative / latest (4)
    ("superlative", "重庆数字经济增速最高的是哪一年？", "digital-economy-growth-2020"),
    ("superlative", "数字经济比GDP增速快得最少的是哪年", "digital-economy-growth-gap-2018"),
    ("superlative", "What is the latest figure for the digital economy's share of GDP?", "digital-economy-share-of-gdp-2020"),
    ("superlative", "Which year had the slowest digital economy growth?", "digital-economy-growth-2018"),
    # ---- traditional (4)
    ("traditional", "重慶數字經濟規模有多大？", "digital-economy-scale-2020"),
    ("traditional", "渝康碼有多少用戶", "yukangma-users"),
    ("traditional", "兩江國際雲計算產業園能支撐多少台服務器？", "liangjiang-park-server-capacity"),
    ("traditional", "川渝簽署了多少項大數據智能化合作協議", "sichuan-chongqing-big-data-agreement-count"),
    # ---- numerals (4)
    ("numerals", "二〇一九年重庆数字经济增速是多少？", "digital-economy-growth-2019"),
    ("numerals", "２０１８年数字经济增速比GDP高多少个百分点", "digital-economy-growth-gap-2018"),
    ("numerals", "二零一七年数字经济占GDP比重", "digital-economy-share-of-gdp-2017"),
    ("numerals", "２０２０年重庆数字经济规模是多少？", "digital-economy-scale-2020"),
    # ---- typo (4)
    ("typo", "How many usres does Yukuaiban have", "yukuaiban-users"),
    ("typo", "chongqing digtal econmy growth 2019", "digital-economy-growth-2019"),
    ("typo", "how many electornic helth cards are there", "electronic-health-cards"),
    ("typo", "How much is data center rack utilsation above the natinal average?", "data-centre-rack-utilisation-above-national"),
    # ---- romanised (4)
    ("romanised", "How many services can you do on the YuKuaiBan app?", "yukuaiban-services"),
    ("romanised", "How many visits has the Yukang Ma code had?", "yukangma-visits"),
    ("romanised", "How much financing did Yu Kuai Rong raise for small businesses?", "yukuairong-sme-financing"),
    ("romanised", "How many units are trialling Yúkuàizhèng?", "yukuaizheng-pilot-units"),
    # ---- derived (4)
    ("derived", "What was Chongqing's GDP growth in 2020?", "implied-gdp-growth-2020"),
    ("derived", "2020年重庆GDP总量大概是多少？", "implied-gdp-2020"),
    (
        "derived",
        "By how many points did the digital economy's share of GDP rise from 2017 to 2020?",
        "digital-economy-share-change-2017-2020",
    ),
    ("derived", "2017年重庆数字经济规模大概多大", "implied-digital-economy-scale-2017"),
    # ---- unanswerable (12: 6 zh, 6 en)
    ("none", "重庆有多少个5G基站？", None),
    ("none", "2021年重庆数字经济规模是多少", None),
    ("none", "成都数字经济规模有多大？", None),
    ("none", "2016年重庆数字经济增速是多少", None),
    ("none", "重庆软件业务收入是多少？", None),
    ("none", "深圳的数据中心上架率是多少", None),
    ("none", "What is Chongqing's unemployment rate?", None),
    ("none", "What was Chongqing's digital economy growth in 2021?", None),
    ("none", "How big is Chengdu's digital economy?", None),
    ("none", "How many Yukuaiban users were there in 2019?", None),
    ("none", "What's the population of Chongqing?", None),
    ("none", "What share of GDP is the digital economy in Shanghai?", None),
]
SECOND: list[tuple[str, str, str | None]] = [
    # ---- plain zh (15) ----
    ("plain", "2019年重庆数字经济增长了多少？", "digital-economy-growth-2019"),
    ("plain", "2020年重庆数字经济规模有多大", "digital-economy-scale-2020"),
    ("plain", "2017年数字经济占GDP的比重是多少？", "digital-economy-share-of-gdp-2017"),
    ("plain", "有几位市领导担任系统云长", "system-cloud-chief-leaders"),
    ("plain", "两江国际云计算产业园能支撑多少台服务器？", "liangjiang-park-server-capacity"),
    ("plain", "目前政务数据共享了多少类", "shared-government-data-categories"),
    ("plain", "全市重点平台企业有多少家？", "key-platform-enterprises"),
    ("plain", "川渝两地签了多少项大数据智能化合作协议", "sichuan-chongqing-big-data-agreement-count"),
    ("plain", "运行管理中心接入了几个系统？", "ops-centre-connected-systems"),
    ("plain", "渝快办用户有多少", "yukuaiban-users"),
    ("plain", "渝快政在多少个单位试点应用？", "yukuaizheng-pilot-units"),
    ("plain", "渝快融给中小微企业融了多少资", "yukuairong-sme-financing"),
    ("plain", "渝康码的访问量有多少？", "yukangma-visits"),
    ("plain", "建成了多少个5G融合典型应用场景", "5g-integrated-scenario-count"),
    ("plain", "重庆数字政府治理效果全国排第几？", "digital-government-governance-rank"),
    # ---- plain en (15) ----
    ("plain", "What was Chongqing's digital economy growth in 2018?", "digital-economy-growth-2018"),
    (
        "plain",
        "By how many percentage points did digital economy growth beat GDP growth in 2020?",
        "digital-economy-growth-gap-2020",
    ),
    ("plain", "digital economy share of GDP 2020", "digital-economy-share-of-gdp-2020"),
    ("plain", "How many units have their heads serving as cloud chiefs?", "cloud-chief-units"),
    ("plain", "How fast has data centre capacity grown each year over the past five years?", "data-centre-scale-annual-growth"),
    ("plain", "How many electronic health cards are in use?", "electronic-health-cards"),
    ("plain", "how many people work in new forms of business", "new-business-form-workers"),
    (
        "plain",
        "How many key achievements has the Chengdu-Chongqing twin-city economic circle produced?",
        "twin-city-key-achievement-count",
    ),
    (
        "plain",
        "How many integrated application scenarios are built on the operations centre?",
        "ops-centre-application-scenarios",
    ),
    ("plain", "How many service items does Yukuaiban offer?", "yukuaiban-services"),
    ("plain", "Yukuairong users?", "yukuairong-users"),
    ("plain", "How many functions does the Yukangma health code have?", "yukangma-functions"),
    ("plain", "How many people use the Yukangma health code", "yukangma-users"),
    ("plain", "What's the target for R&D and innovation platforms?", "planned-rd-innovation-platforms"),
    (
        "plain",
        "How many high-growth digital economy enterprises does Chongqing plan to cultivate?",
        "planned-high-growth-enterprises",
    ),
    # ---- paraphrase (4) ----
    (
        "paraphrase",
        "In 2019, how much faster did the digital sector expand than the economy as a whole?",
        "digital-economy-growth-gap-2019",
    ),
    ("paraphrase", "重庆机房的机柜使用率比全国一般水平高出多少？", "data-centre-rack-utilisation-above-national"),
    ("paraphrase", "网上办政务这块，重庆在各省里大概排第几", "online-government-service-rank"),
    ("paraphrase", "How many gig-economy workers does Chongqing have?", "new-business-form-workers"),
    # ---- superlative / latest (4) ----
    ("superlative", "重庆数字经济最新的增速是多少？", "digital-economy-growth-2020"),
    ("superlative", "Which year had the fastest digital economy growth?", "digital-economy-growth-2020"),
    (
        "superlative",
        "What is the most recent figure for the digital economy's share of GDP?",
        "digital-economy-share-of-gdp-2020",
    ),
    ("superlative", "数字经济增速领先GDP增速幅度最小的是哪一年", "digital-economy-growth-gap-2018"),
    # ---- traditional characters (4) ----
    ("traditional", "重慶數字經濟規模有多大？", "digital-economy-scale-2020"),
    ("traditional", "渝康碼有多少用戶", "yukangma-users"),
    ("traditional", "政務數據共享了多少類？", "shared-government-data-categories"),
    ("traditional", "兩江國際雲計算產業園能支撐多少台伺服器", "liangjiang-park-server-capacity"),
    # ---- Chinese numerals / fullwidth digits (4) ----
    ("numerals", "二〇一九年数字经济增长多少", "digital-economy-growth-2019"),
    ("numerals", "２０１８年数字经济增速是多少？", "digital-economy-growth-2018"),
    ("numerals", "二零二零年数字经济占GDP比重是多少", "digital-economy-share-of-gdp-2020"),
    ("numerals", "２０２０年数字经济增速比ＧＤＰ增速高几个百分点？", "digital-economy-growth-gap-2020"),
    # ---- English typos (4) ----
    ("typo", "how many usres does yukuaiban hav", "yukuaiban-users"),
    ("typo", "digtal econmy size in 2020", "digital-economy-scale-2020"),
    ("typo", "How many elecronic helth cards are there?", "electronic-health-cards"),
    ("typo", "How many sytems are conected to the operations center?", "ops-centre-connected-systems"),
    # ---- romanised / pinyin names (4) ----
    ("romanised", "How much financing has Yu Kuai Rong provided to small businesses?", "yukuairong-sme-financing"),
    ("romanised", "How many times has yu kang ma been accessed?", "yukangma-visits"),
    ("romanised", "how many city leaders are xitong yunzhang", "system-cloud-chief-leaders"),
    ("romanised", "How many big data agreements did Chuanyu sign?", "sichuan-chongqing-big-data-agreement-count"),
    # ---- derived (4) ----
    ("derived", "How fast did Chongqing's GDP grow in 2019?", "implied-gdp-growth-2019"),
    ("derived", "2020年重庆GDP总量大约是多少？", "implied-gdp-2020"),
    (
        "derived",
        "From 2017 to 2020, by how many points did the digital economy's share of GDP rise?",
        "digital-economy-share-change-2017-2020",
    ),
    ("derived", "2017年重庆数字经济规模大概有多大", "implied-digital-economy-scale-2017"),
    # ---- unanswerable zh (6) ----
    ("none", "重庆常住人口有多少？", None),
    ("none", "2021年重庆数字经济增长了多少", None),
    ("none", "重庆建了多少个5G基站？", None),
    ("none", "超算中心总投资多少钱", None),
    ("none", "上海的数字经济规模是多少？", None),
    ("none", "西部数据交易中心有多少家会员", None),
    # ---- unanswerable en (6) ----
    ("none", "What is the unemployment rate in Chongqing?", None),
    ("none", "How many tourists visited Chongqing in 2020?", None),
    ("none", "What was the size of the digital economy in 2018?", None),
    ("none", "How many smart parking spaces are there?", None),
    ("none", "What is the average salary of big data workers?", None),
    ("none", "How many data centres does Chongqing have?", None),
]
THIRD: list[tuple[str, str, str | None]] = [
    # ---- plain zh (15)
    ("plain", "2020年重庆数字经济规模是多少？", "digital-economy-scale-2020"),
    ("plain", "2018年数字经济增速", "digital-economy-growth-2018"),
    ("plain", "2017年数字经济占GDP比重是多少", "digital-economy-share-of-gdp-2017"),
    ("plain", "有几位市领导担任系统云长？", "system-cloud-chief-leaders"),
    ("plain", "两江国际云计算产业园的服务器支撑能力有多大", "liangjiang-park-server-capacity"),
    ("plain", "截至目前政务数据共享了多少类？", "shared-government-data-categories"),
    ("plain", "重庆全市重点平台企业有多少家", "key-platform-enterprises"),
    ("plain", "川渝签署的大数据智能化合作协议一共多少项？", "sichuan-chongqing-big-data-agreement-count"),
    ("plain", "运行管理中心接入了多少个系统", "ops-centre-connected-systems"),
    ("plain", "渝快办的办事项目前有多少项？", "yukuaiban-services"),
    ("plain", "渝快政在多少个单位试点应用", "yukuaizheng-pilot-units"),
    ("plain", "渝快融为中小微企业融资了多少钱？", "yukuairong-sme-financing"),
    ("plain", "渝康码访问量", "yukangma-visits"),
    ("plain", "目前建成了多少个5G融合典型应用场景？", "5g-integrated-scenario-count"),
    ("plain", "重庆计划培育多少家高成长型数字经济企业？", "planned-high-growth-enterprises"),
    # ---- plain en (15)
    ("plain", "What was the margin of digital-economy growth over GDP growth in 2019?", "digital-economy-growth-gap-2019"),
    ("plain", "Digital economy share of GDP in 2020?", "digital-economy-share-of-gdp-2020"),
    ("plain", "How many units have their heads serving as cloud chiefs?", "cloud-chief-units"),
    (
        "plain",
        "average annual growth of Chongqing's data centre capacity over the past five years",
        "data-centre-scale-annual-growth",
    ),
    (
        "plain",
        "By how many percentage points does data-centre rack utilisation exceed the national average?",
        "data-centre-rack-utilisation-above-national",
    ),
    ("plain", "How many electronic health cards are in use among permanent residents?", "electronic-health-cards"),
    ("plain", "Tell me how many people work in new forms of business.", "new-business-form-workers"),
    ("plain", "How many integrated application scenarios has the operations centre built?", "ops-centre-application-scenarios"),
    ("plain", "Yukuaiban has how many users?", "yukuaiban-users"),
    ("plain", "Yukuairong users", "yukuairong-users"),
    ("plain", "How many functions has the Yukangma health code launched?", "yukangma-functions"),
    ("plain", "Number of Yukangma health code users?", "yukangma-users"),
    (
        "plain",
        "Where does Chongqing rank nationally for digital-government governance effectiveness?",
        "digital-government-governance-rank",
    ),
    ("plain", "What is the target number of R&D and innovation platforms?", "planned-rd-innovation-platforms"),
    (
        "plain",
        "How many key achievements came out of the Chengdu-Chongqing twin-city economic circle?",
        "twin-city-key-achievement-count",
    ),
    # ---- paraphrase (4)
    ("paraphrase", "In 2020, how large had Chongqing's digital sector grown, in yuan terms?", "digital-economy-scale-2020"),
    ("paraphrase", "城市大脑现在连了多少套系统？", "ops-centre-connected-systems"),
    (
        "paraphrase",
        "How much credit did small firms get through the city's online financing platform?",
        "yukuairong-sme-financing",
    ),
    ("paraphrase", "网约车、外卖这类新兴行业里干活的有多少人", "new-business-form-workers"),
    # ---- superlative / latest (4)
    ("superlative", "What is the latest figure for Chongqing's digital-economy growth?", "digital-economy-growth-2020"),
    ("superlative", "数字经济增速最高的是哪一年？", "digital-economy-growth-2020"),
    (
        "superlative",
        "In which year was the gap between digital-economy growth and GDP growth smallest?",
        "digital-economy-growth-gap-2018",
    ),
    ("superlative", "最新的数字经济占GDP比重是多少", "digital-economy-share-of-gdp-2020"),
    # ---- traditional (4)
    ("traditional", "渝快辦的用戶數有多少？", "yukuaiban-users"),
    ("traditional", "2020年重慶數字經濟規模達到多少億元", "digital-economy-scale-2020"),
    ("traditional", "政務數據共享達到多少類", "shared-government-data-categories"),
    ("traditional", "川渝兩地簽署了幾項大數據智能化合作協議？", "sichuan-chongqing-big-data-agreement-count"),
    # ---- numerals (4)
    ("numerals", "二〇一九年数字经济增速是多少", "digital-economy-growth-2019"),
    ("numerals", "２０１８年数字经济增速比GDP高出多少个百分点", "digital-economy-growth-gap-2018"),
    ("numerals", "二零一七年数字经济占GDP的比重", "digital-economy-share-of-gdp-2017"),
    ("numerals", "５Ｇ融合典型应用场景有几个", "5g-integrated-scenario-count"),
    # ---- typo (4)
    ("typo", "digtal economy grwoth in 2019", "digital-economy-growth-2019"),
    ("typo", "How many key platfrom enterprizes does Chongqing have?", "key-platform-enterprises"),
    ("typo", "Servr capacity of the Liangjang cloud computing park", "liangjiang-park-server-capacity"),
    ("typo", "How many electonic helth cards are there?", "electronic-health-cards"),
    # ---- romanised (4)
    ("romanised", "How many service items does Yu Kuai Ban offer?", "yukuaiban-services"),
    ("romanised", "How many times has the Yu Kang Ma code been accessed?", "yukangma-visits"),
    ("romanised", "Yu-Kuai-Zheng is piloted in how many units?", "yukuaizheng-pilot-units"),
    ("romanised", "How many city leaders serve as xitong yunzhang?", "system-cloud-chief-leaders"),
    # ---- derived (4)
    ("derived", "2019年重庆GDP增长了多少？", "implied-gdp-growth-2019"),
    ("derived", "How big was Chongqing's GDP in 2020?", "implied-gdp-2020"),
    ("derived", "2017年到2020年数字经济占比提高了几个百分点", "digital-economy-share-change-2017-2020"),
    ("derived", "What was the size of the digital economy back in 2017?", "implied-digital-economy-scale-2017"),
    # ---- unanswerable zh (6)
    ("none", "重庆超算中心的算力具体是多少？", None),
    ("none", "重庆2020年常住人口是多少？", None),
    ("none", "上海数字经济规模是多少", None),
    ("none", "渝快办2019年的用户数", None),
    ("none", "重庆有多少个5G基站？", None),
    ("none", "西部数据交易中心的交易额是多少", None),
    # ---- unanswerable en (6)
    ("none", "What was Chongqing's digital-economy growth in 2021?", None),
    ("none", "How many unicorn companies does Chongqing actually have today?", None),
    ("none", "What is Shenzhen's smart city ranking?", None),
    ("none", "Average salary of big-data workers in Chongqing?", None),
    ("none", "How much did the China-Singapore data channel cost to build?", None),
    ("none", "Tell me the population of Chengdu.", None),
]

# Still missed, reported, not hidden: words for a thing that no label or alias has (靠…吃饭, 网上能办的政府业务,
# agencies swapping records, 新兴行业里干活的). Strict, so a fix must remove its entry.
STILL_WRONG = {
    "靠送外卖、开网约车这类新职业吃饭的人有多少？",
    "在网上能办的政府业务一共有多少种",
    "How many kinds of official records do government agencies swap with each other?",
    "网约车、外卖这类新兴行业里干活的有多少人",
}

pytestmark = pytest.mark.usefixtures("reuse_module_cache")


def first(run: Run, question: str) -> str | None:
    result = run("ask", question, "--json")
    return json.loads(result.stdout)[0]["id"] if result.exit_code == 0 else None


@pytest.mark.parametrize("questions", [QUESTIONS, SECOND, THIRD], ids=["first", "second", "third"])
def test_each_set_is_the_issues_measure(questions: list[tuple[str, str, str | None]]) -> None:
    """30 plain questions and 28 hard ones, 4 of each hard kind, and 12 unanswerable, in both languages."""
    kinds = [category for category, _, _ in questions]
    assert kinds.count("plain") == 30 and sum(kinds.count(kind) for kind in HARD) == 28 and kinds.count("none") == 12
    assert all(kinds.count(kind) == 4 for kind in HARD)
    assert {question for _, question, _ in QUESTIONS + THIRD} >= STILL_WRONG


@pytest.mark.parametrize("questions", [QUESTIONS, SECOND, THIRD], ids=["first", "second", "third"])
def test_plain_and_hard_questions_meet_the_issues_bar(run: Run, questions: list[tuple[str, str, str | None]]) -> None:
    """At least 29 of 30 plain and 25 of 28 hard questions get the right figure first."""
    right = {"plain": 0, "hard": 0}
    for category, question, expected in questions:
        if expected is not None and first(run, question) == expected:
            right["plain" if category == "plain" else "hard"] += 1
    assert right["plain"] >= 29 and right["hard"] >= 25, right


@pytest.mark.parametrize(
    ("category", "question", "expected"),
    [
        pytest.param(*case, id=f"{case[0]}:{case[1]}", marks=[pytest.mark.xfail(strict=True)] * (case[1] in STILL_WRONG))
        for case in [*QUESTIONS, *SECOND, *THIRD]
    ],
)
def test_acceptance_question(run: Run, category: str, question: str, expected: str | None) -> None:
    """Each question: its figure first, or exit 1 with one line when the base cannot answer it."""
    assert_asked(run, question, expected)
