"""Two questions that drive visits (issue 17 item 2): has someone already come to the door,
and has the lender said the account is with an outside agency. Both feed the estimate and
the advice, show on check-your-answers, and are asked of sessions saved before they existed."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from advisor import check_answers, check_steps, session
from tests.helpers import answer_debt, stored_answers, text_of
from tests.sample_borrower import FIRST_DEBT, SECOND_DEBT

pytestmark = pytest.mark.django_db


def with_answers(steps: list, **changes: dict) -> list:
    return [(slug, changes.get(slug, data)) for slug, data in steps]


def lead_actions(client: Client) -> str:
    page = client.get("/check/result/").content.decode()
    return page[page.index("today-actions") :].split("</ol>")[0]


# A debt as stored before the two questions existed (complete then, incomplete now): the
# sample debt's answers without them, so any later question is answered in it.
NEW_QUESTIONS = ("visited", "agency")
OLD_COMPLETE = {
    key: value
    for key, value in stored_answers(FIRST_DEBT).items()
    if key not in {key for slug in NEW_QUESTIONS for key in check_steps.step(slug).keys}
}
OLD_HALF = {"kind": "online_bank", "lender": "webank-weilidai", "amount": "3000.00"}


def stored(client: Client, debts: list) -> None:
    client.get("/check/")
    s = client.session
    s[session.KEY] = {"v": session.VERSION, "check": {"debts": debts}}
    s.save()


def test_a_visit_that_happened_leads_to_the_after_visit_page_in_actions_and_reasons(
    client: Client, content: None
) -> None:
    answer_debt(client, 1, with_answers(FIRST_DEBT, visited={"visit_history": "calm"}))
    actions = lead_actions(client)
    assert 'href="/after-visit/"' in actions
    assert "已经有人上过门" in actions
    text = text_of(client.get("/check/result/"))
    assert "已经有人为这笔欠款上过门" in text  # the reason, in words
    assert "按再来的可能更大来算，是本站的粗略假设" in text
    page = client.get("/check/result/").content.decode()
    details = page[page.index("<details") :]
    assert "已经有人上过门了：这意味着什么，接下来做什么" in details


def test_a_visit_with_threats_says_so_and_names_110(client: Client, content: None) -> None:
    answer_debt(client, 1, with_answers(FIRST_DEBT, visited={"visit_history": "trouble"}))
    actions = lead_actions(client)
    assert 'href="/after-visit/"' in actions
    assert "威胁或闹事" in actions and "110" in actions


def test_no_visit_gives_no_after_visit_action_or_reason(client: Client, content: None) -> None:
    answer_debt(client, 1, with_answers(FIRST_DEBT, visited={"visit_history": "none"}))
    assert 'href="/after-visit/"' not in lead_actions(client)
    assert "已经有人为这笔欠款上过门" not in text_of(client.get("/check/result/"))


def test_the_actions_put_a_past_visit_after_court_papers_only() -> None:
    def codes(**answers: object) -> list[str]:
        return [code for code, _w, _u in check_answers.today_actions([answers])]

    visited = {"amount": "3000", "contact": "cooperating", "visit_history": "calm"}
    assert codes(**visited)[0] == "after_visit"
    assert codes(**visited, signals=["court_notice"])[:2] == ["court", "after_visit"]
    assert codes(**{**visited, "visit_history": "trouble"})[0] == "after_trouble"
    assert "after_visit" not in codes(**{**visited, "visit_history": "none"})


def test_an_outside_agency_shows_as_a_slight_raise(client: Client, content: None) -> None:
    answer_debt(client, 1, with_answers(SECOND_DEBT, agency={"agency": "yes"}))
    text = text_of(client.get("/check/result/"))
    assert "机构说已经交给外面的催收公司" in text
    assert "小幅上升" in text


def test_both_answers_show_on_check_your_answers_and_can_be_changed(
    client: Client, content: None
) -> None:
    answer_debt(client, 1, FIRST_DEBT)
    page = client.get("/check/answers/").content.decode()
    text = text_of(client.get("/check/answers/"))
    assert "上门情况" in text and "有人来过，过程比较平和" in text
    assert "是否委外催收" in text and "已经交给外面的催收公司" in text
    for slug in ("visited", "agency"):
        assert f'href="/check/debt/1/{slug}/?return=answers"' in page
    response = client.post("/check/debt/1/visited/?return=answers", {"visit_history": "trouble"})
    assert response["Location"] == "/check/answers/"
    response = client.post("/check/debt/1/agency/?return=answers", {"agency": "not_sure"})
    assert response["Location"] == "/check/answers/"
    text = text_of(client.get("/check/answers/"))
    assert "对方威胁、吵闹" in text and "不确定" in text


def test_a_session_saved_before_the_questions_existed_asks_them_without_an_error(
    client: Client, content: None
) -> None:
    stored(client, [dict(OLD_COMPLETE), dict(OLD_HALF)])
    for url in ("/check/", "/check/answers/", "/check/result/", "/check/debt/2/contact/"):
        assert client.get(url, follow=True).status_code == 200, url
    assert client.get("/check/result/")["Location"] == "/check/debt/1/visited/"
    assert client.get("/check/debt/1/agency/")["Location"] == "/check/debt/1/visited/"
    assert client.post("/check/debt/1/visited/", {"visit_history": "none"})["Location"] == (
        "/check/debt/1/agency/"
    )
    # Debt 1 is complete again: not walked through the questions it had already answered;
    # the result then sends the borrower on to the half-finished debt.
    assert client.post("/check/debt/1/agency/", {"agency": "no"})["Location"] == "/check/result/"
    # The half-finished debt 2 goes on from its first gap.
    assert client.get("/check/result/")["Location"] == "/check/debt/2/overdue/"
    kept = client.session[session.KEY]["check"]["debts"]
    assert kept[0]["arrangement"] == "broken" and kept[0]["visit_history"] == "none"


def counter(client: Client, url: str) -> tuple[int, int]:
    found = re.search(r"第 (\d+) 题，共 (\d+) 题", client.get(url).content.decode())
    assert found, url
    return int(found[1]), int(found[2])


def test_the_counter_counts_the_questions_this_debt_is_asked(client: Client, content: None) -> None:
    total = len(FIRST_DEBT)
    per_debt = [item.slug for item in check_steps.STEPS if not item.per_borrower]
    once = total - len(per_debt)  # the questions about the borrower, asked of the first debt
    last, last_of_debt = check_steps.SLUGS[-1], per_debt[-1]
    assert counter(client, "/check/debt/1/kind/") == (1, total)
    answer_debt(client, 1, FIRST_DEBT)
    assert counter(client, f"/check/debt/1/{last}/") == (total, total)
    # The second debt is not asked again what was said about the borrower.
    assert counter(client, "/check/debt/2/kind/") == (1, total - once)
    answer_debt(client, 2, [(slug, data) for slug, data in SECOND_DEBT if slug in per_debt[:-1]])
    assert counter(client, f"/check/debt/2/{last_of_debt}/") == (total - once, total - once)


def check_area(client: Client) -> dict:
    return client.session[session.KEY]["check"]


def test_answers_are_stored_with_their_format(client: Client, content: None) -> None:
    answer_debt(client, 1, FIRST_DEBT[:2])
    assert check_area(client)["format"] == check_answers.FORMAT


def test_answers_without_a_format_are_kept_and_saved_in_the_current_one(
    client: Client, content: None
) -> None:
    stored(client, [dict(OLD_COMPLETE)])  # format 1: no "format" key
    assert "format" not in check_area(client)
    assert client.get("/check/result/")["Location"] == "/check/debt/1/visited/"
    client.post("/check/debt/1/visited/", {"visit_history": "calm"})
    area = check_area(client)
    assert area["format"] == check_answers.FORMAT
    assert area["debts"][0]["amount"] == "52000.00"
    assert area["debts"][0]["visit_history"] == "calm"


@pytest.mark.parametrize("tampered_format", [99, 0, "2", None, True, [2], {"v": 2}, 2.5])
def test_an_unknown_or_tampered_format_starts_again_cleanly(
    client: Client, content: None, tampered_format: object
) -> None:
    complete = {**OLD_COMPLETE, "visit_history": "none", "agency": "no"}
    client.get("/check/")
    s = client.session
    s[session.KEY] = {
        "v": session.VERSION,
        "check": {"format": tampered_format, "debts": [complete]},
    }
    s.save()
    for url in ("/check/", "/check/answers/", "/check/result/", "/check/debt/1/amount/"):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
    # Nothing of unknown meaning is shown: the borrower starts again.
    assert "没有找到你的回答" in text_of(client.get("/check/result/"))
    assert client.post("/check/debt/1/kind/", {"kind": "credit_card"}).status_code == 302
    area = check_area(client)
    assert area["format"] == check_answers.FORMAT
    assert area["debts"] == [{"kind": "credit_card"}]


def test_the_same_answers_in_the_current_format_are_read(client: Client, content: None) -> None:
    """Control for the test above: only the format differs, and here the result shows."""
    complete = {**OLD_COMPLETE, "visit_history": "none", "agency": "no"}
    client.get("/check/")
    s = client.session
    s[session.KEY] = {
        "v": session.VERSION,
        "check": {"format": check_answers.FORMAT, "debts": [complete]},
    }
    s.save()
    response = client.get("/check/result/")
    assert response.status_code == 200
    assert "某某银行信用卡" in text_of(response)
