"""Fault run (`make faults`): break one real part at a time and record what borrowers saw.

Starts, all on 127.0.0.1: a throw-away PostgreSQL cluster (scripts/pg), redis-server, the
page and the document gunicorn pools (deploy/gunicorn*.conf.py) and nginx with the reference
configuration (deploy/nginx.conf via scripts/local_proxy.py). Then, one after another:

  redis stopped · redis black-holed · PostgreSQL stopped · database read-only ·
  concurrent saves under one code · save-code guessing (one address, then eight) · admin
  lockout (one username, then one address over six) · door-card and plan PDFs and their images under load ·
  kill -9 of both page workers under load · SQLite disk full · SQLite read-only filesystem ·
  Redis paused while a borrower answers with three page views of the session running ·
  the README's backup restored into a fresh database (session keys left in it)

While a fault lasts, a prober reads the door pages (home, visitor, rights, scam, door card,
"this is too much", court papers) and a borrower keeps adding evidence entries (each one "an
answer"). An answer counts as lost unless it was saved, or given back on the 503 page (or on
the proxy's "send it again" page) and saved when sent again after recovery.
Recovery time: from the repair until door pages, /healthz and an answer all work again.

Prints a table and writes it to artifacts/faults-<timestamp>.txt. Stops everything it started,
also on Ctrl-C or error. Not a test: figures, never pass/fail thresholds. Arguments, if
any, name the rows to run (their function names).
"""

from __future__ import annotations

import contextlib
import glob
import http.client
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
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import local_proxy  # noqa: E402

PY = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
HOST = "127.0.0.1"
DOOR_PAGES = ["/", "/visitor/", "/rights/", "/scam/", "/visitor/card/", "/too-much/", "/papers/"]
FAULT_SECONDS = 8.0
RECOVERY_LIMIT = 60.0


def log(message: str) -> None:
    print(f"[faults {time.strftime('%H:%M:%S')}] {message}", flush=True)


# FAULTS_PORTS=8130-8139 keeps every server this run starts (nginx, both pools, Redis,
# PostgreSQL, the SQLite pool) inside that range, so two runs on one machine never meet.
PORT_RANGE = os.environ.get("FAULTS_PORTS", "")
_handed_out: set[int] = set()


def free_port() -> int:
    if not PORT_RANGE:
        with socket.socket() as probe:
            probe.bind((HOST, 0))
            return probe.getsockname()[1]
    low, _, high = PORT_RANGE.partition("-")
    for port in range(int(low), int(high or low) + 1):
        if port in _handed_out:
            continue
        with socket.socket() as probe:
            try:
                probe.bind((HOST, port))
            except OSError:
                continue
        _handed_out.add(port)
        return port
    raise RuntimeError(f"no free port left in FAULTS_PORTS={PORT_RANGE}")


