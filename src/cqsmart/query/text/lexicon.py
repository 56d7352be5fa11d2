"""The language knowledge behind `ask` and `search`: question words, measure words and their synonyms,
intents (superlatives, recency, derived), spelling variants. Plain tables, cheap to import.

Names of things in the fact base (platforms, programmes, places) are not here: they are data, kept as
`alias` records in the fact base itself, so that a base about another city brings its own.
"""

from __future__ import annotations

# Chinese question words and fillers, removed before the text is split (longest first when applied).
# A measure word is removed only after 几/多少, where it asks for a count (单位 keeps its 位).
# fmt: off
ZH_FILLERS = (
    "请问", "数量", "数目", "年份", "可以", "之间",
    "请告诉我", "告诉我", "我想知道", "想知道", "想问一下", "想问", "一下", "是多少", "多快", "多高", "有多少",
    "为多少", "达多少", "了多少", "多少", "是几", "有几", "排第几", "第几", "几", "什么", "哪一年", "哪年", "哪一个",
    "哪个", "哪些", "哪", "是否", "到底", "大概", "大约", "一共", "总共", "共有", "如何", "怎么样", "怎样", "情况", "的",
    # Sentence-final particles: 来着 (was it again) and 嘛 say nothing about the figure (哈 stays: 哈希, 哈尔滨).
    "来着", "嘛", "了", "吗", "呢", "吧", "啊", "呀", "是", "都", "么", "达到", "达", "约", "荣获", "获得", "一年",
    "现在", "目前", "处于", "处在", "位于", "在", "相比", "比较", "对比", "比",
    "多不多", "高不高", "快不快", "大不大", "有没有", "是不是", "咋样", "啥", "你知道吗", "你知道", "知道吗",
    "能告诉我", "帮我查一下", "帮我查", "查一下", "帮我", "能否", "能不能", "可否", "具体",
    # Checking a claim, or asking what a number is: 是真的吗, 指的是什么.
    "这个说法对吗", "说法对吗", "是真的吗", "真的吗", "真的", "属实吗", "属实", "对不对", "对吗", "有报道说", "报道说", "听说",
    "据说", "有人说", "指的是什么", "指的是", "指什么", "是什么意思", "什么意思", "说的是什么", "说的是", "是指",
    "是哪一年的数据", "这块", "这一块", "方面", "大概", "怎么回事", "上面", "里面",
    # How exact a value is asked about, or said with it: 是确切数字还是超过, 超过2000万.
    "是确切数字还是", "确切数字", "准确数字", "确切", "精确", "还是", "超过", "突破", "以上", "左右", "将近", "至少", "不到",
)
# fmt: on
ZH_COUNTERS = "个项家位类张台次人批所条座种名件"
# Characters that say nothing alone in a question: a run's lone one is dropped.
ZH_FUNCTION_CHARS = "有在和与及或将被把对从向为以于其该这那个上下中后前年月日来去说过让给就也还又很比要被到至从里能内"
# Of those, the ones that glue a question's words together (prepositions, locatives, modals): one at a
# run's edge that makes no word of the base with its neighbour goes too (渝快办上能办 asks about 办),
# but not a time or a count (日活跃 is daily active).
ZH_GLUE_CHARS = "在和与及或被把对从向为以于上里内能让给就也还又很到至"
ZH_ALWAYS_FUNCTION = "们"  # a plural suffix (小老板们): never part of what is asked
# Demonstratives, dropped before measure words are read: 这类 is "this kind of", not a count of categories.
ZH_DEMONSTRATIVES = ("这类", "此类", "之类", "这种", "这样的", "这些", "那些", "这个", "那个")
# Words that begin with a measure word, which after 多少 is then no measure word: 多少项目, 多少人口.
ZH_COUNTER_WORDS = ("项目", "人口", "人数", "人员", "人才", "次数", "名次", "名单", "类别", "类型", "批次", "家庭")

