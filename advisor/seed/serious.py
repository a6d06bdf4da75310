"""When it gets serious: court papers, after a visit, relatives being called, what they said.

Sources: shared/domain-facts.md §1.9, §1.11-1.12, §3.3, §5, §8.2-8.4, §8.12, and the law
texts in the LawRefBook transcription (links to the exact file at a fixed commit). Never:
article numbers of the revised 仲裁法 or 治安管理处罚法 (§7.13, §7.23), "every third-party
contact is illegal" (§7.8), a number of days until another visit (§7.15), "overdue means
blacklist or arrest" (§7.7), or that a phone objection to a 支付令 counts (§7.17).
Traditional Chinese is left to OpenCC (advisor.rules.hant) unless written here.
"""

from __future__ import annotations

from advisor.seed import TRUTH, Seed, fact, sourced
from advisor.seed.door import COMPLAINTS
from advisor.seed.sources import (
    BEIJING_ALERT,
    CBA_2026,
    FIVE_DEPT,
    LAW_DATABASE,
    NIFA_2018,
    POLICE_FRAUD,
)

# Read in the LawRefBook transcription (民事诉讼法 2023 at commit 318d624, 民法典 at e241bee,
# 仲裁法 2017 at ad3fc7a); the borrower is sent to the official national database.
CIVIL_PROCEDURE_URL = LAW_DATABASE
CIVIL_CODE_URL = LAW_DATABASE
ARBITRATION_URL = LAW_DATABASE

PAYMENT_ORDER = (
    "《民事诉讼法》（2023年修正）第二百二十七条、第二百二十八条；"
    "最高人民法院关于适用《民事诉讼法》的解释（2022）第四百三十六条",
    "law",
    CIVIL_PROCEDURE_URL,
    TRUTH,
)
ANSWER = (
    "《民事诉讼法》（2023年修正）第一百二十八条；最高人民法院关于适用《民事诉讼法》的解释"
    "（2022）第二百六十六条、第二百七十五条（简易程序、小额诉讼的答辩期）",
    "law",
    CIVIL_PROCEDURE_URL,
    TRUTH,
)
APPEAL = (
    "《民事诉讼法》（2023年修正）第一百七十一条；第一百六十五条（小额诉讼一审终审）",
    "law",
    CIVIL_PROCEDURE_URL,
    TRUTH,
)
COUNTING = ("《民事诉讼法》（2023年修正）第八十五条、第八十六条", "law", CIVIL_PROCEDURE_URL)
ENFORCEMENT = (
    "《民事诉讼法》（2023年修正）第二百二十七条、第二百三十九条、第二百四十七条、"
    "第二百五十一条、第二百五十二条",
    "law",
    CIVIL_PROCEDURE_URL,
    TRUTH,
)
ARBITRATION = (
    "《仲裁法》（2017年文本）第九条、第五十八条；2025年修订版自2026-03-01施行，新条文序号未核实",
    "law",
    ARBITRATION_URL,
)
COURT_12368 = (
    "河北法院官网：12368诉讼服务热线可以做什么（2021-02）",
    "news",
    "https://tskpfy.hebeicourt.gov.cn/article/detail/2021/02/id/5810355.shtml",
)
COURT_NO_FEES = (
    "湖南省常德市中级人民法院：法院不会通过电话、短信收费或冻结存款（法院官网，2015-06-26）；"
    "法院现在用12368发送通知短信，见兰溪法院的提示（2022）",
    "news",
    "http://cdzy.hunancourt.gov.cn/article/detail/2015/06/id/2133686.shtml",
    TRUTH,
)
COURT_PUBLIC_LIST = (
    "最高人民法院 中国执行信息公开网",
    "news",
    "http://zxgk.court.gov.cn/",
)
LEGAL_AID_LAW = (
    "《法律援助法》第二条（攀枝花市司法局政务问答，2025-05-28）",
    "law",
    "http://sfj.panzhihua.gov.cn/hdjl/zmhdcjwtzsk/rdwd/10215664.shtml",
)
LEGAL_AID_12348 = (
    "河北法制报：廊坊市司法局“12348”公共法律服务热线（2023-01-19）",
    "news",
    "https://szbz.hbfzb.com/hbfzbpaper/pc/content/202301/19/content_49913.html",
)
CBA_2026_NEWS = (
    "长沙晚报：消费类贷款催收迈入规范时代（2026-02-04，银行业协会催收指引）",
    "association",
    "http://epaper.csjrw.cn/csjrb/20260204/html/content_20260204002001.htm",
)
CIVIL_CODE_HOME = (
    "《民法典》第一千零三十三条（隐私权）；《民事诉讼法》（2023年修正）第二百五十九条（搜查）；"
    "中国银行业协会催收工作指引（2026）",
    "law",
    CIVIL_CODE_URL,
    TRUTH,
)
CIVIL_CODE_DEBTS = (
    "《民法典》第六百八十一条（保证合同）、第一千零六十四条（夫妻共同债务）",
    "law",
    CIVIL_CODE_URL,
)
FREEZE = (
    "《民事诉讼法》（2023年修正）第一百零三条（保全）、第二百五十三条（冻结、划拨要作出裁定）",
    "law",
    LAW_DATABASE,
    TRUTH,
)
MEDIATION = (
    "《人民调解法》第三十一条、第三十三条；《民事诉讼法》（2023年修正）第二百零五条、第二百零六条",
    "law",
    LAW_DATABASE,
    TRUTH,
)
POLICE_THREAT = (
    "两高《关于办理妨害信用卡管理刑事案件具体应用法律若干问题的解释》（2018年修改）；"
    "中国银行业协会催收工作指引（2026）禁止夸大法律后果",
    "law",
    LAW_DATABASE,
    TRUTH,
)
CIVIL_CODE_TRANSFER = ("《民法典》第五百四十六条（债权转让的通知）", "law", CIVIL_CODE_URL)
PBOC_NO_REPAIR = (
    "中国新闻周刊报道人民银行提示征信领域不存在“修复”“洗白”（2022-08-06）；"
    "人民银行一次性信用修复政策（2025-12，已于2026-03-31结束）",
    "our_reading",
    "",
    TRUTH,
)
SOFT_VIOLENCE = (
    "两高两部《关于办理实施“软暴力”的刑事案件若干问题的意见》（2019，新华社报道）",
    "news",
    "http://strb.dahuawang.com/content/201904/15/c45849.htm",
)
VISITS_PRACTICE = (
    "行业文章对常见做法的描述（上门之后是否再来，取决于联系和还款情况；非规定）。"
    "这些文章是贷款和SEO网站，本站不给出链接",
    "practice",
    "",
    TRUTH,
)
HOTLINE_12356 = (
    "人民日报：全国统一心理援助热线12356（2024-12-25，网易转载）",
    "news",
    "https://c.m.163.com/news/a/JKBD9CKU0514CC6P.html",
)


def paper(slug, order, source, zh, en, *, days=None, court=True):
    return Seed(
        "CourtPaper",
        {"slug": slug},
        {
            "order": order,
            "is_court_paper": court,
            "deadline_days": days,
            "title_zh_hans": zh[0],
            "what_it_is_zh_hans": zh[1],
            "deadline_rule_zh_hans": zh[2],
            "what_to_do_zh_hans": zh[3],
            "title_en": en[0],
            "what_it_is_en": en[1],
            "deadline_rule_en": en[2],
            "what_to_do_en": en[3],
            **sourced(*source),
        },
    )


def phrase(code, category, order, source, keywords, zh, en, *, red_flag=False, against=False):
    return Seed(
        "CollectorPhrase",
        {"code": code},
        {
            "category": category,
            "order": order,
            "keywords": "\n".join(keywords),
            "red_flag": red_flag,
            "against_rules": against,
            "label_zh_hans": zh[0],
            "meaning_zh_hans": zh[1],
            "rule_zh_hans": zh[2],
            "reply_zh_hans": zh[3],
            "label_en": en[0],
            "meaning_en": en[1],
            "rule_en": en[2],
            "reply_en": en[3],
            **sourced(*source),
        },
    )


