"""Letters that cannot go wrong (issue 17): a letter is offered only for the debts it is for,
the page says why another is not, and the letter's debt figure is the one its monthly
amount comes from."""

from __future__ import annotations

import copy

import pytest
from django.test import Client
from django.urls import reverse

from tests.helpers import CHECK, PLAN, details_then_edit, write_url

pytestmark = pytest.mark.django_db


def _with(client: Client, **areas: object) -> Client:
    session = client.session
    session["bh"] = {"v": 1, **areas}
    session.save()
    return client


def test_the_card_letter_is_not_offered_when_no_debt_is_a_card(content, client: Client) -> None:
    _with(client, check={"debts": [CHECK["debts"][1]]})
    gate = client.get(reverse("advisor-letter-gate", args=["card-instalment"])).content.decode()
    assert "适合我，开始写信" not in gate
    assert reverse("advisor-letter-gate", args=["loan-negotiation"]) in gate


def test_the_card_letter_never_takes_a_loan_debt(content, client: Client) -> None:
    _with(client, check={"debts": [CHECK["debts"][1]]})
    page = client.get(write_url("card-instalment"))
    initial = page.context["form"].initial
    assert "支付宝" not in initial.get("lender", "")
    assert initial.get("amount", "") != "¥8,800.00"
    assert "不是信用卡，这封信只适用于信用卡" in page.content.decode()
    # It names the letter to use instead, by that letter's title as editors keep it.
    assert "请用“协商还款／延期还款申请（网贷、消费金融）”" in page.content.decode()


def test_asking_for_a_loan_debt_by_number_does_not_put_it_in_the_card_letter(
    content,
    client: Client,
) -> None:
    _with(client, check=CHECK)
    page = client.get(write_url("card-instalment") + "?debt=1")
    assert page.context["form"].initial["amount"] == "¥23,456.78"
    text = page.content.decode()
    assert 'href="?debt=1"' not in text  # the loan is not listed as a choice
    assert "不是信用卡" in text


def test_the_loan_letter_says_why_the_card_is_not_offered(content, client: Client) -> None:
    _with(client, check=CHECK)
    text = client.get(write_url("loan-negotiation")).content.decode()
    assert "是信用卡，信用卡请用“个性化分期还款申请（信用卡）”" in text


def test_the_letter_uses_the_figure_its_monthly_amount_comes_from(content, client: Client) -> None:
    plan = copy.deepcopy(PLAN)
    plan["debts"][0]["charges"] = "1500.00"  # the plan owes 24,956.78, the check said 23,456.78
    _with(client, check=CHECK, plan=plan)
    # The balance the monthly amount is worked out from, with its two parts.
    initial = client.get(write_url("card-instalment") + "?debt=0").context["form"].initial
    assert initial["amount"].startswith("¥24,956.78")
    months = int(initial["months"])
    monthly = initial["monthly"].replace("¥", "").replace(",", "")
    assert float(monthly) * (months - 1) < 24956.78 <= float(monthly) * months + 1


def test_every_attachment_list_is_in_the_first_person(content) -> None:
    import re

    from advisor import content as site_content

    for template in site_content.letter_templates():
        for line in template.t("evidence", "zh-hans").splitlines():
            assert "你" not in line, (template.slug, line)
        for line in template.t("evidence", "en").splitlines():
            assert not re.search(r"\byour?\b", line, re.IGNORECASE), (template.slug, line)


def test_the_written_letter_lists_its_attachments_in_the_first_person(
    content,
    client: Client,
) -> None:

    _with(client, check=CHECK)
    _page, _data, edit = details_then_edit(client, "loan-negotiation")
    text = edit.context["form"].initial["text"]
    assert "我的全部欠款清单" in text and "你所有欠款" not in text
