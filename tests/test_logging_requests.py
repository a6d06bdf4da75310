"""Logs: one line per request (method, path, status, duration) and never a borrower's details."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.helpers import Capture

pytestmark = pytest.mark.django_db

# Unique markers that can only reach a log line if a query string, a form body or a header
# value was logged. Hostile shapes too: markup, template syntax, SQL, control characters.
NAME = "隐私测试姓名甲乙丙"
ID_NUMBER = "11010119900307777X"
PHONE = "13911112222"
CONTRACT = "HT-PRIVATE-20261123-991"
ADDRESS = "朝阳区秘密路99号"
HOSTILE = f"<script>alert('{NAME}')</script>{{{{ {ID_NUMBER} }}}}' OR 1=1;--\x00\x1b"
MARKERS = [NAME, ID_NUMBER, PHONE, CONTRACT, ADDRESS, "alert(", "OR 1=1"]

FORM = {
    "name": NAME,
    "full_name": NAME,
    "id_number": ID_NUMBER,
    "id_fragment": ID_NUMBER[-4:] + "Q9",
    "phone": PHONE,
    "contract": CONTRACT,
    "contract_no": CONTRACT,
    "address": ADDRESS,
    "lender": HOSTILE,
    "amount": "１２３４５６７８９０１２３４５６７８９",
    "note": HOSTILE * 20,
    "q": HOSTILE,
}
QUERY = f"?name={NAME}&id={ID_NUMBER}&phone={PHONE}&c={CONTRACT}&next=/{ADDRESS}"


def site_paths() -> list[str]:
    """Every URL of the site that takes no arguments (not the admin: editors, not borrowers)."""

    def walk(patterns: list, prefix: str) -> Iterator[str]:
        for pattern in patterns:
            route = str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                if route.startswith("admin/"):
                    continue
                yield from walk(pattern.url_patterns, prefix + route)
            elif isinstance(pattern, URLPattern) and "<" not in route and "(" not in route:
                yield "/" + prefix + route.lstrip("^").rstrip("$")

    return sorted(set(walk(get_resolver().url_patterns, "")))


REQUEST_LINE = re.compile(
    r"^borrower_help\.requests INFO method=(GET|POST) path=(\S+) status=(\d{3}) duration_ms=\d+\.\d$"
)


def test_each_request_gives_one_line_with_method_path_status_and_duration(
    client: Client, captured_logs: Capture
) -> None:
    client.get("/" + QUERY)
    client.get("/no-such-page/" + QUERY)

    lines = [line for line in captured_logs.lines if line.startswith("borrower_help.requests")]
    assert len(lines) == 2
    first, second = (REQUEST_LINE.match(line) for line in lines)
    assert first and first.groups() == ("GET", "/", "200")
    assert second and second.groups() == ("GET", "/no-such-page/", "404")


def test_hostile_and_personal_data_posted_anywhere_never_reaches_the_logs(
    content: None, captured_logs: Capture
) -> None:
    client = Client(raise_request_exception=False, HTTP_USER_AGENT=HOSTILE, HTTP_REFERER=QUERY)
    paths = site_paths()
    assert "/" in paths and "/erase/" in paths

    for path in paths:
        if not path.endswith(".pdf"):  # PDFs are slow to render and log like any other page
            client.get(path + QUERY)
        client.post(path + QUERY, FORM)
        client.post(path + QUERY, FORM, headers={"HX-Request": "true"})
    client.post("/no-such-page/" + QUERY, FORM)

    request_lines = [line for line in captured_logs.lines if "borrower_help.requests" in line]
    pdfs = sum(path.endswith(".pdf") for path in paths)
    assert len(request_lines) == 3 * len(paths) - pdfs + 1
    everything = "\n".join(captured_logs.lines)
    leaked = [marker for marker in MARKERS if marker in everything]
    assert leaked == [], f"personal data in logs: {leaked}"
    assert "?" not in "\n".join(request_lines)