def step(checklist, code, order, source, text, say, detail):
    return Seed(
        "ChecklistItem",
        {"checklist": checklist, "code": code},
        {
            "order": order,
            "text_zh_hans": text[0],
            "text_en": text[1],
            "say_zh_hans": say[0],
            "say_en": say[1],
            "detail_zh_hans": detail[0],
            "detail_en": detail[1],
            **sourced(*source),
        },
    )


CHANNELS = [
    Seed(
        "HelpChannel",
        {"slug": "court-12368"},
        {
            "number": "12368",
            "order": 60,
            "name_zh_hans": "人民法院诉讼服务热线",
            "name_en": "Court litigation service line",
            "name_zh_hant": "人民法院訴訟服務熱線",
            "purpose_zh_hans": "核实法院文书、传票、支付令或“法院来电”是不是真的，查询案件信息。自己拨打，不要用文书上或来电人给的号码。各地服务时间不同。",
            "purpose_en": "Check whether a court paper, summons, payment order or 'call from the court' is real, and ask about a case. Dial it yourself; never use a number printed on the paper or given by a caller. Hours differ by court.",
            **sourced(*COURT_12368),
        },
    ),
    Seed(
        "HelpChannel",
        {"slug": "legal-12348"},
        {
            "number": "12348",
            "order": 70,
            "name_zh_hans": "公共法律服务热线（司法局）",
            "name_en": "Public legal service line (justice bureau)",
            "name_zh_hant": "公共法律服務熱線（司法局）",
            "purpose_zh_hans": "免费法律咨询，并指引你申请法律援助。由各地司法局开通，服务时间和内容各地不同；我们只核实到地方报道，没有找到全国统一的规定。",
            "purpose_en": "Free legal advice, and help applying for legal aid. Run by local justice bureaux; hours and services differ by place. We found local reports, not a national rule.",
            **sourced(*LEGAL_AID_12348),
        },
    ),
]

