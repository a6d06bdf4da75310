"""What the site must never claim, and hints for plain Chinese (no Django).

Editors write the content; this module reads a text and says which sentences state, as a
claim, something our research says is false or unsupported (shared/domain-facts.md §7 and
Appendix A): a percentage chance of a visit, "一定会上门", a right to 60 instalments on an
online loan, "征信修复" as a service, a "黑名单" for being overdue alone, fixed timelines.

A *warning* about the same thing is what the site should say, so it is not flagged:
"不要相信征信修复", "征信修复是骗局", "逾期不会让你上黑名单". A clause counts as a warning
when a negation or warning word comes before the phrase, or a debunking phrase after it.
Each rule names the points of domain-facts §7 it guards; every point has at least one.
Traditional Chinese is read through its Simplified form.

It also gives readability hints (long sentences, legal jargon). Hints never block anything.

It checks source fields too: a borrower-readable source title (no internal labels such as
"domain-facts §4") and whether a link's host is on a list of blocked domains.

>>> [f.code for f in never_claims("拖着不还，一定会上门")]
['certain-visit']
>>> never_claims("不要相信征信修复")
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from advisor.rules.hant import to_simplified


@dataclass(frozen=True)
class Finding:
    code: str
    phrase: str  # the words that matched, as written
    message: str  # why it must not be said, in plain Chinese for editors


@dataclass(frozen=True)
class _Rule:
    code: str
    items: tuple[int, ...]  # the points of domain-facts §7 it guards
    pattern: re.Pattern[str]
    message: str
    # A claim that itself says "not" ("调解协议没有约束力"): only words before it make a warning.
    negative: bool = False
    # Whether "违法/违规/骗局" after the phrase debunks it. Not for "上门催收是违法的".
    debunked_after: bool = True


def _rule(
    code: str,
    items: tuple[int, ...],
    pattern: str,
    message: str,
    *,
    negative: bool = False,
    debunked_after: bool = True,
) -> _Rule:
    return _Rule(code, items, re.compile(pattern, re.IGNORECASE), message, negative, debunked_after)


_N = r"[\d一二三两四五六七八九十几]+"  # a number, in figures or words
_ARTICLE = r"第\s*[\d一二三四五六七八九十百零〇]+\s*条"
_GAP = r"[^。；;！？!?\n]"  # anything inside one clause

RULES: tuple[_Rule, ...] = (
    _rule(
        "right-to-60",
        (1,),
        r"(网贷|网络贷款|借呗|花呗|微粒贷|消费金融|所有(的)?贷款)[^。；;\n]{0,20}?"
        r"(有权|都能|都可以|依法|必须同意|应当同意)[^。；;\n]{0,12}?(60期|60个月|五年|5年|个性化分期|停息挂账)"
        r"|(有权|依法有权)(要求|申请)?[^。；;\n]{0,6}?(60期|停息挂账|免息)"
        r"|\b(right|entitled) to (60|sixty)[- ]month",
        "不能说借款人有权要求60期、停息挂账或免息：只有信用卡有第七十条，而且银行“可以”同意，不是必须（§7.1）。",
    ),
    _rule(
        "convention-hours",
        (2,),
        r"公约[^。；;\n]{0,16}?(8[:：]00|21[:：]00|22[:：]00|晚上\s*\d+\s*点)"
        r"|(每天|一天)(最多|只能|不得超过|不能超过)\s*(3|三)\s*(次|个)电话"
        r"|\b(at most|no more than) (3|three) calls a day",
        "2018年互金协会公约没有规定钟点；22:00–8:00出自其他文件，要写明是哪一份。“每天最多3次电话”也不是普遍规定（§7.2）。",
    ),
    _rule(
        "visit-staffing",
        (3,),
        r"(必须|一定要|应当|要求)(是)?(两|2|二)\s*(个)?人(一起)?上门"
        r"|上门" + _GAP + r"{0,8}?(必须|应当|一定)(是)?(两|2|二)\s*(个)?人"
        r"|(必须|应当|一定会)(提前|事先)"
        + _GAP
        + r"{0,8}?(通知|告知|打电话)"
        + _GAP
        + r"{0,6}?(才能|再)?上门"
        r"|(必须|应当)(出示|携带|带)" + _GAP + r"{0,6}?(盖章的|盖公章的)?(授权书|委托书)"
        r"|\bmust (come in pairs|give (you )?(advance )?notice before visiting|carry a stamped)",
        "没有规定要求两人上门、提前通知或带盖章授权书（§1.10、§7.3）。",
    ),
    _rule(
        "visit-percentage",
        (4, 11),
        r"(上门|外访|催收|起诉|visit)[^。；;\n]{0,20}?\d+(\.\d+)?\s*[%％]"
        r"|\d+(\.\d+)?\s*[%％][^。；;\n]{0,12}?(上门|外访|概率|可能性|chance|likelihood)",
        "不能给出上门、起诉的百分比或概率：没有可靠的统计，行业网页上的数字是编造的（§7.4、§7.11）。",
    ),
    _rule(
        "certain-visit",
        (4,),
        r"(一定|肯定|必然|必定|100%|百分之百)(会|要|将)?(有人|派人)?(被)?(上门|外访|起诉|坐牢|被抓|拘留)"
        r"|\b(will definitely|will certainly) (visit|come|sue)",
        "不能说一定会上门或起诉：各机构做法不同，只能说可能性（§3.4、§7.4）。",
    ),
    _rule(
        "interest-cap-36",
        (5,),
        r"(利率|利息)(的)?(法定)?上限(是|为)?\s*36\s*[%％]|36\s*[%％][^。；;\n]{0,6}?(法定)?上限"
        r"|(利率|利息)(的)?(法定)?上限(是|为)?\s*(4|四)倍\s*LPR",
        "36%不是消费贷款的法定利率上限，是非法放贷的刑事界线之一；4倍LPR管的是民间借贷（§7.5）。",
    ),
    _rule(
        "credit-repair-service",
        (6, 12),
        r"(征信修复|修复征信|征信洗白|洗白征信|消除逾期记录|删除(不良|逾期)记录|(?<!one-time )credit repair)",
        "不能把“征信修复”“洗白”说成一项服务：人民银行2025年那次一次性政策已经结束，此外没人能改动正确记录，真有错只能免费异议（§5.2、§7.6）。",
    ),
    _rule(
        "blacklist-for-overdue",
        (7,),
        r"逾期[^。；;\n]{0,12}?(黑名单|失信(被执行人)?名单|坐牢|被抓|拘留)"
        r"|\boverdue\b[^.;\n]{0,20}?(blacklist|jail|prison|arrest)",
        "不能说逾期就会进“黑名单”、失信名单或被抓：失信名单要有生效的法律文书（判决、支付令、仲裁裁决等）并有能力履行而拒不履行（§7.7）。",
    ),
    _rule(
        "all-contact-illegal",
        (8,),
        r"(联系|打电话给|找)(你的)?(家人|亲友|亲戚|朋友|同事|单位|紧急联系人)" + _GAP + r"{0,4}?"
        r"(都是|就是|一律|全都|都)?(违法|犯法|非法)"
        r"|\b(contacting|calling) (your )?(family|relatives|friends|employer)[^.;\n]{0,12}?\bis (always )?(illegal|against the law)",
        "不能说联系亲友、单位一律违法：联系不上借款人时可以有限地联系，但不能透露欠款、不能施压（§1.9、§7.8）。",
        debunked_after=False,
    ),
    _rule(
        "unconfirmed-hotline",
        (9,),
        r"(京东金融|京东白条|京东金条|度小满|有钱花|招联|马上消费|安逸花|美团)" + _GAP + r"{0,8}?"
        r"(客服|热线|电话)(号码)?(是|为|：|:)?\s*\d[\d\- ]{3,}",
        "这些机构的客服号码我们没有核实：请让借款人去官方App、合同里找（§4、§7.9）。",
    ),
    _rule(
        "fixed-timeline",
        (10,),
        r"逾期\s*\d+\s*(天|日|个月)(以后|之后|后)?(就|会|将|必然|一定){1,2}(被)?(起诉|委外|上门|外访|上征信)",
        "不能写固定的时间表（例如“逾期90天就委外”“6个月就起诉”）：各机构不同（§7.10）。",
    ),
    _rule(
        "paid-stop-collection",
        (12,),
        r"(交|付)(钱|费|服务费|手续费|咨询费)"
        + _GAP
        + r"{0,12}?(就能|就可以|可以|帮你)"
        + _GAP
        + r"{0,8}?"
        r"(停催|停止催收|加快协商|消除记录|删除记录|包过)"
        r"|(百分百|100%)\s*停催|\bstop collection 100%",
        "不能说付费给第三方就能停催、加快协商或删记录：监管点名这是违法“代理维权”（§5.2、§7.12）。",
    ),
    _rule(
        "new-article-numbers",
        (13, 23),
        r"(新|修订后的?|2025年修订的?|2026年施行的?)《?(治安管理处罚法|仲裁法)》?"
        + _GAP
        + r"{0,8}?"
        + _ARTICLE
        + r"|《?(治安管理处罚法|仲裁法)》?（(2025|2026)[^）]*）"
        + _ARTICLE
        + r"|(消费投诉处理管理办法)》?"
        + _GAP
        + r"{0,4}?"
        + _ARTICLE
        + _GAP
        + r"{0,10}?(15|十五)日",
        "修订后的治安管理处罚法、仲裁法的新条文序号，以及投诉办法时限条款的序号，我们都没有核实：按内容引用（§7.13、§7.23）。",
    ),
    _rule(
        "mediation-enforcement",
        (14,),
        r"调解协议" + _GAP + r"{0,6}?(可以|能)?(直接)(申请)?(法院)?(强制)?执行"
        r"|调解(协议|中心)" + _GAP + r"{0,8}?(没有|不具有|不具备|无)(任何)?(法律)?(约束力|效力)"
        r"|\bmediation agreement (can|may) be enforced directly|\bmediation agreement is not binding",
        "调解协议有法律约束力，但要经过司法确认才能直接申请法院强制执行（人民调解法第31、33条，§7.14）。",
        negative=True,
    ),
    _rule(
        "days-until-visit",
        (15,),
        _N
        + r"\s*(天|日|周|个?星期|个月)"
        + _GAP
        + r"{0,8}?(就会|会|还会|再次?)\s*(上门|再来|外访|家访)"
        r"|\b(visit|come back)\b[^.;\n]{0,20}?\bwithin \d+ (days|weeks)",
        "没有任何规定说多少天后会上门或再来（§3.4、§8.12、§7.15）。",
    ),
    _rule(
        "debt-expires",
        (16,),
        r"(3|三)\s*年" + _GAP + r"{0,8}?(自动|自然|就)(过期|失效|不用还|消失|作废|清零)"
        r"|(诉讼时效|时效)" + _GAP + r"{0,8}?(过了|到了|届满)" + _GAP + r"{0,4}?(就)?(不用还|自动)"
        r"|\bdebts? (automatically )?expires?\b|\bno longer (have to pay|owe)\b[^.;\n]{0,20}?(3|three) years",
        "欠款不会3年后自动“过期”：催收、扣款、部分还款、答应还款都会让时效重新计算，法院也不会主动适用时效（§8.3、§7.16）。",
    ),
    _rule(
        "payment-order-objection",
        (17,),
        r"(打电话|电话|口头)" + _GAP + r"{0,8}?异议" + _GAP + r"{0,4}?(也|就)?(可以|行|算数?|有效)"
        r"|(没钱|还不起|没能力|没有能力|暂时还不上)"
        + _GAP
        + r"{0,12}?(就|也)?(可以|能)"
        + _GAP
        + r"{0,6}?(异议|让支付令失效)"
        r"|\b(object|objection)\b[^.;\n]{0,20}?\bby (phone|telephone)\b",
        "支付令的异议必须是书面的，并且要对欠款本身提出；只说没钱还不影响支付令（解释第436条，§7.17）。",
    ),
    _rule(
        "pay-the-transferee",
        (18,),
        r"转让"
        + _GAP
        + r"{0,12}?(就|必须|就得|只能)(还给|付给|向)"
        + _GAP
        + r"{0,6}?(新|受让|他们|我们|对方)"
        r"|\b(sold|transferred)\b[^.;\n]{0,30}?\b(must|have to) pay (them|us|the new)",
        "不能说债权转让后就必须付给自称受让的人：没有通知你的转让对你不发生效力，要先向原机构核实（民法典第546条，§7.18）。",
    ),
    _rule(
        "court-officer-on-their-word",
        (19,),
        r"(自称|说是|说自己是)(法院|执行局|法官|执行员)"
        + _GAP
        + r"{0,10}?(就是|肯定是|一定是)(真的|法院)"
        r"|(收到|寄来)的(法院)?(文书|传票)(就是|肯定是|一定是)真的"
        r"|\bif they say they are from the court,? they are",
        "不能凭对方自称就认定是法院工作人员或真文书：执行员要出示证件，要通过12368等核实（§7.19）。",
    ),
    _rule(
        "judgments-site-proves-nothing",
        (20,),
        r"裁判文书网"
        + _GAP
        + r"{0,16}?(查不到|没有|搜不到|找不到)"
        + _GAP
        + r"{0,10}?(?<![不并])(就|说明|证明|代表)"
        + _GAP
        + r"{0,6}?(没有|没)被?(起诉|判决|官司|案子)"
        r"|\bnot (on|in) China Judgements Online\b[^.;\n]{0,20}?\bmeans",
        "裁判文书网查不到，不能说明没有起诉或判决：不是每份判决都公开（§8.2、§7.20）。",
        negative=True,
    ),
    _rule(
        "free-or-always-open-line",
        (21,),
        r"免费(的)?(电话|热线|求助电话|号码)"
        r"|(12356|12378|心理援助热线)" + _GAP + r"{0,10}?(24\s*小时|全天候?|免费(拨打)?)"
        r"|\bfree (hotline|helpline|numbers?|calls?)\b|\btoll-free\b"
        r"|\b(12356|12378)\b[^.;\n]{0,20}?(24 ?hours|24/7|free of charge)",
        "不能说这些电话免费或24小时有人接：12356服务免费但可能收话费、服务时间各地不同（§8.1、§7.21）。",
    ),
    _rule(
        "small-loans-to-12378",
        (21,),
        r"(小额贷款公司|小贷公司|小贷)"
        + _GAP
        + r"{0,12}?(可以|也可以|能|应该)(打|拨打|向)?\s*12378"
        r"|12378(也|可以|能)(受理|管)" + _GAP + r"{0,4}?(小额贷款|小贷)",
        "12378是否受理小额贷款公司的投诉，我们没有查到确定的说法：小贷由地方金融管理部门监管（§8.5、§7.21）。",
    ),
    _rule(
        "guideline-status",
        (21,),
        r"(互金协会|互联网金融协会|NIFA)"
        + _GAP
        + r"{0,20}?(指引|2024)"
        + _GAP
        + r"{0,10}?(已经|已)(被)?(废止|废除|作废|失效)"
        r"|(GB/T\s*45251|国家标准|行业(协会)?(指引|规则|公约))"
        + _GAP
        + r"{0,10}?(是|属于)(法律|强制性)"
        r"|\bNIFA\b[^.;\n]{0,40}?\b(repealed|abolished)\b"
        r"|\b(GB/T 45251|guidelines?)\b[^.;\n]{0,20}?\b(is|are) (the )?law\b",
        "互金协会2024年指引没有查到正式废止；GB/T 45251和协会指引是推荐性标准和自律规则，不是法律（§8.11、§7.21）。",
    ),
    _rule(
        "bankruptcy-for-all",
        (22,),
        r"个人破产" + _GAP + r"{0,12}?(全国|任何人|所有人|人人|都可以)"
        r"|(全国|各地|任何人|谁都)" + _GAP + r"{0,6}?(都)?(可以|能)(申请)?个人破产"
        r"|\b(anyone|everyone|nationwide|across China)\b[^.;\n]{0,30}?personal bankruptcy"
        r"|\bpersonal bankruptcy\b[^.;\n]{0,30}?\b(anyone|nationwide|everywhere)\b",
        "个人破产只有深圳的条例，有居住和社保条件；浙江的个人债务集中清理也不是权利（§8.8、§7.22）。",
    ),
    _rule(
        "visits-illegal",
        (),
        r"(上门催收|上门|外访|家访|催收人员上门)(本身)?(都是|就是|是|属于|都属于|都)?(违法|非法|不合法|犯法)"
        r"|(法律)?(禁止|不允许|不准)(上门催收|外访|家访)"
        r"|\b(home|door(step)?|house|collection) visits?\b[^.;\n]{0,20}?\b(are|is) (always )?(illegal|unlawful|against the law|banned|forbidden)\b"
        r"|\bvisiting (your|a) (home|house)\b[^.;\n]{0,20}?\bis (illegal|unlawful|against the law)\b",
        "上门催收本身没有被禁止：违法的是未经同意进门、威胁、夜间上门、张贴告示等做法（§1.10）。说“上门催收违法”会让借款人误判处境。",
        negative=True,
        debunked_after=False,
    ),
)

# Every point of domain-facts §7 has a rule (the tests read this to write one case per point).
SECTION_7_ITEMS = tuple(range(1, 24))

# Words that, before the phrase in the same clause, turn it into a warning or a denial.
_BEFORE = re.compile(
    r"不要|别|不存在|没有|不会|不是|不能|不得|不可能|不代表|不等于|不意味着|并非|并不|谨防|警惕|小心|当心|所谓|声称|号称|"
    r"承诺|冒充|骗|假|禁止|提示|提醒|警示|拿.{0,4}吓|吓唬|不一定|是否|不算|无效|\bpromis|\bnot\b|\bno\b|\bnever\b|\bfake\b|\bscam|warn|n't\b",
    re.IGNORECASE,
)
# Words that, after the phrase in the same clause, debunk it.
_AFTER = re.compile(
    r"是骗局|是骗子|是假的|是陷阱|是错的|不存在|违法|违规|禁止|吓唬|吓你|不可信|不对|不是真的|"
    r"不要相信|不要信|别信|is a scam|does not exist|illegal|scam|is wrong|is false",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[。！？!?；;\n]|\.\s")


def _clauses(text: str) -> Iterable[str]:
    return (part for part in _CLAUSE_END.split(text) if part.strip())


def never_claims(text: str) -> list[Finding]:
    """The phrases in ``text`` that state, as a claim, something we must never claim.

    Traditional Chinese is read through its Simplified form, so one rule serves both.

    >>> [f.code for f in never_claims("上門催收是違法的")]
    ['visits-illegal']
    """
    found: list[Finding] = []
    for clause in _clauses(to_simplified(text or "")):
        for rule in RULES:
            for match in rule.pattern.finditer(clause):
                # A negation inside the match counts too ("逾期不会让你上黑名单"), unless the
                # claim itself is a negation ("调解协议没有约束力").
                before = clause[: match.start() if rule.negative else match.end()]
                after = clause[match.end() :]
                if _BEFORE.search(before) or (rule.debunked_after and _AFTER.search(after)):
                    continue
                found.append(Finding(rule.code, match.group(), rule.message))
    return found


# --- readability ---------------------------------------------------------------------------

LONG_SENTENCE_CHARS = 60
JARGON: tuple[str, ...] = (
    "之日起",
    "债权人",
    "债务人",
    "予以",
    "不予",
    "鉴于",
    "依据相关规定",
    "相关规定",
    "责令",
    "抗辩",
    "履行义务",
    "该等",
    "上述",
    "系指",
    "兹",
    "特此",
)
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE_END = re.compile(r"[。！？!?\n]")


def readability_hints(text: str) -> list[str]:
    """Plain-Chinese hints for editors: long sentences and legal jargon (never blocking)."""
    hints: list[str] = []
    for sentence in _SENTENCE_END.split(text or ""):
        length = len(_HAN.findall(sentence))
        if length > LONG_SENTENCE_CHARS:
            start = sentence.strip()[:12]
            hints.append(f"句子太长（{length}字）：“{start}…”。试着拆成两三句短句。")
    for word in JARGON:
        if word in (text or ""):
            hints.append(f"“{word}”是法律或公文用语，借款人可能看不懂，试着换成日常说法。")
    return hints


# --- sources -------------------------------------------------------------------------------

# Labels from our own research notes that mean nothing to a borrower.
_INTERNAL = re.compile(r"domain-facts|§|\bTODO\b|\bTBD\b|internal|内部笔记|研究笔记|待补", re.I)


def source_title_problem(title: str) -> str:
    """Why a source title cannot be shown to a borrower, or "" when it can."""
    if not (title or "").strip():
        return "请填写来源名称：借款人要能看懂它是哪份文件或哪篇报道。"
    if _INTERNAL.search(title):
        return "来源名称里有内部标签（例如“domain-facts §4”）。请写借款人能看懂的文件或报道名称。"
    if len(_HAN.findall(title)) < 4 and len(title.strip()) < 12:
        return "来源名称太短，借款人看不出是哪份文件。请写完整的名称。"
    return ""


def host_of(url: str) -> str:
    """The lower-case host of a URL, without "www." (empty when there is none)."""
    host = (urlsplit((url or "").strip()).hostname or "").lower().rstrip(".")
    return host[4:] if host.startswith("www.") else host


def listed_domain(url: str, domains: Iterable[str]) -> str:
    """The listed domain ``url`` belongs to (the domain itself or any subdomain), or "".

    >>> listed_domain("https://zxgk.court.gov.cn/", ["gov.cn"])
    'gov.cn'
    >>> listed_domain("https://gov.cn.example.com/", ["gov.cn"])
    ''
    """
    host = host_of(url)
    if not host:
        return ""
    for domain in domains:
        domain = domain.strip().lower().rstrip(".").removeprefix("www.")
        if domain and (host == domain or host.endswith("." + domain)):
            return domain
    return ""


def blocked_domain(url: str, blocked: Iterable[str]) -> str:
    """The blocked domain ``url`` belongs to, or "" (see ``listed_domain``)."""
    return listed_domain(url, blocked)


def trusted_domain(url: str, trusted: Iterable[str]) -> str:
    """The trusted domain ``url`` belongs to, or "" when it is on no trusted domain."""
    return listed_domain(url, trusted)
