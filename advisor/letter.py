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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Placeholder:
    key: str
    zh: str  # the token editors write in Chinese templates, without brackets
    en: str  # the token editors write in English templates, without brackets
    source: str
    help_zh: str
    help_en: str
    long: bool = False  # a multi-line answer (a text area on the form)


PLACEHOLDERS: tuple[Placeholder, ...] = (
    Placeholder(
        "name",
        "姓名",
        "Name",
        PERSONAL,
        "借款人姓名（借款人在信件页填写，不保存）",
        "Borrower's name (typed on the letter page, never stored)",
    ),
    Placeholder(
        "id_number",
        "身份证号",
        "ID number",
        PERSONAL,
        "身份证号，自动隐去中间几位",
        "ID number, middle digits masked automatically",
    ),
    Placeholder("phone", "电话", "Phone", PERSONAL, "借款人的联系电话", "Borrower's phone number"),
    Placeholder(
        "address", "地址", "Address", PERSONAL, "借款人的通信地址", "Borrower's postal address"
    ),
    Placeholder(
        "contract",
        "合同编号",
        "Contract number",
        PERSONAL,
        "借款合同号、卡号后四位或账户号",
        "Loan contract, account or last four card digits",
    ),
    Placeholder(
        "lender",
        "贷款机构",
        "Lender",
        JOURNEY,
        "贷款机构名称（来自评估，可修改）",
        "Lender's name (from the check, editable)",
    ),
    Placeholder(
        "amount",
        "逾期金额",
        "Amount overdue",
        JOURNEY,
        "欠款金额（来自评估，可修改）",
        "Amount owed (from the check, editable)",
    ),
    Placeholder(
        "days_overdue",
        "逾期天数",
        "Days overdue",
        JOURNEY,
        "逾期天数（来自评估，可修改）",
        "Days overdue (from the check, editable)",
    ),
    Placeholder(
        "monthly",
        "每月还款额",
        "Monthly payment",
        PLAN,
        "计划每月还给这家机构的金额（来自还款计划）",
        "Monthly amount offered to this lender (from the plan)",
    ),
    Placeholder(
        "months",
        "分期月数",
        "Number of months",
        PLAN,
        "计划分几个月还清（来自还款计划）",
        "Number of monthly payments (from the plan)",
    ),
    Placeholder(
        "first_date",
        "首次还款日期",
        "First payment date",
        PLAN,
        "计划第一次还款的日期（来自还款计划）",
        "Date of the first payment (from the plan)",
    ),
    Placeholder(
        "income",
        "每月收入",
        "Monthly income",
        PLAN,
        "每月收入（来自还款计划）",
        "Monthly income (from the plan)",
    ),
    Placeholder(
        "spending",
        "每月必要支出",
        "Essential spending",
        PLAN,
        "每月房租、吃饭、看病等必要支出（来自还款计划）",
        "Monthly essential spending (from the plan)",
    ),
    Placeholder(
        "schedule",
        "还款计划表",
        "Repayment schedule",
        PLAN,
        "逐月还款安排（来自还款计划）",
        "Month-by-month schedule (from the plan)",
        long=True,
    ),
    Placeholder(
        "hardship",
        "困难原因",
        "Reason for hardship",
        TYPED,
        "借款人填写：为什么还不上（失业、生病等，写明时间）",
        "Typed by the borrower: why they cannot pay (job loss, illness... with dates)",
        long=True,
    ),
    Placeholder(
        "call_date", "通话日期", "Call date", TYPED, "电话协商的日期", "Date of the phone call"
    ),
    Placeholder(
        "call_time", "通话时间", "Call time", TYPED, "电话协商的时间", "Time of the phone call"
    ),
    Placeholder(
        "agent",
        "客服姓名或工号",
        "Agent name or ID",
        TYPED,
        "接电话的客服或催收员姓名、工号",
        "Name or staff number of the person on the phone",
    ),
    Placeholder(
        "terms",
        "约定内容",
        "What was agreed",
        TYPED,
        "电话里约定的还款安排",
        "The arrangement agreed on the phone",
        long=True,
    ),
    Placeholder(
        "incidents",
        "催收记录",
        "Collection log",
        TYPED,
        "违规催收的经过（有证据记录时自动带入）",
        "What the collectors did (filled from the evidence log when there is one)",
        long=True,
    ),
    Placeholder(
        "settled_on", "结清日期", "Date paid off", TYPED, "还清的日期", "Date the debt was paid off"
    ),
    Placeholder(
        "dispute",
        "异议内容",
        "What is wrong",
        TYPED,
        "信用报告上哪一条记录不对、为什么不对",
        "Which credit-report entry is wrong and why",
        long=True,
    ),
    Placeholder(
        "today",
        "今天日期",
        "Today's date",
        AUTO,
        "写信当天的日期（自动填写）",
        "Today's date (filled in automatically)",
    ),
    Placeholder(
        "attachments",
        "附件清单",
        "Attachments",
        AUTO,
        "这封信的材料清单，自动编号",
        "This letter's evidence list, numbered automatically",
        long=True,
    ),
)

