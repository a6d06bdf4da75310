"""Template filters used across the site."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from advisor.hant import to_traditional
from advisor.money import format_yuan

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
def save_code(code: str) -> SafeString:
    """A save code that can wrap between its groups, never inside one ("ABCD-" / "EFGH")."""
    groups = str(code or "").split("-")
    return format_html_join(
        mark_safe("-<wbr>"), '<span class="code-group">{}</span>', ((group,) for group in groups)
    )
