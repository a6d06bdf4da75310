"""Letters: the fixed placeholder set, filling a template, and the text rules. Pure Python.

Letter templates are editor-managed plain text. Editors (and borrowers) never get any
template-language power: the only thing this module does with a template is replace the
placeholders listed in ``PLACEHOLDERS``, in a single pass, by plain string replacement.

- A placeholder is written in square brackets, in Chinese or in English:
  ``[姓名]`` or ``[Name]``. The list is fixed (``PLACEHOLDERS``); anything else in square
  brackets is left exactly as written.
- Values are inserted as they are, once. A value that itself looks like a placeholder
  (a borrower typing "[姓名]" into the address box) is NOT expanded again.
- A placeholder with no value becomes a blank line to fill in by hand (``BLANK``).
- ``{{ }}``, ``{% %}`` and ``<script>`` mean nothing here: the result is plain text, and
  each output escapes it for its own format (Django autoescaping for the web page and the
  PDF, XML escaping by python-docx for Word). Nothing ever renders the text as a template.
- The first line of a letter is its title (``split_title``); a blank line starts a paragraph.

Personal details (name, ID, phone, address, contract number) pass through here only as
arguments. This module stores nothing and logs nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from advisor.rules.money import format_yuan
from advisor.rules.plan import Run
from advisor.rules.tracker import Clock, How, Kind, Said, Step, To, deadline

BLANK = "________"
MAX_LETTER_CHARS = 20000
MAX_FIELD_CHARS = 2000
TITLE_MAX_CHARS = 80

# Where a placeholder's value comes from.
PERSONAL = "personal"  # typed on the letter page; never stored, never logged
JOURNEY = "journey"  # from the guided check (editable on the letter page)
PLAN = "plan"  # from the repayment plan (editable on the letter page)
TYPED = "typed"  # typed on the letter page (details of this letter)
AUTO = "auto"  # filled in by the site (today's date, the attachment list)
TRACKER = "tracker"  # from the follow-through tracker (editable on the letter page)


def _(text: str) -> str:
    """Marks a borrower-facing text for translation; the letter form translates it when shown."""
    return text


@dataclass(frozen=True)
class Choice:
    """One answer to a placeholder the borrower picks rather than types: ``label`` on the
    form, ``zh`` / ``en`` the sentence it puts into a letter in that language."""

    value: str
    label: str
    zh: str
    en: str


@dataclass(frozen=True)
class Placeholder:
    """Everything about one placeholder, in one row.

    ``help_zh`` / ``help_en`` explain it to editors (admin); ``label``, ``hint``,
    ``required_message`` and ``autocomplete`` make its box on the borrower's letter page;
    ``sample_zh`` / ``sample_en`` fill the admin preview with obviously made-up values.
    """

    key: str
    zh: str  # the token editors write in Chinese templates, without brackets
    en: str  # the token editors write in English templates, without brackets
    source: str
    help_zh: str
    help_en: str
    label: str = ""
    hint: str = ""
    required_message: str = ""  # set: the borrower must fill it in
    autocomplete: str = "off"
    sample_zh: str = ""
    sample_en: str = ""
    long: bool = False  # a multi-line answer (a text area on the form)
    choices: tuple[Choice, ...] = ()  # set: the borrower picks one (radio buttons)

    def chosen(self, value: str, language: str = "zh-hans") -> str:
        """The letter's sentence for a picked ``value`` ("" when it is not one of ours)."""
        for choice in self.choices:
            if choice.value == value:
                return choice.en if language.startswith("en") else choice.zh
        return ""


