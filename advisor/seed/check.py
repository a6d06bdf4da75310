"""The guided check: escalation stages, result-page facts and the estimate's weight version.

Sources: shared/domain-facts.md §1.6, §1.9, §1.10, §1.11, §3. The escalation stages are
industry practice, described by industry pages that conflict with each other (§3.2): they
are labelled as practice, and the only day markers used are the M1/M2–M3/M3+/6-month
buckets those pages themselves use. Nothing here gives a probability (§7 point 4) or a
fixed timetable (§7 point 10).
"""

from advisor.seed import REVISED, TRUTH, Seed, sourced
from advisor.seed.sources import CBA_2026, LAW_DATABASE, NIFA_2018

# Sources (domain-facts.md)
# Only SEO "knowledge" pages describe these stages, so none is linked (advisor.seed.trust).
PRACTICE_STAGES = (
    "行业文章对逾期各阶段常见做法的描述（各家说法不一，不是规定）",
    "practice",
    "",
    TRUTH,
)
PRACTICE_LONG = (
    "行业文章对长期逾期做法的描述（各家说法不一，不是规定）",
    "practice",
    "",
    TRUTH,
)
PRACTICE_VISITS = (
    "行业文章对上门催收影响因素的描述（只有定性描述，没有可靠统计）",
    "practice",
    "",
    TRUTH,
)
ENTRY = (
    "《刑法》第245条（非法侵入住宅）；《民法典》第1033条；中国银行业协会催收工作指引（2026）",
    "law",
    LAW_DATABASE,
)
PAYMENT_ORDER = (
    "《民事诉讼法》（2023年修正）第二百二十七条、第二百二十八条；最高人民法院关于适用"
    "《民事诉讼法》的解释（2022）第四百三十六条；核实法院文书：12368诉讼服务热线",
    "law",
    LAW_DATABASE,
    TRUTH,
)
DISHONEST_LIST = (
    "最高人民法院《关于公布失信被执行人名单信息的若干规定》第1条；"
    "中国银行业协会催收工作指引（2026）禁止用“黑名单”威胁",
    "law",
    LAW_DATABASE,
    REVISED,
)


def stage(code, order, from_day, source, zh, en):
    """An escalation stage. ``zh``/``en``: (title, description, what_you_can_do)."""
    return Seed(
        "EscalationStage",
        {"code": code},
        {
            "order": order,
            "typical_from_day": from_day,
            "title_zh_hans": zh[0],
            "description_zh_hans": zh[1],
            "what_you_can_do_zh_hans": zh[2],
            "title_en": en[0],
            "description_en": en[1],
            "what_you_can_do_en": en[2],
            **sourced(*source),
        },
    )


def fact(slug, order, source, zh, en, topic="result"):
    return Seed(
        "Fact",
        {"slug": slug},
        {
            "topic": topic,
            "order": order,
            "title_zh_hans": zh[0],
            "body_zh_hans": zh[1],
            "title_en": en[0],
            "body_en": en[1],
            **sourced(*source),
        },
    )


