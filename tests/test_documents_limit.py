"""Documents never starve pages: a machine-wide limit on PDFs/DOCX generated at once."""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client


@pytest.fixture
def slots(settings: Any, tmp_path: Path) -> Path:
    settings.DOCUMENT_CONCURRENCY = 2
    settings.DOCUMENT_SLOT_DIR = tmp_path / "slots"
    return settings.DOCUMENT_SLOT_DIR


@pytest.fixture
def all_slots_taken(slots: Path) -> Iterator[None]:
    """Another process's view of the slots: every lock file held (flock is per open file)."""
    slots.mkdir(parents=True)
    handles = []
    for number in range(2):
        handle = os.open(slots / f"slot-{number}.lock", os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        handles.append(handle)
    yield
    for handle in handles:
        os.close(handle)


def test_a_pdf_is_refused_calmly_while_every_slot_is_busy_and_pages_still_work(
    client: Client, content: None, all_slots_taken: None
) -> None:
    response = client.get("/visitor/card.pdf")
    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert "现在生成文件的人太多了" in response.content.decode()
    assert client.get("/visitor/card/").status_code == 200


def test_the_busy_page_is_in_english_too(
    client: Client, content: None, all_slots_taken: None
) -> None:
    client.cookies["bh_language"] = "en"
    html = client.get("/visitor/card.pdf").content.decode()
    assert "Too many people" in html


def test_a_pdf_is_made_when_a_slot_is_free(client: Client, content: None, slots: Path) -> None:
    response = client.get("/visitor/card.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_a_document_request_that_waited_too_long_in_the_proxy_is_not_made(
    client: Client, content: None, slots: Path, settings: Any
) -> None:
    stale = time.time() - settings.DOCUMENT_MAX_WAIT_SECONDS - 1
    response = client.get("/visitor/card.pdf", headers={"X-Request-Start": f"t={stale:.3f}"})
    assert response.status_code == 503
