"""Save and resume the guided check with a save code (no accounts)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client
from lxml import html as lxml_html

from advisor import savecodes, session
from tests.helpers import answer_debt
from tests.sample_borrower import FIRST_DEBT, SECOND_DEBT

pytestmark = pytest.mark.django_db


def save(client: Client) -> str:
    response = client.post("/check/save/")
    assert response["Location"] == "/check/save/done/"
    cookie = response.cookies[session.SAVE_COOKIE]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"
    return cookie.value


def test_saving_shows_the_code_once_easy_to_copy_and_keeps_it_only_in_a_cookie(
    client: Client, content: None
) -> None:
    answer_debt(client, 1, FIRST_DEBT)
    code = save(client)
    page = client.get("/check/save/done/").content.decode()
    tree = lxml_html.fromstring(page)
    assert tree.get_element_by_id("save-code").text_content().strip() == code
    assert 'data-copy-target="save-code"' in page
    assert savecodes.get(code)["check"]["debts"][0]["amount"] == "52000.00"
    for row in Session.objects.all():
        assert code not in str(row.get_decoded())
        assert code.replace("-", "") not in row.session_data


def test_answers_given_after_saving_are_kept_under_the_same_code(
    client: Client, content: None
) -> None:
    answer_debt(client, 1, FIRST_DEBT)
    code = save(client)
    answer_debt(client, 2, SECOND_DEBT)
    assert len(savecodes.get(code)["check"]["debts"]) == 2
    assert save(client) == code  # saving again reuses the device's code


def test_the_code_restores_the_answers_on_another_device(client: Client, content: None) -> None:
    answer_debt(client, 1, FIRST_DEBT)
    code = save(client)
    other = Client()
    assert "输入你的保存码" in other.get("/check/resume/").content.decode()
    response = other.post("/check/resume/", {"code": code.lower().replace("-", " ")})
    assert response["Location"] == "/check/answers/"
    assert response.cookies[session.SAVE_COOKIE].value == code
    result = other.get("/check/result/")
    assert result.status_code == 200
    assert "某某银行信用卡" in result.content.decode()


def test_a_partly_answered_check_resumes_at_the_first_unanswered_question(
    client: Client, content: None
) -> None:
    answer_debt(client, 1, FIRST_DEBT[:4])
    code = save(client)
    response = Client().post("/check/resume/", {"code": code})
    assert response["Location"] == "/check/debt/1/contact/"


def test_a_wrong_or_deleted_code_gets_a_kind_error_not_a_crash(
    client: Client, content: None
) -> None:
    response = client.post("/check/resume/", {"code": "K7QM-3WXP-RT9C-HD4F"})
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content.decode())
    assert tree.findtext(".//title").startswith("错误：")
    assert "找不到用这个保存码保存的内容" in tree.text_content()
    assert session.SAVE_COOKIE not in response.cookies


def test_erasing_deletes_the_saved_answers(client: Client, content: None) -> None:
    answer_debt(client, 1, FIRST_DEBT)
    code = save(client)
    client.post("/erase/")
    with pytest.raises(savecodes.BadCode):
        savecodes.get(code)
    assert "没有找到你的回答" in client.get("/check/result/").content.decode()


def test_there_is_nothing_to_save_without_answers(client: Client, content: None) -> None:
    assert "没有找到你的回答" in client.get("/check/save/").content.decode()
    assert client.get("/check/save/done/")["Location"] == "/check/save/"


@pytest.mark.parametrize(
    "saved",
    [
        {"format": 99, "debts": [{"kind": "credit_card"}]},
        {"debts": [{"kind": "platform", "amount": "abc", "days_overdue": "many"}, "junk"]},
    ],
)
def test_a_code_holding_an_unknown_or_damaged_check_resumes_cleanly(
    client: Client, content: None, saved: dict
) -> None:
    code = savecodes.create({"check": saved})
    response = client.post("/check/resume/", {"code": code})
    assert response.status_code == 302
    page = client.get(response["Location"], follow=True)
    assert page.status_code == 200
    kept = client.session[session.KEY]["check"]
    assert kept["format"] == 2
    assert kept["debts"] == ([] if saved.get("format") == 99 else [{"kind": "platform"}])


def test_opening_a_code_gives_the_device_a_new_session_key(content: None) -> None:
    """A session key planted on the borrower's device beforehand must not read the answers."""
    owner = Client()
    answer_debt(owner, 1, FIRST_DEBT)
    code = save(owner)
    planter = Client()
    planter.get("/check/")
    planter.post("/visitor/check/", {"ticked": []})  # a valid session of the planter's own
    planted = planter.cookies[settings.SESSION_COOKIE_NAME].value
    borrower = Client()
    borrower.cookies[settings.SESSION_COOKIE_NAME] = planted
    assert borrower.post("/check/resume/", {"code": code})["Location"] == "/check/answers/"
    assert borrower.cookies[settings.SESSION_COOKIE_NAME].value != planted
    assert "52,000" in borrower.get("/check/answers/").content.decode()
    assert "52,000" not in planter.get("/check/answers/").content.decode()
    assert not Session.objects.filter(pk=planted).exists()


def test_a_new_key_that_cannot_be_written_gives_the_code_back(
    client: Client, content: None
) -> None:
    from unittest import mock

    from advisor.sessionstore import SessionStore, StoreUnavailable

    answer_debt(client, 1, FIRST_DEBT)
    code = save(client)
    with mock.patch.object(SessionStore, "cycle_key", side_effect=StoreUnavailable("down")):
        response = Client().post("/check/resume/", {"code": code})
    assert response.status_code == 503
    assert code in response.content.decode()
