"""Custom 400/403/404/500 pages: the site's style and the borrower's language, never Django's.

The views that raise live only in this test module's URLconf (ROOT_URLCONF is pointed here by
the ``error_urls`` fixture); production URLs have no way to trigger an error on purpose.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.http import HttpRequest, HttpResponse
from django.test import Client
from django.urls import path

import borrower_help.urls as site_urls

pytestmark = pytest.mark.django_db


def boom(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("a bug, with a borrower's detail 张三 110101199003070000 in the message")


def denied(request: HttpRequest) -> HttpResponse:
    raise PermissionDenied


def suspicious(request: HttpRequest) -> HttpResponse:
    raise SuspiciousOperation("tampered")


urlpatterns = [
    path("__test__/boom/", boom),
    path("__test__/denied/", denied),
    path("__test__/suspicious/", suspicious),
    *site_urls.urlpatterns,
]
handler400 = site_urls.handler400
handler403 = site_urls.handler403
handler404 = site_urls.handler404
handler500 = site_urls.handler500


@pytest.fixture
def error_urls(settings) -> None:
    settings.ROOT_URLCONF = __name__
    settings.DEBUG = False


@pytest.fixture
def quiet_client(error_urls: None) -> Client:
    client = Client(raise_request_exception=False)
    return client


def english(client: Client) -> Client:
    from django.conf import settings

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def assert_site_page(html: str, *, lang: str) -> None:
    assert f'<html lang="{lang}">' in html
    assert "/static/css/site.css" in html  # the site's own style
    assert 'href="/"' in html  # a way back home
    assert "Traceback" not in html and "Django" not in html
    assert "张三" not in html and "110101199003070000" not in html


ERRORS = [
    ("/__test__/suspicious/", 400, "这个请求我们无法处理", "We could not handle this request"),
    (
        "/__test__/denied/",
        403,
        "你没有权限打开这个页面",
        "You do not have permission to open this page",
    ),
    ("/no-such-page/", 404, "找不到这个页面", "Page not found"),
]


@pytest.mark.parametrize(("url", "status", "heading", "_english"), ERRORS)
def test_error_pages_have_the_sites_layout_quick_exit_and_chinese_heading(
    quiet_client: Client, url: str, status: int, heading: str, _english: str
) -> None:
    response = quiet_client.get(url)
    html = response.content.decode()
    assert response.status_code == status
    assert_site_page(html, lang="zh-Hans")
    assert f"<h1>{heading}</h1>" in html
    assert 'id="quick-exit"' in html
    assert "Cache-Control" in response and "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(("url", "status", "_heading", "heading_en"), ERRORS)
def test_error_pages_follow_the_chosen_language(
    quiet_client: Client, url: str, status: int, _heading: str, heading_en: str
) -> None:
    response = english(quiet_client).get(url)
    html = response.content.decode()
    assert response.status_code == status
    assert_site_page(html, lang="en")
    assert heading_en.lower() in html.lower()


def test_a_crash_gives_the_sites_500_page_without_details(quiet_client: Client) -> None:
    response = quiet_client.get("/__test__/boom/")
    html = response.content.decode()
    assert response.status_code == 500
    assert_site_page(html, lang="zh-Hans")
    assert "抱歉，网站出了问题" in html
    assert "RuntimeError" not in html


def test_the_500_page_follows_the_chosen_language(quiet_client: Client) -> None:
    response = english(quiet_client).get("/__test__/boom/")
    html = response.content.decode()
    assert response.status_code == 500
    assert "Sorry" in html or "sorry" in html
    assert_site_page(html, lang="en")


def test_a_crash_is_logged_without_the_query_string(
    quiet_client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    quiet_client.get("/__test__/boom/?name=张三&id=110101199003070000")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "path=/__test__/boom/ status=500" in logged
    assert "张三" not in logged and "110101199003070000" not in logged


def test_a_disallowed_host_gets_the_400_page(quiet_client: Client) -> None:
    response = quiet_client.get("/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400
    assert "这个请求我们无法处理" in response.content.decode()


def test_a_form_posted_without_its_csrf_token_gets_the_expired_page(error_urls: None) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post("/erase/")
    html = response.content.decode()
    assert response.status_code == 403
    assert_site_page(html, lang="zh-Hans")
    assert "这一页已经过期了" in html
    assert 'href="/check/"' in html  # the restart link


def test_wrong_method_is_not_a_crash(quiet_client: Client) -> None:
    assert quiet_client.put("/").status_code == 405
    assert quiet_client.post("/privacy/").status_code in {403, 405}
