"""The result fits this borrower (issue 17): the two debts of the borrower walk."""

from __future__ import annotations

import pytest
from django.test import Client

from advisor import check_answers
from tests.helpers import HUABEI, WEILIDAI, answer_debt, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def walked(client: Client, content: None) -> str:
    answer_debt(client, 1, WEILIDAI)
    answer_debt(client, 2, HUABEI)
    return text_of(client.get("/check/result/"))


def test_no_figure_is_computed_to_cross_a_threshold(walked: str) -> None:
    assert "¥18,001" not in walked and "¥19,999" not in walked
    assert "让欠款降到" not in walked


def test_a_raising_lender_kind_reason_does_not_argue_the_opposite(walked: str) -> None:
    assert "网贷更多靠电话和起诉；其他类型" not in walked
    assert "所以只略微提高" in walked


@pytest.mark.parametrize(
    ("kind", "words"),
    [("credit_card", "信用卡中心过去较常外访"), ("consumer_finance", "比信用卡中心少")],
)
def test_the_lender_kind_reason_matches_the_kind(kind: str, words: str) -> None:
    assert words in check_answers.reason_text("lender_kind", kind)


def test_the_result_leads_with_the_level_and_three_actions(client: Client, content: None) -> None:
    answer_debt(client, 1, WEILIDAI)
    answer_debt(client, 2, HUABEI)
    page = client.get("/check/result/").content.decode()
    lead = page[: page.index("<details")]
    assert "今天先做这三件事" in lead
    assert lead.count('class="tag level-') == 2
    actions = lead[lead.index("today-actions") :].split("</ol>")[0]
    assert actions.count("<li>") == 3
    assert 'href="/visitor/"' in actions  # a visit was announced
    # The timeline and the detailed reasons are folded, readable without JavaScript.
    assert page.index('id="timeline-title"') > page.index("<details")


def _codes(**answers: object) -> list[str]:
    return [code for code, _words, _url in check_answers.today_actions([answers])]


def test_the_three_actions_follow_the_answers() -> None:
    calm = _codes(
        amount="3000",
        kind="consumer_finance",
        contact="cooperating",
        arrangement="kept",
        signals=["none"],
        days_overdue=20,
    )
    assert calm == ["keep", "record", "budget"]
    worried = _codes(
        amount="38000",
        kind="online_bank",
        contact="not_answering",
        arrangement="none",
        signals=["visit_announced", "court_notice"],
        days_overdue=120,
    )
    assert worried == ["court", "door", "answer"]


def test_the_region_is_asked_once_not_for_every_debt(client: Client, content: None) -> None:
    answer_debt(client, 1, WEILIDAI)
    # The second debt goes from its last question of its own straight to the result.
    assert answer_debt(client, 2, HUABEI[:-1]) == "/check/result/"
    stored = client.session["bh"]["check"]["debts"]
    assert "region" in stored[1] and stored[1]["region"] == stored[0]["region"]


def test_changing_the_region_changes_it_for_every_debt(client: Client, content: None) -> None:
    answer_debt(client, 1, WEILIDAI)
    answer_debt(client, 2, HUABEI[:-1])
    client.post("/check/debt/2/region/", {"region": "tier1"})
    stored = client.session["bh"]["check"]["debts"]
    assert [debt["region"] for debt in stored] == ["tier1", "tier1"]