PLACEHOLDERS: tuple[Placeholder, ...] = (
    Placeholder(
        "name",
        "姓名",
        "Name",
        PERSONAL,
        help_zh="借款人姓名（借款人在信件页填写，不保存）",
        help_en="Borrower's name (typed on the letter page, never stored)",
        label=_("你的姓名"),
        hint=_("只用于这封信。网站不会保存你的姓名。"),
        required_message=_("请填写你的姓名，信上需要写明是谁寄出的"),
        autocomplete="name",
        sample_zh="张三（示例）",
        sample_en="Zhang San (sample)",
    ),
    Placeholder(
        "id_number",
        "身份证号",
        "ID number",
        PERSONAL,
        help_zh="身份证号，自动隐去中间几位",
        help_en="ID number, middle digits masked automatically",
        label=_("身份证号"),
        hint=_("可以留空。填完整的号码时，网站会自动只保留前4位和后4位。"),
        sample_zh="1101**********1234",
        sample_en="1101**********1234",
    ),
    Placeholder(
        "phone",
        "电话",
        "Phone",
        PERSONAL,
        help_zh="借款人的联系电话",
        help_en="Borrower's phone number",
        label=_("你的手机号"),
        hint=_("可以留空，打印后手写。"),
        autocomplete="tel",
        sample_zh="138 0000 0000",
        sample_en="138 0000 0000",
    ),
    Placeholder(
        "address",
        "地址",
        "Address",
        PERSONAL,
        help_zh="借款人的通信地址",
        help_en="Borrower's postal address",
        label=_("通信地址"),
        hint=_("可以留空。需要对方邮寄回复时再填。"),
        autocomplete="street-address",
        long=True,  # street-address is valid only on a multi-line box
        sample_zh="某省某市某区某路1号",
        sample_en="1 Sample Road, Sample City",
    ),
    Placeholder(
        "contract",
        "合同编号",
        "Contract number",
        PERSONAL,
        help_zh="借款合同号、卡号后四位或账户号",
        help_en="Loan contract, account or last four card digits",
        label=_("合同编号或卡号后四位"),
        hint=_("在借款合同、App的借款记录或账单上可以找到。可以留空。"),
        sample_zh="尾号1234",
        sample_en="ending 1234",
    ),
    Placeholder(
        "lender",
        "贷款机构",
        "Lender",
        JOURNEY,
        help_zh="贷款机构名称（来自评估，可修改）",
        help_en="Lender's name (from the check, editable)",
        label=_("贷款机构名称"),
        hint=_("写全称，例如“招商银行信用卡中心”。"),
        sample_zh="示例银行信用卡中心",
        sample_en="Sample Bank card centre",
    ),
    Placeholder(
        "amount",
        "逾期金额",
        "Amount overdue",
        JOURNEY,
        help_zh="欠款金额（来自评估，可修改）",
        help_en="Amount owed (from the check, editable)",
        label=_("欠款金额"),
        hint=_("来自你的评估，可以修改。以对方账单为准。"),
        sample_zh="¥12,345.00",
        sample_en="¥12,345.00",
    ),
    Placeholder(
        "days_overdue",
        "逾期天数",
        "Days overdue",
        JOURNEY,
        help_zh="逾期天数（来自评估，可修改）",
        help_en="Days overdue (from the check, editable)",
        label=_("逾期天数"),
        hint=_("来自你的评估，可以修改。"),
        sample_zh="45",
        sample_en="45",
    ),
    Placeholder(
        "monthly",
        "每月还款额",
        "Monthly payment",
        PLAN,
        help_zh="计划每月还给这家机构的金额（来自还款计划）",
        help_en="Monthly amount offered to this lender (from the plan)",
        label=_("每月还款额"),
        hint=_("来自你的还款计划，可以修改。"),
        sample_zh="¥600.00",
        sample_en="¥600.00",
    ),
    Placeholder(
        "months",
        "分期月数",
        "Number of months",
        PLAN,
        help_zh="计划分几个月还清（来自还款计划）",
        help_en="Number of monthly payments (from the plan)",
        label=_("分几期（月数）"),
        hint=_("信用卡最长60个月，银行可以同意，但不是必须同意。"),
        sample_zh="24",
        sample_en="24",
    ),
    Placeholder(
        "first_date",
        "首次还款日期",
        "First payment date",
        PLAN,
        help_zh="计划第一次还款的日期（来自还款计划）",
        help_en="Date of the first payment (from the plan)",
        label=_("第一次还款日期"),
        hint=_("例如：2026年12月15日"),
        sample_zh="2026年12月15日",
        sample_en="15 December 2026",
    ),
    Placeholder(
        "income",
        "每月收入",
        "Monthly income",
        PLAN,
        help_zh="每月收入（来自还款计划）",
        help_en="Monthly income (from the plan)",
        label=_("每月收入"),
        hint=_("例如：每月约3000元，工资已停发"),
        sample_zh="¥4,000.00",
        sample_en="¥4,000.00",
    ),
    Placeholder(
        "spending",
        "每月必要支出",
        "Essential spending",
        PLAN,
        help_zh="每月房租、吃饭、看病等必要支出（来自还款计划）",
        help_en="Monthly essential spending (from the plan)",
        label=_("每月必要支出"),
        hint=_("房租、吃饭、看病、孩子上学等"),
        sample_zh="¥2,800.00",
        sample_en="¥2,800.00",
    ),
    Placeholder(
        "schedule",
        "还款计划表",
        "Repayment schedule",
        PLAN,
        help_zh="逐月还款安排（来自还款计划）",
        help_en="Month-by-month schedule (from the plan)",
        label=_("还款计划表"),
        hint=_("来自你的还款计划。不需要时可以清空。"),
        sample_zh="1. 2026年12月15日 ¥600.00\n2. 2027年1月15日 ¥600.00\n……",
        sample_en="1. 15 December 2026 ¥600.00\n2. 15 January 2027 ¥600.00\n...",
        long=True,
    ),
    Placeholder(
        "hardship",
        "困难原因",
        "Reason for hardship",
        TYPED,
        help_zh="借款人填写：为什么还不上（失业、生病等，写明时间）",
        help_en="Typed by the borrower: why they cannot pay (job loss, illness... with dates)",
        label=_("为什么还不上？"),
        hint=_("用几句话写清楚发生了什么、从什么时候开始，例如“2026年3月公司裁员，我失业至今”。"),
        sample_zh="2026年6月失业，目前正在找工作，每月只有临时收入。",
        sample_en="I lost my job in June 2026 and only have occasional income.",
        long=True,
    ),
    Placeholder(
        "cause",
        "困难类型",
        "Kind of hardship",
        TYPED,
        help_zh="借款人选的困难原因（失业、生病、家庭变故、其他），放进信里是一句话",
        help_en="The cause the borrower picks (job loss, illness, family, other), as one sentence",
        label=_("主要是什么原因？"),
        hint=_("选最接近的一项，下面再用自己的话写清楚。不选的话，信上这里留一条横线。"),
        sample_zh="我失去了工作，收入中断。",
        sample_en="I lost my job and my income stopped.",
        choices=(
            Choice(
                "lost_job",
                _("失业或收入中断"),
                "我失去了工作，收入中断。",
                "I lost my job and my income stopped.",
            ),
            Choice(
                "illness",
                _("生病或受伤（自己或家人）"),
                "我或我的家人生病、受伤，收入减少，医疗开支增加。",
                "I or a member of my family fell ill or was injured: income fell and medical costs rose.",
            ),
            Choice(
                "family",
                _("家庭变故"),
                "我的家庭发生了变故，开支增加、收入减少。",
                "My family went through a crisis: costs rose and income fell.",
            ),
            Choice(
                "other",
                _("其他原因"),
                "我遇到了其他困难，收入不够还款。",
                "I met another hardship and my income no longer covers the repayments.",
            ),
        ),
    ),
    Placeholder(
        "pause_months",
        "暂缓月数",
        "Months of pause",
        TYPED,
        help_zh="请求暂缓几个月（借款人填写，预填 3）",
        help_en="How many months of pause to ask for (typed by the borrower, 3 to start with)",
        label=_("请求暂缓几个月？"),
        hint=_(
            "按你估计收入能恢复要多久来填。3 只是本站预填的起点，不是规定；到期后再按那时的收支商量。"
        ),
        sample_zh="3",
        sample_en="3",
    ),
    Placeholder(
        "available",
        "每月可还金额",
        "Available each month",
        PLAN,
        help_zh="扣除必需开支和应急备用后，每月能用于还款的金额（来自还款计划，可能是 ¥0.00）",
        help_en="What is left each month for debts after essentials and the reserve (from the plan; may be ¥0.00)",
        label=_("每月能用于还款的钱"),
        hint=_("来自你的收支，可以修改。没有余钱就是 ¥0.00。"),
        sample_zh="¥200.00",
        sample_en="¥200.00",
    ),
    Placeholder(
        "offer",
        "暂缓期间还款",
        "During the pause",
        PLAN,
        help_zh="暂缓期间能给这家还多少（来自还款计划；没有余钱时写明暂时还不了）",
        help_en="What this lender can get during the pause (from the plan; says so when nothing can be paid)",
        label=_("暂缓期间能还多少"),
        hint=_("来自你的还款计划，不超过你的收支能拿出的钱。可以修改。"),
        sample_zh="暂缓期间，我每月可以先还¥22.86。",
        sample_en="During the pause I can pay ¥22.86 a month.",
        long=True,
    ),
    Placeholder(
        "call_date",
        "通话日期",
        "Call date",
        TYPED,
        help_zh="电话协商的日期",
        help_en="Date of the phone call",
        label=_("通话日期"),
        hint=_("例如：2026年11月20日"),
        sample_zh="2026年11月20日",
        sample_en="20 November 2026",
    ),
    Placeholder(
        "call_time",
        "通话时间",
        "Call time",
        TYPED,
        help_zh="电话协商的时间",
        help_en="Time of the phone call",
        label=_("通话时间"),
        hint=_("例如：下午3点10分"),
        sample_zh="14:30",
        sample_en="14:30",
    ),
    Placeholder(
        "agent",
        "客服姓名或工号",
        "Agent name or ID",
        TYPED,
        help_zh="接电话的客服或催收员姓名、工号",
        help_en="Name or staff number of the person on the phone",
        label=_("对方姓名或工号"),
        hint=_("通话时对方报的姓名或工号"),
        sample_zh="工号 0000（示例）",
        sample_en="staff no. 0000 (sample)",
    ),
    Placeholder(
        "terms",
        "约定内容",
        "What was agreed",
        TYPED,
        help_zh="电话里约定的还款安排",
        help_en="The arrangement agreed on the phone",
        label=_("电话里谈好了什么？"),
        hint=_("一行写一项：每月还多少、几号还、分几期、罚息怎么处理。"),
        sample_zh="每月15日还600元，共24期。",
        sample_en="¥600 on the 15th of each month, 24 payments.",
        long=True,
    ),
    Placeholder(
        "incidents",
        "催收记录",
        "Collection log",
        TYPED,
        help_zh="违规催收的经过（有证据记录时自动带入）",
        help_en="What the collectors did (filled from the evidence log when there is one)",
        label=_("催收人员做了什么？"),
        hint=_("一行写一次：时间、方式（电话、短信、上门）、对方说了什么或做了什么。"),
        sample_zh="1. 2026年11月1日 电话：催收员威胁要通知我的单位（证据：录音1）",
        sample_en="1. 1 November 2026, phone: the collector threatened to call my employer (evidence: recording 1)",
        long=True,
    ),
    Placeholder(
        "settled_on",
        "结清日期",
        "Date paid off",
        TYPED,
        help_zh="还清的日期",
        help_en="Date the debt was paid off",
        label=_("还清的日期"),
        hint=_("例如：2026年11月1日"),
        sample_zh="2026年10月31日",
        sample_en="31 October 2026",
    ),
    Placeholder(
        "dispute",
        "异议内容",
        "What is wrong",
        TYPED,
        help_zh="信用报告上哪一条记录不对、为什么不对",
        help_en="Which credit-report entry is wrong and why",
        label=_("哪一条记录不对？为什么不对？"),
        hint=_("写明是哪家机构、哪一条记录、错在哪里。"),
        sample_zh="2026年9月的逾期记录：我已按约定还款。",
        sample_en="The overdue entry for September 2026: I paid as agreed.",
        long=True,
    ),
    Placeholder(
        "follow_up",
        "跟进经过",
        "Follow-up so far",
        TRACKER,
        help_zh="跟进记录里这家机构的每一步：寄信（方式、单号）、投诉、答复、协议、还款，自动编号",
        help_en="Each step with this lender from the follow-up record: letters (how, tracking "
        "number), complaints, answers, agreements, payments; numbered automatically",
        label=_("你和这家机构之前的联系"),
        hint=_(
            "在跟进记录里记下的寄信、投诉、答复、协议和还款，会自动写在这里，可以修改。"
            "还没有联系过的话可以留空，信上这里会留一条横线，打印前删掉或手写。"
        ),
        sample_zh="1. 2026年11月2日，我用EMS挂号信提出协商还款（邮件单号：EA000000000CN）\n"
        "2. 到2026年11月23日，还没有收到答复",
        sample_en="1. 2 November 2026: I asked the lender to agree on repayment by EMS "
        "registered mail (tracking number EA000000000CN)\n"
        "2. As of 23 November 2026 I have had no answer",
        long=True,
    ),
    Placeholder(
        "complained_on",
        "投诉日期",
        "Complaint date",
        TRACKER,
        help_zh="借款人向贷款机构投诉的日期（来自跟进记录）",
        help_en="The day the borrower complained to the lender (from the follow-up record)",
        label=_("你哪天向贷款机构投诉的？"),
        hint=_("在跟进记录里记下了投诉，这里会自动填好。例如 2026年11月23日。"),
        sample_zh="2026年11月2日",
        sample_en="2 November 2026",
    ),
    Placeholder(
        "complaint_ref",
        "投诉编号",
        "Complaint reference",
        TRACKER,
        help_zh="贷款机构给的投诉受理编号（来自跟进记录）",
        help_en="The lender's reference number for the complaint (from the follow-up record)",
        label=_("投诉编号（受理编号）"),
        hint=_("机构受理投诉时给你的编号。没有可以留空。"),
        sample_zh="TS000000",
        sample_en="TS000000",
    ),
    Placeholder(
        "answer_by",
        "答复期限",
        "Answer due by",
        TRACKER,
        help_zh="按投诉处理时限的规定，机构应在哪天之前答复（网站按跟进记录里的投诉日期算）",
        help_en="The day the lender had to answer by under the complaint time limits "
        "(worked out from the complaint date in the follow-up record)",
        label=_("机构应在哪天之前答复？"),
        hint=_("在跟进记录里记下投诉日期，网站会按投诉处理时限的规定算出这一天。"),
        sample_zh="2026年11月17日",
        sample_en="17 November 2026",
    ),
    Placeholder(
        "answer",
        "机构答复",
        "Lender's answer",
        TRACKER,
        help_zh="机构对投诉答复了没有、怎么答复的（来自跟进记录）",
        help_en="Whether and how the lender answered the complaint (from the follow-up record)",
        label=_("机构怎么答复的？"),
        hint=_("例如：拒绝了；要我补交材料；到今天还没有答复。"),
        sample_zh="到2026年11月23日没有答复，已过了2026年11月17日",
        sample_en="none as of 23 November 2026, which is past 17 November 2026",
    ),
    Placeholder(
        "today",
        "今天日期",
        "Today's date",
        AUTO,
        help_zh="写信当天的日期（自动填写）",
        help_en="Today's date (filled in automatically)",
        sample_zh="2026年11月23日",
        sample_en="23 November 2026",
    ),
    Placeholder(
        "attachments",
        "附件清单",
        "Attachments",
        AUTO,
        help_zh="这封信的材料清单，自动编号",
        help_en="This letter's evidence list, numbered automatically",
        sample_zh="1. 身份证复印件\n2. 失业证明",
        sample_en="1. Copy of ID card\n2. Proof of job loss",
        long=True,
    ),
)

