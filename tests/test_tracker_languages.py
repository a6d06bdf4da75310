"""The tracker in Traditional Chinese and English: every page, the PDF's page and the reminders.

Traditional Chinese is generated (advisor.rules.hant): these tests render each tracker page
with three lenders at different stages and look for Simplified characters the conversion
left, old-style glyphs, and, in English, Chinese text or full-width punctuation where only
English belongs.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation
from lxml import html as lxml_html

from advisor import tracker
from advisor.rules.hant import old_variants, simplified_left, to_traditional
from advisor.views import tracker as views
from tests.helpers import start_tracker, track_lender, track_step

pytestmark = pytest.mark.django_db

TODAY = dt.datetime(2026, 11, 23, 4, tzinfo=dt.UTC)
KINDS = ("letter", "complaint", "reply", "agreement", "payment")
# Typed by the borrower, shown as typed: written here in Traditional so it is not flagged.
TYPED_NAME = "某某網路小額貸款公司"
# Chinese an English page keeps on purpose: names a borrower must search for as written.
KEPT_CHINESE = ("地方金融管理局", "地方金融监督管理局", "人民法院在线服务", TYPED_NAME)
_HAN = re.compile(r"[\u4e00-\u9fff]+")
_WIDE_IN_ENGLISH = re.compile(r"[A-Za-z0-9][：，。（）；]|[：，。（）；][A-Za-z0-9]")


@pytest.fixture
def three_lenders(client: Client, content) -> tuple[Client, dict[str, str]]:
    """One lender waiting on its complaint, one past a 12378 complaint, one paying as agreed."""
    with time_machine.travel(TODAY, tick=False):
        start_tracker(client)
        ids = {
            "small": track_lender(client, name=TYPED_NAME, small_loan="on"),
            "bank": track_lender(client, lender="webank-weilidai", name=""),
            "card": track_lender(client, lender="cmb-credit-card", name=""),
        }
        for lender_id in ids.values():
            track_step(client, lender_id, "letter", day="2026-10-01", how="ems", reference="EA1")
        track_step(client, ids["small"], "complaint", day="2026-11-10", to="lender", reference="T1")
        track_step(client, ids["bank"], "complaint", day="2026-10-20", to="lender")
        track_step(client, ids["bank"], "complaint", day="2026-11-06", to="12378")
        track_step(client, ids["card"], "reply", day="2026-11-06", said="agreed")
        terms = {"months": "24", "monthly": "500", "interest_stopped": "yes"}
        track_step(client, ids["card"], "agreement", day="2026-11-06", **terms)
        track_step(client, ids["card"], "payment", day="2026-11-20", amount="500")
        yield client, ids


def _main_text(html: str) -> str:
    tree = lxml_html.fromstring(html)
    main = tree.xpath("//main") or [tree]
    for script in main[0].xpath(".//script | .//style"):
        script.drop_tree()
    return " ".join(main[0].text_content().split())


def _pages(client: Client, ids: dict[str, str], language: str) -> dict[str, str]:
    """The text of every tracker page (and its PDF's page and reminders) in ``language``."""
    client.cookies["bh_language"] = language
    texts: dict[str, str] = {}
    with time_machine.travel(TODAY, tick=False):
        urls = {"overview": "/follow-up/", "open": "/follow-up/open/"}
        urls |= {name: f"/follow-up/{lender_id}/" for name, lender_id in ids.items()}
        urls |= {f"add {kind}": f"/follow-up/{ids['bank']}/add/{kind}/" for kind in KINDS}
        for name, url in urls.items():
            response = client.get(url)
            assert response.status_code == 200, url
            texts[name] = _main_text(response.content.decode())
        for kind in KINDS:  # every error message: a date in the future, nothing else filled
            url = f"/follow-up/{ids['bank']}/add/{kind}/"
            texts[f"errors {kind}"] = _main_text(
                client.post(url, {"day": "2030-01-01"}).content.decode()
            )
        texts["reminders"] = client.get("/follow-up/reminders.ics").content.decode()
        request = client.get("/follow-up/").wsgi_request
        with translation.override(language):
            rows = views.rows(tracker.lenders(request), today=TODAY.date())
            context = {"rows": rows, "printed_on": TODAY.date()}
            html = render_to_string("pdf/tracker.html", context, request=request)
        texts["PDF"] = " ".join(lxml_html.fromstring(html).text_content().split())
    fresh = Client()  # no save code yet: the page that starts a record
    fresh.cookies["bh_language"] = language
    texts["start"] = _main_text(fresh.get("/follow-up/").content.decode())
    return texts


def test_every_tracker_page_in_traditional_chinese_has_no_simplified_characters(
    three_lenders,
) -> None:
    client, ids = three_lenders
    found = {}
    for name, text in _pages(client, ids, "zh-hant").items():
        problems = simplified_left(text) + old_variants(text)
        if problems:
            found[name] = problems
    assert found == {}


def test_lenders_from_the_list_go_by_their_name_in_the_pages_language(three_lenders) -> None:
    client, ids = three_lenders
    hant = _pages(client, ids, "zh-hant")
    assert to_traditional("微众银行") in hant["overview"] and "WeBank" not in hant["overview"]
    english = _pages(client, ids, "en")
    assert "WeBank" in english["overview"] and "微众" not in english["overview"]
    assert TYPED_NAME in hant["overview"] and TYPED_NAME in english["overview"]  # as typed


def test_every_tracker_page_in_english_is_in_english(three_lenders) -> None:
    client, ids = three_lenders
    found = {}
    for name, text in _pages(client, ids, "en").items():
        # Source lines name the Chinese documents on purpose ("Source: 《…》").
        text = re.sub(r"Source: .*?(?= · )", "", text)
        for kept in KEPT_CHINESE:
            text = text.replace(kept, "")
        problems = _HAN.findall(text) + _WIDE_IN_ENGLISH.findall(text)
        if problems:
            found[name] = problems
    assert found == {}


def test_the_check_finds_simplified_text_on_a_traditional_page() -> None:
    """The check can fail: a Simplified word planted in converted text is found."""
    text = to_traditional("机构应当在 2026-11-25 之前答复。") + "从这里升级投诉"
    assert simplified_left(text) == ["从", "这", "里", "级", "诉"]


def test_every_clock_and_rung_reads_in_traditional_chinese_and_english(content) -> None:
    """All of the ladder and the clocks, also the rungs no page above reached (mediation, court)."""
    from advisor.models import ComplaintClock, ComplaintRung

    items = [(item, ("title", "rule")) for item in ComplaintClock.objects.all()]
    items += [(item, ("title", "how", "bring")) for item in ComplaintRung.objects.all()]
    assert len(items) >= 6
    found = []
    for item, fields in items:
        for name in fields:
            with translation.override("zh-hant"):
                hant = item.t(name)
            with translation.override("en"):
                english = item.t(name)
            for kept in KEPT_CHINESE:
                english = english.replace(kept, "")
            problems = simplified_left(hant) + old_variants(hant) + _HAN.findall(english)
            if problems:
                found.append((item.slug, name, problems))
    assert found == []
