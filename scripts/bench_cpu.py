#!/usr/bin/env python3
"""In-process CPU time per page, pages interleaved request by request (part of `make bench`).

wrk's figures on a shared machine move with whatever else runs; CPU time of this process
(``time.process_time``) for one request through the real WSGI application
(``scripts/bench_wsgi.py``: full middleware stack, production settings from the
environment) does not, as long as the pages are timed side by side. Every round requests
each page once, in an order that rotates from round to round, so the bare view is measured
interleaved with the pages and the ratios hold even while the load changes.

Every read of the question, result and plan pages (``FIRST_READS``) is a first read: before
it, untimed, the borrower's session is copied to a new session row with a new key, so the
page reads a session no request has read before, as the first read after an answer does.
(Nothing in the site keeps anything per session between requests: no page cache, no session
cache; the content and fragment caches are shared by every borrower and hold no answers.
The copy makes sure a repeated read could not be cheaper than a borrower's.)

Used two ways:
  - by scripts/bench.py, with ``--targets`` (JSON: paths and the session cookie of the
    borrower it built over HTTP) and the same environment as the server it measured;
  - on its own (``.venv/bin/python scripts/bench_cpu.py``): it builds a borrower itself,
    with the same journeys, through a WSGI server in a thread on 127.0.0.1.

Prints a table, or JSON with ``--json``. It measures; it asserts nothing about timings.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]
os.chdir(ROOT)

PAGES = ["a", "s", "b", "c", "d", "e"]
FIRST_READS = {"c", "d", "e"}  # question, result, plan: each read gets a fresh session copy


def _cookie_parts(cookie: str) -> dict[str, str]:
    return dict(part.split("=", 1) for part in cookie.split("; ") if "=" in part)


def fresh_session(cookie: str) -> tuple[str, str]:
    """The cookie header with the borrower's session copied to a new key, and that key."""
    from importlib import import_module

    from django.conf import settings

    store = import_module(settings.SESSION_ENGINE).SessionStore
    parts = _cookie_parts(cookie)
    name = settings.SESSION_COOKIE_NAME
    copy = store()
    copy.update(dict(store(parts[name]).items()))
    copy.create()
    parts[name] = str(copy.session_key)
    return "; ".join(f"{key}={value}" for key, value in parts.items()), str(copy.session_key)


def forget_sessions(keys: list[str]) -> None:
    from importlib import import_module

    from django.conf import settings

    store = import_module(settings.SESSION_ENGINE).SessionStore
    for key in keys:
        store(key).delete()


def _environ(path: str, cookie: str | None, gzip: bool) -> dict[str, Any]:
    environ: dict[str, Any] = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.version": (1, 0),
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
    }
    if cookie:
        environ["HTTP_COOKIE"] = cookie
    if gzip:
        environ["HTTP_ACCEPT_ENCODING"] = "gzip"
    return environ


