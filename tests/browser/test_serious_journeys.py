"""Real browser: court papers, after a visit, for relatives, "what did they say?" (axe, no JS)."""

from __future__ import annotations

import datetime as dt

import pytest
from playwright.sync_api import expect

from .conftest import Site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SERVED = dt.date.today() - dt.timedelta(days=5)
PAGES = {
    "papers": "/papers/",
    "papers-deadline": f"/papers/?kind=payment-order&served={SERVED.isoformat()}",
    "papers-error": "/papers/?kind=payment-order&served=nonsense",
    "after-visit": "/after-visit/",
    "for-family": "/for-family/",
    "said": "/what-they-said/",
    "said-picked": "/what-they-said/?code=tell-family",
}


def test_new_pages_pass_axe_on_phone_and_desktop(site: Site) -> None:
    for label, path in PAGES.items():
        response = site.goto(path)
        assert response.status == 200, path
        site.check(f"serious-{label}")


def test_what_did_they_say_typed_text_works_without_javascript(open_site) -> None:
    site = open_site(name="said-nojs", java_script_enabled=False)
    page = site.page
    page.set_viewport_size({"width": 320, "height": 640})
    site.goto("/what-they-said/")
    page.get_by_label("把对方的话写下来").fill("明天安排外访，已转法务立案")
    page.get_by_role("button", name="查一查").click()
    expect(page.get_by_role("heading", name="这句话通常是什么意思")).to_be_visible()
    expect(page.locator("#phrase-case-filed")).to_be_visible()
    width = site.scroll_width()
    assert width <= 320, f"page is {width}px wide at 320px"


def test_deadline_form_works_without_javascript_at_320px(open_site) -> None:
    site = open_site(name="papers-nojs", java_script_enabled=False)
    page = site.page
    page.set_viewport_size({"width": 320, "height": 640})
    site.goto("/papers/")
    page.locator("#kind-payment-order").check()
    page.get_by_label("哪一天收到（签收）的？").fill(SERVED.isoformat())
    page.get_by_role("button", name="算出最后一天").click()
    expect(page.locator("#deadline-result time")).to_have_text(
        (SERVED + dt.timedelta(days=15)).isoformat()
    )
    for path in ["/papers/", "/after-visit/", "/for-family/", "/what-they-said/"]:
        site.goto(path)
        width = site.scroll_width()
        assert width <= 320, f"{path} is {width}px wide at 320px"


def test_the_english_pages_pass_axe(phone: Site) -> None:
    phone.goto("/")
    phone.page.locator("form.language-switch button[name='language'][value='en']").first.click()
    for label, path in PAGES.items():
        phone.goto(path)
        phone.check(f"serious-{label}-en", screenshot=False)
