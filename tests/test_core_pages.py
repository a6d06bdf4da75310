"""Home, quick exit, erase, health check, languages and error pages."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from advisor import session

pytestmark = pytest.mark.django_db


def test_home_page_is_in_chinese_by_default_with_three_entry_points(client: Client) -> None:
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="zh-Hans">' in html
    assert "评估上门可能性" in html
    assert "制定还款计划" in html
    assert "有人上门？先核实身份" in html
    assert "2分钟" in html


def test_every_page_has_quick_exit_and_erase_without_javascript(client: Client) -> None:
    for url in ["/", "/privacy/", "/erase/"]:
        html = client.get(url).content.decode()
        assert 'id="quick-exit"' in html and 'href="https://' in html
        footer = html[html.index("<footer") :]
        assert f'href="{reverse("advisor-erase")}"' in footer  # a plain link to the erase page
    erase_page = client.get(reverse("advisor-erase")).content.decode()
    main = erase_page[erase_page.index("<main") : erase_page.index("</main>")]
    assert f'action="{reverse("advisor-erase")}"' in main and 'method="post"' in main


def test_erase_deletes_the_session_and_its_row(client: Client) -> None:
    from django.contrib.sessions.models import Session

    client.get("/")
    s = client.session
    s[session.KEY] = {"v": session.VERSION, "check": {"debts": [{"amount": "3000.00"}]}}
    s.save()
    assert Session.objects.count() == 1
    response = client.post(reverse("advisor-erase"))
    assert response.status_code == 302
    assert response["Location"] == reverse("advisor-erased")
    assert Session.objects.count() == 0
    assert "已经清除" in client.get(response["Location"]).content.decode()


def test_healthz_answers_with_json_when_the_database_answers(client: Client) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_language_switch_shows_english(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Make a repayment plan" in html
    assert "Someone at your door? Check who they are first" in html


def test_unknown_page_gets_the_sites_404_page(client: Client, settings) -> None:
    settings.DEBUG = False
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "找不到这个页面" in response.content.decode()


def test_expired_form_gets_a_friendly_page_not_a_bare_403() -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("advisor-erase"))
    assert response.status_code == 403
    assert "已经过期" in response.content.decode()


def test_security_headers_are_sent(client: Client) -> None:
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert response["Cache-Control"] == "no-store"


def test_traditional_chinese_is_generated_from_the_simplified_source(client: Client) -> None:
    response = client.post("/i18n/setlang/", {"language": "zh-hant", "next": "/"}, follow=True)
    html = response.content.decode()
    assert '<html lang="zh-Hant">' in html
    assert "製定還款計劃" in html or "制定還款計劃" in html
    assert "评估上门可能性" not in html


def test_the_site_opens_in_simplified_chinese_whatever_the_browser_language(client: Client) -> None:
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="zh-Hans">' in html
    assert "评估上门可能性" in html


def test_the_language_switch_is_in_the_header(client: Client) -> None:
    html = client.get("/").content.decode()
    header = html[html.index("<header") : html.index("</header>")]
    assert 'action="/i18n/setlang/"' in header
    assert 'value="en"' in header and 'value="zh-hant"' in header


def test_sources_page_lists_every_published_item_with_its_source_and_date(
    client: Client, content: None
) -> None:
    from advisor.models import HelpChannel

    html = client.get("/sources/").content.decode()
    channel = HelpChannel.objects.get(slug="nfra-12378")
    assert channel.name_zh_hans in html
    assert channel.source_title in html
    assert channel.reviewed_on.isoformat() in html
    channel.status = "draft"
    channel.save()
    assert channel.name_zh_hans not in client.get("/sources/").content.decode()


def test_pages_are_sent_gzipped_to_browsers_that_accept_it(client: Client) -> None:
    import gzip

    response = client.get("/", headers={"accept-encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert "评估上门可能性" in gzip.decompress(response.content).decode()


def test_head_requests_are_answered_like_get(client: Client) -> None:
    for url in ["/", "/check/", "/visitor/", "/rights/", "/privacy/"]:
        assert client.head(url).status_code == 200, url


def test_quick_exit_comes_before_everything_but_the_skip_link(client: Client) -> None:
    html = client.get("/").content.decode()
    header = html[html.index('class="skip-link"') : html.index("</header>")]
    assert header.index('id="quick-exit"') < header.index('class="site-name"')
    assert header.index('id="quick-exit"') < header.index('class="language-switch"')


def test_home_headings_do_not_skip_a_level(client: Client) -> None:
    import re

    call_command("load_content", verbosity=0)
    html = client.get("/").content.decode()
    levels = [int(n) for n in re.findall(r"<h([1-6])[\s>]", html[html.index("<main") :])]
    assert levels[0] == 1 and 3 in levels
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:], strict=False)), levels


def test_sources_read_naturally_in_english(client: Client) -> None:
    call_command("load_content", verbosity=0)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert "Source: " in html and "来源" not in html and "：" not in html
