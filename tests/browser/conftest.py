"""Real-browser fixtures: Playwright (PyPI) driving Debian's Chromium against the live server.

- Chromium comes from the system (`/usr/bin/chromium`, installed by scripts/system-deps);
  `playwright install` cannot download here and is never needed.
- Pages run under the site's real Content-Security-Policy. axe-core is injected as a
  same-origin script served by a route handler, so no CSP bypass is needed and a CSP
  violation anywhere in a journey fails the test (see ``Site.assert_clean``).
- No request leaves the machine: every request that is not for the live server is answered
  by a stub (the quick-exit target) or aborted.
- Screenshots go to artifacts/screenshots/ (git-ignored).
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; Django's ORM (used by the
# live server's database flush and by our own checks) refuses to run there without this.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
# WCAG 2.0/2.1/2.2, levels A and AA.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_PATH = "/__test__/axe.min.js"
EXIT_STUB = "<!DOCTYPE html><html lang='zh-Hans'><title>天气</title><h1>今天天气</h1></html>"

VIEWPORTS: dict[str, dict[str, Any]] = {
    "phone": {
        "viewport": {"width": 390, "height": 844},
        "device_scale_factor": 2,
        "is_mobile": True,
        "has_touch": True,
    },
    "desktop": {"viewport": {"width": 1280, "height": 800}},
}


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/system-deps (installs Debian chromium)")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def live_content(transactional_db: None) -> None:
    """The initial content in the live server's database (flushed after each test)."""
    call_command("load_content", verbosity=0)


@dataclass
class Site:
    """One browser context on the live server, with the checks every journey uses."""

    page: Any
    base_url: str
    viewport: str
    test_name: str
    csp_violations: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    outside_requests: list[str] = field(default_factory=list)
    axe_checked: list[str] = field(default_factory=list)
    javascript: bool = True

    def url(self, path: str) -> str:
        return self.base_url + path

    def goto(self, path: str) -> Any:
        response = self.page.goto(self.url(path))
        assert response is not None
        return response

    def layout(self, script: str) -> Any:
        """Measure the page's layout once its stylesheets are applied.

        Right after a click that navigates, the new document can be visible while its
        stylesheets are still being fetched (a busy machine); measured then, the page is laid
        out unstyled and looks wider than it is.
        """
        self.page.wait_for_load_state("load")
        return self.page.evaluate(script)

    def scroll_width(self) -> int:
        return int(self.layout("() => document.documentElement.scrollWidth"))

    def axe(self, label: str) -> dict:
        """Run axe-core on the current page; fail with a readable list of violations."""
        if not self.javascript:
            pytest.fail("axe-core needs JavaScript: check the page in a JavaScript context")
        if not AXE_JS.exists():
            pytest.fail(f"{AXE_JS} is missing: run `make node` (npm ci installs axe-core)")
        # After a click that navigates, the new document may still be loading; inject only
        # into a loaded page (htmx and site.js have run).
        self.page.wait_for_load_state("load")
        if not self.page.evaluate("() => typeof window.axe !== 'undefined'"):
            self.page.add_script_tag(url=self.url(AXE_PATH))
        result = self.page.evaluate(
            """async (tags) => {
                const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
                return {
                  passes: r.passes.length,
                  violations: r.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => ({target: n.target.join(' '),
                                              summary: n.failureSummary,
                                              html: n.html.slice(0, 200)}))
                  }))
                };
            }""",
            AXE_TAGS,
        )
        self.axe_checked.append(f"{label}: {result['passes']} passes")
        assert result["violations"] == [], f"axe violations on {label} ({self.page.url}):\n" + (
            json.dumps(result["violations"], ensure_ascii=False, indent=2)
        )
        return result

    def shot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}-{self.viewport}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def check(self, label: str, *, screenshot: bool = True) -> None:
        """axe + no CSP violation + no script error so far + a screenshot of the page."""
        self.axe(label)
        self.assert_clean()
        if screenshot:
            self.shot(label)

    def assert_clean(self) -> None:
        assert self.csp_violations == [], f"CSP violations: {self.csp_violations}"
        assert self.page_errors == [], f"JavaScript errors: {self.page_errors}"
        assert self.outside_requests == [] or all(
            r.startswith("quick-exit:") for r in self.outside_requests
        ), f"requests outside the live server: {self.outside_requests}"


def _open_site(browser: Any, live_server: Any, viewport: str, name: str, **extra: Any) -> Site:
    from django.conf import settings

    context = browser.new_context(locale="zh-CN", **VIEWPORTS[viewport], **extra)
    context.set_default_timeout(10_000)
    page = context.new_page()
    site = Site(
        page=page,
        base_url=live_server.url,
        viewport=viewport,
        test_name=name,
        javascript=extra.get("java_script_enabled", True),
    )
    live = urlsplit(live_server.url)
    exit_url = urlsplit(settings.QUICK_EXIT_URL)
    axe_source = AXE_JS.read_text(encoding="utf-8") if AXE_JS.exists() else ""

    def route(route: Any) -> None:
        url = urlsplit(route.request.url)
        if url.scheme in {"data", "blob"}:
            route.continue_()
        elif url.netloc == live.netloc and url.path == AXE_PATH:
            route.fulfill(status=200, content_type="text/javascript", body=axe_source)
        elif url.netloc == live.netloc:
            route.continue_()
        elif url.netloc == exit_url.netloc:
            site.outside_requests.append(f"quick-exit:{route.request.url}")
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=EXIT_STUB)
        else:
            site.outside_requests.append(route.request.url)
            route.abort()

    context.route("**/*", route)

    def on_console(message: Any) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            site.csp_violations.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: site.page_errors.append(str(error)))
    return site


def _test_name(request: pytest.FixtureRequest) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "-", request.node.originalname or request.node.name).strip(
        "-"
    )


@pytest.fixture(params=list(VIEWPORTS))
def site(
    request: pytest.FixtureRequest, browser: Any, live_server: Any, live_content: None
) -> Iterator[Site]:
    """A fresh browser context (phone and desktop) on the live server, with content loaded."""
    site = _open_site(browser, live_server, request.param, _test_name(request))
    yield site
    site.page.context.close()


@pytest.fixture
def phone(
    request: pytest.FixtureRequest, browser: Any, live_server: Any, live_content: None
) -> Iterator[Site]:
    """Phone viewport only (for journeys where a second viewport adds nothing)."""
    site = _open_site(browser, live_server, "phone", _test_name(request))
    yield site
    site.page.context.close()


@pytest.fixture
def open_site(browser: Any, live_server: Any, live_content: None) -> Iterator[Any]:
    """Factory for extra contexts, e.g. with JavaScript disabled."""
    opened: list[Site] = []

    def factory(viewport: str = "phone", name: str = "extra", **extra: Any) -> Site:
        site = _open_site(browser, live_server, viewport, name, **extra)
        opened.append(site)
        return site

    yield factory
    for site in opened:
        site.page.context.close()


def switch_language(page: Any, code: str) -> None:
    """Press the language button (a real form POST to Django's set_language)."""
    page.locator(f"form.language-switch button[name='language'][value='{code}']").first.click()
