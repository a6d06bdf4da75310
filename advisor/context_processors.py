from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse

from advisor.http import in_wechat

# Pages that do not offer "this is too much": the page itself, and erasing (nothing is kept).
NO_TOO_MUCH_LINK = frozenset({"advisor-too-much", "advisor-erase", "advisor-erased"})


def too_much_url(request: HttpRequest) -> str:
    """The "this is too much" link for this page, coming back here afterwards; "" if none."""
    match = getattr(request, "resolver_match", None)
    if match is None or not (match.url_name or "").startswith("advisor-"):
        return ""
    if match.url_name in NO_TOO_MUCH_LINK:
        return ""
    return reverse("advisor-too-much") + "?" + urlencode({"next": request.get_full_path()})


def site(request: HttpRequest) -> dict[str, Any]:
    return {
        "TOO_MUCH_URL": too_much_url(request),
        "IN_WECHAT": in_wechat(request),
    }
