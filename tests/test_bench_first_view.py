"""`make bench` counts a first view's bytes and third-party requests from compressed pages.

The site gzips its HTML, so the scan must read the links inside a compressed body; an
earlier version scanned the gzip bytes, found no links at all and reported 0 bytes of CSS
and JS and "0 third-party requests" whatever the page held.
"""

from __future__ import annotations

import gzip
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import bench  # noqa: E402

PAGE = (
    b"<!doctype html><html><head>"
    b'<link rel="stylesheet" href="/static/site.css">'
    b'<script src="/static/site.js" defer></script>'
    b'<script src="https://cdn.example.net/tracker.js"></script>'
    b"</head><body><h1>hi</h1></body></html>"
)
FILES = {
    "/page/": PAGE,
    "/static/site.css": b"body{background:url(/static/dot.png)}" + b" " * 500,
    "/static/site.js": b"console.log(1);" + b" " * 700,
    "/static/dot.png": b"\x89PNG" + b"\x00" * 60,
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = FILES.get(self.path)
        if body is None:
            self.send_error(404)
            return
        if "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body)
            self.send_response(200)
            self.send_header("Content-Encoding", "gzip")
        else:
            self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_first_view_reads_links_inside_a_gzipped_page(server: str) -> None:
    found = bench.first_view(server, bench.Target("page", "page", "/page/"))
    assert found["html_content_encoding"] == "gzip"
    assert found["html_bytes_sent"] == len(gzip.compress(PAGE))
    assert found["css_bytes"] == len(gzip.compress(FILES["/static/site.css"]))
    assert found["js_bytes"] == len(gzip.compress(FILES["/static/site.js"]))
    assert found["other_bytes"] > 0  # the image the stylesheet pulls in
    assert found["third_party"] == ["https://cdn.example.net/tracker.js"]
    assert found["first_view_bytes"] == sum(
        found[key] for key in ("html_bytes_sent", "css_bytes", "js_bytes")
    )
