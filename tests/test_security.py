"""Security: production settings pass `check --deploy`, and real responses carry the headers.

Production is configured by environment variables only (see borrower_help/settings.py), so
these tests start Django in a subprocess with a production environment rather than
patching settings in-process.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"

PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "borrower.example.org,testserver",
}


def run_django(code: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SECURE_", "SESSION_", "DJANGO_ALLOW"))
        and k not in {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "PLAIN_STATIC"}
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "borrower_help.settings",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def check_deploy(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return run_django(
        "import sys; from django.core.management import execute_from_command_line; "
        "execute_from_command_line(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])",
        tmp_path,
        **env,
    )


def test_production_settings_pass_check_deploy_with_no_warnings(tmp_path: Path) -> None:
    result = check_deploy(tmp_path, **PRODUCTION_ENV)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output
    assert "WARNING" not in output.upper().replace("WARNINGS:", "")


def test_check_deploy_would_catch_a_weakened_production_setting(tmp_path: Path) -> None:
    """Negative control: the check above can fail (HSTS switched off → security.W004)."""
    result = check_deploy(tmp_path, **PRODUCTION_ENV, SECURE_HSTS_SECONDS="0")
    assert result.returncode != 0
    assert "security.W004" in result.stdout + result.stderr


PRODUCTION_PROBE = r"""
import json
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.conf import settings
from django.test import Client

def describe(response):
    return {
        "status": response.status_code,
        "location": response.headers.get("Location", ""),
        "headers": {k.lower(): v for k, v in response.headers.items()},
        "cookies": {
            name: {"secure": bool(m["secure"]), "httponly": bool(m["httponly"]),
                   "samesite": m["samesite"]}
            for name, m in response.cookies.items()
        },
    }

client = Client(HTTP_HOST="borrower.example.org")
out = {
    "plain_http": describe(client.get("/privacy/")),
    "home": describe(client.get("/", secure=True)),
    "missing": describe(client.get("/no-such-page/", secure=True)),
    "language": describe(client.post("/i18n/setlang/", {"language": "en", "next": "/"}, secure=True)),
    "settings": {
        "SESSION_COOKIE_SECURE": settings.SESSION_COOKIE_SECURE,
        "SESSION_COOKIE_HTTPONLY": settings.SESSION_COOKIE_HTTPONLY,
        "CSRF_COOKIE_SECURE": settings.CSRF_COOKIE_SECURE,
        "SESSION_COOKIE_AGE": settings.SESSION_COOKIE_AGE,
        "DEBUG": settings.DEBUG,
    },
}
print("PROBE" + json.dumps(out))
"""


@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory) -> dict:
    tmp_path = tmp_path_factory.mktemp("prod")
    # PLAIN_STATIC: no collectstatic manifest in a test checkout; everything else is production.
    result = run_django(PRODUCTION_PROBE, tmp_path, **PRODUCTION_ENV, PLAIN_STATIC="1")
    assert result.returncode == 0, result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("PROBE"))
    return json.loads(line.removeprefix("PROBE"))


def test_production_redirects_plain_http_to_https(production: dict) -> None:
    plain = production["plain_http"]
    assert plain["status"] == 301
    assert plain["location"] == "https://borrower.example.org/privacy/"


@pytest.mark.parametrize("page", ["home", "missing", "language"])
def test_production_responses_carry_the_security_headers(production: dict, page: str) -> None:
    headers = production[page]["headers"]
    assert production["settings"]["DEBUG"] is False
    assert headers["strict-transport-security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["x-frame-options"] == "DENY"
    assert headers["cross-origin-opener-policy"] == "same-origin"
    permissions = headers["permissions-policy"]
    for feature in ("camera", "microphone", "geolocation", "payment"):
        assert f"{feature}=()" in permissions
    assert_strict_csp(headers["content-security-policy"])


def test_production_cookies_are_secure_and_not_readable_by_scripts(production: dict) -> None:
    assert production["settings"]["SESSION_COOKIE_SECURE"] is True
    assert production["settings"]["SESSION_COOKIE_HTTPONLY"] is True
    assert production["settings"]["CSRF_COOKIE_SECURE"] is True
    cookies = {**production["home"]["cookies"], **production["language"]["cookies"]}
    assert cookies, "expected the pages to set at least the CSRF and language cookies"
    for name, flags in cookies.items():
        assert flags["secure"], f"cookie {name} is sent without Secure in production"
        assert flags["samesite"] in {"Lax", "Strict"}, f"cookie {name} has no SameSite"


def test_production_sessions_expire_after_24_hours_by_default(production: dict) -> None:
    assert production["settings"]["SESSION_COOKIE_AGE"] == 24 * 3600


def csp_directives(header: str) -> dict[str, list[str]]:
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def assert_strict_csp(header: str) -> None:
    directives = csp_directives(header)
    scripts = directives.get("script-src", directives.get("default-src"))
    assert scripts is not None, header
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts, header
    assert "*" not in scripts and "data:" not in scripts and "http:" not in scripts, header
    assert "'unsafe-inline'" not in directives.get("style-src", []), header
    assert directives["default-src"] == ["'self'"], header
    assert directives["object-src"] == ["'none'"], header
    assert directives["base-uri"] == ["'none'"], header
    assert directives["frame-ancestors"] == ["'none'"], header
    assert directives["form-action"] == ["'self'"], header
    # No third-party origins anywhere: the site makes no outside requests.
    for name, sources in directives.items():
        for source in sources:
            assert not re.match(r"^(https?:)?//|^[\w.-]+\.[a-z]{2,}", source), (name, source)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/privacy/", "/erase/", "/erase/done/", "/no-such-page/"])
def test_every_page_sends_a_strict_csp_and_the_other_headers(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code in {200, 404}
    assert_strict_csp(response["Content-Security-Policy"])
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert "Permissions-Policy" in response
    # Pages can show a borrower's answers: never cached (shared phones, proxies).
    assert "no-store" in response["Cache-Control"]


def test_the_strict_csp_check_rejects_unsafe_inline_scripts() -> None:
    with pytest.raises(AssertionError):
        assert_strict_csp("default-src 'self'; script-src 'self' 'unsafe-inline'")


INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE)
INLINE_STYLE = re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=\s*[\"']", re.IGNORECASE)


def site_templates() -> list[Path]:
    # PDF templates are rendered by WeasyPrint on the server, never served to a browser.
    return sorted(
        p for p in TEMPLATES.rglob("*.html") if "pdf" not in p.relative_to(TEMPLATES).parts
    )


@pytest.mark.parametrize("template", site_templates(), ids=lambda p: str(p.relative_to(TEMPLATES)))
def test_no_template_has_inline_script_style_or_event_handler(template: Path) -> None:
    """The CSP would block them in the browser; JS and CSS belong in static files."""
    text = template.read_text(encoding="utf-8")
    text = re.sub(r"{% comment %}.*?{% endcomment %}|{#.*?#}", "", text, flags=re.DOTALL)
    assert not INLINE_SCRIPT.search(text), f"inline <script> in {template}"
    assert not INLINE_STYLE.search(text), f"inline style in {template}"
    assert not INLINE_HANDLER.search(text), f"inline event handler (onclick=…) in {template}"
