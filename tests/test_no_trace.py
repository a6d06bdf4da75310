"""Cookies that go with the visit, "erase my data" removing every one of them, and the page that
says what only the phone can remove (issue 30)."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from lxml import html as lxml_html

from advisor import content as content_reads
from advisor import session
from tests.helpers import WEILIDAI

pytestmark = pytest.mark.django_db

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# Pages with no form of their own (the header's language switch needs no token).
WITHOUT_A_FORM = ["/", "/privacy/", "/rights/", "/sources/", "/no-trace/", "/erase/done/"]


def strict() -> Client:
    return Client(enforce_csrf_checks=True)


def token_on(client: Client, url: str) -> str:
    found = TOKEN.search(client.get(url).content.decode())
    assert found, f"no form with a CSRF token on {url}"
    return found.group(1)


def deleted(response: HttpResponse) -> set[str]:
    """Names of the cookies this response tells the browser to delete."""
    return {name for name, morsel in response.cookies.items() if morsel["max-age"] == 0}


@pytest.mark.parametrize("url", WITHOUT_A_FORM)
def test_a_page_without_a_form_sets_no_cookie(url: str, content: None) -> None:
    response = strict().get(url)
    assert response.status_code == 200
    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert not response.cookies, response.cookies.output()


def test_a_missing_page_sets_no_cookie(settings) -> None:
    settings.DEBUG = False
    response = strict().get("/no-such-page/")
    assert response.status_code == 404 and not response.cookies


def test_the_csrf_cookie_comes_with_a_form_and_ends_with_the_browser_session() -> None:
    response = strict().get(reverse("advisor-erase"))
    assert "csrfmiddlewaretoken" in response.content.decode()
    morsel = response.cookies[settings.CSRF_COOKIE_NAME]
    assert morsel["max-age"] == "" and morsel["expires"] == ""  # gone when the browser closes


def test_the_language_switch_needs_no_token_and_its_cookie_ends_with_the_browser_session() -> None:
    response = strict().post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    morsel = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert morsel.value == "en"
    assert morsel["max-age"] == "" and morsel["expires"] == ""
    assert settings.CSRF_COOKIE_NAME not in response.cookies


def test_an_htmx_post_carries_its_forms_own_token() -> None:
    """No page-wide header any more: htmx sends the form's csrfmiddlewaretoken field."""
    client = strict()
    html = client.get(reverse("advisor-scam")).content.decode()
    tree = lxml_html.fromstring(html)
    (form,) = tree.xpath("//form[@data-hx-post]")
    token = form.xpath(".//input[@name='csrfmiddlewaretoken']/@value")
    assert token
    response = client.post(
        form.get("data-hx-post"), {"csrfmiddlewaretoken": token[0]}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "data-hx-headers" not in html and "csrftoken" not in html


def test_erase_deletes_every_cookie_of_the_site(content: None) -> None:
    client = strict()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    slug, answer = WEILIDAI[0]
    question = reverse("advisor-check-step", args=[1, slug])
    client.post(question, {**answer, "csrfmiddlewaretoken": token_on(client, question)})
    client.cookies[session.SAVE_COOKIE] = "ABCD-EFGH-JKLM"  # a save code kept on this device
    sent = set(client.cookies)
    assert sent == {
        settings.SESSION_COOKIE_NAME,
        settings.CSRF_COOKIE_NAME,
        settings.LANGUAGE_COOKIE_NAME,
        session.SAVE_COOKIE,
    }
    response = client.post(
        reverse("advisor-erase"), {"csrfmiddlewaretoken": token_on(client, "/erase/")}
    )
    assert response.status_code == 302
    assert deleted(response) == sent
    assert not {name for name, morsel in response.cookies.items() if morsel.value}


def test_the_erase_done_page_speaks_the_language_the_borrower_used() -> None:
    client = strict()
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.post(
        reverse("advisor-erase"), {"csrfmiddlewaretoken": token_on(client, "/erase/")}
    )
    del client.cookies[settings.LANGUAGE_COOKIE_NAME]  # as the browser does after Max-Age=0
    del client.cookies[settings.CSRF_COOKIE_NAME]
    done = client.get(response["Location"])
    assert done["Content-Language"] == "en"
    assert '<html lang="en">' in done.content.decode()
    assert not done.cookies
    # An unknown language in the address is ignored, not trusted.
    other = Client().get(reverse("advisor-erased") + "?language=xx")
    assert other["Content-Language"] == settings.LANGUAGE_CODE


@pytest.mark.parametrize("url", ["/erase/", "/erase/done/"])
def test_the_erase_pages_say_what_goes_and_what_stays(url: str) -> None:
    html = Client().get(url).content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    assert "Cookie" in main and "历史记录" in main  # removed: cookies; cannot: the history
    assert reverse("advisor-no-trace") in main


def test_quick_exit_keeps_the_answers_and_the_pages_say_so(content: None) -> None:
    for url in ("/erase/", "/no-trace/", "/"):
        html = Client().get(url).content.decode()
        assert "快速离开" in html and "不删除你的回答" in html, url


def test_the_no_trace_page_is_linked_from_every_footer_and_sourced(content: None) -> None:
    html = Client().get("/").content.decode()
    footer = html[html.index("<footer") :]
    assert footer.count(f'href="{reverse("advisor-no-trace")}"') >= 1
    page = Client().get(reverse("advisor-no-trace")).content.decode()
    facts = content_reads.facts("no_trace")
    assert len(facts) >= 4
    for fact in facts:
        assert fact.title_zh_hans in page
        assert fact.source_url.startswith("https://support.")  # the maker's own help page
    # Where no official page was found, the page says so instead of giving steps.
    assert page.count("没有找到能核对的") == 3
    assert "本网站做不到的" in page