_STOPWORD_TEXT = """
    a an the of in on at for to from by with and or as is are was were be been being am do does did done
    has have had having there their its it this that these those which what whats who whom whose when where
    why how many much tell me us please give show list find know want i we you they he she can could would
    should will shall may might must so than then about into over under up out any some all each per
    figure figures number numbers count total amount value values quantity stat stats statistic statistics
    currently current now today so far far yet ever still already get got did kind level lot lots
    according source say says said report reported reports state stated do does one
    account accounts accounted reach reached reaches stand stands stood around approximately roughly exactly
    overall make made take took see seen become became there here been also just only yet its
    among between within across during since until via onto upon whether both either other another such same like
    year years see saw seen happen happened occur occurred record recorded show showed shown go went gone come came
    put set let keep kept look looked seem seemed think thought mean meant need needed try tried time period
    date roughly nearly almost more less very really actually exact precise precisely
    quick quickly fast rapid rapidly speed slow slowly support supports supported call calls called
    build builds built construct constructed establish established create created develop developed set form formed
    provide provided offer offers offered include includes included involve involved contain contains
    handle handled process processed sector sectors industry
    currently recently new old good well able possible available exist exists existing whole entire
    article interview newspaper win won fy fiscal
    true really accurate correct right fact check claim claims claimed refer refers referring measure measures
    approx approximate approximately est estimated roughly abt vs versus back
"""
# Words English questions ask with that say nothing about the figure ("per" is kept: "per capita").
EN_STOPWORDS = frozenset(_STOPWORD_TEXT.split()) - {"per", "over"}

# Measure words and other words that mean the same thing here, in both languages. The first member
# names the concept; Chinese members are matched as substrings, English ones as stems of words or
# phrases. Derived from the way the fact base's labels and typical questions say things.
# fmt: off
CONCEPTS: tuple[tuple[str, ...], ...] = (
    ("growth", "增速", "增长率", "增长", "增幅", "增加率", "增得", "涨幅", "涨得", "涨了", "上涨",
     "growth", "grow", "growth rate", "rate of growth", "expand", "expansion"),
    ("share", "比重", "占比", "比例", "份额", "占多大", "占多少", "share", "proportion", "percentage of", "percent of", "part of",
     "slice of", "portion of",
     "fraction"),
    ("size", "规模", "体量", "总量", "多大", "size", "scale", "how big", "how large", "volume", "capacity",
     "worth"),
    ("users", "注册用户", "注册人数", "注册", "在用",
     "用户", "使用者", "使用人数", "人数", "多少人", "使用", "users", "user", "people", "persons", "residents",
     "person", "use", "using", "sign up", "signed up", "registered", "register", "subscriber", "account holder",
     "popular", "popularity"),
    ("change", "提升", "提高", "上升", "变化", "增加了", "升高", "加快", "加速", "rise", "risen", "rose", "increase", "change",
     "climb", "bigger", "larger", "higher", "up from", "compared with", "accelerate", "accelerated", "acceleration",
     "speed up", "sped up", "pick up", "picked up", "gain", "jump"),
    ("previous-year", "比上年", "上年", "上一年", "前一年", "比去年", "去年", "year before", "previous year", "prior year",
     "a year earlier", "year on year", "year-on-year"),
    ("cumulative", "累计", "累积", "cumulative", "cumulatively", "compound", "compounded", "in total", "altogether"),
    ("gap", "高于", "高出", "超出", "快多少", "快了多少", "快出", "快得", "快于", "跑赢", "幅度", "差距",
     "margin", "gap", "exceed", "outpace", "much faster", "far faster", "outgrew", "outgrow", "outgrown",
     "outpaced", "above", "ahead", "faster than"),
    ("rank", "排名", "名次", "排位", "位次", "排第几", "第几名", "第几位", "第几", "位置", "位居", "位列", "排在", "排前",
     "rank", "ranking", "ranked", "place", "position", "standing", "rate against", "rated", "rating", "stack up",
     "measure up", "league table", "compare with other", "compared with other", "against other", "top 10", "top ten",
     "top five", "top 5", "前10", "前十", "前五", "前5"),
    # Words for the future ask about a plan: 未来, 今后 and 将来 ask what is targeted, not what is.
    ("target", "目标", "计划", "规划", "预计", "将要", "培育", "未来", "今后", "将来", "打算", "培养", "孵化", "养出",
     "target", "plan", "planned", "goal", "aim", "intend",
     "cultivate"),
    ("function", "功能", "用途", "function", "feature", "service offered"),
    ("recent-years", "近5年", "近五年", "近几年", "这几年", "近年来", "近年", "这些年", "过去五年", "past five years",
     "last five years", "past few years", "recent years", "in recent years", "five years", "5 years"),
    ("connected", "接入", "连接", "联通", "connect", "connected", "link", "linked", "feed into", "feed", "plug", "hook",
     "hooked up", "integrate into"),
    ("issued", "普及", "覆盖", "coverage", "penetration",
     "发放", "发行", "发了", "issue", "issued", "distribute", "roll out", "rolled out", "popularize",
     "in use", "hand out"),
    ("visits", "访问量", "访问", "使用次数", "打开", "扫码", "visit", "visits", "access", "hit", "page view", "how often",
     "open", "opened", "scan", "scanned", "view", "times", "人次", "pull up", "pulled up", "bring up", "brought up"),
    ("services", "办事项", "事项", "服务事项", "办事", "办理", "业务", "事", "service item", "service items",
     "government service", "procedure", "matter", "transaction"),
    ("financing", "融资", "贷款", "借款", "financing", "finance", "loan", "credit", "funding", "raise", "money", "borrow",
     "lend", "lending"),
    ("workers", "从业人员", "从业者", "劳动者", "就业", "从业", "干活", "打工",
     "worker", "employ", "employee", "job", "people working",
     "practitioner"),
    ("batches", "批次", "batch", "round", "rounds", "tranche", "phase", "wave"),
    ("projects", "项目", "project", "scheme"),
    ("scenarios", "场景", "scenario", "use case", "application"),
    ("units", "单位", "部门", "unit", "department", "organisation", "organization", "agency", "agencies"),
    ("leaders", "领导", "负责人", "leader", "head", "official"),
    ("categories", "类别", "类", "category", "type", "kind of", "kinds", "types", "sorts"),
    ("agreements", "协议", "agreement", "deal", "accord", "pact"),
    ("achievements", "成果", "achievement", "achieve", "achieved", "result", "outcome", "accomplishment"),
    ("systems", "系统", "system"),
    ("platforms", "平台", "platform"),
    ("servers", "服务器", "伺服器", "server"),
    ("health-card", "健康卡", "health card"),
    ("listed", "上市", "listed", "public company", "ipo"),
    ("percentage-point", "百分点", "个点", "percentage point", "point"),
    ("average", "平均每年", "年平均", "每年", "平均水平", "一般水平", "平均", "年均", "average", "mean", "annual average",
     "per year", "a year", "annual", "per annum", "a year on average"),
    ("national", "全国", "国家", "national", "nationwide", "country", "china"),
    ("provincial", "省级", "各省", "省份", "省区市", "provincial", "province", "provinces"),
)
# fmt: on

