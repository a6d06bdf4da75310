"""The Python form renderer draws exactly what the templates draw.

advisor/forms_renderer.py writes field.html, the label and the input widgets out in Python
for speed. Each page below is rendered twice, by that renderer and by Django's plain
TemplatesSetting (which reads the same templates), with and without errors, in Chinese and
in English, and the HTML must be identical (CSRF tokens, which are masked per response, are
blanked).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

import pytest
import time_machine
from django.test import Client

from tests.sample_borrower import BUDGET_FORM, DEBTS

TOKEN = re.compile(r"[A-Za-z0-9]{64}")
TICKET = re.compile(r'name="ticket" value="[^"]*"')  # single-use, new on every page drawn
FAST = "advisor.forms_renderer.SiteFormRenderer"
TEMPLATES_ONLY = "django.forms.renderers.TemplatesSetting"

Request = tuple[str, str, dict[str, object]]


def journey() -> Iterator[Request]:
    """GETs and POSTs that draw every kind of field the site has, with and without errors."""
    yield ("get", "/check/debt/1/kind/", {})
    yield ("post", "/check/debt/1/kind/", {})  # nothing chosen: error on a radio group
    for number, steps in enumerate(DEBTS, start=1):
        for slug, data in steps:
            yield ("get", f"/check/debt/{number}/{slug}/", {})
            yield ("post", f"/check/debt/{number}/{slug}/", data)
    yield ("post", "/check/debt/1/amount/", {"amount": "很多"})  # error on a text box
    yield ("post", "/check/debt/1/overdue/", {"days_range": "exact", "days": "x"})
    yield ("get", "/plan/budget/", {})
    yield ("post", "/plan/budget/", {**BUDGET_FORM, "salary": "abc"})
    yield ("post", "/plan/budget/", BUDGET_FORM)
    yield ("get", "/plan/debts/add/", {})
    yield ("post", "/plan/debts/add/", {"lender": "", "principal": "-1"})
    yield ("get", "/plan/debts/1/", {})
    yield ("get", "/plan/result/", {})
    yield ("post", "/plan/result/", {"monthly": "x", "months": "0", "strategy": "nope"})
    yield ("get", "/visitor/", {})
    yield ("get", "/evidence/", {})


def pages(settings, renderer: str, language: str) -> list[str]:
    settings.FORM_RENDERER = renderer
    client = Client()
    client.post("/i18n/setlang/", {"language": language, "next": "/"})
    out = []
    for method, path, data in journey():
        response = getattr(client, method)(path, data)
        if response.status_code == 200 and "text/html" in response["Content-Type"]:
            html = TICKET.sub("TICKET", response.content.decode())
            out.append(f"{method} {path}\n" + TOKEN.sub("TOKEN", html))
        else:
            out.append(f"{method} {path} -> {response.status_code}")
    return out


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_fast_form_rendering_matches_the_templates(settings, content: None, language: str) -> None:
    with time_machine.travel(dt.datetime(2027, 1, 5, 10, tzinfo=dt.UTC), tick=False):
        fast = pages(settings, FAST, language)
        slow = pages(settings, TEMPLATES_ONLY, language)
    assert sum("form-group" in page for page in fast) >= 15, "the journey should draw forms"
    assert sum("form-group-error" in page for page in fast) >= 5, "and forms with errors"
    for ours, theirs in zip(fast, slow, strict=True):
        assert ours == theirs


def test_hot_fields_are_drawn_without_the_template_engine(
    settings, content: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from django.forms.renderers import TemplatesSetting

    drawn_by_templates: list[str] = []
    original = TemplatesSetting.render

    def spy(self, template_name, context, request=None):
        drawn_by_templates.append(template_name)
        return original(self, template_name, context, request=request)

    monkeypatch.setattr(TemplatesSetting, "render", spy)
    with time_machine.travel(dt.datetime(2027, 1, 5, 10, tzinfo=dt.UTC), tick=False):
        fast = pages(settings, FAST, "zh-hans")
    assert any("form-group" in page for page in fast)
    hot = {"django/forms/field.html", "django/forms/label.html"}
    hot |= {f"django/forms/widgets/{n}.html" for n in ("text", "hidden", "radio_option")}
    assert not hot & set(drawn_by_templates), sorted(set(drawn_by_templates))