PAPERS = [
    paper(
        "payment-order",
        10,
        PAYMENT_ORDER,
        (
            "支付令",
            "法院根据贷款机构的申请发出的文书，标题写着“支付令”，盖有法院印章。它不是判决：法院没有开庭，只是要求你在期限内还钱或提出异议。",
            "自收到支付令之日起15日内，清偿债务或向法院提出书面异议（收到的当天不算）。",
            "1. 先用12368或“人民法院在线服务”核实支付令是真的。\n\n2. 如果你对欠款金额、利息或费用有不同意见，在期限内向发出支付令的法院提交书面异议。异议必须是书面的，电话或口头说不算；只说“没钱还”“想晚点还”而不对债务本身提出异议，不影响支付令。\n\n3. 异议成立后，支付令失效，案件一般转入诉讼程序（不是就此结束）。既不还款也不异议，贷款机构可以申请强制执行。\n\n4. 拿不准怎么写，先打12348或到当地法律援助机构咨询。",
        ),
        (
            "Payment order (支付令)",
            "A paper a court issues at the lender's request, titled 支付令 and bearing the court's seal. It is not a judgment: there was no hearing; the court orders you to pay or object within a time limit.",
            "Within 15 days of receiving it, pay or file a written objection with the court (the day you received it is not counted).",
            "1. First check it is real through 12368 or the courts' official online service (人民法院在线服务).\n\n2. If you dispute the amount, interest or fees, file a written objection with the issuing court within the period. It must be in writing; a phone call or a spoken objection does not count. Saying only that you cannot pay now, or asking for more time, without disputing the debt itself, does not affect the order.\n\n3. If the objection is upheld, the order lapses and the case normally moves into a lawsuit (it does not simply end). If you neither pay nor object, the lender can apply for enforcement.\n\n4. If you are unsure what to write, call 12348 or your local legal aid office first.",
        ),
        days=15,
    ),
    paper(
        "complaint-summons",
        20,
        ANSWER,
        (
            "起诉状副本、应诉通知书、传票",
            "贷款机构起诉了你。法院会送来起诉状副本和应诉通知书；传票写明开庭的时间和地点。",
            "按普通程序审理的，自收到起诉状副本之日起15日内可以提交答辩状（收到的当天不算）。适用简易程序或小额诉讼的，答辩期由法院确定，可能更短，以应诉通知书和传票为准。开庭时间以传票为准。不答辩，案件照样审理。",
            "1. 用12368或“人民法院在线服务”核实案件是真的。\n\n2. 在答辩期内写答辩状，写明你同意什么、不同意什么（例如金额、利息、费用）。可以同时提出你做得到的还款方案，法院常常先组织调解。\n\n3. 按传票的时间到庭。不到庭，法院可以缺席判决。\n\n4. 经济困难的，可以向当地法律援助机构申请帮助。",
        ),
        (
            "Statement of claim, notice to respond, summons",
            "The lender has sued you. The court sends a copy of the statement of claim and a notice to respond; a summons (传票) gives the date and place of the hearing.",
            "Under the ordinary procedure you may file a written defence within 15 days of receiving the statement of claim (the day of receipt is not counted). Under the simplified or small-claims procedure the court sets the period, which may be shorter: go by the notice to respond and the summons. The hearing date is the one on the summons. If you do not answer, the case goes on anyway.",
            "1. Check the case is real through 12368 or the courts' official online service.\n\n2. Within the period, write a defence saying what you accept and what you dispute (for example the amount, interest or fees). You can also offer a repayment plan you can keep; courts often try mediation first.\n\n3. Go to the hearing on the date on the summons. If you do not, the court can decide without you.\n\n4. If money is tight, ask your local legal aid office for help.",
        ),
        days=15,
    ),
    paper(
        "judgment",
        30,
        APPEAL,
        (
            "一审判决书",
            "法院审理后作出的判决，写明你要还多少、怎么还。可以上诉的判决会写明上诉期限和上诉法院；按小额诉讼程序审理的判决写着“本判决为终审判决”，不能上诉。",
            "不服可以上诉的一审判决的，自判决书送达之日起15日内上诉（送达当天不算）。小额诉讼程序的判决是终审判决，不能上诉；判决书上写了“本判决为终审判决”，就不要按15天算。",
            "1. 仔细看判决书写的金额、利息和还款期限，看它写的是上诉期限，还是“本判决为终审判决”。\n\n2. 可以上诉又不服的，在期限内通过原审法院递交上诉状。终审判决不能上诉；认为确有错误的，可以向法律援助机构咨询申请再审的条件。\n\n3. 判决生效后不履行，贷款机构可以申请强制执行。有能力履行而拒不履行，才可能被列入失信被执行人名单。\n\n4. 想和贷款机构达成还款安排，可以主动联系它的官方渠道，并要求书面确认。",
        ),
        (
            "First-instance judgment",
            "The court's decision after a hearing: how much you must pay and how. A judgment that can be appealed gives the appeal period and the appeal court; a small-claims judgment says 本判决为终审判决 (this judgment is final) and cannot be appealed.",
            "If you disagree with a first-instance judgment that can be appealed, appeal within 15 days of it being served (the day of service is not counted). A small-claims judgment is final and cannot be appealed: if the judgment says 本判决为终审判决, the 15 days do not apply.",
            "1. Read the amount, interest and payment dates carefully, and whether it gives an appeal period or says it is final (本判决为终审判决).\n\n2. If it can be appealed and you disagree, file the appeal through the court that decided the case, within the period. A final judgment cannot be appealed; if you think it is clearly wrong, ask a legal aid office about the conditions for a retrial.\n\n3. Once the judgment is in force, if it is not followed the lender can apply for enforcement. Only someone who can pay but refuses may be put on the list of dishonest judgment debtors.\n\n4. To agree a repayment plan, contact the lender through its official channels and ask for written confirmation.",
        ),
        days=15,
    ),
    paper(
        "ruling",
        40,
        APPEAL,
        (
            "一审裁定书",
            "法院对程序问题作出的决定，例如管辖、不予受理或驳回起诉。只有部分裁定可以上诉，裁定书上会写明。",
            "可以上诉的一审裁定，自裁定书送达之日起10日内上诉（送达当天不算）。",
            "1. 看裁定书有没有写“可以上诉”和上诉法院。\n\n2. 需要上诉的，在10日内通过原审法院递交上诉状。\n\n3. 看不懂裁定的意思，先打12368问法院，或向法律援助机构咨询。",
        ),
        (
            "First-instance ruling",
            "A court decision on a procedural question, such as jurisdiction or rejecting a claim. Only some rulings can be appealed; the ruling says so.",
            "Where a first-instance ruling can be appealed, appeal within 10 days of it being served (the day of service is not counted).",
            "1. Check whether the ruling says it can be appealed and to which court.\n\n2. To appeal, file through the court that made it, within 10 days.\n\n3. If you do not understand it, ask the court through 12368, or a legal aid office.",
        ),
        days=10,
    ),
    paper(
        "arbitration",
        50,
        ARBITRATION,
        (
            "仲裁通知、仲裁申请书副本、仲裁裁决书",
            "有些网贷合同约定用仲裁解决纠纷。文书来自某个仲裁委员会，不是法院。仲裁裁决一裁终局，和法院判决一样可以申请法院强制执行。",
            "答辩、选仲裁员等期限由该仲裁委员会的规则决定，以通知上写的为准，我们不替你计算。",
            "1. 核实仲裁委员会是真实存在的机构：自己查它的官方网站或电话，不要用文书上留的联系方式核实。\n\n2. 按通知上的期限答辩，提出你对金额、利息、费用的意见。\n\n3. 仲裁法2025年修订、2026年3月1日起施行，撤销裁决等程序的条文序号有变化，我们还没有核实新文本；需要时请咨询法律援助机构。",
        ),
        (
            "Arbitration notice, copy of the arbitration claim, arbitral award",
            "Some online-loan contracts send disputes to arbitration. The papers come from an arbitration commission, not a court. An award is final, and like a judgment it can be enforced by a court.",
            "Periods for a defence or choosing arbitrators are set by that commission's own rules and printed on its notice. We do not calculate them for you.",
            "1. Check the commission exists: look up its official website or phone number yourself; do not use contact details printed on the paper.\n\n2. Answer within the period on the notice, and say what you dispute about the amount, interest or fees.\n\n3. The Arbitration Law was revised in 2025, in force from 1 March 2026, and its article numbers changed; we have not checked the new text. Ask a legal aid office if you need to challenge an award.",
        ),
    ),
    paper(
        "enforcement-notice",
        60,
        ENFORCEMENT,
        (
            "执行通知书",
            "判决、裁定、调解书、仲裁裁决生效后没有履行，或者收到支付令15天内既没有还款也没有书面异议，贷款机构申请了强制执行，法院发出执行通知。真正的执行由法院执行员进行，采取措施时必须出示证件。",
            "履行期限以执行通知书上写的为准。没有按通知履行的，要如实报告现在的财产和收到通知前一年的财产情况。",
            "1. 用12368或中国执行信息公开网核实执行案件是真的。\n\n2. 按通知上的期限履行，或联系执行法院说明情况、商量分期；和申请人达成的和解要记入笔录。\n\n3. 如实报告财产。拒绝报告或虚假报告，法院可以罚款或拘留。\n\n4. 自称“执行局”的人打电话要你转账到个人账户，是骗局：法院执行款要通过法院的正式渠道。",
        ),
        (
            "Enforcement notice",
            "A judgment, ruling, court mediation document or arbitral award in force was not followed, or a payment order was neither paid nor objected to in writing within 15 days; the lender applied for enforcement, and the court has sent a notice. Real enforcement is carried out by court enforcement officers, who must show their credentials when they act.",
            "The time to comply is the one written on the notice. If you do not comply, you must truthfully report your current assets and your assets in the year before the notice.",
            "1. Check the enforcement case is real through 12368 or the court's public enforcement information site (中国执行信息公开网).\n\n2. Comply by the date on the notice, or contact the enforcing court to explain and discuss instalments; a settlement with the lender is written into the court's record.\n\n3. Report your assets truthfully. For refusing or lying, the court may fine or detain you.\n\n4. A caller from the 'enforcement bureau' who asks you to transfer money to a personal account is a fraudster: money in enforcement goes through the court's formal channels.",
        ),
    ),
    paper(
        "lawyer-letter",
        70,
        CBA_2026,
        (
            "律师函、催收函、“法务部”通知",
            "律师事务所或催收公司受贷款机构委托发出的信。它不是法院文书，没有法律规定的答复期限，也不会因为它直接产生判决或执行。",
            "律师函不是法院文书，没有法定期限。信上写的“最后期限”是对方定的，不是法院的。",
            "1. 不必惊慌，但也不要不理：它说明贷款机构可能在准备起诉。\n\n2. 直接联系贷款机构的官方客服，核实委托是否真实，谈一个你做得到的还款方案，并要求书面确认。\n\n3. 不要按信上的账户或二维码转账。只通过贷款机构自己的官方渠道还款。\n\n4. 银行业协会的催收指引禁止在公共场所张贴催收告示或律师函，也禁止冒用司法机关名义。遇到这些情况，记下来并投诉。",
        ),
        (
            "Lawyer's letter, collection letter, 'legal department' notice",
            "A letter from a law firm or collection agency acting for the lender. It is not a court paper: the law sets no time to reply, and it cannot by itself lead to a judgment or enforcement.",
            "A lawyer's letter is not a court paper and has no legal deadline. Any 'final date' in it was set by the sender, not by a court.",
            "1. No need to panic, but do not ignore it: the lender may be preparing to sue.\n\n2. Contact the lender's official customer service yourself, check the letter was really sent for them, propose a plan you can keep, and ask for written confirmation.\n\n3. Do not pay to an account or QR code in the letter. Pay only through the lender's own official channels.\n\n4. The banking association's collection guideline forbids posting collection notices or lawyer's letters in public places and using the name of a judicial body. If that happens, note it and complain.",
        ),
        court=False,
    ),
]

