"""The follow-through tracker's rules: answer clocks and the complaint ladder.

Sources: shared/domain-facts.md §8.3 (mediation agreements, 人民调解法 Arts. 31 and 33),
§8.5 (who supervises small-loan companies; whether 12378 takes them is unconfirmed) and
§8.6 (the 15 / 30 / +30 day limits of the 2020 complaint-handling rules). No rule sets a
time for answering a negotiation letter: that clock is the site's own suggestion and says
so. We found no sourced answer time for 12378 or the local regulators, so none is seeded.
"""

from __future__ import annotations

from advisor.seed import REVISED, Seed, sourced
from advisor.seed.door import COMPLAINTS, LOCAL_REGULATOR
from advisor.seed.serious import CIVIL_PROCEDURE_URL
from advisor.seed.sources import LAW_DATABASE, NFRA_12378

CHECKED = REVISED
MEDIATION = (
    "《人民调解法》第三十一条、第三十三条；《民事诉讼法》（2023年修正）第二百零五条、第二百零六条",
    "law",
    LAW_DATABASE,
    CHECKED,
)
# No official page for the line was found (the review struck the reprint once linked here).
NFRA_LINE = (*NFRA_12378, CHECKED)
COURT = ("《民事诉讼法》（2023年修正）第一百二十八条、第八十五条", "law", CIVIL_PROCEDURE_URL)
OUR_SUGGESTION = (
    "本站的建议，不是法规：没有规定要求贷款机构在多少天内答复协商信",
    "practice",
    "",
    CHECKED,
)


def clock(slug, starts, days, longest, source, zh, en):
    return Seed(
        "ComplaintClock",
        {"slug": slug},
        {
            "starts": starts,
            "days": days,
            "longest_days": longest,
            "counting": "calendar",
            "title_zh_hans": zh[0],
            "rule_zh_hans": zh[1],
            "title_en": en[0],
            "rule_en": en[1],
            **sourced(*source),
        },
    )


def rung(slug, order, audience, source, zh, en):
    return Seed(
        "ComplaintRung",
        {"slug": slug},
        {
            "order": order,
            "audience": audience,
            "title_zh_hans": zh[0],
            "how_zh_hans": zh[1],
            "bring_zh_hans": zh[2],
            "title_en": en[0],
            "how_en": en[1],
            "bring_en": en[2],
            **sourced(*source),
        },
    )


