#!/usr/bin/env python3
"""`make bench-phone`: the one-debt guided check on an emulated 3G phone.

Serves the app production-like (as `make lighthouse` does: DEBUG=0, gunicorn, whitenoise with
compressed static files, a throw-away SQLite database) and drives Debian Chromium through
Playwright with the Chrome DevTools Protocol's network and CPU emulation:

    3G: 300 ms latency, 400 kbit/s down and up, the phone's CPU 4x slower.

Prints two tables (not a test; nothing here asserts a time):
  - first visits: each page in a new browser (empty cache): load, LCP, bytes, requests;
  - the one-debt check from the home page to the result, as a borrower taps through it with
    JavaScript on (and, with --no-js, off): the waiting (from each tap to the next page being
    ready: the `load` event, or htmx having settled the swapped page), page loads, document
    round trips (each document, htmx or redirect response), bytes and requests.

Goals (issue 24): under 7 s of waiting for the check, every first visit's LCP under 1.5 s and
no page over 30 KB. Figures go to artifacts/bench-phone-<timestamp>.txt.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lighthouse import CHROME, ROOT, served

from tests.sample_borrower import FIRST_DEBT

PROFILE = {"latency": 300, "down": 400_000 / 8, "up": 400_000 / 8, "cpu": 4}
FIRST_VISIT_PAGES = [
    "/",
    "/visitor/",
    "/rights/",
    "/check/",
    "/check/debt/1/kind/",
    "/plan/",
    "/papers/",
]
GOALS = {"check waiting": 7.0, "LCP": 1.5, "first-visit KB": 30.0}
# Marks the tap and the moment the next page is ready, in the page itself (sessionStorage
# survives a navigation), so Playwright's own overhead is left out.
TIMING_SCRIPT = """
document.addEventListener('click', () => sessionStorage.setItem('bench-tap', Date.now()), true);
document.addEventListener('submit', () => sessionStorage.setItem('bench-tap', Date.now()), true);
window.addEventListener('load', () => sessionStorage.setItem('bench-ready', Date.now()));
document.addEventListener('htmx:afterSettle', () => sessionStorage.setItem('bench-ready', Date.now()));
window.__lcp = 0;
window.__lcpElement = '';
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    window.__lcp = entry.startTime;
    const el = entry.element;
    window.__lcpElement = el ? el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '') : '';
  }
}).observe({type: 'largest-contentful-paint', buffered: true});
"""


@dataclass
class Traffic:
    """What one page (a browser tab) sent and received, from the DevTools protocol."""

    documents: int = 0  # document navigations, htmx requests and redirect legs
    requests: int = 0
    bytes: int = 0
    loads: int = 0
    seen: set[str] = field(default_factory=set)

    def attach(self, page: Any) -> Any:
        cdp = page.context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": PROFILE["latency"],
                "downloadThroughput": PROFILE["down"],
                "uploadThroughput": PROFILE["up"],
            },
        )
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": PROFILE["cpu"]})
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.loadingFinished", self._finished)
        page.on("load", lambda: self._loaded())
        return cdp

    def _sent(self, event: dict[str, Any]) -> None:
        self.requests += 1
        if event.get("redirectResponse"):
            self.documents += 1  # the redirect's own round trip
            self.bytes += int(event["redirectResponse"].get("encodedDataLength", 0))
        if event.get("type") in {"Document", "XHR", "Fetch"}:
            self.documents += 1

    def _finished(self, event: dict[str, Any]) -> None:
        self.bytes += int(event.get("encodedDataLength", 0))

    def _loaded(self) -> None:
        self.loads += 1


def waiting_since_tap(page: Any, timeout: float = 60) -> float:
    """Seconds from the last tap to the next page being ready."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        marks = page.evaluate(
            "() => [Number(sessionStorage.getItem('bench-tap')),"
            " Number(sessionStorage.getItem('bench-ready'))]"
        )
        if marks[0] and marks[1] >= marks[0]:
            return (marks[1] - marks[0]) / 1000
        time.sleep(0.05)
    raise SystemExit(f"bench-phone: {page.url} was not ready within {timeout:.0f} s")


def answer(page: Any, data: dict[str, Any]) -> None:
    """Fill one question's form from the sample answers, as a borrower would."""
    for name, value in data.items():
        values = value if isinstance(value, list) else [value]
        for item in values:
            choice = page.locator(f'main input[name="{name}"][value="{item}"]')
            if choice.count():
                choice.first.check()
                continue
            box = page.locator(f'main [name="{name}"]')
            if box.first.is_hidden():
                opener = page.locator("main details summary")
                if opener.count():
                    opener.first.click()
            box.first.fill(str(item))


