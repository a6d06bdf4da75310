"""Real browser: "这一页清楚吗？" with htmx and without JavaScript, and "后来怎么样了？" (axe, 320 px)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from advisor import counts
from advisor.models import ClarityCount

from .conftest import Site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_with_htmx_the_answer_is_thanked_in_place_and_the_page_passes_axe(site: Site) -> None:
    page = site.page
    site.goto("/visitor/")  # a page that loads htmx (papers, without it, posts the plain form)
    site.check("clear-form")
    page.get_by_role("radio", name="不太清楚").check()
    page.get_by_role("radio", name="太长了").check()
    page.get_by_role("button", name="告诉我们").click()
    expect(page.get_by_role("status")).to_contain_text("谢谢")
    assert page.url.endswith("/visitor/")  # the page stayed; only the form was replaced
    site.check("clear-form-thanked", screenshot=False)
    counts.flush()
    assert [(c.page, c.answer, c.reason, c.n) for c in ClarityCount.objects.all()] == [
        ("door:checklist", "no", "too_long", 1)
    ]


def test_without_javascript_the_form_posts_and_links_back_at_320px(open_site) -> None:
    site = open_site(name="clear-nojs", java_script_enabled=False)
    page = site.page
    page.set_viewport_size({"width": 320, "height": 640})
    site.goto("/visitor/")
    width = site.scroll_width()
    assert width <= 320, f"the door page is {width}px wide at 320px"
    page.get_by_role("radio", name="清楚", exact=True).check()
    page.get_by_role("button", name="告诉我们").click()
    expect(page.get_by_role("heading", name="谢谢")).to_be_visible()
    page.get_by_role("link", name="回到刚才那一页").click()
    assert page.url.endswith("/visitor/")


def test_what_happened_asks_for_the_save_code_first_and_passes_axe(site: Site) -> None:
    site.goto("/feedback/what-happened/")
    expect(site.page.get_by_text("后来怎么样了？", exact=True)).to_be_visible()
    expect(site.page.get_by_label("输入你的保存码")).to_be_visible()
    site.check("outcome-code")
    site.page.set_viewport_size({"width": 320, "height": 640})
    width = site.scroll_width()
    assert width <= 320, f"the page is {width}px wide at 320px"