def request_once(
    app: Callable[..., Any], path: str, cookie: str | None, gzip: bool
) -> tuple[float, int, str]:
    """CPU seconds, body bytes and status line of one request through the WSGI app."""
    status: list[str] = []

    def start_response(line: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        status.append(line)

    started = time.process_time()
    result = app(_environ(path, cookie, gzip), start_response)
    try:
        size = sum(len(chunk) for chunk in result)
    finally:
        close = getattr(result, "close", None)
        if close:
            close()
    return time.process_time() - started, size, status[0] if status else "?"


def self_prepare(app: Callable[..., Any]) -> dict[str, dict[str, Any]]:
    """Build the benchmark borrower over HTTP against this process, as bench.py does."""
    from wsgiref.simple_server import WSGIRequestHandler, make_server

    import bench

    class Quiet(WSGIRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

    server = make_server("127.0.0.1", 0, app, handler_class=Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        targets = bench.prepare_targets(f"http://127.0.0.1:{server.server_port}")
    finally:
        server.shutdown()
    return {
        key: {"label": t.label, "path": t.path, "cookie": t.cookie, "missing": t.missing}
        for key, t in targets.items()
    }


def measure(
    app: Callable[..., Any],
    targets: dict[str, dict[str, Any]],
    rounds: int,
    pdf_rounds: int,
    gzip: bool,
) -> dict[str, Any]:
    keys = [
        k
        for k in PAGES
        if k in targets and targets[k].get("path") and not targets[k].get("missing")
    ]
    # Warm-up: templates compiled, content cached, database connection open.
    for key in keys:
        for _ in range(3):
            request_once(app, targets[key]["path"], targets[key].get("cookie"), gzip)
    times: dict[str, list[float]] = {key: [] for key in keys}
    sizes: dict[str, int] = {}
    statuses: dict[str, str] = {}
    copies: list[str] = []
    for round_number in range(rounds):
        shift = round_number % len(keys)
        for key in keys[shift:] + keys[:shift]:
            target = targets[key]
            cookie = target.get("cookie")
            if key in FIRST_READS and cookie:
                cookie, copied = fresh_session(cookie)  # untimed
                copies.append(copied)
            seconds, size, line = request_once(app, target["path"], cookie, gzip)
            times[key].append(seconds)
            sizes[key], statuses[key] = size, line
    forget_sessions(copies)
    rows: dict[str, Any] = {}
    bare = statistics.median(times["a"]) if times.get("a") else None
    for key in keys:
        median = statistics.median(times[key])
        rows[key] = {
            "label": targets[key]["label"],
            "cpu_ms": round(median * 1000, 3),
            "cpu_ms_p90": round(sorted(times[key])[int(0.9 * (len(times[key]) - 1))] * 1000, 3),
            "ratio_to_bare": round(bare / median, 3) if bare else None,
            "bytes": sizes[key],
            "status": statuses[key],
            "first_read": key in FIRST_READS and bool(targets[key].get("cookie")),
        }
    pdf = targets.get("f")
    if pdf_rounds and pdf and pdf.get("path") and not pdf.get("missing"):
        request_once(app, pdf["path"], pdf.get("cookie"), False)  # WeasyPrint import, fonts
        pdf_times = []
        for _ in range(pdf_rounds):
            seconds, size, line = request_once(app, pdf["path"], pdf.get("cookie"), False)
            pdf_times.append(seconds)
        rows["f"] = {
            "label": pdf["label"],
            "cpu_ms": round(statistics.median(pdf_times) * 1000, 1),
            "cpu_ms_p90": round(max(pdf_times) * 1000, 1),
            "ratio_to_bare": round(bare / statistics.median(pdf_times), 4) if bare else None,
            "bytes": size,
            "status": line,
        }
    return {"rounds": rounds, "pdf_rounds": pdf_rounds, "gzip": gzip, "pages": rows}


def table(result: dict[str, Any]) -> str:
    lines = [
        f"in-process CPU ms per request (median of {result['rounds']} interleaved rounds"
        f"{', Accept-Encoding: gzip' if result['gzip'] else ''})",
        f"   {'endpoint':<44}{'CPU ms':>9}{'p90':>9}{'ratio':>8}{'bytes':>9}",
    ]
    for key, row in result["pages"].items():
        ratio = row["ratio_to_bare"]
        label = row["label"] + (", first read" if row.get("first_read") else "")
        lines.append(
            f"   {'(' + key + ')':<5}{label:<39}{row['cpu_ms']:>9.3f}{row['cpu_ms_p90']:>9.3f}"
            f"{ratio if ratio is not None else '-':>8}{row['bytes']:>9}"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--targets", help="JSON from bench.py: {key: {label, path, cookie}}")
    parser.add_argument("--rounds", type=int, default=150)
    parser.add_argument("--pdf-rounds", type=int, default=5)
    parser.add_argument("--gzip", action="store_true", help="send Accept-Encoding: gzip")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECURE_SSL_REDIRECT", "0")
    os.environ.setdefault("SECURE_COOKIES", "0")
    os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
    import bench_wsgi

    app = bench_wsgi.application
    targets = json.loads(args.targets) if args.targets else self_prepare(app)
    result = measure(app, targets, args.rounds, args.pdf_rounds, args.gzip)
    print(json.dumps(result) if args.json else table(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
