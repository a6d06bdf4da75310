"""Facts shown on the repayment-plan pages (topic "plan"). Research: shared/domain-facts.md 1.1, 1.13, 6."""

import datetime as dt

from advisor.seed import TRUTH, Seed, sourced
from advisor.seed.sources import CARD_RULES_ART70, LAW_DATABASE

ART70 = (*CARD_RULES_ART70, TRUTH)
DISCRETION = (
    "本站对信用卡办法、消费金融公司管理办法等规定的整理：我们只在信用卡的规定里找到个性化分期条款（第七十条），"
    "网贷和消费金融的延期、分期、减免由机构决定",
    "our_reading",
    "",
    dt.date(2026, 12, 3),
)
CIVIL_CODE_585 = (
    "《民法典》第五百八十五条；《最高人民法院关于审理银行卡民事纠纷案件若干问题的规定》第二条",
    "law",
    LAW_DATABASE,
)
RATE_24 = (
    "最高人民法院《关于进一步加强金融审判工作的若干意见》（法发〔2017〕22号）（律师事务所文章）",
    "news",
    "http://www.zjblf.com/?p=44128",
)
RATE_36 = (
    "两高两部《关于办理非法放贷刑事案件若干问题的意见》（2019-10-21 施行）（《民主与法制》报道）",
    "news",
    "http://e.mzyfz.org.cn/paper/1341/paper_33324_7687.html",
)
OVERDRAFT_RATES = (
    "信用卡透支利率自2021-01-01起由银行与持卡人协商确定（上海证券报、人民日报报道）",
    "our_reading",
    "",
    TRUTH,
)


def fact(slug, order, zh, en, source):
    return Seed(
        "Fact",
        {"slug": slug},
        {
            "topic": "plan",
            "order": order,
            "title_zh_hans": zh[0],
            "body_zh_hans": zh[1],
            "title_en": en[0],
            "body_en": en[1],
            **sourced(*source),
        },
    )


