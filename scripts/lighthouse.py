#!/usr/bin/env python3
"""`make lighthouse`: Lighthouse (mobile) on the home, a question, the result and the plan page.

Serves the app production-like (DEBUG=0, gunicorn, whitenoise, collected static files) on
127.0.0.1 only, over plain HTTP (so SSL redirect, secure cookies and HSTS are switched off
by their environment overrides), with a throw-away SQLite database. A borrower's session
(two debts answered, a budget) is made by walking the real forms over HTTP; its cookie is
passed to Lighthouse with --extra-headers. Prints the four category scores per page and
writes the JSON and HTML reports to artifacts/lighthouse/.

Needs: Debian Chromium (/usr/bin/chromium, or CHROME_PATH) and tools/lighthouse installed
(`make lighthouse` runs `npm ci` there first).
"""

from __future__ import annotations

import contextlib
import http.cookiejar
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _load_sample_borrower() -> tuple[list, dict[str, str]]:
    """The sample borrower's answers come from the check's step declarations, which need
    Django's app registry. It is set up here with development settings (this process reads
    no database and serves nothing); the environment is put back for the servers it starts.
    """
    import django

    saved = dict(os.environ)
    os.environ.update({"DJANGO_SETTINGS_MODULE": "borrower_help.settings", "DEBUG": "1"})
    try:
        django.setup()
    finally:
        os.environ.clear()
        os.environ.update(saved)
    from tests.sample_borrower import BUDGET_FORM, DEBTS

    return DEBTS, BUDGET_FORM


DEBTS, BUDGET_FORM = _load_sample_borrower()

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "artifacts" / "lighthouse"
LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage "
    "--disable-background-networking --disable-component-update --disable-sync "
    "--disable-quic --no-first-run"
)
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 90}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment(database: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
    env.update(
        DJANGO_SETTINGS_MODULE="borrower_help.settings",
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="127.0.0.1",
        # Plain HTTP on loopback: the production HTTPS-only settings are switched off here.
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
        DATABASE_URL=f"sqlite:///{database}",
        LOG_LEVEL="WARNING",
    )
    return env


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True)


class Browser:
    """A cookie-keeping HTTP client that posts forms the way a browser would."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, path: str) -> tuple[str, str]:
        with self.opener.open(self.base + path, timeout=30) as response:
            return response.geturl(), response.read().decode()

    def post(self, path: str, data: dict[str, object]) -> str:
        _, page = self.get(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        fields: list[tuple[str, str]] = [("csrfmiddlewaretoken", token.group(1) if token else "")]
        for name, value in data.items():
            for item in value if isinstance(value, list) else [value]:
                fields.append((name, str(item)))
        body = urllib.parse.urlencode(fields).encode()
        request = urllib.request.Request(
            self.base + path, data=body, headers={"Referer": self.base + path}
        )
        with self.opener.open(request, timeout=60) as response:
            return response.geturl()

    def cookie_header(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


def make_borrower(base: str) -> Browser:
    browser = Browser(base)
    browser.get("/check/")
    for number, steps in enumerate(DEBTS, start=1):
        for slug, data in steps:
            browser.post(f"/check/debt/{number}/{slug}/", data)
    final, page = browser.get("/check/result/")
    if not final.endswith("/check/result/") or "第 2 笔" not in page:
        raise SystemExit(f"lighthouse: could not build the two-debt session (ended at {final})")
    browser.get("/plan/")  # takes the two debts over from the check
    browser.post("/plan/budget/", BUDGET_FORM)
    final, _ = browser.get("/plan/result/")
    if not final.endswith("/plan/result/"):
        raise SystemExit(f"lighthouse: could not build the plan (ended at {final})")
    return browser


def wait_for(url: str, process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("lighthouse: the app server stopped while starting")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"lighthouse: {url} did not answer within {seconds:.0f} s")


@contextlib.contextmanager
def served(prefix: str) -> Iterator[str]:
    """The app production-like on a free loopback port, with a throw-away SQLite database and
    the content loaded; yields its base URL and stops it (and removes the database) after."""
    workdir = Path(tempfile.mkdtemp(prefix=prefix))
    env = environment(workdir / "app.sqlite3")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_content", "-v", "0")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            str(GUNICORN),
            "borrower_help.wsgi:application",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_for(base + "/healthz", server)
        yield base
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(workdir, ignore_errors=True)


def run_lighthouse(name: str, url: str, cookie: str | None) -> dict[str, int]:
    args = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--form-factor=mobile",
        "--output=json",
        "--output=html",
        f"--output-path={OUT / name}",
        f"--chrome-flags={CHROME_FLAGS}",
    ]
    if cookie:
        args.append("--extra-headers=" + json.dumps({"Cookie": cookie}))
    env = {**os.environ, "CHROME_PATH": CHROME}
    subprocess.run(args, cwd=ROOT, env=env, check=True, timeout=300)
    report = json.loads((OUT / f"{name}.report.json").read_text(encoding="utf-8"))
    final_url = report.get("finalDisplayedUrl") or report.get("finalUrl", "")
    if urllib.parse.urlsplit(final_url).path != urllib.parse.urlsplit(url).path:
        raise SystemExit(f"lighthouse: {name} ended at {final_url}, not {url} (session lost?)")
    scores = {c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    failing = [
        f"{audit_id} ({audit.get('score')})"
        for audit_id, audit in report["audits"].items()
        if audit.get("scoreDisplayMode") in {"binary", "numeric"}
        and audit.get("score") is not None
        and audit["score"] < 0.9
    ]
    scores["_failing"] = failing  # type: ignore[assignment]
    return scores


def main() -> int:
    if not LIGHTHOUSE.exists():
        print(
            "lighthouse: tools/lighthouse is not installed; run `make lighthouse`", file=sys.stderr
        )
        return 2
    if not Path(CHROME).exists():
        print(f"lighthouse: {CHROME} not found; run scripts/system-deps", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    results: dict[str, dict[str, int]] = {}
    with served("bh-lighthouse-") as base:
        borrower = make_borrower(base)
        cookie = borrower.cookie_header()
        pages = [
            ("home", "/", None),
            ("question", "/check/debt/1/kind/", None),
            ("result", "/check/result/", cookie),
            ("plan", "/plan/result/", cookie),
        ]
        for name, path, page_cookie in pages:
            print(f"lighthouse: {name} {path} …", flush=True)
            results[name] = run_lighthouse(name, base + path, page_cookie)

    header = f"{'page':<10}" + "".join(f"{c:>16}" for c in CATEGORIES)
    lines = [header, "-" * len(header)]
    for name, scores in results.items():
        lines.append(f"{name:<10}" + "".join(f"{scores[c]:>16}" for c in CATEGORIES))
    lines.append("targets   " + "".join(f"{'≥' + str(TARGETS[c]):>16}" for c in CATEGORIES))
    for name, scores in results.items():
        if scores["_failing"]:
            lines.append(f"{name}: audits below 0.9: {', '.join(scores['_failing'])}")
    summary = "\n".join(lines)
    print(summary)
    (OUT / "summary.txt").write_text(summary + "\n", encoding="utf-8")
    (OUT / "summary.json").write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"lighthouse: reports in {OUT.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
