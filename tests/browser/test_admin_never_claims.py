"""Real browser, editor admin at 1280 px: the never-claim check refuses to publish
"上门催收是违法的" (walk 3, bug 4: it went live on the home page)."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from advisor import models

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-editor-password-1"


def test_the_admin_refuses_to_publish_home_visits_are_illegal(open_site) -> None:
    call_command("create_editors_group", verbosity=0)
    editor = get_user_model().objects.create_user("editor", password=PASSWORD, is_staff=True)
    call_command("create_editors_group", "--add", "editor", verbosity=0)
    site = open_site(viewport="desktop", name="admin-never-claim")
    page = site.page

    site.goto("/admin/login/?next=/admin/advisor/fact/add/")
    page.locator("#id_username").fill(editor.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    expect(page.locator("#id_slug")).to_be_visible()

    page.locator("#id_slug").fill("visits-illegal")
    page.locator("#id_topic").select_option("home")
    page.locator("#id_title_zh_hans").fill("上门催收")
    page.locator("#id_body_zh_hans").fill("上门催收是违法的。")
    page.locator("#id_source_title").fill("中国银行业协会催收工作指引（2026）")
    page.locator("#id_source_tier").select_option("association")
    page.locator("#id_status").select_option("published")
    page.locator("input[name=_save]").first.click()

    expect(page.locator(".errornote, .errorlist").first).to_be_visible()
    expect(page.locator("body")).to_contain_text("不能发布")
    expect(page.locator("body")).to_contain_text("上门催收是违法")
    site.shot("admin-refuses-visits-illegal")
    assert not models.Fact.objects.filter(slug="visits-illegal").exists()

    site.goto("/")
    expect(page.locator("main")).not_to_contain_text("上门催收是违法的")
