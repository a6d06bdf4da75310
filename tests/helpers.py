"""Helpers the test modules share, in one place: test modules import from here (and from
tests/sample_borrower.py and tests/servers.py), never from each other.

Borrowers are built from the check's declarations (``Step.samples`` in
advisor/check_steps.py): a test names only the answers it cares about, and a question added
later is answered with its own sample without editing any test.
"""

from __future__ import annotations

import ast
import logging
import re
from pathlib import Path
from typing import Any

from django.test import Client
from lxml import html as lxml_html

from advisor import check_steps
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