BY_KEY: dict[str, Placeholder] = {p.key: p for p in PLACEHOLDERS}
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
        return value or BLANK

    return _TOKEN.sub(replace, clean_text(template))


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


def _when(value: str, language: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(str(value))
    except ValueError:
        return str(value or "").strip()
    day = format_date(moment.date(), language)
    if moment.hour == 0 and moment.minute == 0 and "T" not in str(value):
        return day
    return f"{day} {moment:%H:%M}"


def incident_lines(entries: Iterable[Mapping[str, object]], language: str = "zh-hans") -> str:
    """The evidence log as numbered lines: when, how, who, what happened, which proof."""
    english = language.startswith("en")
    rows = []
    for entry in sorted(entries, key=lambda e: str(e.get("when") or "")):
        parts = [_when(str(entry.get("when") or ""), language)]
        for key in ("kind", "who"):
            value = str(entry.get(key) or "").strip()
            if value:
                parts.append(value)
        line = ("; " if english else "，").join(p for p in parts if p)
        what = str(entry.get("what") or "").strip()
        if what:
            line += (": " if english else "：") + " ".join(what.split())
        attachments = entry.get("attachments") or []
        if isinstance(attachments, str):
            attachments = [attachments]
        names = [str(a.get("name", a)) if isinstance(a, Mapping) else str(a) for a in attachments]
        names = [n for n in names if n.strip()]
        if names:
            line += (
                (" (evidence: " + ", ".join(names) + ")")
                if english
                else ("（证据：" + "、".join(names) + "）")
            )
        rows.append(clean_text(line, MAX_FIELD_CHARS))
    return numbered(rows)


def schedule_lines(payments: Iterable[tuple[int, dt.date, str]], language: str = "zh-hans") -> str:
    """A repayment schedule in a few lines: runs of equal payments are grouped.

    ``payments`` are (number, date, amount as written, e.g. "¥977.37"), in order.
    """
    english = language.startswith("en")
    runs: list[list[tuple[int, dt.date, str]]] = []
    for payment in payments:
        if runs and runs[-1][-1][2] == payment[2] and runs[-1][-1][0] + 1 == payment[0]:
            runs[-1].append(payment)
        else:
            runs.append([payment])
    rows = []
    for run in runs:
        first, last = run[0], run[-1]
        if len(run) == 1:
            rows.append(
                f"Payment {first[0]} ({format_date(first[1], language)}): {first[2]}"
                if english
                else f"第{first[0]}期（{format_date(first[1], language)}）：{first[2]}"
            )
        else:
            rows.append(
                f"Payments {first[0]}–{last[0]} ({format_date(first[1], language)} to "
                f"{format_date(last[1], language)}): {first[2]} each"
                if english
                else f"第{first[0]}–{last[0]}期（{format_date(first[1], language)}至"
                f"{format_date(last[1], language)}）：每期{first[2]}"
            )
    return "\n".join(rows)


def placeholder_help(language: str = "zh-hans") -> str:
    """The documented placeholder list, one per line, for editors (admin help text)."""
    english = language.startswith("en")
    return "\n".join(
        f"[{p.zh}] / [{p.en}] — {p.help_en if english else p.help_zh}" for p in PLACEHOLDERS
    )
