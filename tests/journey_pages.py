"""Every page of the site, and one borrower who has filled everything in, for page-wide tests.

The pages are read from the URL conf, so a new page is covered (or must be named below) as
soon as it exists. The borrower is the one of the borrower walk (issue 17): 微粒贷 ¥38,000,
120 days, not answering, a visit announced; 花呗 ¥3,000, 20 days, cooperating; a budget; a
plan over three lenders; an evidence log with one visit.
"""

from __future__ import annotations

from unittest import mock

from django.test import Client
from django.urls import URLPattern, reverse

from advisor.urls import urlpatterns
from tests.helpers import HUABEI, WEILIDAI, answer_debt

# Downloads and the load balancer's probe are not pages.
NOT_PAGES = frozenset({"advisor-healthz"})
DOWNLOAD_SUFFIXES = (".pdf", ".ics", ".png")
# Forms that only accept POST (a GET is refused with 405; tests/test_too_much.py checks it).
POST_ONLY = frozenset(
    {
        "advisor-check-restart",
        "advisor-start-again",
        "advisor-visitor-check",
        "advisor-visitor-reset",
        "advisor-scam-check",
        "advisor-evidence-start",
        "advisor-evidence-delete",
        "advisor-evidence-forget",
        "advisor-plan-debt-remove",
        "advisor-tracker-start",
        "advisor-tracker-remove",
        "advisor-tracker-delete-step",
        "advisor-clear",
    }
)
TRACKED = "a1b2c3d4"  # the id of the lender the borrower follows up with
# The arguments of pages whose URL has some.
ARGS: dict[str, list[object]] = {
    "advisor-check-step": [1, "amount"],
    "advisor-check-remove": [2],
    "advisor-plan-debt-edit": [1],
    "advisor-letter-gate": ["loan-negotiation"],
    "advisor-letter-write": ["loan-negotiation"],
    "advisor-evidence-delete": ["x"],
    "advisor-plan-debt-remove": [1],
    "advisor-tracker-lender": [TRACKED],
    "advisor-tracker-add-step": [TRACKED, "complaint"],
    "advisor-tracker-remove": [TRACKED],
    "advisor-tracker-delete-step": [TRACKED, "x"],
}

BUDGET = {
    "salary": "6500",
    "housing": "2000",
    "food": "1200",
    "transport": "300",
    "utilities": "200",
    "dependants": "400",
    "reserve": "300",
    "pay_day": "15",
}
EVIDENCE = {
    "kind": "visit",
    "date": "2026-11-20",
    "time": "22:40",
    "who": "自称某某资产管理公司外访员，工号 A123",
    "what": "说下周还要来，要找我单位领导",
    "attachments": "录音_1120.m4a",
}
FOLLOWED = {"lender": "webank-weilidai", "name": ""}
THIRD_LENDER = {"lender": "cmb-credit-card", "principal": "12000", "charges": "", "rate": "18"}


def patterns() -> list[URLPattern]:
    return [p for p in urlpatterns if isinstance(p, URLPattern)]


def is_download(pattern: URLPattern) -> bool:
    return str(pattern.pattern).endswith(DOWNLOAD_SUFFIXES)


def page_names() -> list[str]:
    """The URL name of every HTML page a borrower can open with GET."""
    return [
        p.name
        for p in patterns()
        if p.name and p.name not in NOT_PAGES | POST_ONLY and not is_download(p)
    ]


def page_path(name: str) -> str:
    return reverse(name, args=ARGS.get(name, []))


def page_paths(name: str) -> list[str]:
    """Every variant of a page worth opening: each question of the check, each letter."""
    from advisor import check_steps, content

    if name == "advisor-check-step":
        return [reverse(name, args=[1, slug]) for slug in check_steps.SLUGS]
    if name in {"advisor-letter-gate", "advisor-letter-write"}:
        return [reverse(name, args=[t.slug]) for t in content.letter_templates()]
    return [page_path(name)]


def fill_borrower(client: Client) -> Client:
    """The two-debt check, a budget and a plan over three lenders, in ``client``'s session."""
    answer_debt(client, 1, WEILIDAI)
    answer_debt(client, 2, HUABEI)
    assert client.get("/plan/debts/").status_code == 200  # the check's two debts come across
    assert client.post("/plan/budget/", BUDGET).status_code == 302
    assert client.post("/plan/debts/add/", THIRD_LENDER).status_code == 302
    assert client.get("/plan/result/").status_code == 200
    assert client.post("/evidence/start/").status_code == 302
    assert client.post("/evidence/", EVIDENCE).status_code == 302
    with mock.patch("advisor.tracker.new_id", return_value=TRACKED):
        assert client.post("/follow-up/", FOLLOWED).status_code == 302
    letter = {"day": "2026-11-20", "how": "ems", "reference": "EA123456789CN"}
    assert client.post(f"/follow-up/{TRACKED}/add/letter/", letter).status_code == 302
    return client
