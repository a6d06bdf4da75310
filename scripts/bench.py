#!/usr/bin/env python3
"""`make bench`: load test of the production-like set-up, on SQLite and on PostgreSQL.

Not a test: it measures and reports, it asserts nothing about timings. Everything listens
on 127.0.0.1 only and everything started here is stopped at the end (also on Ctrl-C).

Per configuration:
  sqlite    gunicorn sync -w 2 + whitenoise, DEBUG=0 (plain-http overrides, as `make serve`),
            a bench SQLite file under artifacts/
  postgres  a throw-away PostgreSQL cluster (scripts/pg) and TWO gunicorn processes (-w 1
            each, the same two workers in total) sharing one port with SO_REUSEPORT (the
            kernel spreads connections: a load balancer without a proxy); each also has its
            own port for the restart test.

Endpoints, each driven by wrk for --duration seconds at --connections connections:
  (a) bare Django view (scripts/bench_wsgi.py), the ceiling; (s) the bare view reading the
  session, the floor of any personal page; (b) home; (c) a question page; (d) the check
  result with two debts in the session; (e) the plan page; (f) the plan PDF (sequential
  Python client). A page that does not exist yet is reported as "missing".
  The bare view is driven before the first page and again after every page (for half the
  duration); each page's ratio is to the mean of the bare runs just before and after it, so
  a load that changes during the run (a shared machine) does not distort the ratios.
In-process CPU: scripts/bench_cpu.py times the same pages through the WSGI app in one
process, interleaved request by request (CPU time, not wall time); printed beside wrk's.
Mixed load: --pdf-clients clients request the plan PDF without pause (from
--documents-base if documents are served elsewhere) while wrk drives home at
--mixed-connections connections: do documents stall pages?
Also: first-view transfer size per page (HTML + CSS + JS, compressed), third-party requests,
and (postgres) a journey that survives the restart of one app process.

Figures: artifacts/bench-<timestamp>.txt and .json.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import journey_client as jc

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
ARTIFACTS = ROOT / "artifacts"
SESSION_COOKIE = "bh_session"
PG_NAME = f"bench-{os.getpid()}"
HOST = "127.0.0.1"

WRK_LUA = r"""
done = function(summary, latency, requests)
  io.write(string.format(
    "BENCHJSON {\"requests\":%d,\"duration_us\":%d,\"bytes\":%d,\"connect\":%d,\"read\":%d," ..
    "\"write\":%d,\"status\":%d,\"timeout\":%d,\"p50\":%d,\"p90\":%d,\"p95\":%d,\"p99\":%d," ..
    "\"max\":%d,\"mean\":%.1f}\n",
    summary.requests, summary.duration, summary.bytes, summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(95),
    latency:percentile(99), latency.max, latency.mean))
