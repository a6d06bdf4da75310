"""Real browser, the main journey: guided check for two debts → result → plan → PDF →
letter → print preview; the door checklist; keyboard-only completion of the guided check.

axe-core runs on every page of the journey (and on an error state); each page must also
run without a CSP violation or a script error.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from playwright.sync_api import expect

from advisor import check_steps
from tests.sample_borrower import BUDGET, FIRST_DEBT, SECOND_DEBT

from .conftest import Site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def fill(page: Any, name: str, value: str | list[str]) -> None:
    """Choose or type like a person: click the option's label, or type into the box."""
    for item in value if isinstance(value, list) else [value]:
        option = page.locator(f"main input[name='{name}'][value='{item}']")
        if option.count():
            page.locator(f"main label[for='{option.get_attribute('id')}']").click()
            expect(option).to_be_checked()
        else:
            box = page.locator(f"main [name='{name}']")
            closed = page.locator("main details:not([open])").filter(
                has=page.locator(f"[name='{name}']")
            )
            if closed.count():  # e.g. "know the exact number of days?"
                closed.locator("summary").click()
            box.fill(item)


def submit(page: Any, field: str) -> None:
    before = page.url
    form = page.locator("main form").filter(has=page.locator(f"[name='{field}']"))
    form.locator("button[type=submit]").first.click()
    page.wait_for_url(lambda url: url != before)


def answer_debt(site: Site, number: int, steps: list, *, axe: bool) -> None:
    page = site.page
    for slug, data in steps:
        if number > 1 and check_steps.step(slug).per_borrower:
            continue  # asked once per borrower, for the first debt
        here = rf"/check/debt/{number}/{slug}/$"
        if number == 1 and slug == check_steps.SLUGS[0]:
            here = rf"/check/(debt/1/{slug}/)?$"  # /check/ itself asks the first question
        expect(page).to_have_url(re.compile(here))
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        if axe:
            site.check(f"check-{slug}", screenshot=slug in {"kind", "amount", "signals"})
        for name, value in data.items():
            fill(page, name, value)
        submit(page, next(iter(data)))


def run_check(site: Site, *, axe: bool = True) -> None:
    page = site.page
    site.goto("/check/")
    if axe:
        site.check("check-start")  # the intro above the first question
    # An empty answer first: the error state must be accessible too.
    page.locator("main form button[type=submit]").first.click()
    expect(page).to_have_title(re.compile(r"^错误："))
    expect(page.locator("[data-error-summary]")).to_be_visible()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    if axe:
        site.check("check-kind-error")
    answer_debt(site, 1, FIRST_DEBT, axe=axe)
    # The last answer leads straight to the result, which offers another debt.
    expect(page).to_have_url(re.compile(r"/check/result/$"))
    if axe:
        site.check("check-result-one")
    page.get_by_role("main").get_by_role("link", name="再加一笔欠款").click()
    answer_debt(site, 2, SECOND_DEBT, axe=False)
    expect(page).to_have_url(re.compile(r"/check/result/$"))
    if axe:
        page.get_by_role("link", name="返回修改回答").click()
        expect(page).to_have_url(re.compile(r"/check/answers/$"))
        site.check("check-answers")
        page.get_by_role("link", name="查看评估结果").click()
        expect(page).to_have_url(re.compile(r"/check/result/$"))
    # The answer first: each debt's level and main reason; the details are folded.
    answers = page.locator(".answer-lines")
    expect(answers.get_by_role("link", name=re.compile("^第 1 笔"))).to_be_visible()
    expect(answers.get_by_role("link", name=re.compile("^第 2 笔"))).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="今天先做这三件事")).to_be_visible()


def test_guided_check_result_plan_pdf_letter_and_print(site: Site) -> None:
    page = site.page
    run_check(site)
    site.check("check-result")

    # The plan takes the two debts from the check.
    page.get_by_role("main").get_by_role("link", name="制定还款计划").first.click()
    # The plan's intro sits above the budget questions, which send their answers on.
    expect(page).to_have_url(re.compile(r"/plan/$"))
    site.check("plan-budget")
    for name, value in BUDGET.items():
        fill(page, name, value)
    submit(page, "salary")
    expect(page).to_have_url(re.compile(r"/plan/debts/$"))
    expect(page.get_by_role("row")).to_have_count(3)  # heading row + two debts
    site.check("plan-debts")
    page.get_by_role("link", name="查看还款计划").click()
    expect(page).to_have_url(re.compile(r"/plan/result/"))
    site.check("plan-result")

    # PDF rendering (WeasyPrint) can take seconds on a busy machine: a longer, real wait.
    with page.expect_download(timeout=60_000) as download_info:
        page.get_by_role("link", name="下载计划 PDF").click(timeout=60_000)
    download = download_info.value
    path = download.path()
    assert path is not None
    with open(path, "rb") as handle:
        assert handle.read(5) == b"%PDF-"
    assert download.suggested_filename.endswith(".pdf")

    # A letter, pre-filled from the check and the plan.
    site.goto("/letters/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    site.check("letters")
    site.goto("/letters/loan-negotiation/")
    site.check("letter-gate")
    site.goto("/letters/loan-negotiation/write/")
    site.check("letter-write")
    page.locator("main [name='name']").fill("王小明")
    page.get_by_role("button", name="生成信件").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("预览：打印出来就是这样")
    preview = page.locator("#letter-preview")
    expect(preview).to_contain_text("王小明")
    site.check("letter-edit")

    # Print preview: the site's header, footer and buttons disappear, the letter stays.
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.locator(".letter-edit-form")).to_be_hidden()
    expect(preview).to_be_visible()
    expect(preview).to_contain_text("王小明")
    site.shot("letter-print")
    page.emulate_media(media="screen")
    expect(page.locator(".site-header")).to_be_visible()
    site.assert_clean()