# Other places of China, each a concept of its own: a question about Shanghai is not answered by a figure
# about Chongqing, unless the figure names Shanghai too. (Sichuan is left out: 川渝 and the twin-city
# circle are the base's own, kept as its aliases, like Chengdu.)
# fmt: off
_PLACES = (
    ("beijing", "北京"), ("shanghai", "上海"), ("tianjin", "天津"), ("shenzhen", "深圳"), ("guangzhou", "广州"),
    ("hangzhou", "杭州"), ("nanjing", "南京"), ("wuhan", "武汉"), ("xian", "西安", "xi'an"), ("changsha", "长沙"),
    ("zhengzhou", "郑州"), ("guiyang", "贵阳"), ("kunming", "昆明"), ("hefei", "合肥"), ("jinan", "济南"),
    ("qingdao", "青岛"), ("xiamen", "厦门"), ("fuzhou", "福州"), ("shenyang", "沈阳"), ("harbin", "哈尔滨"),
    ("changchun", "长春"), ("shijiazhuang", "石家庄"), ("taiyuan", "太原"), ("lanzhou", "兰州"), ("nanning", "南宁"),
    ("haikou", "海口"), ("nanchang", "南昌"), ("suzhou", "苏州"), ("ningbo", "宁波"), ("hong kong", "香港"),
    ("macau", "澳门", "macao"), ("guangdong", "广东"), ("zhejiang", "浙江"), ("jiangsu", "江苏"), ("shandong", "山东"),
    ("henan", "河南"), ("hebei", "河北"), ("hubei", "湖北"), ("hunan", "湖南"), ("guizhou", "贵州"), ("yunnan", "云南"),
    ("shaanxi", "陕西"), ("shanxi", "山西"), ("fujian", "福建"), ("anhui", "安徽"), ("jiangxi", "江西"),
    ("liaoning", "辽宁"), ("jilin", "吉林"), ("heilongjiang", "黑龙江"), ("gansu", "甘肃"), ("qinghai", "青海"),
    ("hainan", "海南"), ("guangxi", "广西"), ("xinjiang", "新疆"), ("tibet", "西藏", "xizang"),
    ("inner mongolia", "内蒙古"), ("ningxia", "宁夏"),
)
# fmt: on
PLACE = "place-"
CONCEPTS += tuple((PLACE + names[0].replace(" ", "-"), *names) for names in _PLACES)

