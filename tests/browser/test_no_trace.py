"""Real browser: a visit leaves no cookie of the site behind once the borrower erases (issue 30)."""

from __future__ import annotations

import pytest
from django.conf import settings
from playwright.sync_api import expect

from advisor import session

from .conftest import Site, switch_language

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_five_pages_then_erase_and_the_browser_holds_no_cookie_of_the_site(
    site: Site, live_content: None
) -> None:
    page = site.page
    site.goto("/")
    switch_language(page, "en")  # the language cookie
    site.goto("/visitor/")  # a form: the CSRF cookie; a tick kept in the session
    page.locator("main form.door-form input[name='ticked']").first.check()
    page.locator("main form.door-form button[type=submit]").click()
    expect(page.locator("#door-result")).not_to_be_empty()
    site.goto("/rights/")
    site.goto("/scam/")
    site.goto("/no-trace/")
    kept = {cookie["name"]: cookie for cookie in page.context.cookies()}
    assert {
        settings.LANGUAGE_COOKIE_NAME,
        settings.CSRF_COOKIE_NAME,
        settings.SESSION_COOKIE_NAME,
    } <= set(kept)
    # Language and CSRF cookies end with the browser session (expires -1), not in a year.
    assert kept[settings.CSRF_COOKIE_NAME]["expires"] == -1
    assert kept[settings.LANGUAGE_COOKIE_NAME]["expires"] == -1
    page.context.add_cookies(  # a save code kept on this device, as the save page sets it
        [{"name": session.SAVE_COOKIE, "value": "ABCD-EFGH-JKLM", "url": site.base_url}]
    )

    page.locator("footer").get_by_role("link", name="Erase my data").click()
    page.get_by_role("main").get_by_role("button", name="Erase now").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your data has been erased")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    assert page.context.cookies() == []
    site.check("erased-no-cookie")
    # Reading the guidance afterwards sets nothing again.
    page.get_by_role("main").get_by_role("link", name="How to delete them: leave no trace").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    site.check("no-trace")
    assert page.context.cookies() == []