def test_door_checklist_gives_a_verdict_in_place_and_without_javascript(site: Site) -> None:
    page = site.page
    site.goto("/visitor/")
    expect(page.get_by_role("heading", level=1)).to_have_text("有人上门：先不要开门")
    site.check("visitor")
    boxes = page.locator("main form.door-form input[name='ticked']")
    expect(boxes.first).to_be_visible()
    count = boxes.count()
    assert count >= 3
    for index in range(2):
        box_id = boxes.nth(index).get_attribute("id")
        page.locator(f"label[for='{box_id}']").click()
        expect(boxes.nth(index)).to_be_checked()
    url_before = page.url
    page.locator("main form.door-form button[type=submit]").click()
    # htmx swaps the verdict in place: same URL, a result appears.
    result = page.locator("#door-result")
    expect(result).not_to_be_empty()
    expect(result).to_contain_text(re.compile(r"\S"))
    # Focus moves to the verdict (so a phone scrolls to it and a screen reader reads it).
    expect(result).to_be_focused()
    assert page.url == url_before
    site.check("visitor-result")
    site.goto("/rights/")
    site.check("rights")
    site.goto("/visitor/card/")
    site.check("door-card")


def test_door_checklist_without_javascript_posts_and_redirects(open_site) -> None:
    site = open_site(viewport="phone", name="visitor-nojs", java_script_enabled=False)
    page = site.page
    site.goto("/visitor/")
    page.locator("main form.door-form input[name='ticked']").first.check()
    page.locator("main form.door-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/visitor/result/$"))
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    # axe needs JavaScript: check the same page, same session, in a JavaScript context.
    checker = open_site(
        viewport="phone", name="visitor-result", storage_state=page.context.storage_state()
    )
    checker.goto("/visitor/result/")
    expect(checker.page.get_by_role("heading", level=1)).to_be_visible()
    checker.check("visitor-result-page")


def test_evidence_log_pages_pass_axe(phone: Site) -> None:
    page = phone.page
    phone.goto("/evidence/")
    phone.check("evidence-start")
    page.get_by_role("main").locator("form button[type=submit]").first.click()
    expect(page).to_have_url(re.compile(r"/evidence/code/$"))
    phone.check("evidence-code")
    phone.goto("/evidence/")
    phone.check("evidence-log")
    page.locator("main form.evidence-form button[type=submit]").click()
    expect(page).to_have_title(re.compile(r"^错误："))
    phone.check("evidence-log-error")
    phone.goto("/scam/")
    phone.check("scam")


def test_guided_check_can_be_completed_with_the_keyboard_only(phone: Site) -> None:
    """Tab, Space, arrow keys and Enter only: no clicks anywhere."""
    page = phone.page
    phone.goto("/check/")  # the first question, under the intro
    for number, (slug, data) in enumerate(FIRST_DEBT):
        here = rf"/check/debt/1/{slug}/$" if number else r"/check/$"
        expect(page).to_have_url(re.compile(here))
        for name, value in data.items():
            for item in value if isinstance(value, list) else [value]:
                field = page.locator(f"main input[name='{name}'][value='{item}']")
                if field.count():
                    focus_on(page, field)
                    page.keyboard.press("Space")
                    expect(field).to_be_checked()
                else:
                    box = page.locator(f"main [name='{name}']")
                    closed = page.locator("main details:not([open])").filter(
                        has=page.locator(f"[name='{name}']")
                    )
                    if closed.count():
                        focus_on(page, closed.locator("summary"))
                        page.keyboard.press("Enter")
                    focus_on(page, box)
                    page.keyboard.type(item)
        before = page.url
        button = page.locator("main form button[type=submit]").first
        focus_on(page, button)
        page.keyboard.press("Enter")
        page.wait_for_url(lambda url, before=before: url != before)
    expect(page).to_have_url(re.compile(r"/check/result/$"))
    expect(
        page.locator(".answer-lines").get_by_role("link", name=re.compile("^第 1 笔"))
    ).to_be_visible()


def focus_on(page: Any, target: Any, limit: int = 120) -> None:
    """Press Tab until ``target`` has the focus (fails if it is not reachable by Tab).

    For a radio group, Tab reaches the group's checked (or first) option; arrow keys then
    move within the group, as a keyboard user would.
    """
    is_radio = target.evaluate("el => el.type === 'radio'")
    for _ in range(limit):
        if target.evaluate("el => el === document.activeElement"):
            return
        if is_radio and page.evaluate(
            "name => document.activeElement && document.activeElement.name === name",
            target.get_attribute("name"),
        ):
            for _step in range(30):
                if target.evaluate("el => el === document.activeElement"):
                    return
                page.keyboard.press("ArrowDown")
            break
        page.keyboard.press("Tab")
    expect(target).to_be_focused()
