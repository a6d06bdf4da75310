"""Small-loan companies: their own lender list, and complaints routed to the local regulator.

A 小额贷款公司 is supervised by its province's local financial regulator (domain-facts §8.5);
the site never sends its complaints to 12378 alone, and never offers it bank cards.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from advisor import content as site_content
from advisor.forms.check import LenderForm
from advisor.rules import letter
from advisor.views.letters import SMALL_LOAN_COMPLAINTS
from tests.helpers import keep_one_night_call

pytestmark = pytest.mark.django_db


def _debt(kind: str, lender: str, name: str = "") -> dict[str, object]:
    return {
        "kind": kind,
        "lender": lender,
        "lender_other": name,
        "amount": "2000.00",
        "days_overdue": 10,
        "days_range": "",
        "first_missed": "",
        "contact": "cooperating",
        "signals": ["third_parties"],
        "arrangement": "none",
        "region": "tier2",
    }


SMALL = _debt("small_loan", "other", "某某小额贷款有限公司")
CARD = _debt("credit_card", "cmb-credit-card")


def _client(client: Client, *debts: dict[str, object]) -> Client:
    session = client.session
    session["bh"] = {"v": 1, "check": {"debts": list(debts)}}
    session.save()
    return client


def _text(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def _route_title() -> str:
    fact = site_content.fact(SMALL_LOAN_COMPLAINTS)
    assert fact is not None and fact.source_title
    return fact.t("title")


def test_the_12378_letter_is_not_for_small_loan_companies() -> None:
    rule = letter.letter_rule("complaint-12378")
    assert not rule.suits("small_loan")
    assert all(rule.suits(kind) for kind in ("credit_card", "consumer_finance", "online_bank"))


def test_the_12378_gate_refuses_a_small_loan_debt_and_gives_the_local_regulator_route(
    content, client: Client
) -> None:
    page = _client(client, SMALL).get(reverse("advisor-letter-gate", args=["complaint-12378"]))
    html = page.content.decode()
    assert reverse("advisor-letter-write", args=["complaint-12378"]) not in html
    text = _text(page)
    assert "地方金融管理部门" in text
    assert _route_title() in text and 'id="small-loan-route"' in html


def test_with_a_card_and_a_small_loan_the_12378_letter_is_offered_for_the_card_only(
    content, client: Client
) -> None:
    client = _client(client, CARD, SMALL)
    gate = _text(client.get(reverse("advisor-letter-gate", args=["complaint-12378"])))
    assert "某某小额贷款有限公司：是小额贷款公司" in gate
    write = client.get(reverse("advisor-letter-write", args=["complaint-12378"]) + "?debt=2")
    picked = write.context["debt"]
    assert picked is not None and picked.kind == "credit_card"
    assert all(debt.kind != "small_loan" for debt in write.context["debts"])
    assert _route_title() in _text(write)


def test_the_lender_complaint_sends_small_loan_complaints_to_the_local_regulator(
    content, client: Client
) -> None:
    page = _client(client, SMALL).get(reverse("advisor-letter-gate", args=["complaint-lender"]))
    assert _route_title() in _text(page)
    template = next(t for t in site_content.letter_templates() if t.slug == "complaint-lender")
    for language in ("zh-hans", "en"):
        sending = template.t("sending", language)
        assert "12378" in sending
        assert ("地方金融管理部门" if language == "zh-hans" else "local financial regulator") in (
            sending
        )


def test_for_family_names_the_local_regulator_for_small_loan_companies(
    content, client: Client
) -> None:
    page = client.get(reverse("advisor-for-family"))
    html = page.content.decode()
    assert 'id="small-loan-route"' in html
    assert _route_title() in _text(page)


def test_the_evidence_export_can_go_to_the_local_regulator(content, client: Client) -> None:
    keep_one_night_call(client)
    form = client.get(reverse("advisor-evidence")).content.decode()
    assert 'name="to" value="local_regulator"' in form
    summary = _text(client.get(reverse("advisor-evidence-summary") + "?to=local_regulator"))
    assert "地方金融管理部门" in summary and "12378" not in summary
    assert "已于" in summary  # says the lender was complained to first


def test_a_small_loan_debt_is_offered_small_loan_companies_not_cards(content) -> None:
    form = LenderForm(kind="small_loan")
    choices = dict(form.fields["lender"].choices)
    kinds = {lender.slug: lender.kind for lender in site_content.lenders()}
    assert all(kinds[slug] == "small_loan" for slug in choices if slug != "other")
    assert "其他小额贷款公司" in str(choices["other"])
    assert form.fields["lender"].initial == "other"
    typed = LenderForm(
        {"lender": "other", "lender_other": "某某小额贷款有限公司"}, kind="small_loan"
    )
    assert typed.is_valid(), typed.errors
    assert typed.cleaned_data["lender_other"] == "某某小额贷款有限公司"


@pytest.mark.parametrize("ticked", [["door-closed", "called-lender"], ["rf-pay-personal"]])
def test_after_a_visit_the_next_steps_name_the_local_regulator_too(
    content, client: Client, ticked: list[str]
) -> None:
    client.post(reverse("advisor-visitor-check"), {"ticked": ticked})
    text = _text(client.get(reverse("advisor-visitor-result")))
    assert "12378" in text and "小额贷款公司" in text and "地方金融管理部门" in text
