"""The lender directory.

Each lender's source is its own official site. We have not yet found, on any lender's own
site, the page that lists its number, so no number is marked as confirmed there: the site
shows the commonly listed number, says whether it is the bank's general line or the card
centre's, and tells the borrower to check it on the back of the card, in the official app
or in the contract. Lenders without a commonly listed number show only where to find one.
"""

from advisor.seed import REVISED, Seed, sourced


def _official(name: str, domain: str, number_seen: bool) -> str:
    if number_seen:
        return (
            f"{name}官方网站 {domain}（我们还没有在官网上找到列出这个号码的页面，号码来自公开资料）"
        )
    return f"{name}官方网站 {domain}（我们没有找到可以核实的客服号码）"


def lender(
    slug,
    kind,
    order,
    zh,
    en,
    hant,
    hotline="",
    confirmed=False,
    channel_zh="",
    channel_en="",
    notes_zh="",
    notes_en="",
    months=None,
    domain="",
    owner="",
    line="",
):
    return Seed(
        "Lender",
        {"slug": slug},
        {
            "kind": kind,
            "order": order,
            "name_zh_hans": zh,
            "name_en": en,
            "name_zh_hant": hant,
            "hotline": hotline,
            "hotline_confirmed": confirmed,
            # The numbers our research found listed by several sources (domain-facts 4).
            "hotline_listed": bool(hotline),
            "hotline_line": line,
            "official_domain": domain,
            "official_channel_zh_hans": channel_zh,
            "official_channel_en": channel_en,
            "notes_zh_hans": notes_zh,
            "notes_en": notes_en,
            "max_instalment_months": months,
            **sourced(
                _official(owner or zh, domain, bool(hotline)),
                "news",
                f"https://www.{domain}/" if domain else "",
                REVISED,
            ),
        },
    )


_CARD_CH_ZH = "信用卡背面的客服电话（通常是信用卡中心专线），或发卡银行的官方App。"
_CARD_CH_EN = "The service number on the back of your card (usually the card centre's own line), or the bank's official app."
_CARD_NOTE_ZH = "信用卡可以申请个性化分期，最长60个月；银行“可以”同意，不是必须同意。"
_CARD_NOTE_EN = "You can ask for a personalised instalment plan of up to 60 months; the bank 'may' agree but does not have to."
_APP_ZH = "在官方App里找“客服”，或看借款合同上的电话。不要用催收短信或上门人员给的号码。"
_APP_EN = "Use 'customer service' in the official app, or the number in your loan contract. Never use a number from a collection text or a visitor."


def _general_zh(bank: str, number: str) -> str:
    return f"{number}是{bank}的总客服电话，不是信用卡中心专线；信用卡的事请先打卡背面的号码。"


def _general_en(bank: str, number: str) -> str:
    return f"{number} is {bank}'s general line, not the card centre's; for your card, first try the number on the back of the card."


