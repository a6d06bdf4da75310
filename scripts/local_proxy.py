"""deploy/nginx.conf for loopback: plain http, local upstreams, files in one folder.

Used by `make serve` (scripts/serve) and `make faults` (scripts/faults.py) so that both run the
reference proxy configuration (document routing, limits, timeouts), changed only where a
loopback run must differ: no TLS and no port-80 redirect server, 127.0.0.1 addresses for the
page and document pools, and the pid and log files in ``folder``.

    python scripts/local_proxy.py PORT PAGES[,PAGES] DOCUMENTS[,DOCUMENTS] FOLDER
prints the path of the written configuration.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _servers(conf: str, names: tuple[str, str], addresses: list[str]) -> str:
    first, second = names
    lines = conf.splitlines(keepends=True)
    out = []
    for line in lines:
        if f"server {first}" in line:
            out.extend(line.replace(first, address) for address in addresses)
        elif f"server {second}" in line:
            continue
        else:
            out.append(line)
    return "".join(out)


def write_config(port: int, pages: list[str], documents: list[str], folder: Path) -> Path:
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    conf = _servers(conf, ("app1:8000", "app2:8000"), pages)
    conf = _servers(conf, ("documents1:8001", "documents2:8001"), documents)
    # Drop the port-80 server (it only redirects to https) and TLS.
    conf = re.sub(
        r"\n    server \{\n        listen 80 .*?\n    \}\n", "\n", conf, count=1, flags=re.S
    )
    conf = conf.replace(
        "listen 443 ssl http2 default_server;", f"listen 127.0.0.1:{port} default_server;"
    )
    conf = re.sub(r"^\s*ssl_[a-z_]+ .*;\n", "", conf, flags=re.M)
    # Loopback runs use a port: pass the Host header with it (CSRF compares the Origin).
    conf = conf.replace("proxy_set_header Host $host;", "proxy_set_header Host $http_host;")
    conf = conf.replace("/etc/nginx/errors", str(ROOT / "deploy" / "errors"))
    conf = conf.replace("pid /tmp/nginx.pid;", f"pid {folder}/nginx.pid;")
    conf = conf.replace("error_log /dev/stderr warn;", f"error_log {folder}/nginx-error.log warn;")
    conf = conf.replace(
        "access_log /dev/stdout privacy;", f"access_log {folder}/nginx-access.log privacy;"
    )
    # Temporary files next to the logs (works without the Debian folders too).
    conf = conf.replace(
        "    sendfile on;",
        "\n".join(
            f"    {kind}_temp_path {folder}/{kind}-temp;"
            for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
        )
        + "\n    sendfile on;",
    )
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "nginx.conf"
    path.write_text(conf)
    return path


if __name__ == "__main__":
    port, pages, documents, folder = sys.argv[1:5]
    print(write_config(int(port), pages.split(","), documents.split(","), Path(folder).resolve()))
