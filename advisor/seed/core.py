"""Help and complaint channels, and the facts on the home page."""

from advisor.seed import Seed, sourced

_CHANNEL_SOURCE = "domain-facts §4: complaint and help channels"

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
            "purpose_zh_hans": "投诉银行、信用卡中心、消费金融公司，包括不当催收。一般先向机构本身投诉，没有结果再打这个电话。",
            "purpose_en": "Complaints about banks, card centres and consumer-finance companies, including improper collection. Usually complain to the lender first, then call this line if that fails.",
            **sourced(
                "银行保险消费者投诉维权热线 12378（国家金融监督管理总局）",
                "news",
                "https://szcga.com/zhengceinfo.asp?ID=1173",
            ),
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
                "中国人民银行 12363 金融消费权益保护咨询投诉电话（地方人民银行公告）",
                "regulation",
                "http://www.qinghai.gov.cn/zwgk/system/2014/03/20/010107748.shtml",
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
            **sourced("公安机关报警电话 110", "law"),
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
                "人民网科普：96110 反诈预警劝阻专线",
                "news",
                "http://xhvb-www.plus.jlntv.cn/folder3783/folder3785/folder4300/2025-02-11/viEUZ8a2u7sb5Q6p.html",
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
                "12321 网络不良与垃圾信息举报受理中心 (www.12321.cn)",
                "practice",
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
            "body_zh_hant": "你可以自己直接聯繫貸款機構協商。2026年，多個部門聯合提示：收費「代理維權」「債務優化」「征信修復」的機構可能違法，還可能騙取你的錢和個人資訊。",
            **sourced("五部门关于警惕“代理维权”的风险提示（2026）", "news"),
        },
    ),
]