BY_KEY: dict[str, Placeholder] = {p.key: p for p in PLACEHOLDERS}

# --- Where each letter sits in the library, and which debts it is for ------------------
# The letters' texts are editor content (LetterTemplate, seeded in seed/letters.py); these
# rules are keyed by the same slug. A letter without a rule is listed under "other letters"
# and offered for any debt.

ANY_DEBT = "any"
CARDS = "cards"  # credit cards only
NOT_CARDS = "not_cards"  # loans, not credit cards
NOT_SMALL_LOANS = (
    "not_small_loans"  # not small-loan companies (their regulator is local, not 12378)
)
NO_DEBT = "none"  # not about one debt (no debt is picked)

GROUP_TITLES: dict[str, str] = {
    "negotiate": _("想和贷款机构商量怎么还"),
    "collection": _("催收的方式让我受不了"),
    "records": _("已经还清，或者征信记录有错"),
}


@dataclass(frozen=True)
class LetterRule:
    slug: str
    group: str  # a GROUP_TITLES key; "" lists it under "other letters"
    debts: str = ANY_DEBT
    alternatives: tuple[str, ...] = ()  # "not the right letter?" on its gate page
    complaint: bool = False  # a complaint: its page says where small-loan complaints go

    def suits(self, kind: str) -> bool:
        """Whether this letter is for a debt of this lender kind."""
        if self.debts == CARDS:
            return kind == "credit_card"
        if self.debts == NOT_CARDS:
            return kind != "credit_card"
        if self.debts == NOT_SMALL_LOANS:
            return kind != "small_loan"
        return True


