#!/usr/bin/env python3
"""Growth of the plan page and its PDF with the size of the plan, and each image output
(in-process CPU time).

For plans of L lenders × M months (budget of 30,000 a month, basis "months", pro rata), it
builds the borrower's session through the real views (django.test.Client, production
settings from the environment), then times the plan page and the plan PDF with
``time.process_time`` (median of --page-rounds and --pdf-rounds) and reports bytes, PDF
pages and the number of table rows in the PDF's HTML; then the same for the complete
month-by-month table PDF (asked for separately). Then each document offered as a PNG for
WeChat (door card, plan, 收支说明, court-deadline card, a letter; the plan and 收支说明 for a small
and the largest plan): CPU time, bytes against the 300 KB goal, pixels, beside its PDF. It
measures; it asserts nothing.

Run: .venv/bin/python scripts/bench_pdf.py [--sizes 2x60,3x24,12x60] [--images-only] (a
SQLite file under artifacts/ unless DATABASE_URL is set). `make bench-pdf` runs it under the defaults.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import io
import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "scripts")]
os.chdir(ROOT)

DEFAULT_SIZES = "1x12,2x60,3x24,3x60,6x36,12x12,12x36,12x60"
MONTHS_PDF = "/plan/repayment-plan-months.pdf"
BUDGET = {
    "salary": "30000",
    "housing": "1800",
    "food": "1200",
    "transport": "300",
    "utilities": "200",
    "dependants": "500",
    "reserve": "500",
    "pay_day": "15",
}


def setup() -> None:
    for key, value in {
        "DEBUG": "0",
        "SECRET_KEY": "bench-pdf-only-not-a-deployment-key-0123456789abcdefghijkl",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "SECURE_HSTS_SECONDS": "0",
        "ALLOWED_HOSTS": "testserver,127.0.0.1",
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "borrower_help.settings",
    }.items():
        os.environ.setdefault(key, value)
    if "DATABASE_URL" not in os.environ:
        (ROOT / "artifacts").mkdir(exist_ok=True)
        os.environ["DATABASE_URL"] = f"sqlite:///{ROOT / 'artifacts' / 'bench-pdf.sqlite3'}"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", "--noinput", verbosity=0)  # pages link hashed static files
    call_command("migrate", "--noinput", verbosity=0)
    call_command("load_content", stdout=io.StringIO())


def plan_client(lenders: int, months: int):
    from django.test import Client

    client = Client()
    client.post("/plan/budget/", BUDGET)
    for number in range(lenders):
        client.post(
            "/plan/debts/add/",
            {
                "lender": "other",
                "lender_name": f"某某消费金融{number + 1}",
                "kind": "consumer_finance",
                "principal": str(5000 + 1500 * number),
                "charges": "",
                "rate": "",
            },
        )
    page = client.get("/plan/result/")
    assert page.status_code == 200, page.status_code
    response = client.post(
        "/plan/result/",
        {
            "monthly": "",
            "months": str(months),
            "strategy": "pro_rata",
            "plan_rate": "0",
            "assumed_rate": "",
            "settlement_percent": "",
            "monthly_was": "",
            "months_was": "",
        },
    )
    assert response.status_code == 302, response.status_code
    return client


def cpu(call, rounds: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(rounds):
        started = time.process_time()
        result = call()
        times.append(time.process_time() - started)
    return statistics.median(times), result


def measure(lenders: int, months: int, page_rounds: int, pdf_rounds: int) -> dict[str, object]:
    from django.template.loader import render_to_string
    from pypdf import PdfReader

    client = plan_client(lenders, months)
    client.get("/plan/result/")
    page_s, page = cpu(lambda: client.get("/plan/result/"), page_rounds)
    client.get("/plan/repayment-plan.pdf")
    pdf_s, pdf = cpu(lambda: client.get("/plan/repayment-plan.pdf"), pdf_rounds)
    body = pdf.content  # type: ignore[attr-defined]
    assert body.startswith(b"%PDF"), body[:20]
    # The complete month-by-month table is its own PDF, made only when asked for.
    client.get(MONTHS_PDF)
    months_s, months_pdf = cpu(lambda: client.get(MONTHS_PDF), pdf_rounds)
    months_body = months_pdf.content  # type: ignore[attr-defined]
    assert months_body.startswith(b"%PDF"), months_body[:20]
    # The HTML the PDF is drawn from, for its number of table rows.
    from advisor import plan_answers
    from advisor.views import plan as plan_views

    request = page.wsgi_request  # type: ignore[attr-defined]
    state = plan_answers.load(request)
    html = render_to_string(
        "pdf/plan.html",
        plan_views._context(request, state, plan_answers.compute(request, state)),
        request=request,
    )
    return {
        "lenders": lenders,
        "months": months,
        "pdf_table_rows": html.count("<tr"),
        "page_ms": round(page_s * 1000, 2),
        "page_bytes": len(page.content),  # type: ignore[attr-defined]
        "pdf_ms": round(pdf_s * 1000, 1),
        "pdf_bytes": len(body),
        "pdf_pages": len(PdfReader(io.BytesIO(body)).pages),
        "months_pdf_ms": round(months_s * 1000, 1),
        "months_pdf_bytes": len(months_body),
        "months_pdf_pages": len(PdfReader(io.BytesIO(months_body)).pages),
    }


# --- images (WeChat) ---------------------------------------------------------------------------

LETTER = "loan-negotiation"
LETTER_URL = f"/letters/{LETTER}/write/"
IMAGE_SRC = re.compile(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"')


def letter_posts(client) -> dict[str, str]:
    """The letter page's edit step as posted (details filled in, the text as the site made it)."""
    from html import unescape

    page = client.get(LETTER_URL)
    assert page.status_code == 200, page.status_code
    fields = dict(re.findall(r'name="([a-z_]+)" value="([^"]*)"', page.content.decode()))
    data = {**fields, "step": "details", "language": "zh-hans", "name": "测试（示例）"}
    edit = client.post(LETTER_URL, data).content.decode()
    text = re.search(r'<textarea[^>]*name="text"[^>]*>\n?(.*?)</textarea>', edit, re.S)
    assert text is not None, edit[:500]
    return {**data, "step": "edit", "text": unescape(text.group(1)), "copies": "on"}


