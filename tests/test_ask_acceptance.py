"""The issue's measure of `ask`, on a set written blind in its own terms: at least 29 of 30 plain questions
and 25 of 28 hard ones get the right figure first, and every unanswerable question exits 1.

Written from the facts and the article alone, each expected id fixed before anything was run. Before
the fixes it led to it scored 29/30, 24/28 and 12/12: the misses were paraphrases far from the labels'
words (the COVID pass app, 外卖 and 网约车 for new forms of business) and "how much faster … than GDP".
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

# Still missed, reported, not hidden: words for a thing that no label or alias has (靠…吃饭, 网上能办的政府业务,
# agencies swapping records). Strict, so a fix must remove its entry.
STILL_WRONG = {
    "靠送外卖、开网约车这类新职业吃饭的人有多少？",
    "在网上能办的政府业务一共有多少种",
    "How many kinds of official records do government agencies swap with each other?",
}

pytestmark = pytest.mark.usefixtures("reuse_module_cache")


def first(run: Run, question: str) -> str | None:
    result = run("ask", question, "--json")
    return json.loads(result.stdout)[0]["id"] if result.exit_code == 0 else None


def test_the_set_is_the_issues_measure() -> None:
    """30 plain questions and 28 hard ones, 4 of each hard kind, and 12 unanswerable, in both languages."""
    kinds = [category for category, _, _ in QUESTIONS]
    assert kinds.count("plain") == 30 and sum(kinds.count(kind) for kind in HARD) == 28 and kinds.count("none") == 12
    assert all(kinds.count(kind) == 4 for kind in HARD)
    assert {question for _, question, _ in QUESTIONS} >= STILL_WRONG


def test_plain_and_hard_questions_meet_the_issues_bar(run: Run) -> None:
    """At least 29 of 30 plain and 25 of 28 hard questions get the right figure first."""
    right = {"plain": 0, "hard": 0}
    for category, question, expected in QUESTIONS:
        if expected is not None and first(run, question) == expected:
            right["plain" if category == "plain" else "hard"] += 1
    assert right["plain"] >= 29 and right["hard"] >= 25, right


@pytest.mark.parametrize(
    ("category", "question", "expected"),
    [
        pytest.param(*case, id=f"{case[0]}:{case[1]}", marks=[pytest.mark.xfail(strict=True)] * (case[1] in STILL_WRONG))
        for case in QUESTIONS
    ],
)
def test_acceptance_question(run: Run, category: str, question: str, expected: str | None) -> None:
    """Each question: its figure first, or exit 1 with one line when the base cannot answer it."""
    assert_asked(run, question, expected)
