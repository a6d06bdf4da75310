"""The rights page: sourced limits, outcomes, complaint channels, and content that expires."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.test import Client

from advisor.models import Fact

pytestmark = pytest.mark.django_db

PBOC = "人民银行一次性信用修复"


def _get(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_rights_page_lists_what_collectors_may_not_do_with_sources(
    client: Client, content: None
) -> None:
    html = _get(client, "/rights/")
    for title in [
        "晚上10点到早上8点不能催收",
        "不能骚扰家人、朋友和单位",
        "没有你的同意不能进门",
        "不能在公共场所张贴催收告示",
        "不能额外收费",
        "不能冒充法院、公安或政府",
    ]:
        assert title in html
    assert "只是逾期，不会进“失信黑名单”" in html
    assert "“恶意透支”有严格的条件" in html and "5万元" in html
    assert html.count('class="source"') >= 12


def test_night_hours_are_never_attributed_to_the_2018_convention(content: None) -> None:
    night = Fact.objects.get(slug="rights-night-hours")
    assert "2024" in night.body_zh_hans and "GB/T 45251-2025" in night.body_zh_hans
    assert "2018" not in night.body_zh_hans + night.source_title
    for fact in Fact.objects.all():
        text = fact.body_zh_hans + fact.body_en
        if "公约" in text or "convention" in text:
            assert not re.search(r"(22[:：]00|8[:：]00|晚上10点|10 pm)", text), fact.slug


def test_complaint_channels_have_tel_links(client: Client, content: None) -> None:
    html = _get(client, "/rights/")
    for number in ["12378", "12363", "110", "96110", "12321"]:
        assert f'href="tel:{number}"' in html
    assert html.index("先向贷款机构投诉") < html.index('href="tel:12378"')


@pytest.mark.parametrize(
    ("moment", "shown"),
    [
        (dt.datetime(2025, 12, 21, 12, tzinfo=dt.UTC), False),  # before the announcement
        (dt.datetime(2026, 1, 15, 12, tzinfo=dt.UTC), True),
        (dt.datetime(2026, 3, 31, 12, tzinfo=dt.UTC), True),  # the last day
        (dt.datetime(2026, 4, 1, 12, tzinfo=dt.UTC), False),
        (dt.datetime(2026, 11, 23, 12, tzinfo=dt.UTC), False),  # today
    ],
)
def test_the_pboc_one_time_repair_shows_only_inside_its_window(
    client: Client, content: None, moment: dt.datetime, shown: bool
) -> None:
    with time_machine.travel(moment, tick=False):
        html = _get(client, "/rights/")
    assert (PBOC in html) is shown
    assert "不良记录保存5年" in html  # the rest of the credit section is always there


def test_no_page_claims_arrest_or_blacklist_from_being_overdue(
    client: Client, content: None
) -> None:
    for url in ["/visitor/", "/rights/", "/scam/", "/visitor/card/"]:
        html = _get(client, url)
        assert "会被抓" not in html and "会进黑名单" not in html
        assert "必须两人" not in html and "必须提前通知" not in html