def wait_port(port: int, seconds: float = 30.0) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            probe.settimeout(0.2)
            if probe.connect_ex((HOST, port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on {HOST}:{port}")


# --- HTTP as a borrower's browser --------------------------------------------------------------


@dataclass
class Reply:
    status: int
    body: str
    headers: dict[str, str]
    ms: float


class Browser:
    """Cookies, CSRF token and a source address (127.0.0.x) of one borrower or editor."""

    def __init__(self, port: int, source: str = HOST) -> None:
        self.port = port
        self.source = source
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict[str, Any] | None = None) -> Reply:
        headers = {"Host": f"{HOST}:{self.port}", "Accept-Encoding": "identity"}
        body = None
        if data is not None:
            fields = {**data, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
            body = urllib.parse.urlencode(fields, doseq=True)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://{HOST}:{self.port}"
            headers["Referer"] = f"http://{HOST}:{self.port}{path}"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.perf_counter()
        connection = http.client.HTTPConnection(
            HOST, self.port, timeout=30, source_address=(self.source, 0)
        )
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    pair = value.split(";", 1)[0]
                    key, _, val = pair.partition("=")
                    if val and "max-age=0" not in value.lower():
                        self.cookies[key.strip()] = val.strip().strip('"')
                    else:
                        self.cookies.pop(key.strip(), None)
            return Reply(
                response.status,
                text,
                {k.lower(): v for k, v in response.getheaders()},
                (time.perf_counter() - started) * 1000,
            )
        except OSError as error:
            return Reply(0, str(error), {}, (time.perf_counter() - started) * 1000)
        finally:
            connection.close()

    def get(self, path: str) -> Reply:
        return self.request("GET", path)

    def post(self, path: str, data: dict[str, Any]) -> Reply:
        if "csrftoken" not in self.cookies:
            self.get(path)
        return self.request("POST", path, data)


# --- the parts ---------------------------------------------------------------------------------


def as_postgres(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@dataclass
class Stack:
    work: Path
    name: str = field(default_factory=lambda: f"faults-{os.getpid()}")
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    env: dict[str, str] = field(default_factory=dict)
    port: int = 0
    redis_port: int = 0
    pg_port: int = 0

    # PostgreSQL (a throw-away cluster under .pg/<name>, removed at the end)
    def pg_dir(self) -> Path:
        return ROOT / ".pg" / self.name

    def pg_bin(self) -> str:
        return sorted(glob.glob("/usr/lib/postgresql/*/bin"))[-1]

    def start_pg(self) -> str:
        url = subprocess.run(
            [str(ROOT / "scripts" / "pg"), "start", self.name],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "PG_PORT": str(free_port())},
        ).stdout.strip()
        self.pg_port = int((self.pg_dir() / "port").read_text())
        return url

    def pg_ctl(self, action: str) -> None:
        options = (
            f"-c listen_addresses={HOST} -p {self.pg_port} -k {self.pg_dir()} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        command = [f"{self.pg_bin()}/pg_ctl", "-D", str(self.pg_dir() / "data"), "-w", "-t", "30"]
        if action == "start":
            command += ["-l", str(self.pg_dir() / "server.log"), "-o", options, "start"]
        else:
            command += ["-m", "fast", "stop"]
        subprocess.run(as_postgres(command), check=True, capture_output=True)

    def sql(self, statement: str) -> None:
        import psycopg

        with psycopg.connect(
            f"postgresql://postgres@{HOST}:{self.pg_port}/postgres", autocommit=True
        ) as connection:
            connection.execute(statement)

    # Redis
    def start_redis(self) -> None:
        self.processes["redis"] = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                HOST,
                "--port",
                str(self.redis_port),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_port(self.redis_port)

    def stop(self, name: str) -> None:
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            if name in {"pages", "documents", "sqlite-pages"}:  # gunicorn master and workers
                os.killpg(process.pid, signal.SIGTERM)
            else:
                process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)

    def manage(self, *args: str) -> str:
        return subprocess.run(
            [PY, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
            timeout=300,
        ).stdout

    def start(self) -> None:
        self.work.mkdir(parents=True, exist_ok=True)
        log("starting PostgreSQL")
        database_url = self.start_pg()
        self.redis_port = free_port()
        log("starting redis-server")
        self.start_redis()
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("DATABASE", "REDIS"))},
            "DATABASE_URL": database_url,
            "REDIS_URL": f"redis://{HOST}:{self.redis_port}/0",
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "PLAIN_STATIC": "1",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "SECURE_HSTS_SECONDS": "0",
            "LOG_LEVEL": "WARNING",
            "CONTENT_SNAPSHOT_DIR": str(self.work / "content"),
            "WEB_CONCURRENCY": "2",
            "DOCUMENT_WORKERS": "2",
        }
        log("migrate + load_content + editors")
        self.manage("migrate", "--noinput", "-v", "0")
        self.manage("load_content")
        self.manage(
            "shell",
            "-c",
            "from django.contrib.auth import get_user_model as g; U = g(); "
            "[U.objects.create_user(n, password='faults-password-123', is_staff=True) "
            "for n in ('alice', 'bob')]",
        )
        self.port = free_port()
        pages, documents = free_port(), free_port()
        for name, config, bind in (
            ("pages", "gunicorn.conf.py", f"{HOST}:{pages}"),
            ("documents", "gunicorn-documents.conf.py", f"{HOST}:{documents}"),
        ):
            with (self.work / f"{name}.log").open("ab") as out:
                self.processes[name] = subprocess.Popen(
                    [GUNICORN, "-c", str(ROOT / "deploy" / config), "--bind", bind],
                    cwd=ROOT,
                    env=self.env,
                    stdout=out,
                    stderr=out,
                    start_new_session=True,
                )
        conf = local_proxy.write_config(
            self.port, [f"{HOST}:{pages}"], [f"{HOST}:{documents}"], self.work
        )
        self.processes["nginx"] = subprocess.Popen(
            ["nginx", "-c", str(conf), "-p", str(self.work), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in (pages, documents, self.port):
            wait_port(port, 60)
        log(f"nginx on http://{HOST}:{self.port}/ (pages :{pages}, documents :{documents})")

    def close(self) -> None:
        for name in ("nginx", "pages", "documents", "sqlite-pages", "redis", "blackhole"):
            with contextlib.suppress(Exception):
                self.stop(name)
        subprocess.run(
            [str(ROOT / "scripts" / "pg"), "stop", self.name], check=False, capture_output=True
        )

    def tracebacks(self) -> int:
        return sum(
            (self.work / f"{name}.log").read_text(errors="replace").count("Traceback")
            for name in ("pages", "documents")
        )


# --- probing -----------------------------------------------------------------------------------


# nginx's own English page (deploy/nginx.conf must answer with the site's page instead), and
# the words of the site's page for a request an app server dropped (deploy/errors/error.html).
BARE_NGINX = "<center>nginx</center>"
SEND_AGAIN = "send it again"


@dataclass
class Seen:
    statuses: Counter[int] = field(default_factory=Counter)
    times: list[float] = field(default_factory=list)
    bare_nginx: int = 0

    def add(self, reply: Reply) -> None:
        self.statuses[reply.status] += 1
        self.times.append(reply.ms)
        self.bare_nginx += BARE_NGINX in reply.body

    def summary(self) -> str:
        parts = ", ".join(f"{s or 'no answer'}×{n}" for s, n in sorted(self.statuses.items()))
        if not self.times:
            return "no requests"
        p50 = statistics.median(self.times)
        return f"door pages {parts}; p50 {p50:.0f} ms, max {max(self.times):.0f} ms"

    @property
    def errors(self) -> int:
        return sum(n for s, n in self.statuses.items() if s == 0 or s >= 500)


class Borrower:
    """Keeps adding evidence entries; each one is an answer that must not be lost."""

    def __init__(self, port: int) -> None:
        self.browser = Browser(port)
        self.browser.get("/evidence/")
        self.browser.post("/evidence/start/", {})
        self.sent: list[str] = []
        self.given_back: list[dict[str, str]] = []
        self.outcomes: Counter[str] = Counter()

    def answer(self) -> None:
        label = f"entry {len(self.sent) + 1:03d} {secrets.token_hex(2)}"
        data = {"date": "2026-11-23", "time": "21:40", "kind": "call", "who": "x", "what": label}
        self.sent.append(label)
        reply = self.browser.post("/evidence/", data)
        if reply.status == 302:
            self.outcomes["saved"] += 1
        elif reply.status == 503 and label in reply.body:
            self.outcomes["given back (503)"] += 1
            self.given_back.append(data)
        elif reply.status in (502, 504) and SEND_AGAIN in reply.body:
            self.outcomes[f"told to send again ({reply.status})"] += 1
            self.given_back.append(data)
        elif BARE_NGINX in reply.body:
            self.outcomes[f"nginx's bare {reply.status} page"] += 1
        else:
            self.outcomes[f"HTTP {reply.status or 'no answer'}"] += 1

    def resend(self) -> None:
        for data in self.given_back:
            self.browser.post("/evidence/", data)
        self.given_back = []

    def stored(self) -> set[str]:
        page = self.browser.get("/evidence/").body
        return {label for label in self.sent if label in page}

    def lost(self) -> int:
        return len(set(self.sent) - self.stored())


@contextlib.contextmanager
def door_pages_read(port: int) -> Iterator[Seen]:
    """Read the door pages one after another, in a thread, for as long as the block lasts."""
    seen = Seen()
    stop = threading.Event()

    def probe() -> None:
        browser = Browser(port)
        index = 0
        while not stop.is_set():
            seen.add(browser.get(DOOR_PAGES[index % len(DOOR_PAGES)]))
            index += 1
            time.sleep(0.05)

    prober = threading.Thread(target=probe)
    prober.start()
    try:
        yield seen
    finally:
        stop.set()
        prober.join()


def healthy(port: int, borrower: Borrower) -> bool:
    browser = Browser(port)
    if any(browser.get(path).status != 200 for path in DOOR_PAGES):
        return False
    health = browser.get("/healthz")
    if health.status != 200 or '"status": "ok"' not in health.body:
        return False
    before = len(borrower.given_back)
    borrower.answer()
    return len(borrower.given_back) == before and borrower.sent[-1] in borrower.stored()


def outage(
    stack: Stack,
    name: str,
    inject: Callable[[], None],
    repair: Callable[[], None],
    port: int = 0,
) -> dict[str, Any]:
    log(f"fault: {name}")
    port = port or stack.port
    borrower = Borrower(port)
    tracebacks_before = stack.tracebacks()
    inject()
    with door_pages_read(port) as seen:
        ends = time.monotonic() + FAULT_SECONDS
        while time.monotonic() < ends:
            borrower.answer()
            time.sleep(0.4)
    during = dict(borrower.outcomes)
    repaired = time.monotonic()
    repair()
    recovery = None
    while time.monotonic() - repaired < RECOVERY_LIMIT:
        if healthy(port, borrower):
            recovery = time.monotonic() - repaired
            break
        time.sleep(0.25)
    borrower.resend()
    lost = borrower.lost()
    answers = ", ".join(f"{k}×{v}" for k, v in sorted(during.items()))
    return {
        "fault": name,
        "seen": f"{seen.summary()}; answers: {answers}",
        "door_5xx": seen.errors,
        "answers_lost": f"{lost} of {len(borrower.sent)}",
        "recovery": "not within 60 s" if recovery is None else f"{recovery:.1f} s",
        "tracebacks": stack.tracebacks() - tracebacks_before,
    }


# --- the faults --------------------------------------------------------------------------------


def fresh_start(stack: Stack) -> dict[str, Any]:
    """No fault: the first door pages after the app processes start, as after a deploy.

    Measured on its own so that what a cold process costs is not put down to the first fault.
    """
    log("no fault: first requests after the start")
    with door_pages_read(stack.port) as seen:
        time.sleep(3.0)
    first = ", ".join(f"{ms:.0f}" for ms in seen.times[:4])
    return {
        "fault": "None: the first requests after the app starts",
        "seen": f"{seen.summary()}; the first four took {first} ms",
        "door_5xx": seen.errors,
        "answers_lost": "n/a",
        "recovery": "n/a",
        "tracebacks": stack.tracebacks(),
    }


def redis_stopped(stack: Stack) -> dict[str, Any]:
    return outage(stack, "Redis stopped", lambda: stack.stop("redis"), stack.start_redis)


def redis_black_holed(stack: Stack) -> dict[str, Any]:
    hole: dict[str, socket.socket] = {}

    def inject() -> None:
        stack.stop("redis")
        listener = socket.socket()
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind((HOST, stack.redis_port))
        listener.listen(512)  # accepts in the kernel, never answers
        hole["socket"] = listener

    def repair() -> None:
        hole["socket"].close()
        stack.start_redis()

    return outage(stack, "Redis black-holed (accepts, never answers)", inject, repair)


def postgres_stopped(stack: Stack) -> dict[str, Any]:
    return outage(
        stack, "PostgreSQL stopped", lambda: stack.pg_ctl("stop"), lambda: stack.pg_ctl("start")
    )


def database_read_only(stack: Stack) -> dict[str, Any]:
    terminate = (
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE pid <> pg_backend_pid() AND datname = 'postgres'"
    )

    def inject() -> None:
        stack.sql("ALTER DATABASE postgres SET default_transaction_read_only = on")
        stack.sql(terminate)  # app connections reconnect and become read-only

    def repair() -> None:
        import psycopg

        with psycopg.connect(
            f"postgresql://postgres@{HOST}:{stack.pg_port}/postgres", autocommit=True
        ) as connection:
            connection.execute("SET default_transaction_read_only = off")
            connection.execute("ALTER DATABASE postgres SET default_transaction_read_only = off")
            connection.execute(terminate)

    return outage(stack, "Database read-only (full disk, read-only volume)", inject, repair)


def concurrent_saves(stack: Stack) -> dict[str, Any]:
    log("fault: concurrent saves under one code")
    runs, lost, sent = 20, 0, 0
    for run in range(runs):
        borrower = Borrower(stack.port)
        labels = [f"run {run} tap {n} {secrets.token_hex(2)}" for n in range(2)]

        def tap(label: str, browser: Browser = borrower.browser) -> None:
            twin = Browser(stack.port)
            twin.cookies = dict(browser.cookies)
            twin.post(
                "/evidence/",
                {"date": "2026-11-23", "time": "21:40", "kind": "call", "who": "x", "what": label},
            )

        threads = [threading.Thread(target=tap, args=(label,)) for label in labels]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        page = borrower.browser.get("/evidence/").body
        sent += len(labels)
        lost += sum(1 for label in labels if label not in page)
    return {
        "fault": "Two saves at once under one save code (20 runs)",
        "seen": "both taps answered with the log page",
        "door_5xx": 0,
        "answers_lost": f"{lost} of {sent}",
        "recovery": "n/a",
        "tracebacks": 0,
    }


def wrk(
    port: int, path: str, seconds: int, connections: int = 8, cookie: str = ""
) -> dict[str, float]:
    out = subprocess.run(
        [
            "wrk",
            *(["-H", f"Cookie: {cookie}"] if cookie else []),
            "-t2",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "--latency",
            f"http://{HOST}:{port}{path}",
        ],
        check=True,
        capture_output=True,
        text=True,
        timeout=seconds + 60,
    ).stdout

    def ms(label: str) -> float:
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not match:
            return float("nan")
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(rps.group(1)) if rps else float("nan"),
        "p50": ms("50"),
        "p99": ms("99"),
        "non2xx": float(non2xx.group(1)) if non2xx else 0.0,
    }


def tally(counts: Counter[Any]) -> str:
    """ "200×10, 429×2": how often each status (or outcome) was seen."""
    return ", ".join(f"{key}×{n}" for key, n in sorted(counts.items()))


def guessed_code() -> str:
    return "".join(secrets.choice("23456789ABCDEFGHJKMNPQRSTUVWXYZ") for _ in range(16))


def code_guessing(stack: Stack) -> dict[str, Any]:
    log("fault: save-code guessing")
    baseline = wrk(stack.port, "/", 5)
    stop = threading.Event()
    statuses: Counter[int] = Counter()

    def guess() -> None:
        browser = Browser(stack.port, "127.0.0.5")
        browser.get("/check/resume/")
        while not stop.is_set():
            statuses[browser.post("/check/resume/", {"code": guessed_code()}).status] += 1

    guesser = threading.Thread(target=guess)
    guesser.start()
    loaded = wrk(stack.port, "/", 10)
    stop.set()
    guesser.join()
    other = Browser(stack.port, "127.0.0.6").post("/check/resume/", {"code": "K7QM3WXPRT9CHD4F"})
    counts = tally(statuses)
    return {
        "fault": "Save-code guessing from one address",
        "seen": (
            f"guesser: {counts}; home alone p50 {baseline['p50']:.0f} ms p99 {baseline['p99']:.0f} ms "
            f"({baseline['rps']:.0f} req/s), while guessing p50 {loaded['p50']:.0f} ms "
            f"p99 {loaded['p99']:.0f} ms ({loaded['rps']:.0f} req/s); another address: "
            f"HTTP {other.status}"
        ),
        "door_5xx": int(loaded["non2xx"]),
        "answers_lost": "n/a",
        "recovery": "next minute",
        "tracebacks": 0,
    }


def admin_lockout(stack: Stack) -> dict[str, Any]:
    log("fault: admin lockout")
    password = "faults-password-123"
    attacker = Browser(stack.port, "127.0.0.7")
    for _ in range(5):
        attacker.post("/admin/login/", {"username": "alice", "password": "wrong"})
    locked = attacker.post("/admin/login/", {"username": "alice", "password": password}).status
    bob = Browser(stack.port, "127.0.0.8").post(
        "/admin/login/", {"username": "bob", "password": password}
    )
    alice = Browser(stack.port, "127.0.0.9").post(
        "/admin/login/", {"username": "alice", "password": password}
    )
    return {
        "fault": "Five failed admin logins (alice, one address)",
        "seen": (
            f"alice from that address: HTTP {locked}; bob elsewhere: HTTP {bob.status}; "
            f"alice from another address: HTTP {alice.status} (302 = signed in)"
        ),
        "door_5xx": 0,
        "answers_lost": "n/a",
        "recovery": "30 min for that pair only",
        "tracebacks": 0,
    }


def guessing_from_many_addresses(stack: Stack) -> dict[str, Any]:
    """Eight addresses guess save codes at once, then a borrower from a ninth opens theirs."""
    log("fault: save-code guessing from eight addresses")
    statuses: Counter[int] = Counter()

    def guess(source: str) -> None:
        browser = Browser(stack.port, source)
        for _ in range(12):
            statuses[browser.post("/check/resume/", {"code": guessed_code()}).status] += 1

    guessers = [threading.Thread(target=guess, args=(f"127.0.0.{40 + n}",)) for n in range(8)]
    for guesser in guessers:
        guesser.start()
    time.sleep(1)
    borrower = Browser(stack.port, "127.0.0.50").post(
        "/check/resume/", {"code": "K7QM3WXPRT9CHD4F"}
    )
    for guesser in guessers:
        guesser.join()
    counts = tally(statuses)
    told = "not found (the form again)" if borrower.status == 200 else f"HTTP {borrower.status}"
    return {
        "fault": "Save-code guessing from eight addresses at once (12 guesses each)",
        "seen": (
            f"guessers: {counts}; a borrower from a new address meanwhile: {told} "
            f"after {borrower.ms:.0f} ms"
        ),
        "door_5xx": 0,
        "answers_lost": "n/a",
        "recovery": "n/a",
        "tracebacks": 0,
    }


def admin_guessing_across_usernames(stack: Stack) -> dict[str, Any]:
    """One address tries four passwords on each of six usernames (under each one's limit)."""
    log("fault: admin guessing across usernames")
    guesser = Browser(stack.port, "127.0.0.60")
    statuses: Counter[int] = Counter()
    for name in ("alice", "bob", "carol", "dave", "erin", "frank"):
        for _ in range(4):
            statuses[guesser.post("/admin/login/", {"username": name, "password": "x"}).status] += 1
    bob = guesser.post("/admin/login/", {"username": "bob", "password": "faults-password-123"})
    counts = tally(statuses)
    return {
        "fault": "Admin passwords guessed from one address over six usernames (4 each)",
        "seen": (
            f"guesses: {counts} (200 = the form again, the guess was tried); bob's right "
            f"password from that address afterwards: HTTP {bob.status}"
        ),
        "door_5xx": 0,
        "answers_lost": "n/a",
        "recovery": "30 min for that address",
        "tracebacks": 0,
    }


# The document flood: (label, path, clients, a borrower with what the document needs). Images
# are drawn from the same PDF by the same document pool, so they share its limits. Eight
# clients in all, nginx's cap on documents in flight: a ninth is refused (503) while eight
# are made, and, asking again without pause, soon spends its rate and gets only 429.
FLOOD: tuple[tuple[str, str, int, Callable[[int, str], Browser]], ...] = (
    ("door-card PDF", "/visitor/card.pdf?size=a4", 4, lambda port, source: Browser(port, source)),
    ("plan PDF", "/plan/repayment-plan.pdf", 2, lambda port, source: plan_borrower(port, source)),
    ("door-card PNG", "/visitor/card.png", 1, lambda port, source: Browser(port, source)),
    (
        "收支说明 PNG",
        "/plan/budget-summary.png",
        1,
        lambda port, source: plan_borrower(port, source),
    ),
)


def documents_load(stack: Stack) -> dict[str, Any]:
    log("fault: documents under load")
    baseline = wrk(stack.port, "/", 10)
    stop = threading.Event()
    statuses: dict[str, Counter[int]] = {label: Counter() for label, *_rest in FLOOD}

    def ask(label: str, url: str, browser: Browser) -> None:
        while not stop.is_set():
            statuses[label][browser.get(url).status] += 1

    clients = []
    address = 20
    for label, url, count, make in FLOOD:
        for _ in range(count):
            browser = make(stack.port, f"127.0.0.{address}")
            clients.append(threading.Thread(target=ask, args=(label, url, browser)))
            address += 1
    for client in clients:
        client.start()
    time.sleep(1)
    loaded = wrk(stack.port, "/", 10)
    stop.set()
    for client in clients:
        client.join()
    stopped = time.monotonic()
    recovery = None
    while time.monotonic() - stopped < RECOVERY_LIMIT:
        reply = Browser(stack.port, "127.0.0.40").get("/visitor/card.pdf")
        if reply.status == 200:
            recovery = time.monotonic() - stopped
            break
        time.sleep(0.5)
    asked = ", ".join(f"{count} for {label}s" for label, _url, count, _make in FLOOD)
    got = "; ".join(f"{label} clients got {tally(found)}" for label, found in statuses.items())
    return {
        "fault": f"Clients asking for documents without pause: {asked}",
        "seen": (
            f"home c8 alone p50 {baseline['p50']:.0f} ms p99 {baseline['p99']:.0f} ms "
            f"({baseline['rps']:.0f} req/s); with documents p50 {loaded['p50']:.0f} ms "
            f"p99 {loaded['p99']:.0f} ms ({loaded['rps']:.0f} req/s); {got}"
        ),
        "door_5xx": int(loaded["non2xx"]),
        "answers_lost": "n/a",
        "recovery": "not within 60 s" if recovery is None else f"{recovery:.1f} s (next PDF)",
        "tracebacks": stack.tracebacks(),
    }


# --- sessions: answers and other tabs, backups (issue 25: F1, F2) ------------------------------

# The plan's budget form: an answer kept in the session (not under a save code).
BUDGET = {
    "salary": "6000",
    "family": "500",
    "housing": "1800",
    "food": "1200",
    "transport": "300",
    "utilities": "200",
    "dependants": "500",
    "reserve": "500",
    "pay_day": "15",
}


def salary_shown(browser: Browser) -> str:
    found = re.search(r'name="salary" value="([\d.]+)"', browser.get("/plan/budget/").body)
    return found.group(1) if found else ""


def redis_paused_while_answering(stack: Stack) -> dict[str, Any]:
    """Three page views of one session run while it answers 20 times; Redis pauses 1.1 s.

    An answer counts as reverted when the page read 0.3 s after it was saved shows another
    value, or when the value stored at the end is not the last one given.
    """
    log("fault: Redis paused while a borrower answers and three page views run")
    tracebacks_before = stack.tracebacks()
    borrower = Browser(stack.port)
    borrower.post("/plan/budget/", BUDGET)
    cookie = "; ".join(f"{k}={v}" for k, v in borrower.cookies.items())
    alone = wrk(stack.port, "/", 5, 16)
    with_session = wrk(stack.port, "/", 5, 16, cookie)
    stop = threading.Event()

    def read(path: str) -> None:
        reader = Browser(stack.port)
        reader.cookies = dict(borrower.cookies)
        while not stop.is_set():
            reader.get(path)

    readers = [threading.Thread(target=read, args=(p,)) for p in ("/", "/plan/budget/", "/rights/")]
    for reader in readers:
        reader.start()
    redis = stack.processes["redis"].pid
    reverted, statuses = 0, Counter[int]()
    for number in range(20):
        if number == 8:  # a stall, a failover, a blip: Redis answers nothing for 1.1 s
            os.kill(redis, signal.SIGSTOP)
            threading.Timer(1.1, os.kill, (redis, signal.SIGCONT)).start()
        salary = str(7000 + number)
        statuses[borrower.post("/plan/budget/", {**BUDGET, "salary": salary}).status] += 1
        time.sleep(0.3)
        reverted += salary_shown(borrower) != f"{salary}.00"
    stop.set()
    for reader in readers:
        reader.join()
    time.sleep(1.0)
    final = salary_shown(borrower)
    reverted += final != f"{salary}.00"
    answered = ", ".join(f"{s}×{n}" for s, n in sorted(statuses.items()))
    return {
        "fault": "Redis paused 1.1 s while a borrower answers, three page views of the session",
        "seen": (
            f"answers: {answered}; stored at the end: {final} (last given {salary}.00); "
            f"home c16 without a session {alone['rps']:.0f} req/s p99 {alone['p99']:.0f} ms, "
            f"with one {with_session['rps']:.0f} req/s p99 {with_session['p99']:.0f} ms"
        ),
        "door_5xx": int(alone["non2xx"] + with_session["non2xx"]),
        "answers_lost": f"{reverted} of 20 reverted",
        "recovery": "n/a",
        "tracebacks": stack.tracebacks() - tracebacks_before,
    }


def backup_round_trip(stack: Stack) -> dict[str, Any]:
    """The README's backup: pg_dump, pg_restore into a fresh database, the site serves it."""
    log("fault: backup round trip")
    import psycopg

    tracebacks_before = stack.tracebacks()
    for _ in range(3):  # borrowers with answers in their sessions, who read on
        borrower = Browser(stack.port)
        borrower.post("/plan/budget/", BUDGET)
        borrower.get("/check/debt/1/kind/")
    live = f"postgresql://postgres@{HOST}:{stack.pg_port}/postgres"
    with psycopg.connect(live) as connection:
        keys = [row[0] for row in connection.execute("SELECT session_key FROM django_session")]
    tools = stack.pg_bin()
    dump = stack.work / "backup.dump"
    subprocess.run(  # README, "Backups"
        [f"{tools}/pg_dump", "-Fc", "--exclude-table-data=django_session", "-f", str(dump), live],
        check=True,
        capture_output=True,
    )
    text = subprocess.run(
        [f"{tools}/pg_restore", "-f", "-", str(dump)], check=True, capture_output=True
    ).stdout
    found = sum(1 for key in keys if key.encode() in text)
    stack.sql("DROP DATABASE IF EXISTS restored")
    stack.sql("CREATE DATABASE restored")
    restored = f"postgresql://postgres@{HOST}:{stack.pg_port}/restored"
    restore = subprocess.run(
        [f"{tools}/pg_restore", "--exit-on-error", "-d", restored, str(dump)],
        capture_output=True,
        text=True,
    )
    env = {**stack.env, "DATABASE_URL": restored}
    subprocess.run(
        [PY, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    port = free_port()
    with (stack.work / "restored.log").open("ab") as out:
        server = subprocess.Popen(
            [GUNICORN, "-c", str(ROOT / "deploy" / "gunicorn.conf.py"), "--bind", f"{HOST}:{port}"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=out,
            start_new_session=True,
        )
    try:
        wait_port(port, 60)
        seen = Seen()
        for path in DOOR_PAGES:
            seen.add(Browser(port).get(path))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    return {
        "fault": "Backup round trip (README pg_dump, pg_restore into a fresh database)",
        "seen": (
            f"{len(keys)} live sessions; session keys in the backup outside django_session: "
            f"{found}; pg_restore exit {restore.returncode}; restored site: {seen.summary()}"
        ),
        "door_5xx": seen.errors,
        "answers_lost": "n/a",
        "recovery": "n/a",
        "tracebacks": stack.tracebacks() - tracebacks_before,
    }


def plan_borrower(port: int, source: str) -> Browser:
    """A borrower with a budget and one debt in the plan (so the plan PDF can be made)."""
    browser = Browser(port, source)
    browser.get("/plan/")
    browser.post("/plan/budget/", BUDGET)
    browser.post(
        "/plan/debts/add/",
        {"lender": "cmb-credit-card", "principal": "12000", "charges": "", "rate": "18"},
    )
    return browser


# --- SQLite on a disk that fills up or turns read-only ------------------------------------------


@dataclass
class SqliteDisk:
    """A 64 MB ext4 volume (a loop-mounted file) holding a SQLite database, and a page pool
    (no Redis) on it. Needs root, for the mount."""

    stack: Stack
    image: Path = field(init=False)
    mount: Path = field(init=False)
    env: dict[str, str] = field(default_factory=dict)
    port: int = 0

    def __post_init__(self) -> None:
        self.image = self.stack.work / "sqlite-disk.img"
        self.mount = self.stack.work / "sqlite-disk"

    def device_errors(self) -> Path:
        device = subprocess.run(
            ["findmnt", "-n", "-o", "SOURCE", str(self.mount)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        return Path("/sys/fs/ext4") / Path(device).name / "trigger_fs_error"

    def mount_disk(self) -> None:
        self.mount.mkdir(exist_ok=True)
        subprocess.run(
            ["mount", "-o", "loop,errors=remount-ro", str(self.image), str(self.mount)],
            check=True,
            capture_output=True,
        )

    def start(self) -> None:
        with self.image.open("wb") as image:
            image.truncate(64 * 1024 * 1024)
        subprocess.run(["mkfs.ext4", "-q", "-F", str(self.image)], check=True, capture_output=True)
        self.mount_disk()
        self.env = {
            **{k: v for k, v in self.stack.env.items() if k not in {"REDIS_URL", "DATABASE_URL"}},
            "DATABASE_URL": f"sqlite:///{self.mount / 'db.sqlite3'}",
            "CONTENT_SNAPSHOT_DIR": str(self.stack.work / "content-sqlite"),
        }
        for args in (("migrate", "--noinput", "-v", "0"), ("load_content",)):
            subprocess.run(
                [PY, "manage.py", *args], cwd=ROOT, env=self.env, check=True, capture_output=True
            )
        self.port = free_port()
        self.start_pool()

    def start_pool(self) -> None:
        with (self.stack.work / "sqlite-pages.log").open("ab") as out:
            self.stack.processes["sqlite-pages"] = subprocess.Popen(
                [GUNICORN, "-c", str(ROOT / "deploy" / "gunicorn.conf.py")]
                + ["--bind", f"{HOST}:{self.port}"],
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=out,
                start_new_session=True,
            )
        wait_port(self.port, 60)

    def stop_pool(self) -> None:
        process = self.stack.processes.pop("sqlite-pages", None)
        if process is not None and process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=30)

    def close(self) -> None:
        self.stop_pool()
        subprocess.run(["umount", str(self.mount)], check=False, capture_output=True)

    def tracebacks(self) -> int:
        log_file = self.stack.work / "sqlite-pages.log"
        return log_file.read_text(errors="replace").count("Traceback") if log_file.exists() else 0

    def health(self) -> str:
        """What /healthz answered, three times: status and what it named as failed."""
        seen: Counter[str] = Counter()
        for _ in range(3):
            reply = Browser(self.port).get("/healthz")
            try:
                failed = ",".join(json.loads(reply.body).get("failed", [])) or "nothing"
            except ValueError:
                failed = "?"
            seen[f"{reply.status} (failed: {failed})"] += 1
        return tally(seen)


def sqlite_faults(stack: Stack) -> list[dict[str, Any]]:
    """Two rows: the SQLite disk full, and the filesystem turned read-only (ext4's emergency
    read-only, as after a disk error), with a page pool on that disk and no Redis."""
    names = ("SQLite, disk full", "SQLite, read-only filesystem (ext4 emergency read-only)")
    disk = SqliteDisk(stack)
    try:
        disk.start()
    except (OSError, subprocess.CalledProcessError) as error:
        reason = f"not run: no loop-mounted ext4 volume here ({type(error).__name__})"
        return [
            {"fault": name, "seen": reason, "door_5xx": "-", "answers_lost": "-", "recovery": "-"}
            | {"tracebacks": "-"}
            for name in names
        ]
    rows = []
    try:
        filler = disk.mount / "filler"
        health: dict[str, str] = {}

        def fill() -> None:
            with filler.open("wb") as out, contextlib.suppress(OSError):
                while True:
                    out.write(b"\0" * (1024 * 1024))
                    out.flush()
            health["during"] = disk.health()

        before = disk.tracebacks()
        row = outage(stack, names[0], fill, lambda: filler.unlink(), port=disk.port)
        row["seen"] += f"; healthz during: {health['during']}"
        row["tracebacks"] = disk.tracebacks() - before

        def read_only() -> None:
            disk.device_errors().write_text("faults\n")
            health["during"] = disk.health()

        def remount() -> None:  # what an operator does: unmount, check, mount, restart
            disk.stop_pool()
            subprocess.run(["umount", str(disk.mount)], check=True, capture_output=True)
            subprocess.run(["e2fsck", "-fy", str(disk.image)], check=False, capture_output=True)
            disk.mount_disk()
            disk.start_pool()

        rows.append(row)
        before = disk.tracebacks()
        row = outage(stack, names[1], read_only, remount, port=disk.port)
        row["seen"] += f"; healthz during: {health['during']}"
        row["recovery"] += " (operator: unmount, fsck, mount, restart the pool)"
        row["tracebacks"] = disk.tracebacks() - before
        rows.append(row)
    finally:
        disk.close()
    return rows


# --- kill -9 of both page workers under load ----------------------------------------------------


def workers_killed(stack: Stack) -> dict[str, Any]:
    """wrk on the home page, a door-page prober and three borrowers answering, while both page
    workers are killed with SIGKILL, twice, 3 s apart (the master forks new ones)."""
    log("fault: kill -9 of both page workers under load")
    master = stack.processes["pages"].pid
    borrowers = [Borrower(stack.port) for _ in range(3)]
    tracebacks_before = stack.tracebacks()
    stop = threading.Event()
    load: dict[str, dict[str, float]] = {}

    def answering(borrower: Borrower) -> None:
        while not stop.is_set():
            borrower.answer()
            time.sleep(0.05)

    threads = [threading.Thread(target=answering, args=(b,)) for b in borrowers]
    threads.append(threading.Thread(target=lambda: load.update(home=wrk(stack.port, "/", 9))))
    killed = 0
    with door_pages_read(stack.port) as seen:
        for thread in threads:
            thread.start()
        for _ in range(2):
            time.sleep(3)
            workers = subprocess.run(
                ["pgrep", "-P", str(master)], capture_output=True, text=True
            ).stdout.split()
            for pid in workers:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(int(pid), signal.SIGKILL)
                    killed += 1
        last_kill = time.monotonic()
        recovery = None
        while time.monotonic() - last_kill < RECOVERY_LIMIT:
            if Browser(stack.port).get("/").status == 200:
                recovery = time.monotonic() - last_kill
                break
            time.sleep(0.02)
        time.sleep(3)
        stop.set()
        for thread in threads:
            thread.join()
    outcomes: Counter[str] = Counter()
    for borrower in borrowers:
        outcomes.update(borrower.outcomes)
        borrower.resend()
    lost = sum(borrower.lost() for borrower in borrowers)
    sent = sum(len(borrower.sent) for borrower in borrowers)
    answers = tally(outcomes)
    bare = seen.bare_nginx + sum(n for k, n in outcomes.items() if k.startswith("nginx's bare"))
    return {
        "fault": "kill -9 of both page workers under load (twice, 3 s apart)",
        "seen": (
            f"{killed} workers killed; {seen.summary()}; answers: {answers}; "
            f"nginx's bare pages: {bare}; wrk on home: {load['home']['rps']:.0f} req/s, "
            f"non-2xx {load['home']['non2xx']:.0f}"
        ),
        "door_5xx": seen.errors,
        "answers_lost": f"{lost} of {sent}",
        "recovery": "not within 60 s"
        if recovery is None
        else f"{recovery:.2f} s (first home page)",
        "tracebacks": stack.tracebacks() - tracebacks_before,
    }


def table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| Fault | What borrowers saw | Door-page 5xx | Answers lost | Recovery | Tracebacks |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row['fault']} | {row['seen']} | {row['door_5xx']} | {row['answers_lost']} "
            f"| {row['recovery']} | {row['tracebacks']} |"
        )
    return "\n".join(lines)


@contextlib.contextmanager
def stack_running() -> Iterator[Stack]:
    work = Path(
        tempfile.mkdtemp(prefix="faults-", dir=ROOT / "var" if (ROOT / "var").is_dir() else None)
    )
    stack = Stack(work)

    def interrupted(signum: int, frame: Any) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    try:
        stack.start()
        yield stack
    finally:
        log("stopping everything started")
        stack.close()
        shutil.rmtree(work, ignore_errors=True)


def main() -> int:
    for tool in ("redis-server", "nginx", "wrk"):
        if shutil.which(tool) is None:
            print(f"faults: {tool} is missing (run: scripts/system-deps faults)", file=sys.stderr)
            return 1
    started = time.monotonic()
    rows = []
    only = set(sys.argv[1:])  # e.g. `make faults FAULTS_ARGS=backup_round_trip`
    with stack_running() as stack:
        for fault in (
            fresh_start,
            redis_stopped,
            redis_black_holed,
            postgres_stopped,
            database_read_only,
            concurrent_saves,
            code_guessing,
            admin_lockout,
            guessing_from_many_addresses,
            admin_guessing_across_usernames,
            documents_load,
            workers_killed,
            sqlite_faults,
            redis_paused_while_answering,
            backup_round_trip,
        ):
            if only and fault.__name__ not in only:
                continue
            found = fault(stack)
            for row in found if isinstance(found, list) else [found]:
                rows.append(row)
                log(json.dumps(row, ensure_ascii=False))
    report = table(rows) + f"\n\nWhole run: {time.monotonic() - started:.0f} s\n"
    print("\n" + report)
    out = ROOT / "artifacts"
    out.mkdir(exist_ok=True)
    (out / f"faults-{time.strftime('%Y%m%d-%H%M%S')}.txt").write_text(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