# The economy unqualified is the whole economy, measured by GDP (经济增长率, economic growth); after one of
# these it is a part of it (数字经济, the digital economy), and before these a region (经济圈, economic circle).
ECONOMY_PARTS_ZH = frozenset("字体台享络夜色型济")
ECONOMY_PARTS_EN = frozenset(
    [
        "digital",
        "real",
        "platform",
        "internet",
        "data",
        "sharing",
        "gig",
        "night",
        "online",
        "virtual",
        "circular",
        "green",
        "cyber",
    ]
)
ECONOMY_PLACES = ("圈", "区", "带", "circle", "zone", "belt", "corridor")
# Words that ask how things stand now, which a plan does not answer; words that make 多少 ask for a rank.
PRESENT_WORDS = (
    *(" today", " now", "currently", "at present", "so far", "existing", "already", "actually have", "actually has"),
    *("目前", "现在", "现有", "已有", "已经", "如今", "眼下"),
)
RANK_WORDS = ("排名", "排第", "名次", "位次", "排在", "位居", "位列")
# Measures that exclude one another: a question asking for one is not answered by a figure measuring another.
MEASURES = ("growth", "share", "size", "rank")
# Things a figure counts: asked how many users, a count of scenarios is no answer, when both name one.
COUNTED = (
    "users",
    "workers",
    "visits",
    "services",
    "function",
    "batches",
    "projects",
    "scenarios",
    "units",
    "leaders",
    "categories",
    "agreements",
    "achievements",
    "systems",
    "platforms",
    "servers",
)
# Concepts that ask about a change or a span of years, which a figure over several years answers.
SPAN_CONCEPTS = ("change", "cumulative", "gap")

# A question's colloquial or indirect wording, as the plain one it means: (pattern, replacement), applied
# in order to the normalised question before it is analysed. Named years (the pandemic year, 十三五收官之年)
# become the year, so that they pick a figure as a year written out does.
# fmt: off
SIMPLIFICATIONS: tuple[tuple[str, str], ...] = (
    (r"(?:新冠)?疫情(?:暴发|爆发|肆虐)?(?:的)?(?:那一年|那年|之年|当年)", "2020年"),
    (r"\b(?:the )?(?:covid(?:-19)?|coronavirus|pandemic)(?:-hit)? year\b", "2020"),
    (r"\bthe year of the (?:covid(?:-19)? )?(?:pandemic|outbreak)\b", "2020"),
    (r"[“\"]?十三五[”\"]?(?:规划)?(?:的)?(?:收官之年|收官那年|收官年|最后一年|末年)", "2020年"),
    (r"[“\"]?十三五[”\"]?(?:规划)?(?:的)?(?:开局之年|开局那年|第一年|首年)", "2016年"),
    (r"[“\"]?十四五[”\"]?(?:规划)?(?:的)?(?:开局之年|开局那年|第一年|首年)", "2021年"),
    (r"\b(?:the )?(?:final|last|closing) year of the 13th five-year plan(?: period)?\b", "2020"),
    (r"\b(?:the )?first year of the 13th five-year plan(?: period)?\b", "2016"),
    (r"\b(?:the )?first year of the 14th five-year plan(?: period)?\b", "2021"),
    # Spoken Chinese: 啥 is 什么, 咋 is 怎么, 号人 counts people, 回 counts times.
    (r"啥", "什么"), (r"咋", "怎么"), (r"(多少|几)号人", r"\1人"), (r"(多少|几)回(?![应复答收归报流])", r"\1次"),
    (r"数字化经济", "数字经济"), (r"点开", "打开"),
    # The economy's output is GDP: "economic output" would otherwise read as GDP plus an unknown "output".
    (r"\b(?:economic|total economic|gross economic) output\b", "gdp"),
)
# fmt: on

