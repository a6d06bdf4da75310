"""Helpers the test modules share, in one place: test modules import from here (and from
tests/sample_borrower.py and tests/servers.py), never from each other.

Borrowers are built from the check's declarations (``Step.samples`` in
advisor/check_steps.py): a test names only the answers it cares about, and a question added
later is answered with its own sample without editing any test.
"""

from __future__ import annotations

import ast
import datetime as dt
import json
import logging
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from django import forms
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from lxml import html as lxml_html

from advisor import check_steps, models, savecodes, session
from tests.sample_borrower import FIRST_DEBT, Steps


def step_url(number: int, slug: str) -> str:
    return f"/check/debt/{number}/{slug}/"


def debt_with(base: Steps, **answers: dict[str, Any]) -> Steps:
    """``base`` with the form data of the named steps replaced (unknown step names fail)."""
    unknown = set(answers) - set(check_steps.SLUGS)
    assert not unknown, f"no such question: {sorted(unknown)}"
    return [(slug, answers.get(slug, data)) for slug, data in base]


def stored_answers(steps: Steps) -> dict[str, Any]:
    """The answers the check would store for ``steps`` (form data, question by question)."""
    answers: dict[str, Any] = {}
    for slug, data in steps:
        item = check_steps.step(slug)
        if slug == "lender":
            # Its form reads the lender list from the database; what it posts is what it keeps.
            answers.update(item.clean(data))
            continue
        form = item.form(data)
        assert form.is_valid(), (slug, form.errors)
        answers.update(form.answers())
    return answers


def store_areas(client: Client, **areas: object) -> Client:
    """The client's session holding just these areas ("check", "plan", …), as stored."""
    store = client.session
    store["bh"] = {"v": 1, **areas}
    store.save()
    return client


def answer_debt(client: Client, number: int, steps: Steps) -> str:
    """Answer each question by following the redirects; returns the last redirect."""
    location = step_url(number, steps[0][0])
    for slug, data in steps:
        if location != step_url(number, slug) and check_steps.step(slug).per_borrower:
            continue  # asked once per borrower: already answered for an earlier debt
        assert location == step_url(number, slug)
        page = client.get(location)
        assert page.status_code == 200
        response = client.post(location, data)
        assert response.status_code == 302, response.content.decode()[:2000]
        location = response["Location"]
    return location


def text_of(response: Any) -> str:
    """The page's <main>, as one line of text."""
    tree = lxml_html.fromstring(response.content.decode())
    main = tree.find(".//main")
    return re.sub(r"\s+", " ", main.text_content())


# Two debts of one borrower, used by the result, width and first-screen tests: a large
# WeBank loan long overdue with a visit announced, and a small recent Huabei debt.
WEILIDAI = debt_with(
    FIRST_DEBT,
    kind={"kind": "online_bank"},
    lender={"lender": "webank-weilidai"},
    amount={"amount": "38000"},
    overdue={"days": "120"},
    contact={"contact": "not_answering"},
    signals={"signals": ["visit_announced"]},
    visited={"visit_history": "none"},
    agency={"agency": "not_sure"},
    arrangement={"arrangement": "none"},
    region={"region": "unknown"},
)
HUABEI = debt_with(
    FIRST_DEBT,
    kind={"kind": "consumer_finance"},
    lender={"lender": "ant-huabei-jiebei"},
    amount={"amount": "3000"},
    overdue={"days": "20"},
    contact={"contact": "cooperating"},
    signals={"signals": ["none"]},
    visited={"visit_history": "none"},
    agency={"agency": "no"},
    arrangement={"arrangement": "none"},
    region={"region": "unknown"},
)


# The pure modules (tests/test_architecture.py, tests/test_doctests.py) ----------------------

ROOT = Path(__file__).resolve().parent.parent  # the repository
ADVISOR = ROOT / "advisor"
RULES = ADVISOR / "rules"
# Every module in advisor/rules/ is pure, and so are these two beside it.
OTHER_PURE = {"vault": ADVISOR / "vault.py", "docx": ADVISOR / "docx.py"}
PURE_PATHS = {
    **{f"rules.{path.stem}": path for path in sorted(RULES.glob("*.py"))},
    **OTHER_PURE,
}
PURE_MODULES = sorted(PURE_PATHS)


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


# Logs ------------------------------------------------------------------------------------


class Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


# Every row of every table (privacy tests) -------------------------------------------------


