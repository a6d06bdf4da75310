"""Titles that describe, never disclose (issue 30): a journey with distinctive answers (the check,
a plan, a letter, the evidence log) leaves none of them in a page title or in an address, which a
shared phone's history and tab list show to the next person."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from lxml import html as lxml_html

from advisor import content as content_reads
from tests.helpers import WEILIDAI, answer_debt
from tests.journey_pages import BUDGET

pytestmark = pytest.mark.django_db

LENDER_TYPED = "青衫小额贷款"  # a lender the borrower names themselves
AMOUNT = "73519"
FIRST_MISSED = "2026-09-17"
SALARY = "8317"
PRINCIPAL = "12947"
NAME = "司马青衫"
CONTRACT = "HT-5512-0931"
SEEN_ON = "2026-10-13"
SERVED = "2026-11-03"  # the day court papers came
WHO = "工号Q7731"

# The sample borrower's 微粒贷 debt, with a lender typed in, an odd amount and a date.
DEBT = [
    ("kind", {"kind": "online_bank"}),
    ("lender", {"lender": "other", "lender_other": LENDER_TYPED}),
    ("amount", {"amount": AMOUNT}),
    ("overdue", {"first_missed": FIRST_MISSED}),
    *WEILIDAI[4:],
]
# A lender picked from the list: its name is the borrower's data as much as a typed one.
PICKED = [*WEILIDAI[:2], *DEBT[2:]]
PICKED_LENDER = WEILIDAI[1][1]["lender"]


class Recorder(Client):
    """A client that notes every address it asked for or was sent to, and every page title."""

    def __init__(self, **defaults: Any) -> None:
        super().__init__(**defaults)
        self.addresses: list[str] = []
        self.titles: list[str] = []

    def request(self, **request: Any) -> HttpResponse:
        response = super().request(**request)
        query = request.get("QUERY_STRING", "")
        self.addresses.append(request["PATH_INFO"] + (f"?{query}" if query else ""))
        if response.has_header("Location"):
            self.addresses.append(response["Location"])
        if "text/html" in response.get("Content-Type", "") and response.content:
            title = lxml_html.fromstring(response.content).findtext(".//title")
            self.titles.append(" ".join((title or "").split()))
        return response


def figures(value: str) -> list[str]:
    """How an amount may be written: 73519, 73,519, 73 519."""
    number = int(value)
    return [value, f"{number:,}", f"{number:,}".replace(",", " ")]


def secrets() -> list[str]:
    picked = content_reads.lender(PICKED_LENDER)
    assert picked is not None
    return [
        LENDER_TYPED,
        picked.name_zh_hans,
        picked.name_en,
        PICKED_LENDER,
        *figures(AMOUNT),
        *figures(SALARY),
        *figures(PRINCIPAL),
        FIRST_MISSED,
        SEEN_ON,
        SERVED,
        NAME,
        CONTRACT,
        WHO,
    ]


def post_form(client: Recorder, page: str, css_class: str, fields: dict[str, str]) -> None:
    """Send a form of ``page`` the way the browser would: by its method, to its action."""
    html = client.get(page).content
    (form,) = lxml_html.fromstring(html).xpath(f"//form[contains(@class, '{css_class}')]")
    if form.get("method", "get").lower() == "post":
        token = form.xpath(".//input[@name='csrfmiddlewaretoken']/@value")
        response = client.post(form.get("action"), {**fields, "csrfmiddlewaretoken": token})
    else:
        response = client.get(form.get("action").split("#")[0], fields)
    assert response.status_code == 200, page


def walk(client: Recorder) -> None:
    answer_debt(client, 1, DEBT)
    answer_debt(client, 2, PICKED)
    for path in ("/check/answers/", "/check/result/", "/check/debt/1/remove/", "/too-much/"):
        assert client.get(path).status_code == 200, path
    # The plan: a budget, the check's debts and one more, and the result.
    client.get("/plan/")
    assert client.post("/plan/budget/", {**BUDGET, "salary": SALARY}).status_code == 302
    client.get("/plan/debts/")
    added = {"lender": PICKED_LENDER, "principal": PRINCIPAL, "charges": "", "rate": "18"}
    assert client.post("/plan/debts/add/", added).status_code == 302
    for path in ("/plan/debts/1/", "/plan/result/", "/plan/summary/"):
        assert client.get(path).status_code == 200, path
    # A letter, written and previewed.
    write = reverse("advisor-letter-write", args=["loan-negotiation"])
    page = client.get(write)
    form = page.context["form"]
    data = {
        name: str(form.initial.get(name, field.initial) or "")
        for name, field in form.fields.items()
    }
    data.update(step="details", name=NAME, contract=CONTRACT, phone="13912345678")
    edit = client.post(write, data)
    assert edit.status_code == 200
    # The evidence log: one visit, then the printable summary for the picked lender.
    client.post("/evidence/start/")
    entry = {"kind": "visit", "date": SEEN_ON, "time": "22:40", "who": WHO, "what": "说还要来"}
    assert client.post("/evidence/", entry).status_code == 302
    post_form(client, "/evidence/", "export-form", {"to": "lender", "lender": PICKED_LENDER})
    # The deadline for court papers, from the day they came.
    post_form(client, "/papers/", "deadline-form", {"kind": "payment-order", "served": SERVED})


def test_no_title_and_no_address_of_a_journey_carries_the_borrowers_answers(
    content: None,
) -> None:
    client = Recorder()
    walk(client)
    assert len(client.titles) >= 25 and len(client.addresses) >= 40  # the walk really happened
    assert all(client.titles), "every page has a title (WCAG 2.4.2)"
    found = [
        (secret, where)
        for where in client.titles + client.addresses
        for secret in secrets()
        if secret.lower() in where.lower()
    ]
    assert found == []


def test_the_check_can_find_an_answer_in_a_title() -> None:
    """The search can fail: a title naming the lender is caught."""
    title = f"第 1 笔欠款：{LENDER_TYPED} – 借款人自助"
    assert [s for s in [LENDER_TYPED, *figures(AMOUNT)] if s in title] == [LENDER_TYPED]
    assert re.search("73,519", "¥73,519") and "73,519" in figures(AMOUNT)
