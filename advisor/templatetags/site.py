"""Template filters used across the site."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils.safestring import mark_safe

from advisor.hant import to_traditional
from advisor.money import format_yuan
from advisor.plan import Payment

register = template.Library()


@register.filter
def money(value: Any) -> str:
    """``{{ amount|money }}`` → ``¥3,000.00``; empty for missing values."""
    if value in (None, ""):
        return ""
    try:
        return format_yuan(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return ""


@register.filter
def tr(obj: Any, field: str) -> str:
    """``{{ fact|tr:"body" }}``: a content field in the active language (zh-hans fallback)."""
    return obj.t(field) if obj is not None else ""


@register.filter
def lines(text: str) -> list[str]:
    """Non-empty lines of a text, e.g. an evidence list written one item per line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


@register.filter
def tel(number: str) -> str:
    """Digits (and a leading +) for a ``tel:`` link: ``"95 555"`` → ``"95555"``."""
    text = str(number or "")
    digits = "".join(ch for ch in text if ch.isdigit())
    return ("+" + digits) if text.strip().startswith("+") else digits


@register.inclusion_tag("includes/crisis.html")
def crisis_line() -> dict[str, Any]:
    """The calm 12356 / 110 / 120 line, from editor-managed content (fact "crisis-line")."""
    from django.db import DatabaseError

    from advisor import content

    try:
        fact = content.fact(CRISIS_FACT)
    except DatabaseError:  # the page still works; the numbers below are then shown unsourced
        fact = None
    return {"fact": fact}


CRISIS_FACT = "crisis-line"


@register.filter
def script(text: str) -> str:
    """Simplified Chinese text that has no translation (a source title), in the reader's script."""
    from django.utils import translation

    if (translation.get_language() or "").lower() == "zh-hant":
        return to_traditional(str(text or ""))
    return text


@register.filter
def schedule_rows(payments: Iterable[Payment]) -> str:
    """``{{ s.payments|schedule_rows }}``: the rows of a month-by-month table in one pass.

    A template loop costs tens of microseconds a row, and a long plan has hundreds. Every
    value is a number, a date or a formatted amount, so nothing here needs escaping.
    """
    return mark_safe(
        "".join(
            f"<tr><td>{int(p.number)}</td><td>{p.date.isoformat()}</td>"
            f'<td class="num">{format_yuan(p.amount)}</td>'
            f'<td class="num">{format_yuan(p.balance)}</td></tr>\n'
            for p in payments
        )
    )
