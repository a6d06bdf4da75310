"""Helpers shared by the views: the typed htmx request, file downloads, and the client's
address behind our proxy."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def _trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _proxy_networks())


def _proxy_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    return [ipaddress.ip_network(item, strict=False) for item in settings.TRUSTED_PROXIES]


def client_address(request: HttpRequest) -> str:
    """The borrower's or editor's own address.

    REMOTE_ADDR, unless the request came from our own proxy (TRUSTED_PROXIES): then the last
    address the proxy appended to X-Forwarded-For (nginx's $proxy_add_x_forwarded_for), which
    is the address that connected to the proxy. Earlier entries are whatever the client sent
    and are never believed.
    """
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    if not _trusted(remote):
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for candidate in reversed(forwarded):
        if candidate and not _trusted(candidate):
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                return remote
    return remote


def axes_client_address(request: HttpRequest) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: the same address the rate limits use.

    None when the request carries no address (a sign-in made in code, not over the network):
    the sign-in records store addresses in an address column, which PostgreSQL checks.
    """
    address = client_address(request)
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def in_wechat(request: HttpRequest) -> bool:
    """Whether the page is open in WeChat's own browser, where downloads often fail."""
    return "MicroMessenger" in request.headers.get("User-Agent", "")


def attachment(data: bytes, filename: str, content_type: str) -> HttpResponse:
    """A download (PDF, Word, calendar) that no cache keeps."""
    response = HttpResponse(data, content_type=content_type)
    # ASCII file name: WeChat's browser mangles RFC 5987 names.
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
