"""The guided check, driven through the test client: plain forms and links, no JavaScript."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from advisor import check_answers, check_steps, session
from tests.helpers import answer_debt, text_of
from tests.sample_borrower import FIRST_DEBT, SECOND_DEBT

pytestmark = pytest.mark.django_db


def test_the_start_page_is_the_first_question_under_a_few_lines_of_intro(
    client: Client, content: None
) -> None:
    response = client.get("/check/")
    text = text_of(response)
    assert response.status_code == 200
    assert "2分钟" in text
    assert "只保存在这次访问里" in text
    page = response.content.decode()
    first = check_steps.STEPS[0]
    assert f'action="/check/debt/1/{first.slug}/"' in page  # the answer goes to its own page
    assert all(f'name="{name}"' in page for name in first.form.base_fields)
    assert "/check/resume/" in page
    assert 'class="back-link' not in page  # the first page of the check: nothing to go back to
    assert text.index("2分钟") < text.index(
        str(first.form().fields[first.form.heading_field or ""].label)
    )


def test_a_refused_first_answer_is_sent_again_to_the_question_not_to_the_start_page(
    client: Client, content: None
) -> None:
    # With JavaScript the refused answer is shown in place and the address bar keeps /check/,
    # which takes no answers: the form must name the question's own address.
    first = check_steps.STEPS[0].slug
    refused = client.post(f"/check/debt/1/{first}/", {}, headers={"HX-Request": "true"})
    assert refused.status_code == 200
    assert f'action="/check/debt/1/{first}/"' in refused.content.decode()
    changed = client.get(f"/check/debt/1/{first}/?return=answers").content.decode()
    assert f'action="/check/debt/1/{first}/?return=answers"' in changed


def test_a_borrower_with_answers_is_offered_to_carry_on_or_start_again(
    client: Client, content: None
) -> None:
    answer_debt(client, 1, FIRST_DEBT[:2])
    page = client.get("/check/").content.decode()
    assert f'href="/check/debt/1/{FIRST_DEBT[2][0]}/"' in page
    assert 'action="/check/restart/"' in page


def test_whole_journey_for_two_debts_without_javascript(client: Client, content: None) -> None:
    client.get("/check/")
    assert answer_debt(client, 1, FIRST_DEBT) == "/check/result/"
    result = client.get("/check/result/")
    assert result.status_code == 200
    assert 'href="/check/debt/2/kind/"' in result.content.decode()  # another debt
    assert 'href="/check/answers/"' in result.content.decode()  # the answers, to change one
    assert answer_debt(client, 2, SECOND_DEBT) == "/check/result/"

    stored = session.load(client_request(client), "check")["debts"]
    assert [d["amount"] for d in stored] == ["52000.00", "3000.00"]
    assert stored[0]["days_range"] == "91-180"
    assert stored[1]["days_overdue"] == 12
    assert stored[1]["region"] == stored[0]["region"] == "tier2"  # asked once, for both debts

    answers_text = text_of(client.get("/check/answers/"))
    assert "某某银行信用卡" in answers_text
    assert "微众银行（微粒贷）" in answers_text
    assert "¥52,000.00" in answers_text and "¥3,000.00" in answers_text
    assert "91到180天" in answers_text and "12 天" in answers_text

    result = client.get("/check/result/")
    assert result.status_code == 200
    text = text_of(result)
    assert "第 1 笔：某某银行信用卡" in text
    assert "第 2 笔：微众银行（微粒贷）" in text
    levels = re.findall(r'class="tag level-([a-z_]+)"', result.content.decode())
    assert levels == ["very_high", "low"]
    assert "很高" in text and "较低" in text
    assert "怎样能降低它" in text
    assert "2026-11-default" in text


def test_the_result_is_honest_an_indicator_never_a_percentage_or_a_promise(
    client: Client, content: None
) -> None:
    answer_debt(client, 1, FIRST_DEBT)
    text = text_of(client.get("/check/result/"))
    assert "不是预测" in text
    assert "行业做法" in text
    assert "差别很大" in text
    assert "%" not in text and "％" not in text and "概率为" not in text
    for forbidden in ("一定会上门", "肯定会上门", "不会有人上门", "会被列入黑名单"):
        assert forbidden not in text


def test_the_result_shows_the_stage_the_door_facts_and_next_steps(
    client: Client, content: None
) -> None:
    answer_debt(client, 1, FIRST_DEBT)
    result = client.get("/check/result/")
    page = result.content.decode()
    text = text_of(result)
    assert 'href="#stage-outsourcing"' in page
    assert 'id="stage-outsourcing"' in page
    assert "你的第 1 笔在这里" in text
    assert "行业做法（非规定）" in text  # stages are labelled as practice, with sources
    assert "来源" in text
    assert 'href="/visitor/"' in page
    assert 'href="/plan/"' in page and 'href="/letters/"' in page
    assert "data-print" in page
    # What would lower it: answering, an arrangement, and a payment that lowers the level.
    assert "接听电话" in text
    assert "和机构谈好还款安排" in text


def test_paying_part_is_suggested_without_a_yuan_figure_only_when_it_lowers_the_level(
    client: Client, content: None
) -> None:
    quieter = dict(FIRST_DEBT)
    quieter.update(
        contact={"contact": "answering_cannot_pay"},
        signals={"signals": ["none"]},
        visited={"visit_history": "none"},
        agency={"agency": "no"},
        arrangement={"arrangement": "none"},
        region={"region": "unknown"},
    )
    answer_debt(client, 1, list(quieter.items()))
    text = text_of(client.get("/check/result/"))
    assert "较高" in text
    assert "先通过官方渠道还一部分，欠款金额这一项会下降" in text
    # No false precision: the amount bands are our own heuristic (content review row 104).
    assert "¥2,001.00" not in text and "¥49,999.00" not in text
    assert "会降到：中等" in text
    assert "不要转给个人" in text


def test_a_court_notice_puts_the_payment_order_deadline_first(
    client: Client, content: None
) -> None:
    steps = [
        (slug, {"signals": ["court_notice"]} if slug == "signals" else data)
        for slug, data in FIRST_DEBT
    ]
    answer_debt(client, 1, steps)
    result = client.get("/check/result/")
    text = text_of(result)
    assert "15天内" in text
    assert text.index("15天内") < text.index("第 1 笔")
    assert 'href="#stage-legal"' in result.content.decode()


def test_change_links_return_to_check_your_answers(client: Client, content: None) -> None:
    answer_debt(client, 1, FIRST_DEBT)
    page = client.get("/check/answers/").content.decode()
    assert 'href="/check/debt/1/amount/?return=answers"' in page
    form_page = client.get("/check/debt/1/amount/?return=answers").content.decode()
    assert 'value="52000.00"' in form_page
    assert 'href="/check/answers/"' in form_page  # the back link
    response = client.post("/check/debt/1/amount/?return=answers", {"amount": "8000"})
    assert response["Location"] == "/check/answers/"
    assert "¥8,000.00" in text_of(client.get("/check/answers/"))


def test_changing_the_kind_asks_for_the_lender_again(client: Client, content: None) -> None:
    answer_debt(client, 1, FIRST_DEBT)
    response = client.post("/check/debt/1/kind/?return=answers", {"kind": "consumer_finance"})
    assert response["Location"] == "/check/debt/1/lender/?return=answers"
    assert client.get("/check/result/")["Location"] == "/check/debt/1/lender/"
    lender_page = client.get("/check/debt/1/lender/").content.decode()
    assert "ant-huabei-jiebei" in lender_page
    assert "webank-weilidai" not in lender_page


def test_the_guard_sends_later_steps_and_the_result_to_the_first_unanswered_question(
    client: Client, content: None
) -> None:
    answer_debt(client, 1, FIRST_DEBT[:3])
    assert client.get("/check/debt/1/signals/")["Location"] == "/check/debt/1/overdue/"
    assert client.post("/check/debt/1/region/", {"region": "tier1"})["Location"] == (
        "/check/debt/1/overdue/"
    )
    assert client.get("/check/answers/")["Location"] == "/check/debt/1/overdue/"
    assert client.get("/check/result/")["Location"] == "/check/debt/1/overdue/"
    assert client.get("/check/debt/2/kind/")["Location"] == "/check/debt/1/overdue/"
    assert client.get("/check/debt/1/amount/").status_code == 200


@pytest.mark.parametrize(
    "url", ["/check/result/", "/check/answers/", "/check/debt/1/amount/", "/check/debt/3/kind/"]
)
def test_an_expired_session_gets_a_friendly_page_not_an_error(
    client: Client, content: None, url: str
) -> None:
    response = client.get(url)
    assert response.status_code == 200
    text = text_of(response)
    assert "没有找到你的回答" in text
    assert "/check/" in response.content.decode()


def test_a_post_after_the_session_expired_gets_the_friendly_page(
    client: Client, content: None
) -> None:
    response = client.post("/check/debt/1/contact/", {"contact": "cooperating"})
    assert response.status_code == 200
    assert "没有找到你的回答" in text_of(response)


@pytest.mark.parametrize(
    "tampered",
    [
        "not a dict",
        {"debts": "nope"},
        {"debts": [None, 3, "x"]},
        {"debts": [{"kind": "credit_card", "lender": "<script>", "amount": "-5"}]},
        {"debts": [{"kind": "bank", "amount": "abc", "days_overdue": "many", "signals": "x"}]},
        {"debts": [{**dict(FIRST_DEBT[0][1]), "first_missed": "2999-01-01", "days_overdue": -3}]},
    ],
)
def test_a_tampered_or_outdated_session_never_causes_a_server_error(
    client: Client, content: None, tampered: object
) -> None:
    client.get("/check/")
    s = client.session
    s[session.KEY] = {"v": session.VERSION, "check": tampered}
    s.save()
    for url in ["/check/", "/check/answers/", "/check/result/", "/check/debt/1/amount/"]:
        response = client.get(url, follow=True)
        assert response.status_code == 200, url


def test_a_first_missed_date_is_turned_into_days_and_kept_current(
    client: Client, content: None
) -> None:
    import time_machine

    with time_machine.travel("2026-11-23 12:00 +0800", tick=False):
        answer_debt(client, 1, FIRST_DEBT[:3])
        response = client.post("/check/debt/1/overdue/", {"first_missed": "2026-10-24"})
        assert response["Location"] == "/check/debt/1/contact/"
        assert check_answers.clean_debt(stored_debt(client)).days_overdue == 30
    with time_machine.travel("2026-11-24 10:00 +0800", tick=False):
        assert check_answers.clean_debt(stored_debt(client)).days_overdue == 31


def test_a_debt_can_be_removed_after_confirming(client: Client, content: None) -> None:
    answer_debt(client, 1, FIRST_DEBT)
    answer_debt(client, 2, SECOND_DEBT)
    assert "删除这笔欠款？" in text_of(client.get("/check/debt/1/remove/"))
    assert client.post("/check/debt/1/remove/")["Location"] == "/check/answers/"
    text = text_of(client.get("/check/answers/"))
    assert "某某银行信用卡" not in text
    assert "微众银行" in text


def test_an_extra_debt_started_by_mistake_can_be_dropped_unfinished(
    client: Client, content: None
) -> None:
    answer_debt(client, 1, FIRST_DEBT)
    answer_debt(client, 2, SECOND_DEBT[:2])
    page = client.get("/check/debt/2/amount/").content.decode()
    assert 'href="/check/debt/2/remove/"' in page
    assert (
        'href="/check/debt/1/remove/"' not in client.get("/check/debt/1/amount/").content.decode()
    )
    assert client.post("/check/debt/2/remove/")["Location"] == "/check/answers/"
    assert client.get("/check/result/").status_code == 200


def test_start_again_clears_only_the_check(client: Client, content: None) -> None:
    answer_debt(client, 1, FIRST_DEBT)
    start = client.get("/check/").content.decode()
    assert "继续上次的回答" in start
    assert client.post("/check/restart/")["Location"] == "/check/"
    assert "继续上次的回答" not in client.get("/check/").content.decode()


def test_checked_debts_is_what_the_plan_and_letters_import(client: Client, content: None) -> None:
    answer_debt(client, 1, FIRST_DEBT)
    answer_debt(client, 2, SECOND_DEBT[:4])
    debts = check_answers.checked_debts(client_request(client))
    assert [d.index for d in debts] == [0, 1]
    first, second = debts
    assert first.complete and not second.complete
    assert first.lender_name == "某某银行信用卡"
    assert second.lender_slug == "webank-weilidai"
    assert second.lender_name == "微众银行（微粒贷）"
    assert str(first.amount) == "52000.00"
    assert first.days_overdue == 91
    assert first.contact == "not_answering"
    assert first.estimate.level == "very_high"
    assert first.estimate.score > second.estimate.score


def test_the_result_page_is_in_english_when_chosen(client: Client, content: None) -> None:
    answer_debt(client, 1, FIRST_DEBT)
    client.post("/i18n/setlang/", {"language": "en", "next": "/check/result/"})
    text = text_of(client.get("/check/result/"))
    assert "Your results" in text
    assert "Very high" in text
    assert "From about 3 months overdue" in text
    assert "not a prediction" in text


def client_request(client: Client):
    """A request object carrying the client's session, for reading it through our API."""
    from django.contrib.sessions.backends.db import SessionStore
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.session = SessionStore(session_key=client.session.session_key)
    request.COOKIES = {}
    return request


def stored_debt(client: Client) -> dict:
    return client.session[session.KEY]["check"]["debts"][0]
