"""{% feedback_forms %}: "was this page clear?" and "tell us what happened", on the pages that ask.

The form is the same on every page but for its CSRF field and its single-use ticket: it is
drawn once per language (a fixed fragment, advisor.fragments) with stand-ins for both, which
each page then fills in (so no fragment ever holds a CSRF field).
"""

from __future__ import annotations

from django import template
from django.template.loader import render_to_string
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from advisor import feedback, fragments
from advisor.forms.feedback import ClearForm

register = template.Library()

# Stand-ins no token, ticket or translation can contain (a NUL never reaches a page).
_CSRF, _TICKET = "\x00csrf\x00", "\x00ticket\x00"


def _clear_form() -> str:
    fields = ClearForm(auto_id="feedback-%s").visible_fields()
    return render_to_string(
        "includes/feedback_clear.html",
        {
            "csrf_input": _CSRF,
            "ticket": _TICKET,
            "fields": mark_safe("".join(str(field.as_field_group()) for field in fields)),
        },
    )


@register.simple_tag(takes_context=True)
def feedback_forms(context: template.Context) -> SafeString:
    request = context.get("request")
    if request is None:
        return mark_safe("")
    parts: list[str] = []
    match = getattr(request, "resolver_match", None)
    if match is not None and match.url_name in feedback.OUTCOME_INVITED:
        parts.append(
            fragments.get_or_render_fixed(
                "feedback-outcome-link", lambda: render_to_string("includes/feedback_outcome.html")
            )
        )
    page = feedback.clear_page(request)
    if page:
        from advisor.views.feedback import clear_ticket

        form = fragments.get_or_render_fixed("feedback-clear", _clear_form)
        csrf = format_html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">',
            context.get("csrf_token") or "",
        )
        ticket = escape(clear_ticket(page, request.path))
        parts.append(form.replace(_CSRF, csrf).replace(_TICKET, ticket))
    return mark_safe("".join(parts))