PAPER_FACTS = [
    fact(
        "papers-check-real",
        "papers",
        10,
        COURT_12368,
        "怎样核实是不是真的法院文书",
        "How to check a court paper is real",
        "自己拨打12368（法院诉讼服务热线），或在微信里搜索官方的“人民法院在线服务”小程序，在“我的案件”里查；也可以带身份证到法院问。\n\n不要打文书上印的电话，也不要用来电人、短信或催收员给你的号码和链接核实：骗子会留自己的号码。",
        "Dial 12368 (the court service line) yourself, or open the official 人民法院在线服务 (courts' online service) mini-program in WeChat and look under 我的案件 (my cases); or go to the court with your ID.\n\nDo not call a number printed on the paper, and do not use a number or link from a caller, a text message or a collector: fraudsters give their own.",
    ),
    fact(
        "papers-fake-signs",
        "papers",
        20,
        COURT_NO_FEES,
        "法院不会这样做",
        "What courts do not do",
        "法院会用12368发短信通知开庭、送达，但不会让你把钱转到个人账户或“安全账户”，也不会不经程序冻结你的存款。交诉讼费、执行款只走法院的正式渠道；收到短信或电话，先自己打12368核实。要你转账到个人账户、扫码付款的“法院”“执行局”，都是骗子。",
        "Courts do send text messages from 12368 about hearings and papers, but never ask you to move money to a personal account or a 'safe account', and do not freeze your savings without proceedings. Court fees and enforcement payments go only through the court's formal channels; if you get a text or a call, first dial 12368 yourself to check. A 'court' or 'enforcement bureau' that asks you to pay a personal account or scan a QR code is a fraudster.",
    ),
    fact(
        "papers-counting",
        "papers",
        30,
        COUNTING,
        "期限怎么算",
        "How the days are counted",
        "法律规定：期间开始的那一天不算，从第二天开始数。期间的最后一天是法定休假日的，顺延到休假日后的第一天。文书在期满前交邮寄出的，不算过期。\n\n因为正当理由耽误了期限，可以在障碍消除后10日内向法院申请顺延，是否准许由法院决定。",
        "The law says the day a period starts is not counted: you start counting the next day. If the last day is a statutory rest day, the period ends on the first day after it. A document posted before the period ends is not late.\n\nIf you missed a period for a good reason, you can ask the court to extend it within 10 days after the obstacle ends; the court decides.",
    ),
    fact(
        "papers-legal-aid",
        "papers",
        40,
        LEGAL_AID_LAW,
        "免费的法律帮助",
        "Free legal help",
        "法律援助是国家为经济困难的公民和符合条件的当事人无偿提供法律咨询、代理等服务的制度。县级以上司法局设有法律援助机构，可以到当地司法局或公共法律服务中心问；很多地方也可以打12348咨询。能不能获得代理，要看你的经济状况和当地标准。\n\n不要付钱给自称能“搞定官司”“停诉”的中介。",
        "Legal aid is the state's system of free legal advice and representation for people with little money and others who qualify. Justice bureaux at county level and above run legal aid offices: ask at your local justice bureau or public legal service centre; many places also answer on 12348. Whether you get a lawyer depends on your finances and local standards.\n\nDo not pay go-betweens who promise to 'settle' or 'stop' a lawsuit.",
    ),
]

AFTER_VISIT_FACTS = [
    fact(
        "after-visit-not-court",
        "after_visit",
        10,
        ENFORCEMENT,
        "上门不是法院行动",
        "A visit is not a court action",
        "催收人员上门，只是催收的一种方式，不是起诉，也不是强制执行。只有法院能强制执行：先要有生效的判决、裁定、调解书或仲裁裁决，或者收到后15天内没有还款也没有书面异议的支付令，再由法院发出执行通知，执行员采取措施时必须出示证件。支付令不需要先开庭，所以收到法院文书一定要在期限内处理。催收公司、“法务部”的人都不是法院工作人员。",
        "A collector at your door is one way of collecting, not a lawsuit and not enforcement. Only a court can enforce: first there must be a judgment, ruling, court mediation document or arbitral award in force, or a payment order you neither paid nor objected to in writing within 15 days of receiving it; then the court sends an enforcement notice, and its officers must show credentials when they act. A payment order needs no hearing, so deal with any court paper within its period. Collection agencies and 'legal departments' are not court staff.",
    ),
    fact(
        "after-visit-no-entry",
        "after_visit",
        20,
        CIVIL_CODE_HOME,
        "催收人员没有权利进你家",
        "Collectors have no right to come in",
        "除法律另有规定外，没有你的明确同意，任何人不得进入你的住宅。催收人员和其他人都不能未经同意进门；银行业协会的催收指引也禁止未经同意进入住宅，禁止未经同意在晚上10点到早上8点上门。下次有人来，你可以不开门，隔着门说话；强行进门或赖着不走，打110。\n\n真正的法院强制执行是另一回事：执行员要出示证件，搜查要有院长签发的搜查令。说是法院来执行的，先打12368核实，不要硬拦真正的执行员。",
        "Unless the law provides otherwise, nobody may enter your home without your clear consent. Collectors and anyone else need your consent to come in; the banking association's collection guideline also forbids entering a home without consent and, without consent, visiting between 10 pm and 8 am. Next time you can keep the door shut and talk through it; if anyone forces their way in or refuses to leave, call 110.\n\nReal court enforcement is different: officers must show credentials, and a search needs a warrant signed by the court president. If they say they are from the court, check through 12368 first, and do not obstruct real enforcement officers.",
    ),
    fact(
        "after-visit-in-writing",
        "after_visit",
        30,
        CBA_2026,
        "可以要求对方书面说明",
        "What to ask for in writing",
        "你可以通过贷款机构的官方渠道要求书面说明：来人代表哪家机构、是哪家催收公司；你现在欠多少（本金、利息、费用分开写）；只能还到哪个官方账户。银行业协会的指引要求催收人员说明代表的机构，成员机构要在官网公布合作的催收机构名单。",
        "Through the lender's official channels you can ask, in writing: which lender and which collection company the visitors acted for; how much you owe now (principal, interest and fees separately); and which official account alone you may pay into. The banking association's guideline requires collectors to say which institution they represent, and members must publish their list of collection agencies on their website.",
    ),
    fact(
        "after-visit-what-decides",
        "after_visit",
        40,
        VISITS_PRACTICE,
        "会不会再来，通常取决于什么",
        "What usually decides whether they come again",
        "没有任何规定说第一次上门以后多久会再来。按行业文章描述的常见做法，主要看两点：第一次接触以后你有没有回应（接电话、说明情况、提出并遵守一个还款方案），以及还欠多少。一直联系不上，再次上门或起诉的可能更大。这只是常见做法，各家机构不同，我们不能预测会不会再来。",
        "No rule says how soon, or whether, a visit is followed by another. Industry descriptions of common practice point to two things: whether you responded after the first contact (answering, explaining, proposing and keeping a plan), and how much is still owed. If they cannot reach you, another visit or a lawsuit becomes more likely. This is common practice only; lenders differ, and we cannot predict whether they will come back.",
    ),
]

RELATIVE_FACTS = [
    fact(
        "relatives-owe",
        "relatives",
        10,
        CIVIL_CODE_DEBTS,
        "你要替他还钱吗？一般不用",
        "Do you owe this money? Usually not",
        "借款合同只约束借款的人。没有在合同上签字的亲友、同事，一般不欠这笔钱。\n\n两种情况要小心：一是你签过字做担保人（保证人），要按你签的担保合同承担责任；二是借款人的配偶，如果这笔钱是婚姻期间为家庭日常生活借的，或者夫妻双方都同意借的，可能算夫妻共同债务。具体是否适用要看实际情况，有争议时由法院认定。拿不准，可以问法律援助机构。",
        "A loan contract binds the person who borrowed. Relatives, friends and colleagues who did not sign it generally do not owe the money.\n\nTwo cases need care: if you signed as a guarantor, you are liable under the guarantee you signed; and a spouse may share the debt if it was borrowed during the marriage for the household's everyday needs, or both agreed to it. Whether this applies depends on the facts; in a dispute a court decides. If unsure, ask a legal aid office.",
    ),
    fact(
        "relatives-contact-rules",
        "relatives",
        20,
        CBA_2026,
        "催收方能不能找你",
        "May collectors contact you at all",
        "按银行业协会的催收指引，原则上不能向与欠款无关的人催收。只有在联系不上借款人时，才可以找你问他的联系方式或请你转告，而且不能告诉你欠款的细节。你说“不要再联系我”，对方就应该停止。这是行业自律规则，不是法律；但反复骚扰、威胁或泄露他人信息，可能违反法律。",
        "Under the banking association's collection guideline, collectors should not in principle pursue people unrelated to the debt. Only when they cannot reach the borrower may they ask you for contact details or to pass on a message, and they must not tell you about the debt. If you say 'do not contact me again', they should stop. This is an industry rule, not a law; but repeated harassment, threats or spreading someone's information can break the law.",
    ),
    fact(
        "relatives-support",
        "relatives",
        30,
        HOTLINE_12356,
        "怎样帮他",
        "How to support them",
        "不要责备。告诉他你收到了什么，把截图发给他；陪他一起看清楚欠了多少、先处理哪一笔。鼓励他自己联系贷款机构的官方渠道协商，不要找收费的“债务优化”中介。\n\n如果他压力很大、情绪很差，可以一起打12356（全国心理援助热线）；有人可能伤害自己或别人，马上打110或120。",
        "Do not blame them. Tell them what you received and send them the screenshots; help them see how much is owed and which debt to deal with first. Encourage them to contact the lender's official channels themselves, not a paid 'debt optimisation' agent.\n\nIf they are under great stress, you can call 12356 (national psychological support line) together; if someone may harm themselves or others, call 110 or 120 at once.",
    ),
]

