"""Throw-away servers on free loopback ports for the tests that need a real one."""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

REDIS_SERVER = shutil.which("redis-server")
NO_REDIS = (
    "redis-server is not installed: run scripts/system-deps, "
    "or sudo apt-get install --no-install-recommends redis-server"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_for_port(port: int, seconds: float = 10) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing answered on 127.0.0.1:{port} within {seconds} s")


@contextmanager
def redis_server() -> Iterator[int]:
    """A redis-server without persistence on a free port (yields the port); stopped after."""
    assert REDIS_SERVER is not None, NO_REDIS
    port = free_port()
    server = subprocess.Popen(
        [
            REDIS_SERVER,
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for_port(port)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


# The real nginx with the deployment's configuration ----------------------------------------

NGINX = shutil.which("nginx")
needs_nginx = pytest.mark.skipif(
    NGINX is None or shutil.which("openssl") is None,
    reason="nginx and openssl are not installed: run scripts/system-deps, or sudo apt-get install --no-install-recommends nginx openssl",
)


def nginx_config(tmp_path: Path, *, upstream: str = "127.0.0.1:9", **replace: str) -> Path:
    """deploy/nginx.conf with a throw-away certificate, a local upstream and any replacements."""
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=localhost",
            "-days",
            "1",
            "-keyout",
            tmp_path / "privkey.pem",
            "-out",
            tmp_path / "fullchain.pem",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    conf = conf.replace("/etc/nginx/certs", str(tmp_path))
    conf = conf.replace("/etc/nginx/errors", str(ROOT / "deploy" / "errors"))
    conf = conf.replace("app1:8000", upstream).replace("app2:8000", upstream)
    conf = conf.replace("documents1:8001", upstream).replace("documents2:8001", upstream)
    for old, new in replace.items():
        assert old in conf, old
        conf = conf.replace(old, new)
    path = tmp_path / "nginx.conf"
    path.write_text(conf)
    return path


class _App(BaseHTTPRequestHandler):
    """Stands in for the app servers: every path answers 200 (after 2 s when it holds "slow")."""

    def do_GET(self) -> None:
        if "slow" in self.path:
            time.sleep(2)
        body = b"ok"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def running_proxy(tmp_path: Path, upstream: str = "", **replace: str) -> Iterator[str]:
    """The real nginx with deploy/nginx.conf on loopback ports, in front of ``upstream`` (by
    default a stand-in app); yields its https base URL."""
    app = ThreadingHTTPServer(("127.0.0.1", 0), _App)
    threading.Thread(target=app.serve_forever, daemon=True).start()
    https_port = free_port()
    conf = nginx_config(
        tmp_path,
        upstream=upstream or f"127.0.0.1:{app.server_address[1]}",
        **{
            "listen 80 default_server": f"listen 127.0.0.1:{free_port()} default_server",
            "listen 443 ssl": f"listen 127.0.0.1:{https_port} ssl",
            "pid /tmp/nginx.pid": f"pid {tmp_path}/nginx.pid",
            "access_log /dev/stdout privacy": f"access_log {tmp_path}/access.log privacy",
            **replace,
        },
    )
    errors = tmp_path / "nginx-stderr.log"
    with errors.open("wb") as stderr:
        server = subprocess.Popen(
            [NGINX, "-c", str(conf), "-p", str(tmp_path), "-g", "daemon off;"],
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    base = f"https://127.0.0.1:{https_port}"
    try:
        for _ in range(100):
            if server.poll() is not None:
                pytest.fail(f"nginx stopped: {errors.read_text()}")
            with contextlib.suppress(OSError):
                socket.create_connection(("127.0.0.1", https_port), timeout=0.1).close()
                break
            time.sleep(0.05)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)
        app.shutdown()
        app.server_close()