SEEDS = [
    lender(
        "webank-weilidai",
        "online_bank",
        10,
        "微众银行（微粒贷）",
        "WeBank (Weilidai)",
        "微眾銀行（微粒貸）",
        "95384",
        channel_zh="微粒贷没有独立App，名叫“微粒贷”的App都是假的。还款和协商请走微众银行的官方渠道；找不到入口，就打借款合同上的客服电话。",
        channel_en="Weilidai has no standalone app: any app called 'Weilidai' is fake. Repay and negotiate through WeBank's official channels; if you can't find the entry, call the number in your loan contract.",
        notes_zh="95384是微众银行的客服电话，也受理微粒贷。",
        notes_en="95384 is WeBank's customer line and also handles Weilidai.",
        domain="webank.com",
        owner="微众银行",
        line="lender",
    ),
    lender(
        "ant-huabei-jiebei",
        "consumer_finance",
        20,
        "支付宝（花呗／借呗，重庆蚂蚁消费金融）",
        "Alipay (Huabei / Jiebei, Chongqing Ant Consumer Finance)",
        "支付寶（花唄／借唄，重慶螞蟻消費金融）",
        "95188",
        channel_zh="支付宝App里的花呗或借呗页面，或“我的客服”。",
        channel_en="The Huabei or Jiebei page in the Alipay app, or its customer service.",
        notes_zh="95188是支付宝的客服电话。花呗、借呗由重庆蚂蚁消费金融放款，它自己的客服号码我们没有核实。有网页把支付宝客服写成95055，这是错的。",
        notes_en="95188 is Alipay's customer line. Huabei and Jiebei are lent by Chongqing Ant Consumer Finance, whose own number we have not confirmed. Some web pages give 95055 for Alipay: that is wrong.",
        domain="antgroup.com",
        owner="蚂蚁集团",
        line="platform",
    ),
    lender(
        "cmb-credit-card",
        "credit_card",
        30,
        "招商银行信用卡",
        "China Merchants Bank credit card",
        "招商銀行信用卡",
        "400-820-5555",
        False,
        _CARD_CH_ZH,
        _CARD_CH_EN,
        "400-820-5555是招商银行信用卡中心的电话；95555是招商银行总客服。" + _CARD_NOTE_ZH,
        "400-820-5555 is the CMB card centre's line; 95555 is the bank's general line. "
        + _CARD_NOTE_EN,
        60,
        domain="cmbchina.com",
        owner="招商银行",
        line="card_centre",
    ),
    lender(
        "icbc",
        "credit_card",
        40,
        "工商银行",
        "ICBC",
        "工商銀行",
        "95588",
        False,
        _CARD_CH_ZH,
        _CARD_CH_EN,
        _general_zh("工商银行", "95588") + _CARD_NOTE_ZH,
        _general_en("ICBC", "95588") + " " + _CARD_NOTE_EN,
        60,
        domain="icbc.com.cn",
        owner="中国工商银行",
        line="general",
    ),
    lender(
        "abc",
        "credit_card",
        50,
        "农业银行",
        "Agricultural Bank of China",
        "農業銀行",
        "95599",
        False,
        _CARD_CH_ZH,
        _CARD_CH_EN,
        _general_zh("农业银行", "95599") + _CARD_NOTE_ZH,
        _general_en("Agricultural Bank of China", "95599") + " " + _CARD_NOTE_EN,
        60,
        domain="abchina.com",
        owner="中国农业银行",
        line="general",
    ),
    lender(
        "boc",
        "credit_card",
        60,
        "中国银行",
        "Bank of China",
        "中國銀行",
        "95566",
        False,
        _CARD_CH_ZH,
        _CARD_CH_EN,
        _general_zh("中国银行", "95566") + _CARD_NOTE_ZH,
        _general_en("Bank of China", "95566") + " " + _CARD_NOTE_EN,
        60,
        domain="boc.cn",
        owner="中国银行",
        line="general",
    ),
    lender(
        "ccb",
        "credit_card",
        70,
        "建设银行",
        "China Construction Bank",
        "建設銀行",
        "95533",
        False,
        _CARD_CH_ZH,
        _CARD_CH_EN,
        _general_zh("建设银行", "95533") + _CARD_NOTE_ZH,
        _general_en("China Construction Bank", "95533") + " " + _CARD_NOTE_EN,
        60,
        domain="ccb.com",
        owner="中国建设银行",
        line="general",
    ),
    lender(
        "bocom",
        "credit_card",
        80,
        "交通银行",
        "Bank of Communications",
        "交通銀行",
        "95559",
        False,
        _CARD_CH_ZH,
        _CARD_CH_EN,
        _general_zh("交通银行", "95559") + _CARD_NOTE_ZH,
        _general_en("Bank of Communications", "95559") + " " + _CARD_NOTE_EN,
        60,
        domain="bankcomm.com",
        owner="交通银行",
        line="general",
    ),
    lender(
        "hxb",
        "credit_card",
        90,
        "华夏银行",
        "Hua Xia Bank",
        "華夏銀行",
        "95577",
        False,
        _CARD_CH_ZH,
        _CARD_CH_EN,
        _general_zh("华夏银行", "95577") + _CARD_NOTE_ZH,
        _general_en("Hua Xia Bank", "95577") + " " + _CARD_NOTE_EN,
        60,
        domain="hxb.com.cn",
        owner="华夏银行",
        line="general",
    ),
    lender(
        "jd-finance",
        "platform",
        100,
        "京东金融（白条／金条）",
        "JD Finance (Baitiao / Jintiao)",
        "京東金融（白條／金條）",
        channel_zh=_APP_ZH,
        channel_en=_APP_EN,
        domain="jd.com",
        owner="京东",
    ),
    lender(
        "duxiaoman",
        "platform",
        110,
        "度小满（有钱花）",
        "Du Xiaoman (Youqianhua)",
        "度小滿（有錢花）",
        channel_zh=_APP_ZH,
        channel_en=_APP_EN,
        domain="duxiaoman.com",
        owner="度小满",
    ),
    lender(
        "zhaolian",
        "consumer_finance",
        120,
        "招联消费金融",
        "Zhaolian Consumer Finance",
        "招聯消費金融",
        channel_zh=_APP_ZH,
        channel_en=_APP_EN,
        domain="mucfc.com",
        owner="招联消费金融",
    ),
    lender(
        "mashang",
        "consumer_finance",
        130,
        "马上消费金融（安逸花）",
        "Mashang Consumer Finance (Anyihua)",
        "馬上消費金融（安逸花）",
        channel_zh=_APP_ZH,
        channel_en=_APP_EN,
        domain="msxf.com",
        owner="马上消费金融",
    ),
    lender(
        "meituan",
        "platform",
        140,
        "美团（月付／借钱）",
        "Meituan (Yuefu / loans)",
        "美團（月付／借錢）",
        channel_zh=_APP_ZH,
        channel_en=_APP_EN,
        domain="meituan.com",
        owner="美团",
    ),
]
