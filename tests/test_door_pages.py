"""The visitor page, its checklist, the door card and the scam checker, without JavaScript."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from lxml import html as lxml_html

from advisor import content
from advisor.models import Lender
from advisor.rules import door

pytestmark = pytest.mark.django_db


def _html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def test_every_page_links_to_the_visitor_page_in_one_tap(client: Client, content: None) -> None:
    for url in ["/", "/rights/", "/scam/", "/evidence/"]:
        assert 'href="/visitor/"' in _html(client.get(url))
    assert reverse("advisor-visitor") == "/visitor/"


def test_visitor_page_gives_the_steps_in_order_with_phrases_to_say(
    client: Client, content: None
) -> None:
    html = _html(client.get("/visitor/"))
    order = [
        "我不开门",
        "请告诉我你的姓名、公司和工号",
        "请出示你的证件",
        "我先给机构官方客服打电话核实",
        "我不付现金",
        "我不签任何东西",
        "我在录音",
    ]
    positions = [html.index(phrase) for phrase in order]
    assert positions == sorted(positions)
    assert 'action="/visitor/check/"' in html and 'method="post"' in html
    assert 'data-hx-post="/visitor/check/"' in html


def test_call_110_links_are_tel_links(client: Client, content: None) -> None:
    html = _html(client.get("/visitor/"))
    assert 'href="tel:110"' in html
    rights = _html(client.get("/rights/"))
    for number in ["12378", "12363", "110", "96110", "12321"]:
        assert f'href="tel:{number}"' in rights
    assert re.findall(r'href="tel:([^"]*)"', rights) == [
        n for n in re.findall(r'href="tel:([^"]*)"', rights) if n.isdigit()
    ]


def test_confirmed_lender_numbers_show_as_tel_links(client: Client, content: None) -> None:
    html = _html(client.get("/visitor/"))
    assert 'href="tel:95384"' in html  # WeBank, commonly listed
    assert 'href="tel:95188"' in html  # Alipay, confirmed
    assert 'href="tel:4008205555"' in html  # CMB card, confirmed, written with dashes


def test_the_lender_numbers_sit_under_the_step_that_says_to_call_the_lender(
    client: Client, content: None
) -> None:
    tree = lxml_html.fromstring(_html(client.get("/visitor/")))
    holders = tree.xpath(
        "//li[contains(@class, 'door-step')][.//details[@class='lender-directory']]"
    )
    assert [li.get("id") for li in holders] == [f"step-{door.CONFIRMED_BY_LENDER}"]


def test_unconfirmed_numbers_are_never_displayed(client: Client, content: None) -> None:
    lender = Lender.objects.filter(hotline_confirmed=False, hotline_listed=False).first()
    assert lender is not None
    lender.hotline = "400-622-7186"
    lender.save()
    Lender.objects.filter(pk=lender.pk).update(hotline="400-622-7186")
    for url in ["/visitor/", "/visitor/card/", "/rights/"]:
        html = _html(client.get(url))
        assert "622-7186" not in html and "6227186" not in html
    assert "没有可核实的号码" in _html(client.get("/visitor/"))
    card = client.get("/visitor/card.pdf?size=a4")
    assert card.status_code == 200


def test_checklist_without_javascript_ends_with_red_flags_and_what_to_do(
    client: Client, content: None
) -> None:
    response = client.post("/visitor/check/", {"ticked": ["door-closed", "rf-pay-personal"]})
    assert response.status_code == 302
    assert response["Location"] == "/visitor/result/"
    html = _html(client.get(response["Location"]))
    assert "看到了危险信号" in html
    assert "要我付现金" in html
    assert 'href="tel:96110"' in html
    # The ticks are kept: the checklist shows them ticked.
    visitor = _html(client.get("/visitor/"))
    assert 'value="rf-pay-personal" id="tick-rf-pay-personal" checked' in visitor


def test_checklist_says_looks_genuine_only_after_the_lender_confirmed(
    client: Client, content: None
) -> None:
    client.post("/visitor/check/", {"ticked": ["door-closed", "asked-identity"]})
    assert "还没有核实" in _html(client.get("/visitor/result/"))
    client.post("/visitor/check/", {"ticked": ["door-closed", "called-lender"]})
    html = _html(client.get("/visitor/result/"))
    assert "看起来是真的催收" in html
    assert "只在机构自己的App或官方渠道还款" in html


def test_threats_mean_call_110_now(client: Client, content: None) -> None:
    client.post("/visitor/check/", {"ticked": ["called-lender", "rf-refuse-leave"]})
    html = _html(client.get("/visitor/result/"))
    assert "现在就打110" in html and 'href="tel:110"' in html


def test_htmx_gets_the_result_fragment_in_place(client: Client, content: None) -> None:
    response = client.post(
        "/visitor/check/", {"ticked": ["rf-threats"]}, headers={"HX-Request": "true"}
    )
    html = _html(response)
    assert html.lstrip().startswith('<div class="door-result')
    assert "<html" not in html


def test_tampered_ticks_are_ignored(client: Client, content: None) -> None:
    response = client.post("/visitor/check/", {"ticked": ["<script>", "rf-threats"]})
    assert response.status_code == 302
    assert "<script>" not in _html(client.get("/visitor/result/"))


def test_reset_clears_the_ticks(client: Client, content: None) -> None:
    client.post("/visitor/check/", {"ticked": ["rf-threats"]})
    client.post("/visitor/reset/")
    assert "还没有核实" in _html(client.get("/visitor/result/"))


def test_door_card_has_phrases_numbers_and_pdfs(client: Client, content: None) -> None:
    html = _html(client.get("/visitor/card/"))
    assert "我不开门" in html and "110" in html and "96110" in html and "12378" in html
    for size in ["a6", "a4"]:
        response = client.get(f"/visitor/card.pdf?size={size}")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")


def test_scam_checker_shows_red_flags_and_the_free_alternative(
    client: Client, content: None
) -> None:
    html = _html(client.get("/scam/"))
    assert 'action="/scam/check/"' in html
    response = client.post("/scam/check/", {"ticked": ["upfront-fee", "promises-repair"]})
    assert response["Location"] == "/scam/result/"
    result = _html(client.get("/scam/result/"))
    assert "发现 2 个危险信号" in result
    assert "自己打贷款机构的官方客服申请协商还款" in result
    assert "免费向征信中心或贷款机构提出异议" in result


def test_scam_checker_with_nothing_ticked_still_warns(client: Client, content: None) -> None:
    client.post("/scam/check/", {})
    assert "这不代表一定安全" in _html(client.get("/scam/result/"))


def test_english_pages_use_english_content(client: Client, content: None) -> None:
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = _html(client.get("/visitor/"))
    assert "I won&#x27;t open the door" in html or "I won't open the door" in html
    assert "Talk to me through the door" in html
    assert "有人上门：先不要开门" not in html


def test_content_lives_in_the_editor_tables(content: None) -> None:
    checklist, items = content_checklist("door")
    assert checklist is not None and len(items) >= 8
    assert all(item.t("text", "en") for item in items)


def content_checklist(slug: str):
    return content.checklist(slug)