SEEDS = [
    fact(
        "plan-card-instalments-art70",
        10,
        (
            "信用卡：银行“可以”同意最长 5 年的个性化分期",
            "银行确认持卡人确实还不起、但本人仍愿意还款时，可以和持卡人平等协商，签一份个性化分期还款协议，期限最长 5 年（60 个月）。"
            "协议要写明欠款金额和构成、每期金额和日期、分期期间是否还收年费利息等费用，以及还清前不再向任何银行申请信用卡的承诺。"
            "双方签好后，银行及其委托的机构应停止催收，除非持卡人违约。\n\n"
            "这是银行“可以”做的事，不是借款人的权利：银行可以拒绝，也不一定免息。这条规定只适用于信用卡。",
        ),
        (
            "Credit cards: the bank 'may' agree a personalised plan of up to five years",
            "When the bank confirms a cardholder really cannot pay but still wants to, it may negotiate a personalised instalment "
            "agreement on an equal footing, for at most five years (60 months). The agreement states the balance and what it is "
            "made of, each instalment's amount and date, whether annual fees, interest or other fees still apply, and the "
            "cardholder's promise not to apply for a card at any bank until it is repaid. Once both sides sign, the bank and "
            "its agents should stop collection unless the cardholder breaks the agreement.\n\n"
            "The bank 'may' do this; it is not a right. The bank can refuse, and the plan need not be interest-free. The rule "
            "covers credit cards only.",
        ),
        ART70,
    ),
    fact(
        "plan-online-loans-discretion",
        20,
        (
            "网贷和消费金融：分期、延期、减免由机构决定",
            "微粒贷、借呗、花呗和其他网贷、消费金融贷款，没有哪条规定给借款人分期或减免的权利。能不能延期、分几期、减不减罚息，都由机构自己决定。"
            "所以计划里这些欠款的期限写作“由机构决定”。如实说明困难、附上收支说明、提出具体的每月金额，是争取同意的常见做法，但不能保证结果。",
        ),
        (
            "Online and consumer-finance loans: instalments and waivers are up to the lender",
            "For Weilidai, Jiebei, Huabei and other online or consumer-finance loans, no rule gives borrowers a right to "
            "instalments or waivers. Whether to extend, how many instalments, and whether to cut penalties are for the lender "
            "to decide, so the plan shows their term as 'up to the lender'. Explaining the hardship honestly, attaching a "
            "budget statement and proposing a concrete monthly amount is the usual way to ask, but there is no guaranteed outcome.",
        ),
        DISCRETION,
    ),
    fact(
        "plan-excessive-penalties",
        30,
        (
            "过高的罚息和违约金，可以请求法院调减",
            "《民法典》规定，约定的违约金过分高于造成的损失时，当事人可以请求法院或仲裁机构适当减少。"
            "信用卡纠纷中，持卡人也可以请求法院调减过高的利息、复利和罚息总额，法院会综合考虑监管规定、金额、期限、过错和银行的实际损失。"
            "这需要通过诉讼或仲裁提出，不是自动发生的。",
        ),
        (
            "Excessive penalties can be reduced by a court on request",
            "Under the Civil Code, when an agreed penalty is excessively higher than the loss caused, a party may ask a court or "
            "arbitration body to reduce it. In credit-card disputes a cardholder may also ask the court to reduce an excessive "
            "total of interest, compound interest and penalty interest; the court weighs the regulatory rules, amount, "
            "duration, fault and the bank's actual loss. This has to be raised in a lawsuit or arbitration; it does not "
            "happen by itself.",
        ),
        CIVIL_CODE_585,
    ),
    fact(
        "plan-interest-lines",
        40,
        (
            "关于“24%”：可以请求调减，不是自动的上限",
            "常被引用的“24%”，是指金融机构主张的利息、复利、罚息、违约金和其他费用合计超过年化 24% 时，借款人可以请求调减超出部分。"
            "这来自最高人民法院的审判指导意见，我们只看到转引，原文措辞还没有核实。\n\n"
            "它不是自动生效的上限，要在诉讼中提出。本计划里的增长率只是你可以修改的假设，实际以合同和账单为准。",
        ),
        (
            "About '24%': you can ask for a reduction; it is not an automatic cap",
            "The often-quoted '24%' means that when a financial lender's interest, compound interest, penalty interest, "
            "penalties and other fees together exceed 24% a year, the borrower may ask for the excess to be reduced. It comes "
            "from a Supreme People's Court guidance opinion that we have only seen quoted; its exact wording is not yet "
            "confirmed.\n\n"
            "It is not a cap that applies by itself; it has to be raised in court. The growth rate in this plan is only an "
            "assumption you can change; your contract and statements are what count.",
        ),
        RATE_24,
    ),
    fact(
        "plan-36-percent-criminal-line",
        50,
        (
            "“36%”出自刑事意见，不是借款合同的利率上限",
            "两高两部 2019 年的意见把“实际年利率超过 36%”作为认定非法放贷犯罪的条件之一，针对的是没有放贷资质、经常向不特定的人放贷的行为，还要达到金额或后果的门槛。"
            "不要把它理解为“超过 36% 的部分不用还”。对银行、消费金融公司的借款，应以合同、监管规定和法院的判断为准。",
        ),
        (
            "'36%' comes from a criminal-law opinion, not a loan-contract cap",
            "A 2019 opinion of the Supreme People's Court, Supreme People's Procuratorate and two ministries made 'an actual "
            "annual rate above 36%' one condition for unlicensed, habitual lending to the public to be the crime of illegal "
            "lending, together with amount or harm thresholds. It does not mean 'you need not repay anything above 36%'. For "
            "loans from banks and consumer-finance companies, the contract, the regulations and the courts decide.",
        ),
        RATE_36,
    ),
    fact(
        "plan-card-rates-negotiated",
        60,
        (
            "信用卡透支利率由银行和持卡人协商",
            "从 2021 年 1 月 1 日起，信用卡透支利率不再有统一的上下限，由银行和持卡人协商确定，银行要用年化利率展示。"
            "要知道自己的利率，请看账单、合同或银行官方App。",
        ),
        (
            "Credit-card overdraft rates are agreed between bank and cardholder",
            "Since 1 January 2021 there is no uniform upper or lower limit on credit-card overdraft rates: bank and cardholder "
            "agree them, and banks must show them as annual rates. To know your rate, check your statement, contract or the "
            "bank's official app.",
        ),
        OVERDRAFT_RATES,
    ),
]


# Our own line, not an official figure: at or below it the plan goes straight to the
# hardship route. advisor.plan_answers.FAST_LANE_LINE is the fallback when this row is
# missing or unusable.
OWN_THRESHOLD = (
    "本站自己定的界线，不是官方数字，也不是任何机构的规定：每月能拿出来还债的钱少到这个数，"
    "分期、比例还款等长期方案基本排不出来，先走困难路线更实际",
    "practice",
    "",
    dt.date(2026, 12, 3),
)

SEEDS.append(
    Seed(
        "Threshold",
        {"slug": "plan-fast-lane-line"},
        {
            "title_zh_hans": "还款计划的快速路线界线（每月能还的钱）",
            "title_en": "Repayment plan: fast-lane line (money available each month)",
            "value": "300.00",
            "notes": (
                "收支算下来每月能拿出来还债的钱不超过这个数时，计划页不再比较各种长期方案，"
                "直接给出收支说明和请求暂缓或困难安排的信。调整时请同时看一下计划页的说明是否还通顺。"
            ),
            **sourced(*OWN_THRESHOLD),
        },
    )
)
