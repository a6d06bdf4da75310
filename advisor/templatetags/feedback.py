"""{% feedback_forms %}: "was this page clear?" and "tell us what happened", on the pages that ask."""

from __future__ import annotations

from typing import Any

from django import template

from advisor import feedback
from advisor.forms.feedback import ClearForm

register = template.Library()


@register.inclusion_tag("includes/feedback.html", takes_context=True)
def feedback_forms(context: template.Context) -> dict[str, Any]:
    request = context.get("request")
    if request is None:
        return {}
    match = getattr(request, "resolver_match", None)
    page = feedback.clear_page(request)
    form = None
    if page:
        from advisor.views.feedback import clear_ticket

        form = ClearForm(
            initial={"ticket": clear_ticket(page, request.path)}, auto_id="feedback-%s"
        )
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "clear_form": form,
        "outcome_invited": match is not None and match.url_name in feedback.OUTCOME_INVITED,
    }