# In the order the library lists them.
LETTER_RULES: tuple[LetterRule, ...] = (
    LetterRule("hardship", "negotiate", ANY_DEBT, ("card-instalment", "loan-negotiation")),
    LetterRule("card-instalment", "negotiate", CARDS, ("loan-negotiation", "fee-waiver")),
    LetterRule("loan-negotiation", "negotiate", NOT_CARDS, ("card-instalment", "fee-waiver")),
    LetterRule("fee-waiver", "negotiate", ANY_DEBT, ("card-instalment", "loan-negotiation")),
    LetterRule(
        "phone-confirmation", "negotiate", ANY_DEBT, ("card-instalment", "loan-negotiation")
    ),
    LetterRule(
        "complaint-lender", "collection", ANY_DEBT, ("complaint-12378", "family-notice"), True
    ),
    LetterRule(
        "complaint-12378",
        "collection",
        NOT_SMALL_LOANS,
        ("complaint-lender", "credit-dispute"),
        True,
    ),
    LetterRule("family-notice", "collection", NO_DEBT, ("complaint-lender",)),
    LetterRule("settlement-certificate", "records", ANY_DEBT, ("credit-dispute",)),
    LetterRule("credit-dispute", "records", ANY_DEBT, ("settlement-certificate",)),
)
_RULES = {rule.slug: rule for rule in LETTER_RULES}