def database_dump() -> str:
    """Every row of every table as text, with session data decoded."""

    chunks: list[str] = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(include_views=False):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        value = bytes(value).decode("utf-8", "replace")
                    chunks.append(f"{table}: {value}")
    for row in Session.objects.all():
        decoded = row.get_decoded()
        chunks.append("decoded session: " + json.dumps(decoded, ensure_ascii=False, default=str))
        chunks.append("decoded session (ascii): " + json.dumps(decoded, default=str))
    return "\n".join(chunks)


# A tiny HTML form reader: what a browser would post ----------------------------------------


class _Forms(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[dict[str, Any]] = []
        self._form: dict[str, Any] | None = None
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._form = {
                "action": a.get("action", ""),
                "method": a.get("method", "get"),
                "fields": [],
            }
            self.forms.append(self._form)
        elif self._form is None:
            return
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in {"checkbox", "radio"} and "checked" not in a:
                self._form.setdefault("options", []).append((a["name"], a.get("value", "on")))
                return
            if kind not in {"submit", "button", "image", "reset"}:
                self._form["fields"].append((a["name"], a.get("value", "")))
        elif tag == "textarea" and a.get("name"):
            self._textarea = a["name"]
            self._form["fields"].append((a["name"], ""))
        elif tag == "select" and a.get("name"):
            self._select = a["name"]
        elif tag == "option" and self._select and "selected" in a:
            self._form["fields"].append((self._select, a.get("value", "")))

    def handle_data(self, data: str) -> None:
        if self._form is not None and self._textarea:
            name, value = self._form["fields"][-1]
            self._form["fields"][-1] = (name, value + data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "textarea":
            if self._form is not None and self._textarea:
                name, value = self._form["fields"][-1]
                # Browsers drop one newline right after <textarea>.
                self._form["fields"][-1] = (name, value.removeprefix("\n"))
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self._form = None


def forms_in(html: str) -> list[dict[str, Any]]:
    parser = _Forms()
    parser.feed(html)
    return parser.forms


def form_with(html: str, field: str) -> dict[str, Any]:
    """The first form on the page that has a field called ``field``."""
    for form in forms_in(html):
        if any(name == field for name, _ in form["fields"]):
            return form
    raise AssertionError(f"no form with a field {field!r}")


def form_data(form: dict[str, Any], **changes: Any) -> dict[str, Any]:
    """What the browser would post for ``form`` (from ``forms_in``), with ``changes``."""
    data: dict[str, Any] = {}
    for name, value in form["fields"]:
        data.setdefault(name, [])
        data[name].append(value)
    for name, value in changes.items():
        data[name] = value if isinstance(value, list) else [value]
    return data


def form_with_options(html: str, field: str) -> list[tuple[str, str]]:
    for form in forms_in(html):
        options = [(n, v) for n, v in form.get("options", []) if n == field]
        if options:
            return options
    raise AssertionError(f"no checkbox or radio called {field!r}")


def ticket_in(html: str) -> str:
    """The single-use ticket of the page's feedback form."""
    found = re.search(r'name="ticket" value="([^"]+)"', html)
    assert found, "no feedback form on the page"
    return found.group(1)


# Letters ------------------------------------------------------------------------------------

NAME = "测试名字Qz7"
ID_NUMBER = "440106199001017788"
PHONE = "13912345678"
ADDRESS = "幸福路99号Kx3"
CONTRACT = "HT-2026-55321"

# A check of two debts (a card and Huabei) and a plan built from it, as stored in the session.
CHECK = {
    "debts": [
        {
            "kind": "credit_card",
            "lender": "cmb-credit-card",
            "lender_other": "",
            "amount": "23456.78",
            "days_overdue": 75,
            "days_range": "",
            "first_missed": "",
            "contact": "answering_cannot_pay",
            "signals": ["third_parties"],
            "arrangement": "none",
            "region": "tier2",
        },
        {
            "kind": "consumer_finance",
            "lender": "ant-huabei-jiebei",
            "lender_other": "",
            "amount": "8800.00",
            "days_overdue": 40,
            "days_range": "",
            "first_missed": "",
            "contact": "not_answering",
            "signals": ["none"],
            "arrangement": "none",
            "region": "tier2",
        },
    ]
}
PLAN = {
    "budget": {
        "salary": "5000.00",
        "housing": "1500.00",
        "food": "1200.00",
        "reserve": "0.00",
        "pay_day": 15,
    },
    "debts": [
        {
            "lender": "cmb-credit-card",
            "lender_name": "",
            "kind": "credit_card",
            "principal": "23456.78",
            "charges": "",
            "rate": "",
            "check_index": 0,
        },
        {
            "lender": "ant-huabei-jiebei",
            "lender_name": "",
            "kind": "consumer_finance",
            "principal": "8800.00",
            "charges": "",
            "rate": "",
            "check_index": 1,
        },
    ],
    "settings": {"basis": "months", "months": 24, "strategy": "pro_rata", "plan_rate": "0"},
}


def personal(**extra: str) -> dict[str, str]:
    return {
        "name": NAME,
        "id_number": ID_NUMBER,
        "phone": PHONE,
        "address": ADDRESS,
        "contract": CONTRACT,
        **extra,
    }


def write_url(slug: str) -> str:

    return reverse("advisor-letter-write", args=[slug])


def initial_fields(response: Any) -> dict[str, str]:
    """The pre-filled values of the details form, as the browser would post them."""
    form = response.context["form"]
    data = {"step": "details"}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        data[name] = "" if value is None else str(value)
    return data


def details_then_edit(client: Client, slug: str, **typed: str) -> tuple[Any, dict[str, str], Any]:
    page = client.get(write_url(slug))
    assert page.status_code == 200
    data = {
        **initial_fields(page),
        **{k: v for k, v in personal(**typed).items() if k in page.context["form"].fields},
    }
    edit = client.post(write_url(slug), data)
    assert edit.status_code == 200
    return page, data, edit


def edit_post(data: dict[str, str], text: str, action: str, copies: bool = True) -> dict[str, str]:
    posted = {**data, "step": "edit", "text": text, "action": action}
    if copies:
        posted["copies"] = "on"
    return posted


def keep_one_night_call(client: Client) -> None:
    """An evidence log with one call at 23:15, saved under a code this client holds."""

    entry = {
        "id": "a1",
        "when": "2026-11-20T23:15",
        "kind": "call",
        "who": "陌生号码170",
        "what": "半夜打电话骂人",
        "attachments": ["截图1.png"],
    }
    client.cookies["bh_save"] = savecodes.create({"evidence": {"entries": [entry]}})


# The repayment plan --------------------------------------------------------------------------

PLAN_BUDGET = {
    "salary": "6000",
    "business": "",
    "benefits": "",
    "family": "500",
    "other_income": "",
    "housing": "1800",
    "food": "1200",
    "transport": "300",
    "utilities": "200",
    "medical": "",
    "dependants": "500",
    "other_essentials": "",
    "commitments": "",
    "reserve": "500",
    "lump_sum": "",
    "pay_day": "31",
}


def fill_budget(client: Client, **changes: str) -> Any:
    return client.post("/plan/budget/", {**PLAN_BUDGET, **changes})


def add_debt(client: Client, **fields: str) -> Any:
    data = {"lender": "cmb-credit-card", "principal": "30000", "charges": "", "rate": "", **fields}
    return client.post("/plan/debts/add/", data)


# The follow-through tracker ------------------------------------------------------------------


# Text no tracker field may let through as markup or as an extra calendar line.
TRACKER_HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>\r\nBEGIN:VEVENT'
TRACKER_TODAY = dt.datetime(2026, 11, 23, 4, 0, tzinfo=dt.UTC)  # 12:00 in Beijing, a Monday


def start_tracker(client: Client) -> str:
    """Start a tracker under a new save code; returns the code from the cookie."""

    response = client.post("/follow-up/start/")
    assert response.status_code == 302 and response["Location"] == "/follow-up/code/"
    return client.cookies[session.SAVE_COOKIE].value


def track_lender(
    client: Client, lender: str = "other", name: str = "某某小额贷款公司", **more: str
) -> str:
    """Follow up with a lender; returns its id in the tracker."""
    data = {"lender": lender, "name": name, **more}
    response = client.post("/follow-up/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    match = re.fullmatch(r"/follow-up/([0-9a-f]+)/", response["Location"])
    assert match, response["Location"]
    return match.group(1)


def track_step(client: Client, lender_id: str, kind: str, **data: str) -> None:
    response = client.post(f"/follow-up/{lender_id}/add/{kind}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]


# The content editors' admin ------------------------------------------------------------------

EDITOR_PASSWORD = "correct horse battery staple 42"  # of the `editor` fixture


def admin_form_data(response: Any) -> dict[str, Any]:
    """POST data that resubmits an admin change form (and its inlines) unchanged."""

    data: dict[str, Any] = {}

    def add(form: Any) -> None:
        for name, field in form.fields.items():
            value = form[name].value()
            key = form.add_prefix(name)
            if isinstance(field, forms.BooleanField):
                if value:
                    data[key] = "on"
            elif value is None:
                data[key] = ""
            elif isinstance(value, dt.date):
                data[key] = value.isoformat()
            else:
                data[key] = value

    add(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        for name in formset.management_form.fields:
            value = formset.management_form[name].value()
            data[formset.management_form.add_prefix(name)] = "" if value is None else value
        for form in formset.forms:
            add(form)
    return data


def change_url(obj: Any) -> str:

    return reverse(f"admin:advisor_{obj._meta.model_name}_change", args=[obj.pk])


def make_fact(**fields: Any) -> models.Fact:

    values = {
        "slug": "test-fact",
        "topic": "general",
        "title_zh_hans": "测试标题",
        "title_en": "Test title",
        "body_zh_hans": "测试正文",
        "body_en": "Test body",
        "source_title": "测试来源",
        "source_tier": "law",
        "status": "published",
        **fields,
    }
    fact = models.Fact(**values)
    fact.save()
    return fact


def make_item() -> models.ChecklistItem:

    checklist = models.Checklist(
        slug="admin-test", title_zh_hans="测试清单", source_title="测试来源", source_tier="law"
    )
    checklist.status = "published"
    checklist.save()
    item = models.ChecklistItem(
        checklist=checklist,
        code="ask-for-id",
        text_zh_hans="请对方出示工作证",
        text_en="Ask to see their staff card",
        source_title="测试来源",
        source_tier="association",
        status="published",
    )
    item.save()
    return item


def add_inline_item(editor_client: Client, item: models.ChecklistItem, status: str) -> Any:
    """Post the checklist's admin page with one new inline item ("new-step")."""
    url = change_url(item.checklist)
    data = admin_form_data(editor_client.get(url))
    prefix = next(k for k in data if k.endswith("-TOTAL_FORMS")).rsplit("-", 1)[0]
    data[f"{prefix}-TOTAL_FORMS"] = "2"
    data.update(
        {
            f"{prefix}-1-order": "200",
            f"{prefix}-1-code": "new-step",
            f"{prefix}-1-text_zh_hans": "新加的一步",
            f"{prefix}-1-text_en": "A new step",
            f"{prefix}-1-status": status,
        }
    )
    return editor_client.post(url, data)


# Public pages and settings -------------------------------------------------------------------

LANGUAGES = ("zh-hans", "en", "zh-hant")


def _routes(patterns: list[Any], prefix: str = "") -> list[str]:

    routes: list[str] = []
    for entry in patterns:
        route = str(entry.pattern)
        if isinstance(entry, URLResolver):
            routes += _routes(entry.url_patterns, prefix + route)
        elif isinstance(entry, URLPattern) and "<" not in route and "(" not in route:
            routes.append("/" + prefix + route)
    return routes


def public_urls() -> list[str]:
    """Every page without a parameter in its address, and each published letter."""

    urls = [
        url
        for url in _routes(get_resolver().url_patterns)
        if not url.startswith(("/admin/", "/i18n/"))
    ]
    urls += [f"/letters/{t.slug}/" for t in models.LetterTemplate.objects.published()]
    return sorted(set(urls))


def redis_settings(port: int) -> dict[str, Any]:
    """CACHES for the site's Redis cache on ``port``, with short timeouts."""
    return {
        "default": {
            "BACKEND": "advisor.cache.SafeRedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "KEY_PREFIX": "bhtest",
            "OPTIONS": {
                "socket_connect_timeout": 0.2,
                "socket_timeout": 0.2,
                "retry_on_timeout": False,
                "retry_on_error": [],
            },
        }
    }


def compose() -> dict[str, Any]:
    """compose.yaml, the deployment reference."""

    yaml = pytest.importorskip("yaml", reason="PyYAML is needed to read compose.yaml")
    document: dict[str, Any] = yaml.safe_load((ROOT / "compose.yaml").read_text())
    return document


# Test modules import from the shared modules, never from each other ---------------------------

TESTS = ROOT / "tests"


def imported_test_modules(path: Path, root: Path = ROOT) -> set[str]:
    """The test modules (``test_*.py``) that the file at ``path`` imports, relative or not."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.relative_to(root).parent.parts)
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            parts = package.split(".")
            base = parts[: len(parts) + 1 - node.level] if node.level else []  # from . / ..
            module = ".".join([*base, node.module] if node.module else base)
            names = [module] + [f"{module}.{alias.name}" for alias in node.names]
        else:
            continue
        found.update(name for name in names if name.rsplit(".", 1)[-1].startswith("test_"))
    return found