SEEDS = [
    clock(
        "after-letter",
        "letter",
        15,
        None,
        OUR_SUGGESTION,
        (
            "协商信：建议等15天",
            "没有规定要求贷款机构在多少天内答复协商信。我们建议从寄出的第二天起等15天（周末也算）；没有答复，就向机构正式投诉，投诉有规定的答复期限。",
        ),
        (
            "Negotiation letter: we suggest waiting 15 days",
            "No rule says how fast a lender must answer a negotiation letter. We suggest waiting 15 days from the day after you sent it (weekends count); with no answer, lodge a formal complaint with the lender, which has a set time to answer.",
        ),
    ),
    clock(
        "lender-complaint",
        "lender",
        15,
        60,
        COMPLAINTS,
        (
            "向贷款机构投诉：15天内答复",
            "事实清楚、争议简单的投诉，机构应当自收到之日起15日内作出处理决定并告诉你；复杂的可以延长到30日；特别复杂的经批准可以再延长30日，但要告诉你，最长60日。天数按自然日算，周末也算。",
        ),
        (
            "Complaint to the lender: an answer within 15 days",
            "For a clear and simple complaint the lender must decide and tell you within 15 days of receiving it; complex cases may take up to 30 days; especially complex ones another 30 days with approval, and you must be told: 60 days at most. These are calendar days: weekends count.",
        ),
    ),
    rung(
        "lender",
        10,
        "all",
        COMPLAINTS,
        (
            "向贷款机构本身投诉",
            "用机构官方App、官网或合同上写的投诉渠道，书面投诉，记下提交日期和受理编号。",
            "借款合同或App里的借款详情（写明放款机构）\n你寄出的协商信和寄出凭证\n证据记录（电话、短信、上门的日期和内容）\n你能做到的还款方案",
        ),
        (
            "Complain to the lender itself",
            "Use the complaint channel in the lender's official app, website or contract; complain in writing and note the date and the reference number.",
            "The loan contract or the loan details in the app (naming the lender)\nThe negotiation letter you sent and the proof of sending\nYour evidence log (dates and content of calls, messages, visits)\nThe repayment plan you can keep",
        ),
    ),
    rung(
        "12378",
        20,
        "not_small_loan",
        NFRA_LINE,
        (
            "打12378投诉（银行、信用卡、消费金融公司）",
            "拨打12378，说明你已经向机构投诉过、投诉日期和机构的答复（或没有答复）。记下受理编号。",
            "向机构投诉的日期和受理编号\n机构的答复，或“逾期没有答复”的说明\n借款合同或借款详情\n证据记录",
        ),
        (
            "Complain to 12378 (banks, cards, consumer-finance companies)",
            "Call 12378 and say that you have already complained to the lender, when, and what it answered (or that it did not). Note the reference number.",
            "The date and reference number of your complaint to the lender\nThe lender's answer, or a note that none came in time\nThe loan contract or loan details\nYour evidence log",
        ),
    ),
    rung(
        "local-regulator",
        20,
        "small_loan",
        LOCAL_REGULATOR,
        (
            "向省里的地方金融管理部门投诉（小额贷款公司）",
            "小额贷款公司由所在省份的地方金融管理部门监管。请在省政府官网上找这个部门（名称可能是“地方金融管理局”或“地方金融监督管理局”）的投诉渠道。",
            "向机构投诉的日期和受理编号\n机构的答复，或“逾期没有答复”的说明\n借款合同（写明小额贷款公司的名称）\n证据记录",
        ),
        (
            "Complain to the provincial local financial regulator (small-loan companies)",
            "Small-loan companies are supervised by their province's local financial regulator. Find its complaint channel on the provincial government's official website (it may be called 地方金融管理局 or 地方金融监督管理局).",
            "The date and reference number of your complaint to the lender\nThe lender's answer, or a note that none came in time\nThe loan contract (naming the small-loan company)\nYour evidence log",
        ),
    ),
    rung(
        "mediation",
        30,
        "all",
        MEDIATION,
        (
            "调解",
            "可以申请依法设立的调解组织调解，例如人民调解委员会。调解达成的协议有约束力；要能直接申请法院强制执行，双方要在30天内一起向法院申请司法确认。贷款机构自己说的“调解中心”不一定是依法设立的调解组织，先核实。",
            "投诉的日期、受理编号和答复\n你能做到的还款方案和收支说明\n借款合同或借款详情\n身份证件",
        ),
        (
            "Mediation",
            'You can ask a lawfully established mediation body, such as a people\'s mediation committee, to mediate. An agreement reached there is binding; to have a court enforce it directly, both sides must apply to the court together within 30 days for judicial confirmation. A "mediation centre" named by the lender is not necessarily a lawful mediation body: check first.',
            "Dates, reference numbers and answers of your complaints\nThe repayment plan you can keep and your income-and-spending statement\nThe loan contract or loan details\nYour ID",
        ),
    ),
    rung(
        "court",
        40,
        "all",
        COURT,
        (
            "法院",
            "起诉通常是贷款机构一方做的。收到法院文书，先用12368或“人民法院在线服务”核实，按文书上的期限答辩。可以打12348问免费法律援助。",
            "法院文书和签收日期\n全部投诉、答复和协议的记录\n还款记录\n收支说明",
        ),
        (
            "Court",
            "It is usually the lender that sues. If court papers come, check them through 12368 or 人民法院在线服务 first and answer within the time the papers give. Call 12348 to ask about free legal aid.",
            "The court papers and the day you received them\nThe record of every complaint, answer and agreement\nYour payment record\nYour income-and-spending statement",
        ),
    ),
]
