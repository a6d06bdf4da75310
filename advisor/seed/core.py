"""Help and complaint channels, and the facts on the home page."""

from advisor.seed import REVISED, TRUTH, Seed, sourced
from advisor.seed.sources import NFRA_12378

CRISIS_12356 = (
    "新华社、人民日报关于国家卫生健康委设立12356全国统一心理援助热线的报道（2024-12-25，网易转载）",
    "news",
    "https://c.m.163.com/news/a/JKBD9CKU0514CC6P.html",
    REVISED,
)

SEEDS = [
    Seed(
        "HelpChannel",
        {"slug": "nfra-12378"},
        {
            "number": "12378",
            "order": 10,
            "name_zh_hans": "国家金融监督管理总局 消费者投诉维权热线",
            "name_en": "NFRA consumer complaint hotline",
            "name_zh_hant": "國家金融監督管理總局 消費者投訴維權熱線",
            "purpose_zh_hans": "投诉银行、信用卡中心、消费金融公司，包括不当催收。建议先向机构本身投诉并留下记录，没有结果再打这个电话。",
            "purpose_en": "Complaints about banks, card centres and consumer-finance companies, including improper collection. We suggest complaining to the lender first and keeping a record, then calling this line if that fails.",
            **sourced(*NFRA_12378, TRUTH),
        },
    ),
    Seed(
        "HelpChannel",
        {"slug": "pboc-12363"},
        {
            "number": "12363",
            "order": 20,
            "name_zh_hans": "中国人民银行 金融消费权益保护咨询投诉电话",
            "name_en": "PBOC financial consumer protection line",
            "name_zh_hant": "中國人民銀行 金融消費權益保護諮詢投訴電話",
            "purpose_zh_hans": "征信（信用报告）和支付方面的问题。原则上先向机构投诉。各地服务时间不同。",
            "purpose_en": "Problems with your credit report or payments. In principle, complain to the institution first. Hours differ by region.",
            **sourced(
                "青海省人民政府网站转发的人民银行12363热线公告（2014年，地方公告；各地服务时间不同）",
                "news",
                "http://www.qinghai.gov.cn/zwgk/system/2014/03/20/010107748.shtml",
                REVISED,
            ),
        },
    ),
    Seed(
        "HelpChannel",
        {"slug": "police-110"},
        {
            "number": "110",
            "order": 30,
            "name_zh_hans": "报警电话",
            "name_en": "Police",
            "name_zh_hant": "報警電話",
            "purpose_zh_hans": "有人威胁、使用暴力、强行进门、赖着不走、堵门、张贴催债告示，或者你已经被骗了。",
            "purpose_en": "Threats, violence, forcing their way in, refusing to leave, blocking your door, posting debt notices, or if you have already been scammed.",
            **sourced("公安机关报警电话 110（全国通用的报警号码）", "news"),
        },
    ),
    Seed(
        "HelpChannel",
        {"slug": "antifraud-96110"},
        {
            "number": "96110",
            "order": 40,
            "name_zh_hans": "反诈预警劝阻专线",
            "name_en": "Anti-fraud warning and advice line",
            "name_zh_hant": "反詐預警勸阻專線",
            "purpose_zh_hans": "怀疑遇到骗局时咨询。来电显示为“区号+96110”的是警方的反诈劝阻电话，请接听。已经被骗请打110。",
            "purpose_en": "Ask when you suspect a scam. Calls shown as 'area code + 96110' are police anti-fraud warnings: answer them. If you have already been scammed, call 110.",
            **sourced(
                "人民网科普：96110来电别忽视（2025-02）",
                "our_reading",
                "",
                TRUTH,
            ),
        },
    ),
    Seed(
        "HelpChannel",
        {"slug": "nuisance-12321"},
        {
            "number": "12321",
            "order": 50,
            "name_zh_hans": "网络不良与垃圾信息举报受理中心",
            "name_en": "Junk SMS and nuisance call reporting centre",
            "name_zh_hant": "網絡不良與垃圾信息舉報受理中心",
            "purpose_zh_hans": "举报骚扰电话、骚扰短信和个人信息泄露，例如催收方“爆通讯录”给你的亲友发短信。",
            "purpose_en": "Report harassing calls and texts and leaks of personal information, for example collectors texting everyone in your contacts.",
            **sourced(
                "12321网络不良与垃圾信息举报受理中心官网 www.12321.cn",
                "news",
                "https://www.12321.cn/",
            ),
        },
    ),
    Seed(
        "Fact",
        {"slug": "home-no-fee"},
        {
            "topic": "home",
            "order": 10,
            "title_zh_hans": "协商还款不需要付费找中介",
            "title_en": "You do not need to pay anyone to negotiate for you",
            "title_zh_hant": "協商還款不需要付費找中介",
            "body_zh_hans": "你可以自己直接联系贷款机构协商。2026年，多个部门联合提示：收费“代理维权”“债务优化”“征信修复”的机构可能违法，还可能骗取你的钱和个人信息。",
            "body_en": "You can contact your lender yourself to negotiate. In 2026 several regulators jointly warned that paid 'agency rights protection', 'debt optimisation' and 'credit repair' services may be illegal and may take your money and personal data.",
            "body_zh_hant": "你可以自己直接聯繫貸款機構協商。2026年，多個部門聯合提示：收費「代理維權」「債務優化」「徵信修復」的機構可能違法，還可能騙取你的錢和個人信息。",
            **sourced(
                "金融监管总局等五部门《关于警惕不法“代理维权”短视频及直播陷阱的风险提示》（2026-02-06，新华网）",
                "news",
                "http://big5.news.cn/gate/big5/www.news.cn/20260209/c166bbfed11d409b8db8c7ab9dc7079e/c.html",
                REVISED,
            ),
        },
    ),
    Seed(
        "HelpChannel",
        {"slug": "crisis-12356"},
        {
            "number": "12356",
            "order": 5,
            "name_zh_hans": "全国统一心理援助热线",
            "name_en": "National psychological assistance hotline",
            "purpose_zh_hans": "压力太大、睡不着、想不开的时候，可以打这个电话找人说说话。服务本身免费，可能收取普通话费；各地服务时间不同，不一定24小时都有人接。有危险请打110或120。",
            "purpose_en": "When the pressure is too much, you can't sleep or you have dark thoughts, you can call and talk to someone. The service is free, though normal call charges may apply; hours differ by area and it may not be answered 24 hours a day. In danger, call 110 or 120.",
            **sourced(*CRISIS_12356),
        },
    ),
    Seed(
        "Fact",
        {"slug": "crisis-line"},
        {
            "topic": "general",
            "order": 1,
            "title_zh_hans": "压力太大的时候",
            "title_en": "When it all feels too much",
            "body_zh_hans": "你不必一个人扛着。压力太大、想不开的时候，请打12356心理援助热线找人说说话。有人威胁你、你或身边的人有危险，请马上打110或120。",
            "body_en": "You don't have to carry this alone. If the pressure becomes too much or you have dark thoughts, call the psychological assistance hotline 12356 and talk to someone. If someone threatens you, or you or someone near you is in danger, call 110 or 120 now.",
            **sourced(*CRISIS_12356),
        },
    ),
]