STEP_LISTS = [
    Seed(
        "Checklist",
        {"slug": "after-visit"},
        {
            "title_zh_hans": "上门之后：三件事",
            "title_en": "After a visit: three things to do",
            "intro_zh_hans": "按顺序做，每一步都不用付钱给任何中介。",
            "intro_en": "Do them in order. None of them needs a paid go-between.",
            **sourced(*CBA_2026),
        },
    ),
    Seed(
        "Checklist",
        {"slug": "relatives"},
        {
            "title_zh_hans": "接到催收电话时",
            "title_en": "When a collector calls you",
            "intro_zh_hans": "你可以这样做。",
            "intro_en": "What you can do.",
            **sourced(*CBA_2026),
        },
    ),
]

STEPS = [
    step(
        "after-visit",
        "write-down",
        10,
        NIFA_2018,
        (
            "趁记得清楚，把这次上门记下来：时间、几个人、自称哪家公司和机构、说了什么、做了什么，有没有照片或录音。",
            "While you remember clearly, write the visit down: when, how many people, which company and lender they named, what they said and did, and any photos or recordings.",
        ),
        ("", ""),
        (
            "按互联网金融协会的公约，上门催收应当全程录音录像，你也可以保留自己的记录。用我们的证据记录，只有你能打开。",
            "Under the internet finance association's convention, on-site collection must be recorded in full; you may keep your own record too. Use our evidence log, which only you can open.",
        ),
    ),
    step(
        "after-visit",
        "call-lender",
        20,
        CBA_2026,
        (
            "自己打贷款机构的官方客服（号码从官方App、卡背面或合同里找），核实来人是不是它委托的，并要求书面说明欠款和官方还款账户。",
            "Call the lender's official customer service yourself (number from the official app, the back of the card or the contract): check the visitors were sent by them, and ask for the amount owed and the official payment account in writing.",
        ),
        (
            "昨天有人以你们的名义上门。请告诉我是哪家催收公司，并书面告诉我现在欠多少、应该还到哪个官方账户。",
            "Someone visited me in your name yesterday. Please tell me which collection company it was, and tell me in writing how much I owe now and which official account to pay.",
        ),
        ("", ""),
    ),
    step(
        "after-visit",
        "make-plan",
        30,
        VISITS_PRACTICE,
        (
            "提出一个你真的做得到的还款方案，通过官方渠道书面提交，并按时履行。",
            "Propose a repayment plan you can really keep, send it through official channels in writing, and keep to it.",
        ),
        ("", ""),
        (
            "按常见做法，接触以后有回应、有方案的借款人，升级到再次上门或起诉的情况更少。这是常见做法，不是规定。",
            "In common practice, borrowers who respond after contact and make a plan see fewer escalations such as further visits or lawsuits. This is practice, not a rule.",
        ),
    ),
    step(
        "relatives",
        "one-sentence",
        10,
        CBA_2026,
        ("平静地说一句，然后挂断。", "Say one calm sentence, then hang up."),
        (
            "我不是借款人，也不替他还款，不提供他的任何信息。请不要再联系我。",
            "I am not the borrower, I will not pay for them and I will not give any information about them. Please do not contact me again.",
        ),
        ("", ""),
    ),
    step(
        "relatives",
        "dont-pay",
        20,
        BEIJING_ALERT,
        (
            "不要替他付钱，不要向任何个人账户转账或扫码。",
            "Do not pay anything for them; never transfer money to a personal account or scan a QR code.",
        ),
        ("", ""),
        (
            "监管部门提示：自称催收的人要求转账到个人账户，常常是骗局。真正的还款只能通过贷款机构自己的官方渠道。",
            "Regulators warn that 'collectors' asking for money to a personal account are often fraudsters. Real repayments go only through the lender's own official channels.",
        ),
    ),
    step(
        "relatives",
        "dont-share",
        30,
        CBA_2026,
        (
            "不要说出他的住址、单位、电话或任何其他信息，也不要转发对方发来的链接。",
            "Do not give their address, workplace, phone number or anything else, and do not pass on links the caller sends.",
        ),
        ("", ""),
        ("", ""),
    ),
    step(
        "relatives",
        "keep-report",
        40,
        CBA_2026,
        (
            "截图、记下时间和号码，发给借款人。被反复骚扰：先向贷款机构的官方客服投诉，没有结果打12378；骚扰电话和短信可以向12321举报；有威胁，打110。",
            "Take screenshots, note the time and number, and send them to the borrower. If the harassment continues: complain to the lender's official customer service first, then 12378 if nothing changes; report nuisance calls and texts to 12321; if you are threatened, call 110.",
        ),
        ("", ""),
        ("", ""),
    ),
]

