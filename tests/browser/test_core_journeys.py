"""Real browser: home, language switch, quick exit, erase, privacy and error pages."""

from __future__ import annotations

import re

import pytest
from django.contrib.sessions.models import Session
from playwright.sync_api import expect

from .conftest import Site, switch_language

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_page_shows_the_three_entry_points_and_passes_axe(site: Site) -> None:
    response = site.goto("/")
    assert response.status == 200
    page = site.page
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    expect(page.get_by_role("heading", level=1)).to_contain_text("逾期了，先别慌")
    expect(page.get_by_role("link", name="评估上门可能性")).to_be_visible()
    expect(page.get_by_role("link", name="制定还款计划")).to_be_visible()
    expect(page.get_by_role("link", name="有人上门？先核实身份")).to_be_visible()
    expect(page.get_by_role("link", name="快速离开")).to_be_visible()
    site.check("home")


def test_quick_exit_replaces_the_page_in_history_and_goes_to_the_outside_page(site: Site) -> None:
    page = site.page
    site.goto("/privacy/")
    site.goto("/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("逾期了")
    page.get_by_role("link", name="快速离开").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("今天天气")
    assert any(r.startswith("quick-exit:https://") for r in site.outside_requests)
    # location.replace(): the page the borrower left is gone from history, so "back"
    # goes to the page before it, not to the site page they were reading.
    page.go_back()
    expect(page).to_have_url(re.compile(r"/privacy/$"))
    site.assert_clean()


def test_quick_exit_works_without_javascript(open_site) -> None:
    site = open_site(name="quick-exit-nojs", java_script_enabled=False)
    site.goto("/")
    site.page.get_by_role("link", name="快速离开").click()
    expect(site.page.get_by_role("heading", level=1)).to_have_text("今天天气")


def test_quick_exit_is_reachable_first_by_keyboard(phone: Site) -> None:
    page = phone.page
    phone.goto("/")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="跳到正文")).to_be_focused()
    quick_exit = page.get_by_role("link", name="快速离开")
    # The very next tab stop after the skip link.
    page.keyboard.press("Tab")
    expect(quick_exit).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("今天天气")


def test_language_switch_changes_the_page_to_english_and_back(site: Site) -> None:
    page = site.page
    site.goto("/privacy/")
    switch_language(page, "en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_url(re.compile(r"/privacy/$"))
    expect(page.get_by_role("link", name="Quick exit")).to_be_visible()
    site.check("privacy-en")
    site.goto("/")
    expect(page.get_by_role("link", name="Make a repayment plan")).to_be_visible()
    site.check("home-en")
    switch_language(page, "zh-hant")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant")
    site.axe("home-zh-hant")
    switch_language(page, "zh-hans")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")


def test_privacy_page_passes_axe(site: Site) -> None:
    site.goto("/privacy/")
    expect(site.page.get_by_role("heading", level=1)).to_be_visible()
    site.check("privacy")


def test_erase_from_the_footer_removes_the_session_row(site: Site) -> None:
    page = site.page
    site.goto("/")
    # Switching language is a POST that creates the session row.
    switch_language(page, "en")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    switch_language(page, "zh-hans")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")
    site.goto("/erase/")
    expect(page.get_by_role("heading", level=1)).to_have_text("清除我的数据")
    site.check("erase")
    page.get_by_role("main").get_by_role("button", name="立即清除").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("你的数据已经清除")
    expect(page).to_have_url(re.compile(r"/erase/done/$"))
    site.check("erased")
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert "bh_save" not in cookies
    assert not Session.objects.filter(session_key=cookies.get("bh_session", "")).exists()


def test_error_pages_are_in_the_sites_style_and_pass_axe(site: Site) -> None:
    page = site.page
    response = site.goto("/no-such-page/")
    assert response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("找不到这个页面")
    expect(page.get_by_role("link", name="快速离开")).to_be_visible()
    expect(page.get_by_role("link", name="回到首页")).to_be_visible()
    site.check("error-404")


def test_htmx_loads_and_runs_under_the_content_security_policy(phone: Site) -> None:
    page = phone.page
    response = phone.goto("/visitor/")  # htmx is loaded only where it is used
    csp = response.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    page.wait_for_function("() => typeof window.htmx !== 'undefined' && !!htmx.version")
    version = page.evaluate("() => htmx.version")
    assert version.startswith("2.")
    # htmx sends a form's own CSRF field (no page-wide header): an htmx POST to erase, sent
    # with the door form's token, works.
    page.evaluate(
        "() => htmx.ajax('POST', '/erase/',"
        " {source: 'form.door-form', target: 'main', swap: 'innerHTML', select: 'main'})"
    )
    expect(page.get_by_role("heading", level=1)).to_have_text("你的数据已经清除")
    phone.assert_clean()


def test_htmx_injects_no_inline_style_that_the_csp_blocks(phone: Site) -> None:
    phone.goto("/visitor/")
    phone.page.wait_for_function("() => typeof window.htmx !== 'undefined'")
    phone.page.wait_for_load_state("load")
    assert phone.page.locator("style").count() == 0
    assert phone.csp_violations == []
