"""Real browser: the guided check from the start page to the result, with and without JS."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import Site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def answer_one_debt(site: Site, *, check: bool) -> None:
    page = site.page
    site.goto("/check/")
    # The intro sits above the first question: no page of its own to tap through.
    expect(page.get_by_role("heading", level=1)).to_have_text("这笔欠款是哪一类？")
    expect(page.get_by_text("每一笔欠款大约需要2分钟", exact=False)).to_be_visible()
    if check:
        site.check("check-start")
    page.get_by_role("button", name="继续").click()  # nothing chosen: the error summary
    expect(page.locator(".error-summary")).to_be_visible()
    assert page.title().startswith("错误：")
    if check:
        site.check("check-kind-error")
    page.get_by_label("银行信用卡").check()
    page.get_by_role("button", name="继续").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("是哪家机构的欠款？")
    page.get_by_label("其他，或者列表里没有").check()
    page.get_by_role("button", name="继续").click()

    page.get_by_label("这笔欠款逾期的金额一共多少？").fill("三千多")
    page.get_by_role("button", name="继续").click()
    expect(page.locator(".error-message")).to_contain_text("请只填写数字")
    if check:
        site.check("check-amount-error")
    page.get_by_label("这笔欠款逾期的金额一共多少？").fill("５２,０００元")
    page.get_by_role("button", name="继续").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("这笔欠款逾期多久了？")
    if check:
        site.check("check-overdue")
    page.get_by_label("91到180天（3到6个月）").check()
    page.get_by_role("button", name="继续").click()

    page.get_by_label("我没有接他们的电话").check()
    page.get_by_role("button", name="继续").click()
    page.get_by_label("收到律师函").check()
    page.get_by_role("button", name="继续").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("有没有人为这笔欠款上门找过你？")
    page.get_by_label("没有，还没有人上过门").check()
    page.get_by_role("button", name="继续").click()
    page.get_by_label("不确定", exact=True).check()
    page.get_by_role("button", name="继续").click()
    page.get_by_label("没有还款安排").check()
    page.get_by_role("button", name="继续").click()
    page.get_by_label("不确定或不想说").check()
    page.get_by_role("button", name="继续").click()
    # The last answer leads straight to the result; the answers are a link away.
    expect(page.get_by_role("heading", level=1)).to_have_text("你的评估结果")


def test_a_borrower_checks_one_debt_and_reads_the_result(site: Site) -> None:
    answer_one_debt(site, check=True)
    page = site.page
    expect(page.locator(".tag")).to_have_text("较高")
    expect(page.get_by_text("这是上门催收可能性的粗略参考，不是预测，也不是概率。")).to_be_visible()
    expect(page.get_by_role("heading", name="今天先做这三件事")).to_be_visible()
    expect(page.get_by_role("link", name="再加一笔欠款")).to_be_visible()
    site.check("check-result")
    page.get_by_role("link", name="返回修改回答").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("检查你的回答")
    site.check("check-answers")


def test_with_javascript_an_answer_is_one_round_trip_and_back_still_works(site: Site) -> None:
    page = site.page
    answers: list[tuple[str, int]] = []
    page.on(
        "response",
        lambda response: (
            answers.append((response.request.method, response.status))
            if "/check/debt/" in response.url
            else None
        ),
    )
    site.goto("/check/debt/1/kind/")
    page.get_by_label("银行信用卡").check()
    page.get_by_role("button", name="继续").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("是哪家机构的欠款？")
    assert page.url == site.url("/check/debt/1/lender/")
    assert page.title().startswith("是哪家机构的欠款？")
    # One POST answered with the next question: no redirect, no second request.
    assert answers[-1] == ("POST", 200) and not any(300 <= status < 400 for _, status in answers)
    # The focus moves to <main> once htmx has settled the swap (a moment after the heading).
    expect(page.locator("#main")).to_be_focused()
    # A refused answer shows its errors in place, the focus on the summary.
    page.get_by_role("button", name="继续").click()
    expect(page.locator(".error-summary")).to_be_focused()
    assert page.url == site.url("/check/debt/1/lender/")
    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text("这笔欠款是哪一类？")
    expect(page.get_by_label("银行信用卡")).to_be_checked()
    # Nothing of the pages is kept in the browser's storage by htmx.
    assert page.evaluate("() => localStorage.getItem('htmx-history-cache')") is None
    site.assert_clean()


def test_the_check_works_without_javascript(open_site) -> None:
    site = open_site(name="check-nojs", java_script_enabled=False)
    answer_one_debt(site, check=False)
    page = site.page
    page.get_by_role("link", name="返回修改回答").click()
    page.locator('a[href*="return=answers"]').first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("这笔欠款是哪一类？")
    page.get_by_role("link", name="返回").click()
    page.get_by_role("link", name="查看评估结果").click()
    expect(page.locator(".tag")).to_have_text("较高")
    site.shot("check-result-nojs")
