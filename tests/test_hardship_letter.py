"""The hardship letter (困难情况说明 / 暂缓还款申请), issue 26 item 3: for every lender kind,
sourced like every letter, a request and never a claim, offered first where money is short."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from advisor import content as site_content
from advisor.models import LenderKind
from advisor.rules import letter
from tests.helpers import initial_fields, write_url
from tests.walk_case import as_walk_borrower

pytestmark = pytest.mark.django_db

SLUG = "hardship"


def _template():
    return next(t for t in site_content.letter_templates() if t.slug == SLUG)


def test_it_is_for_every_kind_of_lender() -> None:
    rule = letter.letter_rule(SLUG)
    assert rule.group == "negotiate"
    assert all(rule.suits(kind) for kind, _label in LenderKind.choices)


def test_it_is_sourced_and_dated_like_every_letter(content: None) -> None:
    template = _template()
    assert template.source_title and template.reviewed_on
    # A link only to a trusted site; where none was found, no link (the tier says so).
    assert template.publish_problems() == {}
    assert template.status == "published"


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_it_asks_and_never_says_the_lender_must_agree(content: None, language: str) -> None:
    body = _template().t("body", language)
    used = set(letter.placeholders_in(body))
    # Income, essentials, what is left, the picked cause, a stated pause and what it offers.
    assert {"income", "spending", "available", "cause", "pause_months", "offer"} <= used
    if language == "zh-hans":
        assert "恳请" in body and "是否同意由贵机构决定" in body
        assert not re.search(r"必须同意|有权要求|应当同意|停息挂账", body)
    else:
        assert "Please consider" in body and "Whether to agree is your decision" in body
        assert not re.search(r"\bmust (agree|accept)\b|\bentitled\b|\bright to\b", body)


def test_the_cause_is_picked_and_written_in_the_letters_language(
    client: Client, content: None
) -> None:
    as_walk_borrower(client, "200.00")
    page = client.get(write_url(SLUG) + "?debt=2")  # the small-loan company
    assert page.status_code == 200
    choices = [value for value, _label in page.context["form"].fields["cause"].choices]
    assert choices == [c.value for c in letter.BY_KEY["cause"].choices]
    for language in ("zh-hans", "en"):
        data = {**initial_fields(page), "name": "测试", "cause": "family", "language": language}
        text = client.post(write_url(SLUG), data).context["form"].initial["text"]
        assert letter.BY_KEY["cause"].chosen("family", language) in text
        assert "某某小额贷款有限公司" in text


def test_the_fast_lane_offers_it_before_any_other_letter(client: Client, content: None) -> None:
    as_walk_borrower(client, "0.00")
    for url in ("/plan/budget/guidance/", "/plan/result/"):
        page = client.get(url).content.decode()
        letters = re.findall(r'href="/letters/([a-z0-9-]+)/"', page)
        assert letters and letters[0] == SLUG, (url, letters)
    library = client.get("/letters/").content.decode()
    assert re.findall(r'href="/letters/([a-z0-9-]+)/"', library)[0] == SLUG
