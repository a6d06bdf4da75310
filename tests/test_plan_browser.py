"""Real browser: the repayment plan from budget to schedule, with htmx and without JavaScript.

Uses the shared Playwright fixtures of tests/browser (axe-core under the real CSP, phone and
desktop viewports, no outside requests).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (  # noqa: F401 - fixtures used by name
    Site,
    browser_type_launch_args,
    live_content,
)
from tests.browser.conftest import open_site as open_site
from tests.browser.conftest import site as site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def enter_budget_and_debts(site: Site, *, check: bool) -> None:
    page = site.page
    site.goto("/plan/")
    # The plan's intro sits above the budget questions: no "开始" page of its own.
    expect(page.get_by_role("heading", level=1)).to_have_text("你每个月的收入和必需开支")
    if check:
        site.check("plan-start")
    page.get_by_label("工资（到手）").fill("-6000")
    page.get_by_role("button", name="继续").click()
    expect(page.locator(".error-message")).to_contain_text("金额不能是负数")
    if check:
        site.check("plan-budget-error")
    page.get_by_label("工资（到手）").fill("６０００")
    page.get_by_label("房租或房贷").fill("1800")
    page.get_by_label("吃饭和日用品").fill("1,200")
    page.get_by_label("每个月想留多少钱应急？").fill("500")
    page.get_by_label("每月几号还款方便？").select_option("31")
    page.get_by_role("button", name="继续").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("你的欠款")
    page.get_by_role("link", name="添加一笔欠款").click()
    if check:
        page.get_by_role("button", name="保存这笔欠款").click()
        expect(page.locator(".error-message").first).to_contain_text("请选择借款机构")
        site.check("plan-debt-form-error")
    page.get_by_label("欠哪家的钱？").select_option(label="招商银行信用卡")
    page.get_by_label("还欠的本金").fill("2.4万")
    page.get_by_role("button", name="保存这笔欠款").click()
    page.get_by_role("link", name="再添加一笔欠款").click()
    page.get_by_label("欠哪家的钱？").select_option(label="其他（自己填写名称）")
    page.get_by_label("机构名称").fill("某某小贷")
    page.get_by_label("小额贷款公司").check()
    page.get_by_label("还欠的本金").fill("6000")
    page.get_by_role("button", name="保存这笔欠款").click()
    if check:
        site.check("plan-debts")
    page.get_by_role("link", name="查看还款计划").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("你的还款计划")


def test_the_plan_updates_in_place_with_htmx(site: Site) -> None:
    enter_budget_and_debts(site, check=site.viewport == "phone")
    page = site.page
    # 6,000 − 3,000 − 500 reserve = 2,500 a month; ¥30,000 takes 12 months.
    expect(page.locator(".plan-status")).to_contain_text("每月还 ¥2,500.00，12 个月还清")
    # axe runs only after the swap: its colour checks leave empty style="" attributes that
    # htmx's settle step would copy onto the new elements, which the CSP then reports.
    url = page.url
    # htmx is a deferred script: a change made before it has run is a plain edit (the form
    # still works with its button); wait until it listens, as a borrower's later edit would.
    page.wait_for_function("() => window.htmx !== undefined && document.readyState === 'complete'")
    page.get_by_label("分几个月还完").fill("20")
    page.get_by_label("分几个月还完").press("Tab")  # change → htmx posts and swaps the partial
    expect(page.locator(".plan-status")).to_contain_text("每月还 ¥1,500.00，20 个月还清")
    assert page.url == url  # no navigation: updated in place
    site.assert_clean()
    expect(page.get_by_label("每月还多少")).to_have_value("1500.00")
    site.check("plan-result-updated", screenshot=True)


def test_the_plan_works_without_javascript(open_site) -> None:
    site = open_site("phone", "plan-nojs", java_script_enabled=False)
    enter_budget_and_debts(site, check=False)
    page = site.page
    page.get_by_label("每月还多少").fill("1000")
    page.get_by_role("button", name="更新计划").click()
    expect(page.locator(".plan-status")).to_contain_text("每月还 ¥1,000.00，30 个月还清")
    # Runs of equal payments first; the month-by-month table opens without JavaScript.
    expect(page.locator(".runs").first).to_contain_text("第 1–")
    expect(page.get_by_role("cell", name="2027-02-28").first).to_be_hidden()
    page.locator(".schedule-details summary").first.click()
    expect(page.get_by_role("cell", name="2027-02-28").first).to_be_visible()


def test_spending_above_income_leads_to_guidance_not_an_error(open_site) -> None:
    site = open_site("phone", "plan-shortfall")
    page = site.page
    site.goto("/plan/budget/")
    page.get_by_label("工资（到手）").fill("2000")
    page.get_by_label("房租或房贷").fill("2500")
    page.get_by_role("button", name="继续").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("你现在的收入不够必需开支")
    assert not page.title().startswith("错误")
    site.check("plan-shortfall")