# Words that ask which figure, not what: picked out of the question and acted on after ranking.
# fmt: off
INTENTS: dict[str, tuple[str, ...]] = {
    "max": ("最快", "最高", "最大", "最多", "最强", "峰值", "fastest", "highest", "largest", "biggest", "greatest", "most",
        "peak", "maximum", "best", "strongest", "quickest"),
    "min": ("最慢", "最低", "最小", "最少", "最弱", "slowest", "lowest", "smallest", "least", "minimum", "weakest", "fewest"),
    "latest": ("最新", "最近一年", "latest", "most recent", "newest", "lately"),
    # Asking what a thing is (云长制是什么, what is Yukuaiban): an initiative or target may answer.
    "define": ("指的是什么", "说的是什么", "指的是", "说的是", "是什么", "是啥", "什么是", "啥是", "是指什么", "指什么",
        "是什么意思", "什么意思", "啥意思", "怎么回事",
        "是干什么的", "是干啥的", "是做什么的", "干什么用的", "有什么用", "介绍一下", "介绍", "讲讲", "说说", "了解一下",
        "what is", "what are", "what's", "whats", "what was", "what were", "what does", "what do", "tell me about",
        "explain", "describe", "meaning of", "what exactly is"),
    "derived": ("推算", "隐含", "推导", "倒推", "估算", "推断", "算出", "implied", "implicit", "derived", "derive", "infer",
        "inferred", "calculated", "computed", "estimate", "estimated", "work out", "worked out", "back out", "imply", "implies"),
}
# fmt: on

# British spellings to American, applied to whole words before stemming (both sides, so either works).
BRITISH: dict[str, str] = {
    "centre": "center",
    "centres": "centers",
    "programme": "program",
    "programmes": "programs",
    "licence": "license",
    "defence": "defense",
    "catalogue": "catalog",
    "analogue": "analog",
    "colour": "color",
    "labour": "labor",
    "metre": "meter",
    "kilometre": "kilometer",
    "enrolment": "enrollment",
}
# Shorthand typed in a hurry, to the word it stands for, likewise before stemming.
BRITISH.update(
    {
        "ppl": "people",
        "avg": "average",
        "econ": "economy",
        "govt": "government",
        "dept": "department",
        "depts": "departments",
        "mgmt": "management",
        "pct": "percent",
        "biz": "business",
        "info": "information",
        "yr": "year",
        "yrs": "years",
        "vs": "versus",
    }
)
# -ise/-isation words that are not British spellings of -ize.
NOT_BRITISH_ISE = frozenset(
    {
        "enterprise",
        "enterprises",
        "rise",
        "rises",
        "raise",
        "raised",
        "raises",
        "promise",
        "exercise",
        "advise",
        "otherwise",
        "precise",
        "concise",
        "premise",
        "expertise",
        "supervise",
        "revise",
        "wise",
        "surprise",
        "franchise",
        "merchandise",
        "compromise",
        "advertise",
        "televise",
        "arise",
    }
)

# Chinese numerals as digits, for years written 二〇一九年 or 二零二零年.
ZH_DIGITS = str.maketrans("〇零○一二三四五六七八九", "00012345678" + "9")

