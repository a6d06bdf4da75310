"""Documents never starve pages: nginx and the document pool cap them; the app refuses a
document whose client has most likely given up (advisor.documents)."""

from __future__ import annotations

import time
from typing import Any

from django.test import Client


def stale(settings: Any) -> dict[str, str]:
    waited = time.time() - settings.DOCUMENT_MAX_WAIT_SECONDS - 1
    return {"X-Request-Start": f"t={waited:.3f}"}


def test_a_document_request_that_waited_too_long_in_the_proxy_is_refused_calmly(
    client: Client, content: None, settings: Any
) -> None:
    response = client.get("/visitor/card.pdf", headers=stale(settings))
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "现在生成文件的人太多了" in response.content.decode()
    assert client.get("/visitor/card/").status_code == 200


def test_the_busy_page_is_in_english_too(client: Client, content: None, settings: Any) -> None:
    client.cookies["bh_language"] = "en"
    html = client.get("/visitor/card.pdf", headers=stale(settings)).content.decode()
    assert "Too many people" in html


def test_a_document_request_that_just_arrived_is_made(
    client: Client, content: None, settings: Any
) -> None:
    fresh = {"X-Request-Start": f"t={time.time():.3f}"}
    response = client.get("/visitor/card.pdf", headers=fresh)
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_a_pdf_is_made_without_a_proxy_stamp(client: Client, content: None) -> None:
    assert client.get("/visitor/card.pdf").content.startswith(b"%PDF")
