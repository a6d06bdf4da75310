"""A small HTTP "borrower" for the benchmark and the restart test (standard library only).

It drives the site the way a browser without JavaScript does: GET a page, fill its main
form with plausible answers, POST, follow the redirect. It knows the shape of the journeys
(guided check for two debts → result; plan budget → debts → result → PDF) but not the exact
fields, so it keeps working while the questions change. A step it cannot complete is
reported as a JourneyError with the page it stopped on, never as a crash.
"""

from __future__ import annotations

import http.cookiejar
import re
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser

# Forms that are not the page's question (header/footer controls, destructive actions).
SKIP_ACTION = re.compile(
    r"/(erase|start-again|i18n|setlang|restart|remove|forget|reset|save|resume)"
)


class JourneyError(Exception):
    def __init__(self, message: str, page: Page | None = None) -> None:
        where = f" (at {page.path}, status {page.status})" if page else ""
        super().__init__(message + where)
        self.page = page


@dataclass
class Form:
    action: str
    method: str
    fields: list[dict[str, str]] = field(default_factory=list)
    selects: dict[str, list[str]] = field(default_factory=dict)
    buttons: list[dict[str, str]] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.links: list[tuple[str, dict[str, str]]] = []
        self._form: Form | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {key: value or "" for key, value in attrs_list}
        if tag == "form":
            self._form = Form(attrs.get("action", ""), attrs.get("method", "get").lower())
            self.forms.append(self._form)
        elif tag == "a" and "href" in attrs:
            self.links.append((attrs["href"], attrs))
        elif self._form is None:
            return
        elif tag in ("input", "textarea"):
            attrs.setdefault("type", "text" if tag == "input" else "textarea")
            self._form.fields.append(attrs)
        elif tag == "select":
            self._select = attrs.get("name", "")
            self._form.selects[self._select] = []
        elif tag == "option" and self._select is not None:
            self._form.selects[self._select].append(attrs.get("value", ""))
        elif tag == "button" and attrs.get("type", "submit") == "submit":
            self._form.buttons.append(attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


@dataclass
class Page:
    url: str
    status: int
    body: bytes
    headers: dict[str, str]

    @property
    def path(self) -> str:
        return urllib.parse.urlsplit(self.url).path

    @property
    def html(self) -> str:
        return self.body.decode("utf-8", "replace")

    def parsed(self) -> _Parser:
        parser = _Parser()
        parser.feed(self.html)
        return parser

    def main_form(self) -> Form | None:
        for form in self.parsed().forms:
            action = form.action or self.path
            if form.method == "post" and not SKIP_ACTION.search(action):
                return form
        return None

    def link(self, pattern: str) -> str | None:
        for href, _attrs in self.parsed().links:
            if re.search(pattern, href):
                return href
        return None


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Borrower:
    """One borrower's browser: a cookie jar and a base URL (which may change mid-journey)."""

    def __init__(self, base: str, timeout: float = 30) -> None:
        self.base = base.rstrip("/")
        self.timeout = timeout
        self.jar = http.cookiejar.CookieJar()
        self._opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect()
        )

    def cookie(self, name: str) -> str | None:
        return next((c.value for c in self.jar if c.name == name), None)

    def _open(self, method: str, path: str, data: bytes | None = None) -> Page:
        url = path if path.startswith("http") else self.base + path
        for _hop in range(10):
            request = urllib.request.Request(url, data=data, method=method)
            request.add_header("User-Agent", "borrower-help-bench")
            if data is not None:
                request.add_header("Content-Type", "application/x-www-form-urlencoded")
                request.add_header("Referer", url)
            try:
                with self._opener.open(request, timeout=self.timeout) as response:
                    page = Page(
                        response.geturl(), response.status, response.read(), dict(response.headers)
                    )
            except urllib.error.HTTPError as error:
                page = Page(url, error.code, error.read(), dict(error.headers))
            if page.status in (301, 302, 303, 307, 308) and "Location" in page.headers:
                url = urllib.parse.urljoin(url, page.headers["Location"])
                method, data = "GET", None
                continue
            return page
        raise JourneyError(f"too many redirects from {path}")

    def get(self, path: str) -> Page:
        return self._open("GET", path)

    def submit(self, page: Page, form: Form, attempt: int = 0) -> Page:
        action = urllib.parse.urljoin(page.url, form.action or page.url)
        data = urllib.parse.urlencode(fill(form, attempt)).encode()
        return self._open("POST", action, data)


def _text_value(attrs: dict[str, str], attempt: int) -> str:
    name = attrs.get("name", "").lower()
    kind = attrs.get("type", "text")
    if kind == "date" or "date" in name or "first_missed" in name:
        return "" if attempt == 0 else "2026-09-01"
    if attrs.get("inputmode") in ("decimal", "numeric") or kind == "number":
        if "day" in name:
            return "45"
        if "income" in name:
            return "8000"
        if any(word in name for word in ("rent", "food", "expense", "spend", "essential", "other")):
            return "1000"
        return "5000"
    if "day" in name:
        return "45"
    if attempt == 0:
        return ""
    return "5000" if attempt == 1 else "其他机构"


