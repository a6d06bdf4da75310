"""The answers nginx makes itself (413, 414, 429, 502, 503, 504) are the site's calm bilingual
page, with the door-page links and the site's security headers: what `curl -sI` shows on each.

The real nginx runs deploy/nginx.conf in front of a stand-in app (tests/servers.py),
or in front of nothing at all for the 502 of a killed app server.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import urllib.parse
from pathlib import Path

import pytest

from tests.helpers import compose
from tests.servers import needs_nginx, running_proxy

DOOR_LINKS = ('href="/visitor/"', 'href="/papers/"', 'href="/scam/"', 'href="/"')
SECURITY_HEADERS = ("content-security-policy", "x-frame-options", "x-content-type-options")


def _fetch(base: str, method: str, path: str, body: bytes | None = None) -> tuple[int, dict, str]:
    """Status, headers (lower-case names) and body of one request to the proxy."""
    parsed = urllib.parse.urlsplit(base)
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    connection = http.client.HTTPSConnection(
        parsed.hostname or "", parsed.port, context=context, timeout=20
    )
    try:
        connection.request(method, path, body=body)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
        return response.status, {k.lower(): v for k, v in response.getheaders()}, text
    finally:
        connection.close()


def assert_the_sites_page(status: int, headers: dict, body: str, *, method: str = "GET") -> None:
    for name in SECURITY_HEADERS:
        assert name in headers, (status, name)
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["cache-control"] == "no-store"
    # The same HSTS as the app's own pages: an error must not be the one page without it.
    assert headers["strict-transport-security"].startswith("max-age=31536000")
    assert headers["content-type"].startswith("text/html")
    if method == "HEAD":
        return
    assert "<center>nginx</center>" not in body  # nginx's own page
    assert all(link in body for link in DOOR_LINKS), status
    assert 'lang="zh-Hans"' in body and 'lang="en"' in body
    assert "<!--#" not in body  # nginx chose one text for the status


@needs_nginx
def test_nginx_made_pages_are_the_sites_page_with_its_headers(tmp_path: Path) -> None:
    with running_proxy(tmp_path, **{"proxy_read_timeout 35s;": "proxy_read_timeout 1s;"}) as base:
        seen: dict[int, tuple[int, dict, str]] = {}
        seen[413] = _fetch(base, "POST", "/check/debt/1/amount/", b"x" * (2 * 1024 * 1024))
        seen[414] = _fetch(base, "GET", "/papers/?served=" + "a" * 5000)
        seen[504] = _fetch(base, "GET", "/slow/")
        slow = [None] * 12
        threads = [
            threading.Thread(
                target=lambda n=n: slow.__setitem__(n, _fetch(base, "GET", f"/slow-{n}.pdf"))
            )
            for n in range(12)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seen[503] = next(reply for reply in slow if reply and reply[0] == 503)
        for _ in range(30):
            reply = _fetch(base, "GET", "/visitor/card.pdf")
            if reply[0] == 429:
                seen[429] = reply
                break
        for status, (got, headers, body) in seen.items():
            assert got == status
            assert_the_sites_page(status, headers, body)
        assert "太长" in seen[413][2] and "too long" in seen[413][2]
        assert "may not have been saved" in seen[504][2] and "可能没有保存" in seen[504][2]
        assert seen[429][1]["retry-after"] == "60" and "请等一分钟" in seen[429][2]
        assert seen[503][1]["retry-after"] == "10"
        # What `curl -sI` sees on a page nginx makes.
        status, headers, _body = _fetch(base, "HEAD", "/visitor/card.pdf")
        assert status == 429
        assert_the_sites_page(status, headers, "", method="HEAD")
        # The stand-in app's own answers pass through untouched.
        assert _fetch(base, "GET", "/rights/")[2] == "ok"


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@needs_nginx
def test_an_answer_sent_while_every_app_server_is_down_gets_the_page_that_says_send_again(
    tmp_path: Path,
) -> None:
    with running_proxy(tmp_path, upstream=f"127.0.0.1:{_closed_port()}") as base:
        status, headers, body = _fetch(base, "POST", "/check/debt/1/amount/", b"amount=100")
    assert status == 502
    assert_the_sites_page(status, headers, body)
    assert "再提交一次" in body and "send it again" in body
    assert "retry-after" not in headers


@pytest.mark.parametrize("status", [413, 414, 429, 502, 503, 504])
def test_every_status_nginx_makes_is_sent_to_the_sites_page(status: int) -> None:
    conf = (Path(__file__).resolve().parent.parent / "deploy" / "nginx.conf").read_text()
    line = next(line for line in conf.splitlines() if "error_page" in line and "/_errors/" in line)
    assert str(status) in line.split()


def test_compose_gives_the_proxy_the_page_where_the_configuration_looks_for_it() -> None:
    root = Path(__file__).resolve().parent.parent
    conf = (root / "deploy" / "nginx.conf").read_text()
    folder = conf.split("location = /_errors/error.html {", 1)[1].split("root ", 1)[1]
    folder = folder.split(";", 1)[0]
    assert f"./deploy/errors:{folder}:ro" in compose()["services"]["proxy"]["volumes"]
    assert (root / "deploy" / "errors" / "error.html").is_file()