class LetterImage:
    """The letter's image is drawn into its page (never a URL of its own): cut it out."""

    def __init__(self, response) -> None:
        self.status_code = response.status_code
        found = IMAGE_SRC.search(response.content.decode())
        self.content = base64.b64decode(found.group(1)) if found else b""


def image_rows(rounds: int) -> list[dict[str, object]]:
    from django.test import Client
    from PIL import Image

    from advisor import png

    served = (dt.date.today() - dt.timedelta(days=5)).isoformat()
    court = f"/papers/court-deadline.{{}}?kind=payment-order&served={served}"
    small, large = plan_client(3, 24), plan_client(12, 60)
    outputs = [
        ("door card", Client(), "/visitor/card.png", "/visitor/card.pdf"),
        ("plan 3×24", small, "/plan/repayment-plan.png", "/plan/repayment-plan.pdf"),
        ("plan 12×60", large, "/plan/repayment-plan.png", "/plan/repayment-plan.pdf"),
        ("收支说明 3×24", small, "/plan/budget-summary.png", "/plan/budget-summary.pdf"),
        ("收支说明 12×60", large, "/plan/budget-summary.png", "/plan/budget-summary.pdf"),
        ("court-deadline card", Client(), court.format("png"), court.format("pdf")),
    ]
    rows = []

    def row(name: str, status: int, image: bytes, png_s: float, pdf: bytes, pdf_s: float):
        width = height = 0
        if image.startswith(b"\x89PNG"):
            with Image.open(io.BytesIO(image)) as opened:
                width, height = opened.size
        return {
            "image": name,
            "status": status,
            "png_ms": round(png_s * 1000, 1),
            "png_bytes": len(image),
            "under_300kb": 0 < len(image) < png.MAX_BYTES,
            "pixels": f"{width}×{height}",
            "pdf_ms": round(pdf_s * 1000, 1),
            "pdf_bytes": len(pdf),
        }

    for name, client, image_url, pdf_url in outputs:
        client.get(image_url)
        png_s, image = cpu(lambda c=client, u=image_url: c.get(u), rounds)
        pdf_s, pdf = cpu(lambda c=client, u=pdf_url: c.get(u), rounds)
        body = image.content if image.status_code == 200 else b""  # type: ignore[attr-defined]
        rows.append(row(name, image.status_code, body, png_s, pdf.content, pdf_s))  # type: ignore[attr-defined]
    writer = Client()
    posted = letter_posts(writer)
    png_s, shown = cpu(
        lambda: LetterImage(writer.post(LETTER_URL, {**posted, "action": "png"})), rounds
    )
    pdf_s, pdf = cpu(lambda: writer.post(LETTER_URL, {**posted, "action": "pdf"}), rounds)
    rows.append(
        row(f"letter ({LETTER})", shown.status_code, shown.content, png_s, pdf.content, pdf_s)
    )  # type: ignore[attr-defined]
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="LxM,... lenders x months")
    parser.add_argument("--page-rounds", type=int, default=20)
    parser.add_argument("--pdf-rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--images-only", action="store_true", help="only the image outputs")
    args = parser.parse_args()
    setup()
    rows: list[dict[str, object]] = []
    for size in [] if args.images_only else args.sizes.split(","):
        lenders, months = (int(x) for x in size.lower().split("x"))
        rows.append(measure(lenders, months, args.page_rounds, args.pdf_rounds))
        if not args.json:
            r = rows[-1]
            print(
                f"{r['lenders']:>3} × {r['months']:<3} rows {r['pdf_table_rows']:>4}"
                f" | plan page {r['page_ms']:>5.2f} ms {r['page_bytes']:>7} B"
                f" | PDF {r['pdf_ms']:>7.1f} ms {r['pdf_bytes']:>7} B {r['pdf_pages']:>3} pages"
                f" | full table PDF {r['months_pdf_ms']:>7.1f} ms {r['months_pdf_bytes']:>7} B"
                f" {r['months_pdf_pages']:>3} pages",
                flush=True,
            )
    images = image_rows(args.pdf_rounds)
    if not args.json:
        for r in images:
            print(
                f"{r['image']:<34} HTTP {r['status']}"
                f" | PNG {r['png_ms']:>7.1f} ms {r['png_bytes']:>7} B {r['pixels']:>10}"
                f" {'under' if r['under_300kb'] else 'NOT under'} 300 KB"
                f" | PDF {r['pdf_ms']:>7.1f} ms {r['pdf_bytes']:>7} B",
                flush=True,
            )
    if args.json:
        print(json.dumps({"plans": rows, "images": images}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