def letter_rule(slug: str) -> LetterRule:
    return _RULES.get(slug, LetterRule(slug, ""))


_BY_TOKEN: dict[str, Placeholder] = {
    **{p.zh: p for p in PLACEHOLDERS},
    **{p.en.casefold(): p for p in PLACEHOLDERS},
}
_TOKEN = re.compile(r"[\[【]([^\[\]【】\n]{1,24})[\]】]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
_ID_NUMBER = re.compile(r"^(\d{6})(\d{8}|\d{11})([\dXx])$")


def _lookup(token: str) -> Placeholder | None:
    token = token.strip()
    return _BY_TOKEN.get(token) or _BY_TOKEN.get(token.casefold())


def placeholders_in(text: str) -> list[str]:
    """The keys of the known placeholders a template uses, in first-use order."""
    found: list[str] = []
    for match in _TOKEN.finditer(text or ""):
        placeholder = _lookup(match.group(1))
        if placeholder and placeholder.key not in found:
            found.append(placeholder.key)
    return found


def placeholder_list(*, english: bool) -> list[tuple[str, str]]:
    """The fixed placeholders as (tokens, meaning), for editors."""
    return [(f"[{p.zh}] / [{p.en}]", p.help_en if english else p.help_zh) for p in PLACEHOLDERS]


def unknown_placeholders(text: str) -> list[str]:
    """Bracketed words that are not in the fixed set (for editors: a typo check)."""
    return [m.group(0) for m in _TOKEN.finditer(text or "") if _lookup(m.group(1)) is None]


def fill(template: str, values: Mapping[str, str]) -> str:
    """Replace each known placeholder by its value, once; missing values become ``BLANK``.

    Plain string replacement in a single pass: inserted values are never scanned again.
    """

    def replace(match: re.Match[str]) -> str:
        placeholder = _lookup(match.group(1))
        if placeholder is None:
            return match.group(0)
        value = clean_text(str(values.get(placeholder.key) or "")).strip()
        if placeholder.key == "lender":
            value = without_repeat(value, match.string[match.end() :])
        return value or BLANK

    return _TOKEN.sub(replace, clean_text(template))


def without_repeat(name: str, following: str) -> str:
    """The lender's name without the words the letter writes right after it.

    >>> without_repeat("招商银行信用卡", " 信用卡中心")
    '招商银行'
    >>> without_repeat("China Merchants Bank Credit Card", " credit card centre")
    'China Merchants Bank'
    >>> without_repeat("微众银行（微粒贷）", " 客户投诉部门")
    '微众银行（微粒贷）'
    """
    after = following.split("\n", 1)[0].lstrip().casefold()
    folded = name.casefold()
    for size in range(len(name) - 1, 1, -1):  # the longest repeat first, never the whole name
        tail = folded[-size:]
        if not after.startswith(tail):
            continue
        english = tail.isascii()
        # In English only whole words repeat ("Card" / "card centre", not "Bank" / "bankrupt").
        if english and not (folded[-size - 1] == " " and after[size : size + 1] in ("", " ")):
            continue
        return name[:-size].rstrip()
    return name


def clean_text(text: str, limit: int = MAX_LETTER_CHARS) -> str:
    """Normalise typed text: one newline style, no control characters, bounded length.

    Control characters are removed because Word files cannot hold them (they are
    not valid XML) and they have no place in a letter.
    """
    text = unicodedata.normalize("NFC", str(text or ""))
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return text[:limit]


def mask_id(value: str) -> str:
    """A full 15- or 18-digit ID number keeps its first 4 and last 4 characters only."""
    compact = re.sub(r"\s", "", unicodedata.normalize("NFKC", value or ""))
    match = _ID_NUMBER.match(compact)
    if not match:
        return (value or "").strip()
    return compact[:4] + "*" * (len(compact) - 8) + compact[-4:].upper()


def split_title(text: str) -> tuple[str, str]:
    """(title, rest): the first non-empty line is the title when it is short."""
    lines = clean_text(text).split("\n")
    for index, line in enumerate(lines):
        if line.strip():
            if len(line.strip()) <= TITLE_MAX_CHARS:
                return line.strip(), "\n".join(lines[index + 1 :]).strip("\n")
            break
    return "", clean_text(text).strip("\n")


def paragraphs(text: str) -> list[str]:
    """Lines of the letter body, blank lines kept (they separate paragraphs)."""
    return clean_text(text).split("\n")


def blank_count(text: str) -> int:
    return clean_text(text).count(BLANK)


def numbered(items: Iterable[str]) -> str:
    return "\n".join(f"{n}. {item}" for n, item in enumerate((i for i in items if i.strip()), 1))


def format_date(day: dt.date, language: str = "zh-hans") -> str:
    if language.startswith("en"):
        return f"{day.day} {day:%B} {day.year}"
    return f"{day.year}年{day.month}月{day.day}日"


class Incident(Protocol):
    """One evidence-log entry as a letter tells it (``advisor.evidence.Entry`` is one)."""

    @property
    def when(self) -> dt.datetime: ...
    @property
    def kind_label(self) -> str: ...
    @property
    def who(self) -> str: ...
    @property
    def what(self) -> str: ...
    @property
    def attachments(self) -> Sequence[str]: ...


def incident_lines(entries: Iterable[Incident], language: str = "zh-hans") -> str:
    """The evidence log as numbered lines: when, how, who, what happened, which proof."""
    english = language.startswith("en")
    rows = []
    for entry in sorted(entries, key=lambda e: e.when):
        day = format_date(entry.when.date(), language)
        parts = [f"{day} {entry.when:%H:%M}", entry.kind_label.strip(), entry.who.strip()]
        line = ("; " if english else "，").join(p for p in parts if p)
        what = entry.what.strip()
        if what:
            line += (": " if english else "：") + " ".join(what.split())
        names = [name for name in entry.attachments if name.strip()]
        if names:
            line += (
                (" (evidence: " + ", ".join(names) + ")")
                if english
                else ("（证据：" + "、".join(names) + "）")
            )
        rows.append(clean_text(line, MAX_FIELD_CHARS))
    return numbered(rows)


def amount_line(principal: Decimal, charges: Decimal, language: str = "zh-hans") -> str:
    """The debt as a letter states it: the principal, and with charges added, the balance they
    make together (the figure the monthly amount is worked out from) and its two parts.

    >>> amount_line(Decimal("23456.78"), Decimal("0"))
    '¥23,456.78'
    >>> amount_line(Decimal("23456.78"), Decimal("1500"))
    '¥24,956.78（本金¥23,456.78，利息、罚息等¥1,500.00）'
    >>> amount_line(Decimal("100"), Decimal("20.5"), "en")
    '¥120.50 (principal ¥100.00 plus ¥20.50 of interest, penalties and fees)'
    """
    if charges <= 0:
        return format_yuan(principal)
    total, owed, added = (format_yuan(x) for x in (principal + charges, principal, charges))
    if language.startswith("en"):
        return f"{total} (principal {owed} plus {added} of interest, penalties and fees)"
    return f"{total}（本金{owed}，利息、罚息等{added}）"


def offer_line(amount: Decimal | None, available: Decimal, language: str = "zh-hans") -> str:
    """What a hardship letter offers this lender during the pause: its share of the plan, or,
    with nothing to spare, that nothing can be paid for now (never an amount in that case).

    >>> offer_line(Decimal("0"), Decimal("0"))
    '目前我每月没有余钱，暂缓期间暂时还不了款。'
    >>> offer_line(Decimal("22.86"), Decimal("200"), "en")
    'During the pause I can pay ¥22.86 a month: my share for you of the ¥200.00 I have for all my lenders.'
    """
    english = language.startswith("en")
    whole = format_yuan(available)
    if (amount is None or amount <= 0) and available > 0:  # an ordered plan pays others first
        return (
            f"For now the {whole} I have each month goes to my other debts first; I cannot pay you yet."
            if english
            else f"目前我每月能用于还款的{whole}先还其他欠款，暂时还不了贵机构的款。"
        )
    if amount is None or amount <= 0:
        return (
            "For now I have nothing left each month to pay with."
            if english
            else "目前我每月没有余钱，暂缓期间暂时还不了款。"
        )
    money = format_yuan(amount)
    if amount >= available:
        return (
            f"During the pause I can pay {money} a month, all that my budget allows."
            if english
            else f"暂缓期间，我每月可以先还{money}，这是我的收支能拿出的全部。"
        )
    return (
        f"During the pause I can pay {money} a month: my share for you of the {whole} I have for all my lenders."
        if english
        else f"暂缓期间，我每月可以先还{money}：我每月能用于还款的{whole}要分给几家机构，这是给贵机构的一份。"
    )


def schedule_lines(runs: Iterable[Run], language: str = "zh-hans") -> str:
    """A repayment schedule in a few lines, one per run of equal payments (``plan.runs``)."""
    english = language.startswith("en")
    rows = []
    for run in runs:
        amount = format_yuan(run.amount)
        start = format_date(run.first_date, language)
        if run.count == 1:
            rows.append(
                f"Payment {run.first} ({start}): {amount}"
                if english
                else f"第{run.first}期（{start}）：{amount}"
            )
        else:
            end = format_date(run.last_date, language)
            rows.append(
                f"Payments {run.first}–{run.last} ({start} to {end}): {amount} each"
                if english
                else f"第{run.first}–{run.last}期（{start}至{end}）：每期{amount}"
            )
    return "\n".join(rows)


# --- What the follow-through tracker lets a letter cite ----------------------------------

_HOW = {
    How.APP: ("在机构App里留言", "by a message in the lender's app"),
    How.EMS: ("用EMS挂号信", "by EMS registered mail"),
    How.EMAIL: ("用电子邮件", "by email"),
    How.PHONE: ("打电话", "by phone"),
}
_TO = {
    To.LENDER: ("向贷款机构投诉", "complained to the lender"),
    To.NFRA: ("打12378投诉", "complained to 12378"),
    To.LOCAL: (
        "向省里的地方金融管理部门投诉",
        "complained to the provincial local financial regulator",
    ),
}
_SAID = {
    Said.AGREED: ("同意了我的请求", "agreed to my request"),
    Said.REFUSED: ("拒绝了我的请求", "refused my request"),
    Said.DOCUMENTS: ("要我补交材料", "asked me for more documents"),
}


def _pick(pair: tuple[str, str], english: bool) -> str:
    return pair[1] if english else pair[0]


def _reference(step: Step, english: bool) -> str:
    reference = " ".join(step.reference.split())
    if not reference:
        return ""
    if step.kind == Kind.LETTER and step.how == How.EMS:
        return f" (tracking number {reference})" if english else f"（邮件单号：{reference}）"
    return f" (reference {reference})" if english else f"（受理编号：{reference}）"


def _terms(step: Step, language: str) -> str:
    english = language.startswith("en")
    parts = []
    if step.months and step.monthly is not None:
        money = format_yuan(step.monthly)
        parts.append(
            f"{step.months} monthly payments of {money}"
            if english
            else f"分{step.months}期，每月{money}"
        )
    if step.first_due is not None:
        first = format_date(step.first_due, language)
        parts.append(f"the first on {first}" if english else f"第一期在{first}")
    if step.interest_stopped is not None:
        parts.append(
            _pick(("停止计息", "interest stopped"), english)
            if step.interest_stopped
            else _pick(("照常计息", "interest still charged"), english)
        )
    return ", ".join(parts) if english else "，".join(parts)


def _step_line(step: Step, language: str) -> str:
    english = language.startswith("en")
    day = format_date(step.day, language)
    if step.kind == Kind.LETTER:
        how = _HOW.get(How(step.how)) if step.how in set(How) else None
        text = (
            f"{day}: I asked the lender to agree on repayment" + (f" {how[1]}" if how else "")
            if english
            else f"{day}，我{how[0] if how else ''}提出协商还款"
        )
        return text + _reference(step, english)
    if step.kind == Kind.COMPLAINT:
        to = _TO.get(To(step.to)) if step.to in set(To) else None
        where = _pick(to, english) if to else _pick(("投诉", "complained"), english)
        return (f"{day}: I {where}" if english else f"{day}，我{where}") + _reference(step, english)
    if step.kind == Kind.REPLY:
        said = _SAID.get(Said(step.said)) if step.said in set(Said) else None
        if said is None:
            return f"By {day} the lender had not answered" if english else f"到{day}，机构没有答复"
        return (
            f"{day}: the lender answered: it {said[1]}"
            if english
            else f"{day}，机构答复：{said[0]}"
        )
    terms = _terms(step, language)
    if english:
        return f"{day}: we agreed on repayment" + (f": {terms}" if terms else "")
    return f"{day}，双方约定了还款安排" + (f"：{terms}" if terms else "")


def _payments_line(payments: Sequence[Step], language: str) -> str:
    total = sum((step.amount or Decimal(0) for step in payments), Decimal(0))
    last = format_date(max(step.day for step in payments), language)
    count = len(payments)
    if language.startswith("en"):
        times = "1 payment" if count == 1 else f"{count} payments"
        return f"By {last} I had made {times}, {format_yuan(total)} in all"
    return f"到{last}，我已还款{count}次，共{format_yuan(total)}"


def _answered(steps: Sequence[Step], asked: Step) -> Step | None:
    """The latest reply recorded on or after ``asked``."""
    replies = [s for s in steps if s.kind == Kind.REPLY and s.day >= asked.day]
    return max(replies, key=lambda s: s.day) if replies else None


def follow_up_values(
    steps: Sequence[Step], clocks: Sequence[Clock], *, today: dt.date, language: str = "zh-hans"
) -> dict[str, str]:
    """What a letter can cite from one lender's tracker steps, in the letter's language.

    ``follow_up``: every step as a numbered line (notes are left out: they are the
    borrower's own), the payments as one line with their exact total, and "no answer yet"
    after the last letter or complaint nobody answered. ``complained_on``,
    ``complaint_ref``, ``answer_by`` and ``answer``: the latest complaint to the lender
    itself, the day its clock runs out, and what came back.
    Keys without anything to cite are left out (the letter shows a blank to fill in).
    """
    english = language.startswith("en")
    ordered = sorted(steps, key=lambda s: s.day)
    if not ordered:
        return {}
    lines = [_step_line(s, language) for s in ordered if s.kind != Kind.PAYMENT]
    payments = [s for s in ordered if s.kind == Kind.PAYMENT]
    if payments:
        lines.append(_payments_line(payments, language))
    asked = [s for s in ordered if s.kind in (Kind.LETTER, Kind.COMPLAINT)]
    settled = (
        any(s.kind == Kind.AGREEMENT and s.day >= asked[-1].day for s in ordered) if asked else True
    )
    if asked and not settled and _answered(ordered, asked[-1]) is None:
        now = format_date(today, language)
        lines.append(f"As of {now} I have had no answer" if english else f"到{now}，还没有收到答复")
    lines = [clean_text(line, MAX_FIELD_CHARS) for line in lines]
    while len(numbered(lines)) > MAX_FIELD_CHARS:  # the box's limit: the latest steps stay
        lines.pop(0)
    values = {"follow_up": numbered(lines)}

    complaints = [s for s in ordered if s.kind == Kind.COMPLAINT and s.to == To.LENDER]
    if not complaints:
        return values
    complaint = complaints[-1]
    values["complained_on"] = format_date(complaint.day, language)
    if complaint.reference.strip():
        values["complaint_ref"] = " ".join(complaint.reference.split())
    clock = next((c for c in clocks if c.starts == To.LENDER), None)
    due = deadline(complaint.day, clock.days, clock.counting) if clock else None
    if due is not None:
        values["answer_by"] = format_date(due, language)
    reply = _answered(ordered, complaint)
    if reply is not None:
        said = _SAID.get(Said(reply.said)) if reply.said in set(Said) else None
        day = format_date(reply.day, language)
        if said is None:
            values["answer"] = f"none by {day}" if english else f"到{day}没有答复"
        else:
            values["answer"] = f"on {day} it {said[1]}" if english else f"{day}答复：{said[0]}"
        return values
    now = format_date(today, language)
    if due is not None and today > due:
        past = format_date(due, language)
        values["answer"] = (
            f"none as of {now}, which is past {past}"
            if english
            else f"到{now}没有答复，已过了{past}"
        )
    else:
        values["answer"] = f"none yet as of {now}" if english else f"到{now}还没有答复"
    return values


def agreed_terms_line(
    monthly: Decimal,
    months: int,
    first: dt.date,
    interest_stopped: bool | None,
    language: str = "zh-hans",
) -> str:
    """An agreed arrangement in one line, for a letter confirming it: only what was entered
    (interest is mentioned only when the borrower said whether it stopped).

    >>> agreed_terms_line(Decimal("150.00"), 12, dt.date(2027, 1, 10), True)
    '每月还¥150.00，共12期，第一期2027年1月10日；停止计息。'
    >>> agreed_terms_line(Decimal("150.00"), 12, dt.date(2027, 1, 10), None, "en")
    '¥150.00 a month for 12 months, the first payment on 10 January 2027.'
    """
    money, day = format_yuan(monthly), format_date(first, language)
    if language.startswith("en"):
        interest: dict[bool | None, str] = {
            True: "; interest stopped",
            False: "; interest not stopped",
        }
        line = f"{money} a month for {months} months, the first payment on {day}"
        return line + interest.get(interest_stopped, "") + "."
    said: dict[bool | None, str] = {True: "；停止计息", False: "；没有停止计息"}
    return f"每月还{money}，共{months}期，第一期{day}" + said.get(interest_stopped, "") + "。"