STAGES = [
    stage(
        "reminders",
        10,
        0,
        PRACTICE_STAGES,
        (
            "到期前后：自动提醒",
            "通常是App推送和短信，提醒你快到还款日或刚刚逾期。",
            "能还就按时还。还不上的话，最好在到期前就通过官方App或合同上的客服联系机构，说明情况、问清楚有哪些办法。",
        ),
        (
            "Around the due date: automatic reminders",
            "Usually app notifications and text messages saying a payment is due or has just been missed.",
            "Pay on time if you can. If you can't, it is best to contact the lender before the due date through its official app or the service number in your contract, explain, and ask what options there are.",
        ),
    ),
    stage(
        "early",
        20,
        1,
        PRACTICE_STAGES,
        (
            "逾期1到30天左右：短信和电话提醒",
            "据一些行业文章介绍，这时多是自动短信、语音电话和机构自己的客服电话，常会问你逾期的原因。",
            "接电话，说明原因，问清楚一共欠多少（本金、利息、罚息分别多少）。不要答应做不到的还款日期。记下每次通话的时间和内容。",
        ),
        (
            "About 1 to 30 days overdue: texts and reminder calls",
            "Some industry articles say: mostly automatic texts, recorded calls and calls from the lender's own staff, often asking why the payment was missed.",
            "Answer, explain why, and ask exactly how much you owe (principal, interest and penalties separately). Don't promise a date you can't keep. Note the time and content of each call.",
        ),
    ),
    stage(
        "calls",
        30,
        31,
        PRACTICE_STAGES,
        (
            "逾期1到3个月左右：电话催收变多",
            "据一些行业文章介绍，人工电话明显增多，可能收到措辞严厉的信函；有的机构会联系紧急联系人（现在的行业规则对此有限制）。",
            "用书面方式提出你做得到的还款方案（可以用我们的协商信），保留录音和截图。如果对方骚扰你的家人或单位、辱骂或威胁你，可以向机构投诉，没有结果再打12378。",
        ),
        (
            "About 1 to 3 months overdue: more collection calls",
            "Some industry articles say: many more calls from staff, possibly strongly worded letters; some lenders contact emergency contacts (industry rules now limit this).",
            "Put a repayment offer you can keep in writing (our negotiation letter helps), and keep recordings and screenshots. If they harass your family or employer, insult or threaten you, complain to the lender, then to 12378 if that fails.",
        ),
    ),
    stage(
        "outsourcing",
        40,
        91,
        PRACTICE_VISITS,
        (
            "逾期3个月左右以后：有的机构会委外催收，上门可能变多",
            "据一些行业文章介绍，逾期约3个月以后，有的机构会把欠款交给外部催收机构，上门（外访）多发生在这以后；机构也可能开始准备起诉或仲裁。各家机构的做法和时间差别很大，也有文章说要更久才委外。",
            "对方联系你时，问清楚代表哪家机构；只通过机构官方App或账户还款，不要转账给个人。有人上门时先核实身份，不开门也可以隔着门说话。继续争取书面的还款安排。",
        ),
        (
            "From about 3 months overdue: some lenders use outside agencies, visits may become more likely",
            "Some industry articles say that after about 3 months some lenders pass cases to outside collection agencies, and that visits (外访) mostly happen after that; the lender may start preparing a lawsuit or arbitration. Practice and timing differ a lot between lenders, and other articles say outsourcing comes much later.",
            "When they contact you, ask which institution they act for; pay only through the lender's official app or account, never to a person. If someone comes to your door, check who they are first; you can talk without opening the door. Keep working towards a written repayment arrangement.",
        ),
    ),
    stage(
        "legal",
        50,
        181,
        PRACTICE_LONG,
        (
            "逾期更久以后：有的机构会起诉、仲裁或申请支付令",
            "据一些行业文章介绍，长期逾期后（常见的说法是半年以上，各家不同），有的机构会起诉（有时是批量起诉）、申请仲裁或支付令，也有的会把债权转让出去。也有机构更早就起诉。只有在判决、支付令、仲裁裁决等法律文书生效后，有能力履行却拒不履行的人，才会被列入失信被执行人名单；单纯逾期不会。",
            "收到法院或仲裁的文书不要置之不理：先核实真假（不要打文书上或对方给的电话，自己查法院的官方电话，或打12368），看清楚期限。支付令要在收到后15天内还款或提出书面异议。可以向当地法律援助机构咨询。",
        ),
        (
            "Longer overdue: some lenders sue, go to arbitration or apply for a payment order",
            "Some industry articles say that after long arrears (often described as more than six months; it varies by lender) some lenders sue (sometimes in batches), apply for arbitration or a payment order, or sell the debt. Some sue earlier. Only someone who can pay but refuses after a binding legal document (a judgment, payment order, arbitral award and the like) goes on the list of dishonest judgment debtors; being overdue alone does not put you there.",
            "Never ignore court or arbitration papers: check they are genuine (not through a number printed on them or given to you; look up the court's official number yourself, or call 12368) and note the deadlines. For a payment order you must pay or object in writing within 15 days of receiving it. You can ask your local legal aid office for advice.",
        ),
    ),
]

UNDERCOVER = (
    "澎湃新闻记者卧底催收公司30天的报道（2024-10，新浪香港转载）",
    "news",
    "https://portal.sina.com.hk/news-china/sina/2024/10/21/1014614/%E8%87%A5%E5%BA%95%E5%82%AC%E6%94%B6%E5%85%AC%E5%8F%B830%E5%A4%A9%EF%BC%8C%E8%A8%98%E8%80%85%E7%9C%8B%E5%88%B0%E7%9A%84%E3%80%8C%E6%9A%B4%E5%8A%9B%E5%82%AC%E6%94%B6%E3%80%8D%E9%87%8D%E7%81%BD%E5%8D%80",
    REVISED,
)

