"""{% feedback_forms %}: "was this page clear?" and "tell us what happened", on the pages that ask."""

from __future__ import annotations

from typing import Any

from django import template

from advisor import feedback, fragments
from advisor.forms.feedback import ClearForm

register = template.Library()


def _clear_fields() -> str:
    """The question and its choices, the same on every page: drawn once per language."""
    form = ClearForm(auto_id="feedback-%s")
    return "".join(str(field.as_field_group()) for field in form.visible_fields())


@register.inclusion_tag("includes/feedback.html", takes_context=True)
def feedback_forms(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    if request is None:
        return {}
    match = getattr(request, "resolver_match", None)
    page = feedback.clear_page(request)
    found: dict[str, Any] = {
        "csrf_token": context.get("csrf_token"),
        "outcome_invited": match is not None and match.url_name in feedback.OUTCOME_INVITED,
    }
    if page:
        from advisor.views.feedback import clear_ticket

        found["ticket"] = clear_ticket(page, request.path)
        found["clear_fields"] = fragments.get_or_render_fixed("feedback-clear", _clear_fields)
    return found