def fill(form: Form, attempt: int = 0) -> list[tuple[str, str]]:
    """Plausible answers: first choice of each radio/select, amounts where amounts go.

    attempt 1 and 2 fill more text fields, for pages that rejected the first try.
    """
    data: list[tuple[str, str]] = []
    radios: dict[str, list[str]] = {}
    checkboxes: dict[str, list[str]] = {}
    for attrs in form.fields:
        name, kind = attrs.get("name"), attrs.get("type", "text")
        if not name or kind in ("submit", "button", "image", "reset", "file"):
            continue
        if kind == "hidden":
            data.append((name, attrs.get("value", "")))
        elif kind == "radio":
            radios.setdefault(name, []).append(attrs.get("value", "on"))
        elif kind == "checkbox":
            checkboxes.setdefault(name, []).append(attrs.get("value", "on"))
        else:
            value = attrs.get("value", "") or _text_value(attrs, attempt)
            if value:
                data.append((name, value))
    for name, values in radios.items():
        data.append((name, values[min(attempt, len(values) - 1)] if attempt < 2 else values[0]))
    for name, values in checkboxes.items():
        data.append((name, values[0]))
    for name, values in form.selects.items():
        usable = [value for value in values if value]
        if usable:
            data.append((name, usable[0]))
    named = [button for button in form.buttons if button.get("name")]
    if named:
        data.append((named[0]["name"], named[0].get("value", "")))
    return data


def answer_until(borrower: Borrower, page: Page, stop: re.Pattern[str], limit: int = 30) -> Page:
    """Answer each question page until a page whose path matches ``stop``."""
    for _step in range(limit):
        if stop.search(page.path):
            return page
        if page.status != 200:
            raise JourneyError("unexpected status", page)
        form = page.main_form()
        if form is None:
            raise JourneyError("no question form", page)
        for attempt in range(3):
            following = borrower.submit(page, form, attempt)
            if following.path != page.path or following.status != 200:
                break
            # The same page again: a validation message. Try fuller answers.
            page = following
            form = page.main_form() or form
        else:
            raise JourneyError("answers not accepted", following)
        page = following
    raise JourneyError("too many steps", page)


# The last answer leads to the result (before issue 24: to check-your-answers).
CHECK_DONE = re.compile(r"^/check/(answers|result)/$")


def check_first_question(borrower: Borrower) -> Page:
    start = borrower.get("/check/")
    if start.status != 200:
        raise JourneyError("no guided check", start)
    if start.main_form() is not None:  # the first question, under the intro
        return start
    first = start.link(r"^/check/debt/1/")
    if first is None:
        raise JourneyError("no link to the first question", start)
    return borrower.get(first)


def check_one_debt(borrower: Borrower, first: Page) -> Page:
    return answer_until(borrower, first, CHECK_DONE)


def check_two_debts(borrower: Borrower) -> Page:
    """The guided check for two debts; returns the result page."""
    answers = check_one_debt(borrower, check_first_question(borrower))
    add = answers.link(r"^/check/debt/2/")
    if add is None:
        raise JourneyError("no way to add a second debt", answers)
    answers = check_one_debt(borrower, borrower.get(add))
    result = borrower.get("/check/result/")
    if result.status != 200 or result.path != "/check/result/":
        raise JourneyError("no result page", result)
    return result


def plan_with_debts(borrower: Borrower, wanted: int = 2) -> Page:
    """Budget, then debts (pre-filled from the check, or added here), then the plan page."""
    page = borrower.get("/plan/budget/")
    if page.status != 200:
        raise JourneyError("no plan budget page", page)
    page = answer_until(borrower, page, re.compile(r"^/plan/(debts|budget/guidance)/$"))
    for _ in range(wanted + 2):
        debts = borrower.get("/plan/debts/")
        rows = set(re.findall(r'href="/plan/debts/(\d+)/"', debts.html))
        if len(rows) >= wanted:
            break
        add = debts.link(r"^/plan/debts/add/")
        if add is None:
            raise JourneyError("no way to add a debt to the plan", debts)
        answer_until(borrower, borrower.get(add), re.compile(r"^/plan/debts/$"))
    result = borrower.get("/plan/result/")
    if result.status != 200 or result.path != "/plan/result/":
        raise JourneyError("no plan page", result)
    return result


def answered_debts(borrower: Borrower) -> list[str]:
    """Numbers of the debts on the check's answers page (from their "change" links)."""
    html = borrower.get("/check/answers/").html
    return sorted(set(re.findall(r"/check/debt/(\d+)/[a-z-]+/\?return=", html)))