FACTS = [
    fact(
        "check-mostly-phone",
        5,
        UNDERCOVER,
        (
            "催收公司的日常工作主要是打电话",
            "记者卧底催收公司的报道显示，那里的催收主要靠打电话，经手的有银行信用卡、网贷等各种欠款。评估结果较高，也不代表一定会有人上门；真有人来，也只能说话，不能拿走你的东西，也不能进门。",
        ),
        (
            "Collection agencies work mostly by phone",
            "A reporter who worked undercover at a collection agency found that its collectors worked mostly by phone, on bank cards, online loans and other debts. A high indicator does not mean someone will come; and if someone does, they can only talk: they cannot take your things or come in.",
        ),
    ),
    fact(
        "check-visits-regulated",
        10,
        CBA_2026,
        (
            "上门催收本身不违法，但有规矩",
            "外访是允许的催收方式。按照银行业协会的指引，晚上10点到早上8点之间，没有你的同意不应该电话催收或上门。来的人要说明自己代表哪家机构。",
        ),
        (
            "A collection visit is not illegal in itself, but there are rules",
            "Visits are an allowed way of collecting. Under the banking association's guideline, there should be no calls or visits between 10 pm and 8 am without your consent. Visitors must say which institution they act for.",
        ),
    ),
    fact(
        "check-visit-credentials",
        20,
        NIFA_2018,
        (
            "上门的人应该主动出示证件和欠款信息",
            "互联网金融协会的自律公约要求会员机构：上门催收要主动出示证件和借款信息，全程录音录像；只能让你通过机构指定的渠道还款，不能另收费用。",
        ),
        (
            "Visitors should show their credentials and the loan details",
            "The internet-finance association's convention requires its members' visitors to show their credentials and the loan information, and record the whole visit; you may only be asked to pay through the lender's designated channels, and no extra fees may be charged.",
        ),
    ),
    fact(
        "check-no-entry",
        30,
        ENTRY,
        (
            "没有你的同意，不能进你家",
            "你可以不开门，隔着门说话。行业指引明确禁止未经同意进入住宅；情节严重的，还可能构成非法侵入住宅罪。对方强行进门、赖着不走、堵门或张贴催债告示，可以报警（110）。",
        ),
        (
            "They may not enter your home without your consent",
            "You can keep the door closed and talk through it. Industry guidelines forbid entering a home without consent, and serious cases can be the crime of illegally entering a home. If they force their way in, refuse to leave, block your door or post debt notices, you can call the police (110).",
        ),
    ),
    fact(
        "check-no-blacklist",
        40,
        DISHONEST_LIST,
        (
            "逾期不会让你直接上“黑名单”",
            "失信被执行人名单只针对有生效法律文书（判决、支付令、仲裁裁决等）、有能力履行却拒不履行的人。单纯逾期不会被列入。用“黑名单”吓唬你，本身就是行业指引禁止的做法。",
        ),
        (
            "Being overdue does not put you on a 'blacklist'",
            "The list of dishonest judgment debtors is only for people who can pay but refuse after a binding legal document (a judgment, payment order, arbitral award and the like). Being overdue alone does not put you on it. Threatening you with a 'blacklist' is itself forbidden by industry guidelines.",
        ),
    ),
    fact(
        "check-court-papers",
        50,
        PAYMENT_ORDER,
        (
            "收到支付令：15天内要有回应",
            "支付令是法院发出的。收到后15天内，你要么还款，要么向法院提出书面异议。只有书面的、对欠款本身（金额、利息、费用）提出的异议才算数；只说没钱还、想晚点还，不影响支付令。异议成立后一般直接转入诉讼，不是就此结束。既不还款也不书面异议，机构可以申请强制执行。先核实文书是真的：不要打文书上印的电话，也不要打对方给的电话，自己查法院的官方电话，或打法院的12368诉讼服务热线。",
        ),
        (
            "A payment order: respond within 15 days",
            "A payment order comes from a court. Within 15 days of receiving it you must either pay or file a written objection with the court. Only a written objection to the debt itself (the amount, interest or fees) counts; saying you cannot pay now or want more time does not affect the order. If the objection is upheld, the case normally goes straight into a lawsuit; it does not simply end. If you neither pay nor object in writing, the lender can apply for enforcement. First check the papers are genuine: don't call a number printed on them or given to you; look up the court's official number yourself, or call 12368, the courts' litigation service line.",
        ),
        topic="general",
    ),
]

ESTIMATE = [
    Seed(
        "EstimateVersion",
        {"version": "2026-11-default"},
        {
            "is_active": True,
            "weights": {},
            "notes": (
                "使用程序内置的默认权重（advisor/rules/estimate.py 的 DEFAULT_WEIGHTS）。"
                "依据：行业文章对上门催收影响因素的定性描述："
                "金额、逾期时间、能否联系上、沟通态度、地区、机构类型。没有可靠的统计数据，"
                "只能作为粗略参考，不能显示为概率。"
            ),
            **sourced(*PRACTICE_VISITS),
        },
    )
]

SEEDS = [*STAGES, *FACTS, *ESTIMATE]
