"""What the site must never claim, and hints for plain Chinese (no Django).

Editors write the content; this module reads a text and says which sentences state, as a
claim, something our research says is false or unsupported (shared/domain-facts.md §7 and
Appendix A): a percentage chance of a visit, "一定会上门", a right to 60 instalments on an
online loan, "征信修复" as a service, a "黑名单" for being overdue alone, fixed timelines.

A *warning* about the same thing is what the site should say, so it is not flagged:
"不要相信征信修复", "征信修复是骗局", "逾期不会让你上黑名单". A clause counts as a warning
when a negation or warning word comes before the phrase, or a debunking phrase after it.

It also gives readability hints (long sentences, legal jargon). Hints never block anything.

It checks source fields too: a borrower-readable source title (no internal labels such as
"domain-facts §4") and whether a link's host is on a list of blocked domains.

>>> [f.code for f in never_claims("逾期三个月一定会上门")]
['certain-visit']
>>> never_claims("不要相信征信修复")
[]
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Finding:
    code: str
    phrase: str  # the words that matched, as written
    message: str  # why it must not be said, in plain Chinese for editors


@dataclass(frozen=True)
class _Rule:
    code: str
    pattern: re.Pattern[str]
    message: str


def _rule(code: str, pattern: str, message: str) -> _Rule:
    return _Rule(code, re.compile(pattern, re.IGNORECASE), message)


RULES: tuple[_Rule, ...] = (
    _rule(
        "visit-percentage",
        r"(上门|外访|催收|起诉|visit)[^。；;\n]{0,20}?\d+(\.\d+)?\s*[%％]"
        r"|\d+(\.\d+)?\s*[%％][^。；;\n]{0,12}?(上门|外访|概率|可能性|chance|likelihood)",
        "不能给出上门、起诉的百分比或概率：没有可靠的统计，行业网页上的数字是编造的（§7.4、§7.11）。",
    ),
    _rule(
        "certain-visit",
        r"(一定|肯定|必然|必定|100%|百分之百)(会|要|将)?(有人|派人)?(被)?(上门|外访|起诉|坐牢|被抓|拘留)"
        r"|\b(will definitely|will certainly) (visit|come|sue)",
        "不能说一定会上门或起诉：各机构做法不同，只能说可能性（§3.4、§7.4）。",
    ),
    _rule(
        "right-to-60",
        r"(网贷|网络贷款|借呗|花呗|微粒贷|消费金融|所有(的)?贷款)[^。；;\n]{0,20}?"
        r"(有权|都能|都可以|依法|必须同意|应当同意)[^。；;\n]{0,12}?(60期|60个月|五年|5年|个性化分期|停息挂账)"
        r"|(有权|依法有权)(要求|申请)?[^。；;\n]{0,6}?(60期|停息挂账|免息)",
        "不能说借款人有权要求60期、停息挂账或免息：只有信用卡有第七十条，而且银行“可以”同意，不是必须（§7.1）。",
    ),
    _rule(
        "credit-repair-service",
        r"(征信修复|修复征信|征信洗白|洗白征信|消除逾期记录|删除(不良|逾期)记录|(?<!one-time )credit repair)",
        "不能把“征信修复”“洗白”说成一项服务：人民银行说不存在这种说法，真有错只能免费异议（§5.2、§7.6）。",
    ),
    _rule(
        "blacklist-for-overdue",
        r"逾期[^。；;\n]{0,12}?(黑名单|失信(被执行人)?名单|坐牢|被抓|拘留)",
        "不能说逾期就会进“黑名单”、失信名单或被抓：失信名单要有生效判决并有能力履行而拒不履行（§7.7）。",
    ),
    _rule(
        "fixed-timeline",
        r"逾期\s*\d+\s*(天|日|个月)(以后|之后|后)?(就|会|将|必然|一定){1,2}(被)?(起诉|委外|上门|外访|上征信)",
        "不能写固定的时间表（例如“逾期90天就委外”“6个月就起诉”）：各机构不同（§7.10）。",
    ),
    _rule(
        "convention-hours",
        r"公约[^。；;\n]{0,16}?(8[:：]00|21[:：]00|22[:：]00|晚上\s*\d+\s*点)",
        "2018年互金协会公约没有规定钟点；22:00–8:00出自其他文件，要写明是哪一份（§7.2）。",
    ),
    _rule(
        "interest-cap-36",
        r"(利率|利息)(的)?(法定)?上限(是|为)?\s*36\s*[%％]|36\s*[%％][^。；;\n]{0,6}?(法定)?上限",
        "36%不是消费贷款的法定利率上限，是非法放贷的刑事界线之一（§7.5）。",
    ),
)

# Words that, before the phrase in the same clause, turn it into a warning or a denial.
_BEFORE = re.compile(
    r"不要|别|不存在|没有|不会|不是|不能|不得|不可能|不代表|不等于|不意味着|并非|并不|谨防|警惕|小心|当心|所谓|声称|号称|"
    r"承诺|冒充|骗|假|禁止|提示|提醒|警示|拿.{0,4}吓|吓唬|\bnot\b|\bno\b|\bnever\b|\bfake\b|\bscam|warn",
    re.IGNORECASE,
)
# Words that, after the phrase in the same clause, debunk it.
_AFTER = re.compile(
    r"是骗局|是骗子|是假的|是陷阱|是错的|不存在|违法|违规|禁止|吓唬|吓你|不可信|is a scam|does not exist|illegal|scam",
    re.IGNORECASE,
)
_CLAUSE_END = re.compile(r"[。！？!?；;\n]|\.\s")


def _clauses(text: str) -> Iterable[str]:
    return (part for part in _CLAUSE_END.split(text) if part.strip())


def never_claims(text: str) -> list[Finding]:
    """The phrases in ``text`` that state, as a claim, something we must never claim."""
    found: list[Finding] = []
    for clause in _clauses(text or ""):
        for rule in RULES:
            for match in rule.pattern.finditer(clause):
                # A negation inside the match counts too ("逾期不会让你上黑名单").
                before, after = clause[: match.end()], clause[match.end() :]
                if _BEFORE.search(before) or _AFTER.search(after):
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