# Pinyin of words the labels use, syllable by syllable: a question may type them with or without spaces
# (shuzi jingji, shu zi jing ji, shuzijingji) and they are read as the characters. Names (yukuaiban,
# liangjiang) are not here: the fact base's aliases carry them.
# fmt: off
PINYIN: dict[str, str] = {
    "shu zi jing ji": "数字经济", "shu zi": "数字", "jing ji": "经济", "da shu ju": "大数据", "yun ji suan": "云计算",
    "shu ju": "数据", "zeng su": "增速", "zeng zhang lv": "增长率", "zeng zhang lu": "增长率", "zeng zhang": "增长",
    "gui mo": "规模", "zong liang": "总量", "bi zhong": "比重", "zhan bi": "占比", "yong hu shu": "用户数",
    "yong hu": "用户", "pai ming": "排名", "gong neng": "功能", "jie ru": "接入", "fang wen liang": "访问量",
    "fang wen": "访问", "shi xiang": "事项", "ban shi": "办事", "rong zi": "融资", "dai kuan": "贷款",
    "cong ye ren yuan": "从业人员", "cong ye": "从业", "jiu ye": "就业", "pi ci": "批次", "xiang mu": "项目",
    "chang jing": "场景", "ying yong": "应用", "dan wei": "单位", "bu men": "部门", "ling dao": "领导",
    "lei bie": "类别", "xie yi": "协议", "cheng guo": "成果", "xi tong": "系统", "ping tai": "平台",
    "fu wu qi": "服务器", "fu wu": "服务", "jian kang ka": "健康卡", "mu biao": "目标", "ji hua": "计划",
    "quan guo": "全国", "gong xiang": "共享", "duo shao": "多少", "zhong xin": "中心", "zheng wu": "政务",
    "dian zi": "电子", "zhi hui": "智慧", "cheng shi": "城市", "wang shang": "网上", "yun xing": "运行", "guan li": "管理",
    "da nao": "大脑", "qi ye": "企业", "chan ye yuan": "产业园", "shang jia lv": "上架率", "xin ye tai": "新业态",
    "du jiao shou": "独角兽", "shuang cheng": "双城", "jing ji quan": "经济圈", "zhong xiao wei": "中小微",
    "zui kuai": "最快", "zui gao": "最高", "zui da": "最大", "zui duo": "最多", "zui di": "最低", "zui man": "最慢",
    "zui xiao": "最小", "zui xin": "最新", "zhan": "占", "tui suan": "推算",
}
# fmt: on

# A question that checks a claim: it states a value and asks whether it holds ("Is it true that …",
# "Did … grow 20%?", 渝康码用户有3449万吗, 听说…). Words said before or at the end of the question.
# fmt: off
CLAIM_OPENINGS = ("is", "was", "are", "were", "did", "does", "do", "has", "have", "had", "can", "could", "will")
CLAIM_WORDS = ("is it true", "true that", "really", "correct that", "right that", "heard that", "i heard", "i read",
    "claim", "claims", "claimed", "fact check", "fact-check", "听说", "据说", "有人说", "报道说", "属实", "是不是", "对不对",
    "是否", "有没有", "是真的")
CLAIM_ENDINGS = ("吗", "对吧", "是吧", "没有")
# How a question bounds the value it states, in the qualifiers of the fact base (超过2000万: more than
# 2000万; at least; 大约: approximately), with "less than" (不到, under) for claims of a ceiling. Said
# before the number or, in Chinese, after it (3000万以上).
VALUE_BOUNDS_BEFORE: dict[str, tuple[str, ...]] = {
    "at_most": ("at most", "no more than", "not more than", "不超过", "最多", "至多"),
    "more_than": ("more than", "over", "above", "in excess of", "exceeding", "exceeds", "exceeded", "upwards of", "超过",
        "超", "突破", "逾", "多于", "高于", "大于"),
    "at_least": ("at least", "no less than", "no fewer than", "reached", "reach", "reaches", "hit", "不少于", "不低于",
        "至少", "达到", "达"),
    "less_than": ("less than", "fewer than", "under", "below", "不到", "不足", "少于", "低于", "小于"),
    "approximately": ("about", "around", "roughly", "approximately", "nearly", "almost", "some", "大约", "约", "近",
        "将近", "接近", "大概"),
}
VALUE_BOUNDS_AFTER: dict[str, tuple[str, ...]] = {
    "at_least": ("以上",), "more_than": ("多", "余"), "approximately": ("左右",), "at_most": ("以下", "以内"),
}
# fmt: on

# What a name is called after it ("the health code app", 渝康码App, "the Yukuaiban platform"): said of a
# name, it asks nothing more; said alone ("How many apps does Chongqing have?") it asks about apps.
NAME_HEADS = ("application", "platform", "system", "apps", "app", "平台", "系统")  # longest first