end
"""


def log(message: str) -> None:
    print(f"bench: {message}", flush=True)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class Stop(Exception):
    pass


def _terminate(signum: int, frame: Any) -> None:
    raise Stop(f"signal {signum}")


# --------------------------------------------------------------------------- servers


@dataclass
class App:
    """One gunicorn process (master + workers), bound to its own port and maybe a shared one."""

    name: str
    env: dict[str, str]
    workers: int
    own_port: int
    shared_port: int | None
    logfile: Path
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.launch()
        self.wait()

    def wait(self) -> None:
        assert self.process is not None
        wait_healthy(f"http://{HOST}:{self.own_port}", self.process, self.logfile)

    def launch(self) -> None:
        binds = ["--bind", f"{HOST}:{self.own_port}"]
        if self.shared_port:
            binds += ["--bind", f"{HOST}:{self.shared_port}", "--reuse-port"]
        command = [
            GUNICORN,
            "-c",
            str(ROOT / "deploy" / "gunicorn.conf.py"),
            "--pythonpath",
            str(ROOT / "scripts"),
            "-w",
            str(self.workers),
            *binds,
            "bench_wsgi:application",
        ]
        with self.logfile.open("ab") as out:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=out,
                start_new_session=True,
                preexec_fn=_die_with_parent,
            )

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()  # gunicorn: graceful shutdown of master and workers
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


def _die_with_parent() -> None:
    """In the child: get SIGTERM when the process that started us dies (Linux).

    If the benchmark or a test run is killed outright (a timeout's SIGKILL), its `finally`
    never runs; this makes gunicorn shut down anyway instead of living on as an orphan.
    """
    with contextlib.suppress(OSError, AttributeError):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, signal.SIGTERM, 0, 0, 0)


def wait_healthy(base: str, process: subprocess.Popen[bytes], logfile: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited; see {logfile}:\n{logfile.read_text()[-2000:]}")
        if _status(base + "/healthz") == 200:
            return
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not become healthy at {base}; see {logfile}")


def manage(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL
    )


# --------------------------------------------------------------------------- measuring


@dataclass
class Target:
    key: str
    label: str
    path: str | None
    cookie: str | None = None
    missing: str | None = None
    result: dict[str, Any] = field(default_factory=dict)


def probe(base: str, target: Target) -> None:
    """A page must answer 200 at its own address (no redirect), else it is reported missing."""
    if target.path is None:
        return
    request = urllib.request.Request(base + target.path)
    if target.cookie:
        request.add_header("Cookie", target.cookie)
    opener = urllib.request.build_opener(jc._NoRedirect())
    try:
        with opener.open(request, timeout=30) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    if status != 200:
        target.missing = f"answers {status} at {target.path}"


def run_wrk(
    base: str,
    target: Target,
    args: argparse.Namespace,
    lua: Path,
    *,
    duration: int | None = None,
    connections: int | None = None,
    warm: bool = True,
) -> dict[str, Any]:
    headers = ["-H", f"Cookie: {target.cookie}"] if target.cookie else []
    url = base + target.path
    duration = duration or args.duration
    connections = connections or args.connections
    if warm:
        # Warm-up: templates compiled, connections to the database opened in every worker.
        subprocess.run(
            ["wrk", "-t1", "-c4", "-d2s", *headers, url],
            check=True,
            stdout=subprocess.DEVNULL,
            timeout=60,
        )
    completed = subprocess.run(
        [
            "wrk",
            f"-t{min(args.threads, connections)}",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "10s",
            "--latency",
            "-s",
            str(lua),
            *headers,
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=duration + 60,
    )
    line = next(x for x in completed.stdout.splitlines() if x.startswith("BENCHJSON "))
    raw = json.loads(line.removeprefix("BENCHJSON "))
    seconds = raw["duration_us"] / 1e6
    errors = raw["connect"] + raw["read"] + raw["write"] + raw["timeout"]
    return {
        "requests": raw["requests"],
        "rps": round(raw["requests"] / seconds, 1),
        "p50_ms": raw["p50"] / 1000,
        "p95_ms": raw["p95"] / 1000,
        "p99_ms": raw["p99"] / 1000,
        "max_ms": raw["max"] / 1000,
        "non_2xx_3xx": raw["status"],
        "socket_errors": errors,
        "connections": connections,
        "seconds": round(seconds, 2),
    }


def run_cpu(env: dict[str, str], targets: dict[str, Target], rounds: int) -> dict[str, Any]:
    """The in-process CPU table (scripts/bench_cpu.py) for the same borrower and pages."""
    spec = {
        key: {"label": t.label, "path": t.path, "cookie": t.cookie, "missing": t.missing}
        for key, t in targets.items()
    }
    completed = subprocess.run(
        [
            PY,
            str(ROOT / "scripts" / "bench_cpu.py"),
            "--json",
            "--rounds",
            str(rounds),
            "--targets",
            json.dumps(spec),
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=600,
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def run_mixed(
    base: str, documents: str, targets: dict[str, Target], args: argparse.Namespace, lua: Path
) -> dict[str, Any]:
    """Home under wrk while PDF clients ask for documents without pause (same session)."""
    pdf = targets["f"]
    stop = threading.Event()
    times: list[float] = []
    failures: list[str] = []

    def client() -> None:
        while not stop.is_set():
            request = urllib.request.Request(documents + (pdf.path or ""))
            request.add_header("Cookie", pdf.cookie or "")
            started = time.perf_counter()
            try:
                with urllib.request.urlopen(request, timeout=60) as response:
                    body = response.read()
                if not body.startswith(b"%PDF"):
                    failures.append("not a PDF")
                    continue
            except (OSError, urllib.error.HTTPError) as error:
                failures.append(str(error))
                continue
            if not stop.is_set():
                times.append(time.perf_counter() - started)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(args.pdf_clients)]
    for thread in threads:
        thread.start()
    try:
        time.sleep(1)  # the document clients are busy before the pages are measured
        home = run_wrk(
            base, targets["b"], args, lua, connections=args.mixed_connections, warm=False
        )
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=90)
    ordered = sorted(times)
    return {
        "home": home,
        "pdf_clients": args.pdf_clients,
        "documents": documents,
        "pdfs": len(times),
        "pdf_failures": len(failures),
        "pdf_p50_ms": round(statistics.median(ordered) * 1000, 1) if ordered else None,
        "pdf_max_ms": round(ordered[-1] * 1000, 1) if ordered else None,
    }


def run_pdf(base: str, target: Target, count: int) -> dict[str, Any]:
    times = []
    sizes = []
    for _ in range(count + 1):
        request = urllib.request.Request(base + target.path)
        request.add_header("Cookie", target.cookie or "")
        started = time.perf_counter()
        with urllib.request.urlopen(request, timeout=60) as response:
            body = response.read()
            kind = response.headers.get("Content-Type", "")
        times.append(time.perf_counter() - started)
        sizes.append(len(body))
        if not kind.startswith("application/pdf") or not body.startswith(b"%PDF"):
            raise RuntimeError(f"not a PDF: {kind}")
    first, rest = times[0], sorted(times[1:])

    def pct(p: float) -> float:
        return rest[min(len(rest) - 1, round(p / 100 * (len(rest) - 1)))] * 1000

    return {
        "requests": count,
        "rps": round(count / sum(rest), 2),
        "p50_ms": round(statistics.median(rest) * 1000, 1),
        "p95_ms": round(pct(95), 1),
        "p99_ms": round(pct(99), 1),
        "max_ms": round(rest[-1] * 1000, 1),
        "first_ms": round(first * 1000, 1),
        "pdf_bytes": sizes[-1],
        "connections": 1,
    }


ASSET = re.compile(
    r"<(link|script|img|iframe|source|audio|video|embed|object)\b([^>]*)>", re.IGNORECASE
)
ATTR = re.compile(r'\b(src|href|srcset|data)\s*=\s*"([^"]*)"', re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)|@import\s+['\"]([^'\"]+)['\"]")


def fetch(url: str, cookie: str | None) -> tuple[bytes, dict[str, str]]:
    request = urllib.request.Request(url)
    request.add_header("Accept-Encoding", "br, gzip")
    if cookie:
        request.add_header("Cookie", cookie)
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.read(), dict(response.headers)


def decoded(body: bytes, headers: dict[str, str]) -> str:
    """The text of a response body as sent (gzip or brotli), for scanning its links."""
    encoding = headers.get("Content-Encoding", "")
    if encoding == "gzip":
        body = gzip.decompress(body)
    elif encoding == "br":
        import brotli  # installed with whitenoise[brotli], which makes the .br files

        body = brotli.decompress(body)
    return body.decode("utf-8", "replace")


def first_view(base: str, target: Target) -> dict[str, Any]:
    """Bytes on the wire for a first visit: HTML + CSS + JS (+ what CSS pulls in), compressed."""
    html_bytes, headers = fetch(base + target.path, target.cookie)
    html = decoded(html_bytes, headers)
    own = urllib.parse.urlsplit(base).netloc
    third_party: list[str] = []
    assets: list[tuple[str, str]] = []
    for tag, attrs in ASSET.findall(html):
        tag = tag.lower()
        for name, value in ATTR.findall(attrs):
            for url in value.split(","):
                url = url.strip().split(" ")[0]
                if not url:
                    continue
                absolute = urllib.parse.urljoin(base + target.path, url)
                if urllib.parse.urlsplit(absolute).netloc != own:
                    third_party.append(absolute)
                    continue
                if tag == "script" and name.lower() == "src":
                    assets.append(("js", absolute))
                elif tag == "link" and "stylesheet" in attrs.lower() and name.lower() == "href":
                    assets.append(("css", absolute))
                elif name.lower() in ("src", "href", "srcset"):
                    assets.append(("other", absolute))
    sizes = {"html": len(html_bytes), "css": 0, "js": 0, "other": 0}
    seen: set[str] = set()
    queue = list(assets)
    while queue:
        kind, url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        body, asset_headers = fetch(url, None)
        sizes[kind] += len(body)
        if kind == "css":
            for found in CSS_URL.findall(decoded(body, asset_headers)):
                ref = found[0] or found[1]
                if ref.startswith("data:"):
                    continue
                absolute = urllib.parse.urljoin(url, ref)
                if urllib.parse.urlsplit(absolute).netloc != own:
                    third_party.append(absolute)
                else:
                    queue.append(("css" if found[1] else "other", absolute))
    html_gzip = len(gzip.compress(html_bytes, 6)) if not headers.get("Content-Encoding") else None
    total = sizes["html"] + sizes["css"] + sizes["js"]
    total_proxy = (
        (html_gzip if html_gzip is not None else sizes["html"]) + sizes["css"] + sizes["js"]
    )
    return {
        "html_bytes_sent": sizes["html"],
        "html_content_encoding": headers.get("Content-Encoding", "none"),
        "html_gzip_bytes": html_gzip,
        "css_bytes": sizes["css"],
        "js_bytes": sizes["js"],
        "other_bytes": sizes["other"],
        "first_view_bytes": total,
        "first_view_bytes_html_gzipped": total_proxy,
        "assets": sorted(seen),
        "third_party": sorted(set(third_party)),
    }


# --------------------------------------------------------------------------- journeys


def prepare_targets(base: str) -> dict[str, Target]:
    targets = {
        "a": Target("a", "bare Django view", "/__bench__/bare/"),
        "s": Target("s", "bare view + session read", "/__bench__/session/"),
        "b": Target("b", "home", "/"),
        "c": Target("c", "question page", None),
        "d": Target("d", "check result, 2 debts", None),
        "e": Target("e", "plan page", None),
        "f": Target("f", "plan PDF", None),
    }
    borrower = jc.Borrower(base)
    try:
        first = jc.check_first_question(borrower)
        form = first.main_form()
        # /check/ asks the first question under its intro; the row is the question's own page.
        targets["c"].path = form.action if form is not None and form.action else first.path
    except jc.JourneyError as error:
        targets["c"].missing = str(error)
    try:
        result = jc.check_two_debts(borrower)
        targets["d"].path = result.path
        debts = jc.answered_debts(borrower)
        if debts != ["1", "2"]:
            targets["d"].missing = f"session holds debts {sorted(debts)}, not two"
    except jc.JourneyError as error:
        targets["d"].missing = str(error)
    try:
        targets["e"].path = jc.plan_with_debts(borrower).path
        pdf = borrower.get("/plan/repayment-plan.pdf")
        if pdf.status == 200 and pdf.body.startswith(b"%PDF"):
            targets["f"].path = "/plan/repayment-plan.pdf"
        else:
            targets["f"].missing = f"answers {pdf.status} at /plan/repayment-plan.pdf"
    except jc.JourneyError as error:
        targets["e"].missing = targets["f"].missing = str(error)
    cookie = borrower.cookie(SESSION_COOKIE)
    # A borrower's browser also sends the CSRF cookie it was given, so a page reuses that
    # secret instead of making a new one on every request.
    csrf = borrower.cookie("csrftoken")
    for key in "scdef":
        parts = [f"{SESSION_COOKIE}={cookie}"] if cookie else []
        parts += [f"csrftoken={csrf}"] if cookie and csrf else []
        targets[key].cookie = "; ".join(parts) or None
    if targets["c"].path and not cookie:
        targets["c"].cookie = None
    return targets


def restart_test(apps: list[App], shared_port: int) -> dict[str, Any]:
    """Mid-journey, app process A stops; the borrower carries on through B; A comes back."""
    a, b = apps
    base_a, base_b = f"http://{HOST}:{a.own_port}", f"http://{HOST}:{b.own_port}"
    steps: list[str] = []
    borrower = jc.Borrower(base_a)
    try:
        answers = jc.check_one_debt(borrower, jc.check_first_question(borrower))
        page = borrower.get(answers.link(r"^/check/debt/2/") or "/check/debt/2/kind/")
        for _ in range(2):
            form = page.main_form()
            if form is None:
                raise jc.JourneyError("no question form", page)
            page = borrower.submit(page, form)
        mid = page.path
        steps.append(f"on A: debt 1 answered, debt 2 half answered, next question {mid}")

        a.stop()
        steps.append("A stopped (SIGTERM)")
        during = [_status(f"http://{HOST}:{shared_port}/healthz") for _ in range(20)]
        steps.append(f"shared port while A is down: {during.count(200)}/20 answered 200")

        borrower.base = base_b
        page = borrower.get(mid)
        if page.path != mid or page.status != 200:
            raise jc.JourneyError(f"on B the borrower was sent elsewhere instead of {mid}", page)
        steps.append(f"on B: {mid} shown with the earlier answers kept")
        jc.answer_until(borrower, page, jc.CHECK_DONE)
        steps.append("on B: debt 2 finished")

        a.start()
        steps.append("A restarted")
        borrower.base = base_a
        result = borrower.get("/check/result/")
        listed = jc.answered_debts(borrower)
        ok = (
            result.path == "/check/result/"
            and result.status == 200
            and listed == ["1", "2"]
            and during.count(200) == 20
        )
        steps.append(
            f"on restarted A: result {result.status} at {result.path}, debts {sorted(listed)}"
        )
        return {"status": "PASS" if ok else "FAIL", "steps": steps}
    except (jc.JourneyError, RuntimeError, OSError) as error:
        steps.append(f"error: {error}")
        return {"status": "FAIL", "steps": steps}


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


# --------------------------------------------------------------------------- configurations


def bench_config(
    name: str, env: dict[str, str], args: argparse.Namespace, work: Path, lua: Path
) -> dict[str, Any]:
    log(f"[{name}] migrate + load_content")
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "load_content")
    apps: list[App] = []
    report: dict[str, Any] = {"config": name}
    try:
        if name == "sqlite":
            port = free_port()
            apps = [App("app", env, 2, port, None, work / f"gunicorn-{name}.log")]
            report["servers"] = "1 gunicorn process, sync -w 2"
        else:
            port = free_port()
            apps = [
                App(label, env, 1, free_port(), port, work / f"gunicorn-{name}-{label}.log")
                for label in ("A", "B")
            ]
            report["servers"] = (
                "2 gunicorn processes (sync -w 1 each) sharing a port (SO_REUSEPORT)"
            )
        for app in apps:
            app.launch()
        for app in apps:
            app.wait()
        base = f"http://{HOST}:{port}"
        report["base"] = base
        log(f"[{name}] {report['servers']} on {base}; driving the journeys")
        targets = prepare_targets(base)
        for target in targets.values():
            if target.missing is None:
                probe(base, target)
        bare_runs: list[dict[str, Any]] = []
        bare_half = max(2, args.duration // 2)

        def bare_run() -> float:
            result = run_wrk(base, targets["a"], args, lua, duration=bare_half, warm=not bare_runs)
            bare_runs.append(result)
            return result["rps"]

        log(f"[{name}] (a) bare view: wrk {bare_half}s before the first page and after each page")
        before = bare_run()
        for key in "sbcde":
            target = targets[key]
            if target.missing:
                log(f"[{name}] ({key}) {target.label}: missing ({target.missing})")
                continue
            log(
                f"[{name}] ({key}) {target.label}: wrk {args.duration}s, {args.connections} connections"
            )
            target.result = run_wrk(base, target, args, lua)
            after = bare_run()
            target.result["bare_rps_around"] = [before, after]
            target.result["ratio_to_bare"] = round(target.result["rps"] / ((before + after) / 2), 2)
            before = after
        targets["a"].result = _merge_bare(bare_runs)
        targets["a"].result["ratio_to_bare"] = 1.0
        if targets["f"].missing is None:
            log(f"[{name}] (f) plan PDF: {args.pdf_requests} sequential requests")
            targets["f"].result = run_pdf(base, targets["f"], args.pdf_requests)
            if args.mixed:
                documents = (args.documents_base or base).rstrip("/")
                log(
                    f"[{name}] mixed load: {args.pdf_clients} PDF clients on {documents} while"
                    f" wrk drives home at {args.mixed_connections} connections for {args.duration}s"
                )
                report["mixed"] = run_mixed(base, documents, targets, args, lua)
        if args.cpu_rounds:
            log(f"[{name}] in-process CPU: {args.cpu_rounds} interleaved rounds")
            try:
                report["cpu"] = run_cpu(env, targets, args.cpu_rounds)
            except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
                report["cpu"] = {"error": str(getattr(error, "stderr", "") or error)[-2000:]}
        report["endpoints"] = {
            key: {"label": t.label, "path": t.path, "missing": t.missing, **t.result}
            for key, t in targets.items()
        }
        if args.sizes:
            log(f"[{name}] first-view sizes and third-party scan")
            report["first_view"] = {}
            for key in "bcde":
                target = targets[key]
                if target.missing is None:
                    report["first_view"][key] = {"label": target.label, **first_view(base, target)}
        if len(apps) == 2:
            log(f"[{name}] restart test")
            report["restart"] = restart_test(apps, port)
            log(f"[{name}] restart test: {report['restart']['status']}")
        return report
    finally:
        for app in apps:
            app.stop()


def _merge_bare(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The bare view's row: the median run by req/s, with every run's req/s listed."""
    ordered = sorted(runs, key=lambda run: run["rps"])
    middle = dict(ordered[len(ordered) // 2])
    middle["runs_rps"] = [run["rps"] for run in runs]
    return middle


def text_report(data: dict[str, Any]) -> str:
    lines = [
        f"Borrower Help benchmark {data['timestamp']}",
        f"machine: {data['machine']}; load average (1 min) at start {data['load_start']}, at end {data.get('load_end')}",
        f"wrk: {data['wrk']}; {data['duration']} s per endpoint, {data['connections']} connections,"
        f" {data['threads']} threads; wrk runs on the same cores as the server",
        "server: DEBUG=0, whitenoise, plain http on 127.0.0.1 (SECURE_SSL_REDIRECT=0 SECURE_COOKIES=0"
        " SECURE_HSTS_SECONDS=0), request log on",
        "",
    ]
    for report in data["configs"]:
        lines.append(f"== {report['config']}: {report.get('servers', '')}")
        if "error" in report:
            lines.append(f"   ERROR: {report['error']}")
            lines.append("")
            continue
        cpu = report.get("cpu", {}).get("pages", {})
        lines.append(
            f"   {'endpoint':<28}{'req/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'ratio':>7}"
            f" |{'CPU ms':>9}{'ratio':>7}  notes"
        )
        for key, row in report["endpoints"].items():
            in_process = cpu.get(key, {})
            cpu_cols = (
                f" |{in_process['cpu_ms']:>9.2f}{in_process['ratio_to_bare']:>7}"
                if in_process
                else f" |{'-':>9}{'-':>7}"
            )
            label = f"({key}) {row['label']}"
            if row.get("missing"):
                lines.append(f"   {label:<28}{'missing':>9}  {row['missing']}")
                continue
            if "rps" not in row:
                lines.append(f"   {label:<28}{'-':>9}  not measured")
                continue
            notes = []
            if row.get("non_2xx_3xx"):
                notes.append(f"{row['non_2xx_3xx']} non-2xx/3xx")
            if row.get("socket_errors"):
                notes.append(f"{row['socket_errors']} socket errors")
            if key == "f":
                notes.append(
                    f"sequential; first request {row['first_ms']} ms; {row['pdf_bytes']} bytes"
                )
            if key == "a" and row.get("runs_rps"):
                notes.append(f"median of {len(row['runs_rps'])} runs: {row['runs_rps']}")
            ratio = row.get("ratio_to_bare")
            lines.append(
                f"   {label:<28}{row['rps']:>9}{row['p50_ms']:>9.1f}{row['p95_ms']:>9.1f}"
                f"{row['p99_ms']:>9.1f}{(f'{ratio:.2f}' if ratio else '-'):>7}{cpu_cols}"
                f"  {'; '.join(notes)}"
            )
        if report.get("cpu"):
            if "error" in report["cpu"]:
                lines.append(f"   in-process CPU: failed: {report['cpu']['error'][-300:]}")
            else:
                lines.append(
                    f"   CPU ms: in-process, median of {report['cpu']['rounds']} rounds with the"
                    " pages interleaved request by request; its ratio is bare CPU / page CPU."
                    " Question, result and plan: each read gets a fresh copy of the session"
                    " (a first read). wrk repeats the same GET with one session; nothing is"
                    " kept per session between requests, so a repeat costs what a first read does"
                )
        mixed = report.get("mixed")
        if mixed:
            home = mixed["home"]
            lines.append(
                f"   mixed load: home at {home['connections']} connections while {mixed['pdf_clients']}"
                f" clients fetch PDFs from {mixed['documents']}: {home['rps']} req/s, p50"
                f" {home['p50_ms']:.1f} / p95 {home['p95_ms']:.1f} / p99 {home['p99_ms']:.1f} ms;"
                f" {mixed['pdfs']} PDFs (p50 {mixed['pdf_p50_ms']} ms, max {mixed['pdf_max_ms']} ms,"
                f" {mixed['pdf_failures']} failures)"
            )
        if report.get("first_view"):
            lines.append("   first view, bytes transferred (Accept-Encoding: br, gzip):")
            for key, row in report["first_view"].items():
                html = f"HTML {row['html_bytes_sent']} ({row['html_content_encoding']})"
                if row["html_gzip_bytes"] is not None:
                    html += f", {row['html_gzip_bytes']} if the proxy gzips it"
                lines.append(
                    f"     ({key}) {row['label']:<24} total {row['first_view_bytes']:>6}"
                    f" | with gzipped HTML {row['first_view_bytes_html_gzipped']:>6}"
                    f" | {html}; CSS {row['css_bytes']}; JS {row['js_bytes']}; images {row['other_bytes']}"
                )
            third = sorted(
                {url for row in report["first_view"].values() for url in row["third_party"]}
            )
            lines.append(f"   third-party requests: {len(third)}" + (f" {third}" if third else ""))
        if "restart" in report:
            lines.append(f"   restart test: {report['restart']['status']}")
            lines.extend(f"     - {step}" for step in report["restart"]["steps"])
        lines.append("")
    goals = data.get("goals", [])
    if goals:
        lines.append("goals (issues 8, 18 and 24), informative only:")
        lines.extend(f"   {goal}" for goal in goals)
    return "\n".join(lines) + "\n"


# Issue 24's floors for the in-process CPU ratio to the bare view of a first read: the ratios
# before its work with kept pages off (question, result, plan).
CPU_RATIO_FLOOR = {"c": 0.14, "d": 0.085, "e": 0.048}


def goals(configs: list[dict[str, Any]]) -> list[str]:
    out = []
    for report in configs:
        rows = report.get("endpoints", {})
        name = report["config"]

        def row(key: str, rows: dict[str, Any] = rows) -> dict[str, Any]:
            return rows.get(key, {}) if not rows.get(key, {}).get("missing") else {}

        for key in "de":
            ratio = row(key).get("ratio_to_bare")
            if ratio is not None:
                out.append(
                    f"[{name}] ({key}) ratio to bare >= 0.5: {ratio} {'met' if ratio >= 0.5 else 'NOT met'}"
                )
        cpu = report.get("cpu", {}).get("pages", {})
        for shown, in_process in cpu.items():
            floor = CPU_RATIO_FLOOR.get(shown)
            ratio = in_process.get("ratio_to_bare")
            if floor is not None and ratio is not None:
                read = "first read" if in_process.get("first_read") else "repeated read"
                out.append(
                    f"[{name}] ({shown}) in-process CPU ratio ({read}) >= {floor}:"
                    f" {ratio} {'met' if ratio >= floor else 'NOT met'}"
                )
        for key in "bcde":
            p99 = row(key).get("p99_ms")
            if p99 is not None:
                out.append(
                    f"[{name}] ({key}) p99 < 50 ms at {row(key)['connections']} connections:"
                    f" {p99:.1f} ms {'met' if p99 < 50 else 'NOT met'}"
                )
        pdf = row("f").get("p50_ms")
        if pdf is not None:
            size = row("f").get("pdf_bytes", 0)
            out.append(
                f"[{name}] plan PDF p50 < 150 ms and < 100 KB: {pdf} ms, {size} B"
                f" {'met' if pdf < 150 and size < 102400 else 'NOT met'}"
            )
        views = report.get("first_view", {})
        if views:
            biggest = max(v["first_view_bytes"] for v in views.values())
            out.append(
                f"[{name}] first view <= 40 KB (40960 B): largest {biggest} B {'met' if biggest <= 40960 else 'NOT met'}"
            )
            third = sum(len(v["third_party"]) for v in views.values())
            out.append(
                f"[{name}] zero third-party requests: {third} {'met' if third == 0 else 'NOT met'}"
            )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=int(os.environ.get("BENCH_DURATION", "10")))
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--pdf-requests", type=int, default=10)
    parser.add_argument("--cpu-rounds", type=int, default=100, help="0 skips the CPU table")
    parser.add_argument("--no-mixed", dest="mixed", action="store_false")
    parser.add_argument("--pdf-clients", type=int, default=4)
    parser.add_argument("--mixed-connections", type=int, default=8)
    parser.add_argument(
        "--documents-base",
        default=os.environ.get("BENCH_DOCUMENTS_BASE", ""),
        help="where the mixed load asks for PDFs (default: the app under test)",
    )
    parser.add_argument(
        "--configs", default="sqlite,postgres", help="comma-separated: sqlite,postgres"
    )
    parser.add_argument("--no-sizes", dest="sizes", action="store_false")
    args = parser.parse_args()
    if not 1 <= args.duration <= 120:
        parser.error("--duration must be 1..120 seconds")
    for tool in ("wrk",):
        if shutil.which(tool) is None:
            parser.error(f"{tool} not found (run: scripts/system-deps bench)")

    signal.signal(signal.SIGTERM, _terminate)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    ARTIFACTS.mkdir(exist_ok=True)
    work = ARTIFACTS / f"bench-work-{stamp}"
    work.mkdir()
    lua = work / "report.lua"
    lua.write_text(WRK_LUA)
    base_env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "DEBUG", "SECRET_KEY", "PORT"}
    }
    base_env.update(
        DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        LOG_LEVEL="INFO",
        WEB_CONCURRENCY="2",
    )
    wrk_version = subprocess.run(
        ["wrk", "--version"], capture_output=True, text=True
    ).stdout.split()
    data: dict[str, Any] = {
        "timestamp": stamp,
        "machine": f"{os.cpu_count()} cores, {os.uname().sysname} {os.uname().release}",
        "wrk": " ".join(wrk_version[:2]),
        "duration": args.duration,
        "connections": args.connections,
        "threads": args.threads,
        "load_start": round(os.getloadavg()[0], 2),
        "configs": [],
    }
    pg_started = False
    try:
        log("collectstatic (hashed, compressed)")
        manage(base_env, "collectstatic", "--noinput", "-v", "0")
        for name in [item.strip() for item in args.configs.split(",") if item.strip()]:
            env = dict(base_env)
            try:
                if name == "sqlite":
                    env["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
                elif name == "postgres":
                    url = subprocess.run(
                        [str(ROOT / "scripts" / "pg"), "start", PG_NAME],
                        check=True,
                        capture_output=True,
                        text=True,
                    ).stdout.strip()
                    pg_started = True
                    env["DATABASE_URL"] = url
                else:
                    raise ValueError(f"unknown configuration {name!r}")
                data["configs"].append(bench_config(name, env, args, work, lua))
            except (RuntimeError, subprocess.CalledProcessError, ValueError, OSError) as error:
                log(f"[{name}] failed: {error}")
                data["configs"].append({"config": name, "error": str(error)})
    except (KeyboardInterrupt, Stop) as stop:
        log(f"interrupted ({stop or 'Ctrl-C'}); stopping everything")
        return 130
    finally:
        if pg_started:
            subprocess.run([str(ROOT / "scripts" / "pg"), "stop", PG_NAME], check=False)
        for logfile in work.glob("gunicorn-*.log"):
            shutil.copy(logfile, ARTIFACTS / f"bench-{stamp}-{logfile.name}")
        shutil.rmtree(work, ignore_errors=True)
    data["load_end"] = round(os.getloadavg()[0], 2)
    data["goals"] = goals(data["configs"])
    text = text_report(data)
    (ARTIFACTS / f"bench-{stamp}.json").write_text(json.dumps(data, indent=2, ensure_ascii=False))
    (ARTIFACTS / f"bench-{stamp}.txt").write_text(text)
    print()
    print(text, end="")
    log(f"written artifacts/bench-{stamp}.txt and artifacts/bench-{stamp}.json")
    failed = any(
        "error" in c or c.get("restart", {}).get("status") == "FAIL" for c in data["configs"]
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
