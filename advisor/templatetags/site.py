"""Template filters used across the site."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django import template
from django.conf import settings
from django.template.defaulttags import CsrfTokenNode
from django.template.loader_tags import BlockNode
from django.utils.html import format_html_join
from django.utils.safestring import SafeString, mark_safe

from advisor.rules.hant import to_traditional
from advisor.rules.money import format_yuan
from advisor.rules.plan import Payment

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


@register.simple_tag
def quick_exit_url() -> str:
    """Where "快速离开" goes (a setting, the same for every page: the header's fixed fragment)."""
    return str(settings.QUICK_EXIT_URL)


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


class FragmentNode(template.Node):
    def __init__(
        self, name: str, values: dict[str, Any], nodelist: template.NodeList, fixed: bool
    ) -> None:
        self.name = name
        self.values = values
        self.nodelist = nodelist
        self.fixed = fixed

    def render(self, context: template.Context) -> str:
        from advisor import fragments

        values = {key: value.resolve(context) for key, value in self.values.items()}

        def render() -> str:
            # Only the values passed in: nothing else of the page (request, session, CSRF token).
            return self.nodelist.render(context.new(values))

        if self.fixed:
            return fragments.get_or_render_fixed(self.name, render)
        return fragments.get_or_render(self.name, values, render)


@register.tag
def fragment(parser: template.base.Parser, token: template.base.Token) -> FragmentNode:
    """``{% fragment "name" stage=item.stage %}…{% endfragment %}``: a part of a page that is the
    same for every borrower, rendered once per language and content version (advisor.fragments).

    The part sees only the values named in the tag, and those may only be published content.
    ``{% fragment "name" fixed %}`` is a part made of templates and translations only (no
    content at all): kept per language, independent of the content version.
    """
    bits = token.split_contents()
    if len(bits) < 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a quoted name first")
    fixed = bits[2:] == ["fixed"]
    if fixed:
        bits = bits[:2]
    values = template.base.token_kwargs(bits[2:], parser, support_legacy=False)
    if len(values) != len(bits) - 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes only name=value after the name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    # A block inside would be kept as the first page's override and shown on every other page;
    # a CSRF token is per response (and a fragment cannot see it).
    for kind in (BlockNode, CsrfTokenNode):
        if nodelist.get_nodes_by_type(kind):
            raise template.TemplateSyntaxError(
                f"{bits[0]} {bits[1]} may not contain a {kind.__name__}: keep it outside"
            )
    return FragmentNode(bits[1][1:-1], values, nodelist, fixed)


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