PHRASES = [
    phrase(
        "visit-announced",
        "visit",
        10,
        CBA_2026,
        [
            "外访",
            "上门",
            "家访",
            "去你家",
            "到你家",
            "安排人过去",
            "实地",
            "上门核实",
            "核实地址",
            "走访",
            "home visit",
            "visit you",
            "come to your",
        ],
        (
            "“明天安排外访人员上门。”",
            "上门催收本身没有被禁止，是一种受规范的催收方式。说要上门，不等于一定会来，也不是法院行动。",
            "银行业协会2026年指引：晚上10点到早上8点不能上门（除非你同意）；来人要说明代表哪家机构；未经同意不能进入住宅。",
            "“请通过官方App或书面告诉我欠款金额和还款方式。我不同意任何人进入我家。”",
        ),
        (
            "'Our field team will visit you tomorrow.'",
            "Home visits are not banned; they are a regulated way of collecting. Saying they will visit does not mean they will, and it is not a court action.",
            "Banking association guideline (2026): no visits between 10 pm and 8 am unless you agree; visitors must say which institution they act for; no entering a home without consent.",
            "'Please tell me the amount owed and how to pay through the official app or in writing. I do not agree to anyone entering my home.'",
        ),
    ),
    phrase(
        "case-filed",
        "legal",
        20,
        CBA_2026,
        [
            "法务",
            "立案",
            "起诉",
            "诉讼",
            "走法律程序",
            "移交法院",
            "legal department",
            "lawsuit",
            "sue you",
            "case filed",
            "court case",
        ],
        (
            "“已经转法务部，马上立案起诉。”",
            "贷款机构确实可以起诉或申请支付令。但“法务部”不是法院；真的立案了，法院会送达文书，你可以通过12368或“人民法院在线服务”查到。",
            "银行业协会2026年指引禁止夸大法律后果和冒用司法机关名义。",
            "“请告诉我受理法院和案号，我自己通过12368核实。在这之前，请通过官方渠道和我沟通还款方案。”",
        ),
        (
            "'Your case has gone to our legal department; we are filing a lawsuit now.'",
            "Lenders can sue or apply for a payment order. But a 'legal department' is not a court; if a case is really filed, the court will serve papers and you can find it through 12368 or the courts' online service.",
            "Banking association guideline (2026): collectors must not exaggerate legal consequences or use the name of a judicial body.",
            "'Please give me the court and the case number; I will check through 12368 myself. Meanwhile please discuss a repayment plan with me through official channels.'",
        ),
    ),
    phrase(
        "fake-officer",
        "threat",
        30,
        POLICE_FRAUD,
        [
            "法院的",
            "执行局",
            "公安局",
            "警察",
            "检察院",
            "通缉",
            "逮捕令",
            "安全账户",
            "from the court",
            "police",
            "arrest warrant",
            "safe account",
        ],
        (
            "“我们是法院执行局的，不配合就冻结你的账户。”",
            "公安、检察院、法院不会打电话办案，没有“安全账户”。这很可能是冒充司法机关的骗局或违规催收。",
            "催收人员冒用司法机关名义是行业指引禁止的，冒充国家机关工作人员招摇撞骗可能构成犯罪。",
            "“我会自己打12368向法院核实。”然后挂断，不转账，不提供验证码。",
        ),
        (
            "'We are from the court's enforcement bureau; cooperate or we freeze your accounts.'",
            "Police, prosecutors and courts do not handle cases by phone and have no 'safe account'. This is very likely a fraud or improper collection using a judicial body's name.",
            "Industry guidelines forbid collectors using a judicial body's name; impersonating state officials can be a crime.",
            "'I will check with the court myself on 12368.' Then hang up; do not transfer money or give any verification code.",
        ),
        red_flag=True,
        against=True,
    ),
    phrase(
        "blacklist-jail",
        "threat",
        40,
        CBA_2026,
        [
            "黑名单",
            "失信",
            "坐牢",
            "判刑",
            "抓你",
            "拘留",
            "刑事",
            "恶意透支",
            "诈骗罪",
            "blacklist",
            "jail",
            "prison",
            "criminal",
        ],
        (
            "“再不还就上黑名单，按恶意透支抓你坐牢。”",
            "只是逾期，不会进失信被执行人名单：那要先有生效的法律文书（判决、支付令或仲裁裁决等），再有能力履行而拒不履行。信用卡“恶意透支”也有严格条件（以非法占有为目的、本金5万元以上、两次有效催收后超过3个月仍不还等）。",
            "银行业协会2026年指引禁止威胁把债务人列入虚构的“黑名单”，禁止夸大法律后果。",
            "“我没有逃避，我愿意协商。请通过官方渠道书面告诉我欠款和方案。”",
        ),
        (
            "'Pay now or you go on the blacklist and to jail for malicious overdraft.'",
            "Being overdue alone does not put you on the list of dishonest judgment debtors: that needs a binding legal document (a judgment, payment order, arbitral award or the like) and a refusal by someone able to pay. Criminal 'malicious overdraft' on a card has strict conditions (intent to take the money, at least ¥50,000 principal, more than 3 months unpaid after two effective collections, and more).",
            "Banking association guideline (2026): collectors must not threaten fictitious blacklists or exaggerate legal consequences.",
            "'I am not hiding; I want to agree a plan. Please tell me the amount and the options in writing through official channels.'",
        ),
        against=True,
    ),
    phrase(
        "pay-today",
        "pay_now",
        50,
        CBA_2026,
        [
            "今天必须",
            "今天不还",
            "今天之内",
            "最后期限",
            "最后一次机会",
            "名额",
            "过了今天",
            "马上还",
            "pay today",
            "last chance",
            "final deadline",
        ],
        (
            "“今天不还，减免名额就没了。”",
            "这是施压的说法。没有规定要求你今天必须还；真实的减免或分期方案，你可以要求贷款机构通过官方App或书面给你。",
            "银行业协会2026年指引禁止虚假承诺、夸大欠款或后果，也禁止诱导借新还旧。",
            "“我需要看书面方案再决定。请把方案发到官方App或寄给我。”",
        ),
        (
            "'Pay today or the discount is gone.'",
            "This is pressure. No rule says you must pay today; a real reduction or instalment offer can be given to you by the lender in its official app or in writing.",
            "Banking association guideline (2026): no false promises, no exaggerating the debt or the consequences, no pushing you to borrow to repay.",
            "'I need to see the offer in writing before I decide. Please send it through the official app or by post.'",
        ),
    ),
    phrase(
        "pay-personal",
        "pay_now",
        60,
        BEIJING_ALERT,
        [
            "个人账户",
            "私人账户",
            "转到这个",
            "扫码",
            "二维码",
            "新的还款账户",
            "微信转",
            "支付宝转",
            "personal account",
            "qr code",
            "new account",
        ],
        (
            "“转到这个账户（或扫这个码），马上给你消记录。”",
            "要求转账到个人账户、扫陌生二维码或换“新的还款账户”，是常见的骗局。钱转出去很可能追不回，也不会抵扣你的欠款。",
            "互联网金融协会公约：还款只能通过机构指定的渠道，催收人员不得通过其他渠道收款。北京金融监管局提示“三不”：不转个人账户、不扫陌生码、不给验证码。",
            "“我只通过贷款机构官方App还款。”不转账，挂断，自己打官方客服核实。",
        ),
        (
            "'Transfer to this account (or scan this code) and we clear your record now.'",
            "Being told to pay a personal account, scan a stranger's QR code or use a 'new repayment account' is a common scam. Money sent may never come back and may not reduce your debt at all.",
            "Internet finance association convention: repayments only through the channels the lender designates; collectors may not collect any other way. Beijing regulator's advice: no transfers to personal accounts, no unknown QR codes, no verification codes.",
            "'I only pay through the lender's official app.' Do not transfer; hang up and call the official customer service yourself.",
        ),
        red_flag=True,
        against=True,
    ),
    phrase(
        "credit-removal",
        "credit",
        70,
        PBOC_NO_REPAIR,
        [
            "撤销征信",
            "消征信",
            "征信修复",
            "修复征信",
            "撤销记录",
            "消除记录",
            "删除记录",
            "洗白",
            "消逾期",
            "不上征信",
            "credit record",
            "credit report",
            "remove your record",
            "clean your credit",
        ],
        (
            "“交点费用，可以帮你撤销征信上的逾期记录。”",
            "人民银行说明：征信领域不存在“修复”“洗白”，任何人都不能删除或修改正确的记录。记录有错，可以免费提出异议。说能花钱消记录的，是骗局。",
            "《征信业管理条例》：不良记录从不良行为结束之日起保存5年；异议免费。人民银行2025年一次性信用修复政策有严格条件和期限，不需要任何中介。",
            "“记录有错我会自己免费向征信中心提异议。我不付任何费用。”",
        ),
        (
            "'Pay a fee and we can remove the overdue entry from your credit report.'",
            "The central bank says there is no such thing as 'repairing' or 'cleaning' a credit report: nobody can delete or change a correct record. Errors are fixed by a free dispute. Anyone who sells record removal is running a scam.",
            "Credit Reporting Regulation: negative records are kept 5 years from when the matter ends; disputes are free. The central bank's one-time credit repair of 2025 had strict conditions and a deadline, and needed no go-between.",
            "'If the record is wrong I will dispute it with the credit reference centre myself, for free. I will not pay any fee.'",
        ),
        red_flag=True,
    ),
    phrase(
        "tell-family",
        "family",
        80,
        CBA_2026,
        [
            "家人",
            "父母",
            "爸妈",
            "老婆",
            "老公",
            "亲戚",
            "朋友",
            "同事",
            "单位",
            "领导",
            "通讯录",
            "联系人",
            "村里",
            "小区",
            "family",
            "your parents",
            "employer",
            "your boss",
            "contacts",
        ],
        (
            "“不还就打给你家人、单位，发给你通讯录里所有人。”",
            "威胁告诉家人、单位或“爆通讯录”，是常见的施压方式。按行业规则，催收原则上不能找与欠款无关的人，更不能透露你的欠款。",
            "银行业协会2026年指引：只有联系不上你本人时才可以联系第三人，且只能问联系方式或转告，不得透露欠款；禁止传播隐私信息。泄露他人信息还可能违反《个人信息保护法》和《民法典》。",
            "“请只联系我本人，不要联系我的家人、朋友和单位。我会通过官方渠道和你们协商。”然后把这次通话记进证据记录。",
        ),
        (
            "'Pay or we call your family and employer and message everyone in your contacts.'",
            "Threatening to tell your family or employer, or to message your contact list, is a common pressure tactic. Under industry rules collectors should not pursue people unrelated to the debt, let alone reveal it.",
            "Banking association guideline (2026): third parties may be contacted only when you cannot be reached, only to ask for your contact details or pass on a message, never revealing the debt; spreading private information is forbidden. Disclosing someone's information may also breach the Personal Information Protection Law and the Civil Code.",
            "'Please contact only me, not my family, friends or employer. I will discuss this with you through official channels.' Then note the call in your evidence log.",
        ),
        against=True,
    ),
    phrase(
        "violence",
        "threat",
        90,
        SOFT_VIOLENCE,
        [
            "收拾你",
            "弄死",
            "打断",
            "小心点",
            "知道你住哪",
            "知道你家在哪",
            "找人",
            "泼油漆",
            "堵门",
            "贴告示",
            "拉横幅",
            "曝光你",
            "hurt you",
            "we know where you live",
            "watch out",
        ],
        (
            "“我们知道你住哪，小心点。”",
            "这是威胁。恐吓、跟踪、堵门、张贴告示、拉横幅、扬言曝光隐私，都属于违法的“软暴力”，严重的可能构成犯罪。",
            "两高两部“软暴力”意见（2019）；《刑法》第二百九十三条（寻衅滋事）。银行业协会2026年指引禁止恐吓、威胁和在公共场所张贴催收告示。",
            "不用和对方争辩。感到危险就打110。保存录音、截图，记下时间和号码，之后向贷款机构和12378投诉。",
        ),
        (
            "'We know where you live. Watch yourself.'",
            "This is a threat. Intimidation, following, blocking your door, posting notices, hanging banners and threatening to expose your private life are illegal 'soft violence'; serious cases can be crimes.",
            "Supreme People's Court and others, opinion on 'soft violence' (2019); Criminal Law Art. 293 (picking quarrels and provoking trouble). Banking association guideline (2026): no intimidation or threats, no collection notices in public places.",
            "Do not argue. If you feel in danger, call 110. Keep recordings and screenshots, note the time and number, and complain to the lender and 12378 afterwards.",
        ),
        red_flag=True,
        against=True,
    ),
    phrase(
        "debt-transferred",
        "other",
        100,
        CIVIL_CODE_TRANSFER,
        [
            "转让",
            "卖给",
            "收购了你的",
            "我们公司接手",
            "资产管理",
            "现在归我们",
            "debt was sold",
            "transferred",
            "we bought your debt",
        ],
        (
            "“你的债已经转让给我们公司了，以后还给我们。”",
            "债权可以转让，但没有通知你的转让对你不发生效力。不能只凭来电人一句话就付钱。",
            "《民法典》第五百四十六条：债权人转让债权，未通知债务人的，该转让对债务人不发生效力。",
            "“请出示书面转让通知。我会先向原来的贷款机构官方客服核实，再决定还到哪里。”",
        ),
        (
            "'Your debt has been transferred to our company; from now on you pay us.'",
            "A debt can be transferred, but a transfer you were not told of has no effect on you. Do not pay on a caller's word alone.",
            "Civil Code Art. 546: a transfer of a claim the debtor was not notified of has no effect on the debtor.",
            "'Please show me the written notice of transfer. I will check with the original lender's official customer service before deciding where to pay.'",
        ),
    ),
    phrase(
        "paid-negotiator",
        "credit",
        110,
        FIVE_DEPT,
        [
            "停息挂账",
            "债务优化",
            "代理协商",
            "手续费",
            "服务费",
            "保证金",
            "包办",
            "全额减免",
            "debt optimisation",
            "service fee",
            "agent can negotiate",
        ],
        (
            "“交服务费，我们帮你办停息挂账、全额减免。”",
            "金融监管总局等五部门2026年联合提示：收费的“代理维权”“债务优化”“债务协商”可能违法，常见的是收钱后消失，或者盗用你的身份信息。北京金融监管局也提醒过，有人以“停息挂账”协商为名收取手续费后失联。协商还款你可以自己免费去谈。",
            "金融监管总局等五部门风险提示（2026-02-06）。任何人都不能保证贷款机构同意停息或减免。",
            "“我自己联系贷款机构的官方客服协商，不需要中介，不付任何费用。”",
        ),
        (
            "'Pay a service fee and we will get your interest frozen and the debt waived.'",
            "In 2026 five regulators, including the NFRA, jointly warned that paid 'rights agents', 'debt optimisation' and 'debt negotiation' services may be illegal; often they take the money and vanish, or misuse your identity. The Beijing office of the NFRA has also warned of people who charge a fee to 'negotiate an interest freeze' and then disappear. You can negotiate yourself, for free.",
            "Five-regulator risk alert (6 February 2026). Nobody can guarantee a lender will freeze interest or waive debt.",
            "'I will contact the lender's official customer service myself. I need no agent and will pay no fee.'",
        ),
        red_flag=True,
    ),
    phrase(
        "lawyer-letter",
        "legal",
        25,
        CBA_2026,
        ["律师函", "律师事务所", "律所", "律师团队", "lawyer's letter", "law firm"],
        (
            "“我们是某某律师事务所，受委托给你发律师函。”",
            "律师事务所可以受贷款机构委托发律师函，但律师函不是法院文书：没有法律规定的答复期限，本身不会产生判决或强制执行。它说明机构可能在准备起诉，值得认真对待，不必惊慌。",
            "银行业协会2026年指引禁止在公共场所张贴催收告示或律师函，禁止冒用司法机关名义、夸大法律后果。",
            "“请把律师函寄给我。我会向贷款机构的官方客服核实委托是否真实，并通过官方渠道商量还款方案。”",
        ),
        (
            "'We are a law firm instructed to send you a lawyer's letter.'",
            "A law firm may send a letter for the lender, but a lawyer's letter is not a court paper: the law sets no time to reply, and it cannot by itself lead to a judgment or enforcement. It may mean the lender is preparing to sue, so take it seriously, but there is no need to panic.",
            "Banking association guideline (2026): no posting collection notices or lawyer's letters in public places, no using a judicial body's name, no exaggerating legal consequences.",
            "'Please send me the letter. I will check with the lender's official customer service that the firm really acts for them, and discuss a plan through official channels.'",
        ),
    ),
    phrase(
        "freeze-accounts",
        "threat",
        35,
        FREEZE,
        [
            "冻结",
            "封你微信",
            "封微信",
            "封号",
            "冻结支付宝",
            "冻结银行卡",
            "划扣",
            "freeze your",
            "frozen",
        ],
        (
            "“不还钱就冻结你的微信、支付宝和银行卡。”",
            "催收公司、律师事务所、“调解中心”都没有权力冻结你的微信、支付宝或银行卡。只有法院在诉讼保全或强制执行中可以冻结、划拨存款，而且要先作出裁定，执行前还要发执行通知。",
            "《民事诉讼法》规定冻结、划拨财产要由法院作出裁定。银行业协会2026年指引禁止夸大法律后果、冒用司法机关名义。",
            "“如果法院有裁定，请告诉我法院和案号，我自己打12368核实。我愿意通过官方渠道商量还款。”",
        ),
        (
            "'Pay up or we freeze your WeChat, Alipay and bank cards.'",
            "Collection agencies, law firms and 'mediation centres' have no power to freeze your WeChat, Alipay or bank accounts. Only a court can freeze or take money, in a lawsuit (preservation) or in enforcement, and only after it has made a ruling; enforcement also starts with a notice.",
            "Civil Procedure Law: freezing or taking property needs a court ruling. Banking association guideline (2026): no exaggerating legal consequences, no using a judicial body's name.",
            "'If a court has made a ruling, tell me the court and the case number and I will check through 12368 myself. I am willing to discuss a plan through official channels.'",
        ),
        against=True,
    ),
    phrase(
        "mediation-centre",
        "legal",
        45,
        MEDIATION,
        ["调解中心", "调解员", "调解委员会", "调解室", "诉前调解", "mediation", "mediator"],
        (
            "“我是调解中心的调解员，今天给你调解这笔欠款。”",
            "调解要双方自愿，你可以参加，也可以不参加。在依法设立的调解组织（例如人民调解委员会）达成的调解协议有法律约束力；要直接申请法院强制执行，还需要双方在30天内一起向法院申请司法确认。贷款机构找来的“调解中心”是不是依法设立的，要自己核实。法院组织的诉前调解会有法院的正式通知，可以打12368核实。",
            "《人民调解法》第三十一条：经人民调解委员会调解达成的协议具有法律约束力；第三十三条：双方可以在30日内共同申请司法确认。",
            "“请告诉我你们调解组织的全称和登记情况，我先核实。方案请书面发给我，我看清楚再决定；钱只还到贷款机构的官方账户。”",
        ),
        (
            "'I am a mediator from the mediation centre; we will settle this debt today.'",
            "Mediation is voluntary: you may take part or not. An agreement reached through a lawfully established mediation body (such as a people's mediation committee) is binding; to be enforced by a court directly, both sides must jointly ask a court to confirm it within 30 days. Whether a 'mediation centre' brought in by a lender is lawfully established is something to check yourself. Pre-lawsuit mediation organised by a court comes with the court's formal notice, which you can check through 12368.",
            "People's Mediation Law Art. 31: an agreement reached through a people's mediation committee is legally binding; Art. 33: both sides may jointly apply for judicial confirmation within 30 days.",
            "'Please tell me your organisation's full name and how it is registered; I will check first. Send me the proposal in writing and I will decide once I have read it; I pay only into the lender's official account.'",
        ),
    ),
    phrase(
        "police-case",
        "threat",
        42,
        POLICE_THREAT,
        [
            "经侦",
            "公安",
            "报警抓你",
            "移交公安",
            "交给公安",
            "公安立案",
            "刑事立案",
            "经济犯罪",
            "police will arrest",
            "report you to the police",
        ],
        (
            "“再不还就移交经侦，按诈骗立案。”",
            "只是还不上钱，是民事欠款，不是犯罪，警察不会因此替贷款机构催债。信用卡“恶意透支”要同时满足以非法占有为目的、本金5万元以上、两次有效催收后超过3个月仍不还等条件；不能仅凭没有还款认定非法占有目的。公安机关也不会打电话办案。",
            "两高2018年的解释规定了恶意透支的条件；银行业协会2026年指引禁止夸大法律后果。",
            "“我没有逃避，我的联系方式一直有效，我愿意协商。请通过官方渠道书面告诉我欠款和方案。”",
        ),
        (
            "'Pay now or we hand you to the economic crimes police and file a fraud case.'",
            "Being unable to pay is a civil debt, not a crime, and the police do not collect debts for lenders. Criminal 'malicious overdraft' on a card needs intent to take the money, at least ¥50,000 of principal, more than 3 months unpaid after two effective collection attempts, and more; intent may not be inferred from non-payment alone. Police do not handle cases by phone either.",
            "The 2018 interpretation of the two supreme judicial bodies sets the conditions for malicious overdraft; the banking association guideline (2026) forbids exaggerating legal consequences.",
            "'I am not hiding, my contact details work and I want to agree a plan. Please tell me the amount and the options in writing through official channels.'",
        ),
        against=True,
    ),
    phrase(
        "justice-office",
        "legal",
        46,
        LEGAL_AID_12348,
        ["司法所", "司法局", "司法调解", "司法部门", "justice bureau", "justice office"],
        (
            "“我们已经把你的欠款交给当地司法所处理了。”",
            "司法所、司法局是政府的司法行政部门，办法律援助、人民调解等，不是贷款机构，也不是法院，不会替贷款机构催债或收钱。有人以“司法所”“司法部门”的名义要你还钱，多半是吓唬你或冒用名义。可以自己打12348，或查当地司法局的官方电话核实。",
            "银行业协会2026年指引禁止冒用行政机关、司法机关的名义催收。",
            "“我会自己打12348向司法局核实。还款的事，请贷款机构通过官方渠道和我联系。”",
        ),
        (
            "'Your debt has been handed to the local justice office.'",
            "Justice offices and justice bureaux are government bodies for legal aid, people's mediation and the like. They are not lenders or courts, and do not collect debts or money for lenders. Someone using a 'justice office' to press you to pay is most likely trying to scare you or misusing the name. Check yourself by calling 12348 or your local justice bureau's official number.",
            "Banking association guideline (2026): collectors must not use the name of an administrative or judicial body.",
            "'I will check with the justice bureau myself on 12348. About repayment, please have the lender contact me through official channels.'",
        ),
        against=True,
    ),
]