def walk_the_check(browser: Any, base: str, javascript: bool) -> dict[str, Any]:
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        device_scale_factor=2,
        is_mobile=True,
        has_touch=True,
        locale="zh-CN",
        java_script_enabled=javascript,
    )
    page = context.new_page()
    page.add_init_script(TIMING_SCRIPT)
    traffic = Traffic()
    traffic.attach(page)
    waits: list[tuple[str, float]] = []

    def tap(locator: Any, label: str) -> None:
        if not javascript:
            # No scripts run: the tap time is taken here instead (includes a little overhead).
            started = time.monotonic()
            with page.expect_navigation(wait_until="load"):
                locator.click()
            waits.append((label, time.monotonic() - started))
            return
        before = page.url
        locator.click()
        waits.append((label, waiting_since_tap(page)))
        if page.url == before and label.startswith("answer"):
            raise SystemExit(f"bench-phone: {label} stayed on {before}")

    page.goto(base + "/", wait_until="load")
    tap(page.locator('main a[href="/check/"]').first, "home → check")
    start = page.locator('main a[href="/check/debt/1/kind/"]')
    if start.count():  # an intro page of its own (before issue 24)
        tap(start.first, "check → question 1")
    for slug, data in FIRST_DEBT:
        answer(page, data)
        tap(page.locator("main form button[type=submit]").first, f"answer {slug}")
    if "/check/answers/" in page.url:  # check-your-answers on the way (before issue 24)
        tap(page.locator('main a[href="/check/result/"]').first, "answers → result")
    if "/check/result/" not in page.url:
        raise SystemExit(f"bench-phone: ended at {page.url}, not /check/result/")
    context.close()
    return {
        "javascript": javascript,
        "waiting": sum(seconds for _, seconds in waits),
        "slowest": max(waits, key=lambda item: item[1]),
        "taps": len(waits),
        "page loads": traffic.loads,
        "round trips": traffic.documents,
        "requests": traffic.requests,
        "KB": traffic.bytes / 1024,
    }


def first_visit(browser: Any, base: str, path: str) -> dict[str, Any]:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="zh-CN"
    )
    page = context.new_page()
    page.add_init_script(TIMING_SCRIPT)
    traffic = Traffic()
    traffic.attach(page)
    started = time.monotonic()
    page.goto(base + path, wait_until="load")
    load = time.monotonic() - started
    page.wait_for_timeout(400)
    lcp = page.evaluate("() => window.__lcp") / 1000
    element = page.evaluate("() => window.__lcpElement")
    context.close()
    return {"path": path, "load": load, "LCP": lcp, "KB": traffic.bytes / 1024, "element": element}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="walks of the check (median)")
    parser.add_argument("--no-js", action="store_true", help="also walk it without JavaScript")
    args = parser.parse_args()
    if not Path(CHROME).exists():
        print(f"bench-phone: {CHROME} not found; run scripts/system-deps", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with served("bh-bench-phone-") as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROME,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-quic",
            ],
        )
        first_visit(browser, base, "/")  # warm the server's own first request
        visits = [first_visit(browser, base, path) for path in FIRST_VISIT_PAGES]
        walks = [walk_the_check(browser, base, True) for _ in range(args.runs)]
        if args.no_js:
            walks += [walk_the_check(browser, base, False) for _ in range(args.runs)]
        browser.close()

    lines: list[str] = []
    profile = "3G: {latency} ms, {down:.0f} B/s down/up, CPU {cpu}x".format(**PROFILE)
    lines.append(f"bench-phone ({profile}), {dt.datetime.now():%Y-%m-%d %H:%M}")
    lines.append("")
    lines.append(f"{'first visit':<24}{'load s':>8}{'LCP s':>8}{'KB':>8}  LCP element")
    for visit in visits:
        lines.append(
            f"{visit['path']:<24}{visit['load']:>8.2f}{visit['LCP']:>8.2f}{visit['KB']:>8.1f}"
            f"  {visit['element']}"
        )
    lines.append("")
    lines.append(
        f"{'one-debt check':<16}{'waiting s':>10}{'taps':>6}{'loads':>7}{'trips':>7}"
        f"{'reqs':>6}{'KB':>7}  slowest tap"
    )
    for javascript in (True, False):
        runs = [walk for walk in walks if walk["javascript"] is javascript]
        if not runs:
            continue
        median = statistics.median(walk["waiting"] for walk in runs)
        walk = min(runs, key=lambda item: abs(item["waiting"] - median))
        label, slowest = walk["slowest"]
        lines.append(
            f"{'with JS' if javascript else 'without JS':<16}{median:>10.2f}{walk['taps']:>6}"
            f"{walk['page loads']:>7}{walk['round trips']:>7}{walk['requests']:>6}"
            f"{walk['KB']:>7.1f}  {label} {slowest:.2f} s"
        )
        lines.append(f"{'':<16}runs: " + ", ".join(f"{run['waiting']:.2f}" for run in runs))
    lines.append("")
    lines.append(
        "goals: check waiting < {check waiting} s with JS; every first visit's LCP < {LCP} s"
        " and < {first-visit KB} KB".format(**GOALS)
    )
    report = "\n".join(lines)
    print(report)
    out = ROOT / "artifacts"
    out.mkdir(exist_ok=True)
    (out / f"bench-phone-{dt.datetime.now():%Y%m%d-%H%M%S}.txt").write_text(report + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
