"""Real browser: the plan pages with three debts fit a phone, with no sideways scroll.

At 320 and 390 px, /plan/debts/, /plan/result/ (month tables folded and unfolded) and
/plan/summary/ must not be wider than the phone's screen (before the debts became cards, the
debts page was 409 px wide at both widths). The page heights at 390 px are written to
artifacts/plan-page-heights.json (a record for the issue's closing note, not a check).
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (  # noqa: F401 - fixtures used by name
    ROOT,
    Site,
    browser_type_launch_args,
    live_content,
)
from tests.browser.conftest import open_site as open_site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# The borrower walk's two debts, and a third, over 24 months.
DEBTS = [("某某银行网贷", "38000"), ("某某消费金融", "3000"), ("某某小额贷款公司", "12000")]
WIDTHS = (320, 390)
PAGES = ("/plan/debts/", "/plan/result/", "/plan/summary/")


def fill_plan(site: Site) -> None:
    page = site.page
    site.goto("/plan/budget/")
    page.get_by_label("工资（到手）").fill("6000")
    page.get_by_label("房租或房贷").fill("1800")
    page.get_by_label("吃饭和日用品").fill("1200")
    page.get_by_label("每个月想留多少钱应急？").fill("500")
    page.get_by_role("button", name="继续").click()
    for name, amount in DEBTS:
        site.goto("/plan/debts/add/")
        page.get_by_label("欠哪家的钱？").select_option(label="其他（自己填写名称）")
        page.get_by_label("机构名称").fill(name)
        page.get_by_label("消费金融（如花呗、借呗）").check()
        page.get_by_label("还欠的本金").fill(amount)
        page.get_by_role("button", name="保存这笔欠款").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("你的欠款")
    site.goto("/plan/result/")
    page.get_by_label("分几个月还完").fill("24")
    page.get_by_role("button", name="更新计划").click()
    expect(page.locator(".plan-status")).to_contain_text("24 个月还清")


def widths(site: Site) -> dict[str, int]:
    return site.layout(
        "() => ({scroll: document.documentElement.scrollWidth, inner: window.innerWidth,"
        " height: document.documentElement.scrollHeight})"
    )


def test_plan_pages_with_three_debts_have_no_sideways_scroll_at_320_and_390(open_site) -> None:
    # Without JavaScript: the month tables open as plain <details>, and htmx is not needed.
    site = open_site("phone", "plan-widths", java_script_enabled=False)
    fill_plan(site)
    page = site.page
    seen: dict[str, dict[str, int]] = {}
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 844})
        for path in PAGES:
            site.goto(path)
            seen[f"{path} @{width}"] = widths(site)
        site.goto("/plan/result/")
        for summary in page.locator(".schedule-details summary").all():
            summary.click()
        expect(page.locator(".schedule-details[open]")).to_have_count(len(DEBTS))
        seen[f"/plan/result/ (month tables open) @{width}"] = widths(site)
    (ROOT / "artifacts").mkdir(exist_ok=True)
    (ROOT / "artifacts" / "plan-page-heights.json").write_text(
        json.dumps(seen, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    # A phone browser widens its layout viewport to fit content that overflows, so
    # innerWidth alone can hide the overflow: compare with the width the phone has.
    too_wide = {
        k: v for k, v in seen.items() if v["scroll"] > min(v["inner"], int(k.rsplit("@", 1)[1]))
    }
    assert too_wide == {}, f"sideways scroll: {too_wide}"
    site.assert_clean()