# "This is too much": three safe things to do today for someone who has not answered the
# check yet (with answers, the page shows their own three from check_answers.today_actions).
TOO_MUCH = [
    Seed(
        "Checklist",
        {"slug": "too-much"},
        {
            "title_zh_hans": "今天只做这三件事就够了",
            "title_en": "Three things are enough for today",
            "intro_zh_hans": "其他的可以明天再说。",
            "intro_en": "Everything else can wait until tomorrow.",
            **sourced(*CBA_2026),
        },
    ),
    step(
        "too-much",
        "official-only",
        10,
        FIVE_DEPT,
        (
            "钱只还到贷款机构官方App或合同里写的官方账户。不要转给私人账户，也不要付钱给说能“帮你协商”“停息挂账”的中介。",
            "Pay only through the lender's official app or the official account in your contract. Never pay a personal account, or a go-between who offers to 'negotiate for you' or 'freeze the interest'.",
        ),
        ("", ""),
        (
            "金融监管总局等五部门在2026年2月专门提醒过收费“代理维权”的陷阱。有疑问，自己打机构官方客服问。",
            "Five regulators, including the NFRA, warned about paid 'rights agents' in February 2026. If in doubt, call the lender's official customer service yourself.",
        ),
    ),
    step(
        "too-much",
        "door-shut",
        20,
        CIVIL_CODE_HOME,
        (
            "有人上门，不用开门。隔着门问清是谁、哪家机构派来的；感到危险，马上打110。",
            "If someone comes to your door, you do not have to open it. Ask through the door who they are and who sent them; if you feel in danger, call 110 at once.",
        ),
        ("", ""),
        ("", ""),
    ),
    step(
        "too-much",
        "write-down",
        30,
        COMPLAINTS,
        (
            "把每次催收电话或上门记下来：日期、时间、号码或工号、对方说了什么。",
            "Write down every collection call or visit: the date, the time, the number or staff ID, and what was said.",
        ),
        ("", ""),
        (
            "以后向贷款机构投诉时用得上：机构一般要在15天内处理并答复。",
            "It helps if you complain to the lender later: the lender must normally answer within 15 days.",
        ),
    ),
]

SEEDS = [
    *CHANNELS,
    *PAPERS,
    *PAPER_FACTS,
    *AFTER_VISIT_FACTS,
    *RELATIVE_FACTS,
    *STEP_LISTS,
    *STEPS,
    *PHRASES,
    *TOO_MUCH,
]
