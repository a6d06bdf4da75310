#!/usr/bin/env python3
"""Growth of the plan page and its PDF with the size of the plan (in-process CPU time).

For plans of L lenders × M months (budget of 30,000 a month, basis "months", pro rata), it
builds the borrower's session through the real views (django.test.Client, production
settings from the environment), then times the plan page and the plan PDF with
``time.process_time`` (median of --page-rounds and --pdf-rounds) and reports bytes, PDF
pages and the number of table rows in the PDF's HTML; then the same for the complete
month-by-month table PDF (asked for separately). It measures; it asserts nothing.

Run: .venv/bin/python scripts/bench_pdf.py [--sizes 2x60,3x24,12x60] (a SQLite file under
artifacts/ unless DATABASE_URL is set). `make bench-pdf` runs it under the defaults.
"""

from __future__ import annotations

import argparse
import io
import json
import os
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=DEFAULT_SIZES, help="LxM,... lenders x months")
    parser.add_argument("--page-rounds", type=int, default=20)
    parser.add_argument("--pdf-rounds", type=int, default=3)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    setup()
    rows = []
    for size in args.sizes.split(","):
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
    if args.json:
        print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
