"""Real browser: the follow-through tracker without JavaScript at 320 px, axe, and WeChat."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import Site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WECHAT = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.44(0x18002c2d) NetType/WIFI Language/zh_CN"
)
# Screenshots for the closing note, outside the repository.
NOTE_IMAGES = Path("/work/wt/tracker-images")
TODAY = dt.date.today()


def _start_tracker(site: Site) -> None:
    page = site.page
    site.goto("/follow-up/")
    page.get_by_role("button", name="开始记录").click()
    expect(page.get_by_role("heading", name="你的保存码")).to_be_visible()
    page.get_by_role("link", name="我记下了，开始记录").click()
    expect(page.get_by_role("heading", name="跟进记录", exact=True)).to_be_visible()


def _add_lender(site: Site, *, other: str = "", lender: str = "") -> None:
    page = site.page
    site.goto("/follow-up/")
    if other:
        page.get_by_label("哪家贷款机构？").select_option("other")
        page.get_by_label("机构名称（列表里没有时填写）").fill(other)
        page.get_by_label("这是小额贷款公司（包括网络小贷）").check()
    else:
        page.get_by_label("哪家贷款机构？").select_option(label=lender)
    page.get_by_role("button", name="加上").click()


def _record(site: Site, link: str, day: dt.date, choose: str = "", **fields: str) -> None:
    page = site.page
    page.get_by_role("link", name=link).click()
    page.get_by_label("哪一天？").fill(day.isoformat())
    if choose:
        page.get_by_label(choose).check()
    for label, value in fields.items():
        page.get_by_label(label).fill(value)
    page.get_by_role("button", name="保存这一步").click()


def test_the_tracker_works_without_javascript_at_320px(open_site) -> None:
    site = open_site(name="tracker-nojs", java_script_enabled=False)
    page = site.page
    page.set_viewport_size({"width": 320, "height": 640})
    _start_tracker(site)
    _add_lender(site, other="某某网络小额贷款有限公司")
    expect(page.get_by_role("heading", name="某某网络小额贷款有限公司")).to_be_visible()

    # A date in the future is refused with the error summary, nothing saved.
    page.get_by_role("link", name="我寄出了协商信").click()
    page.get_by_label("哪一天？").fill((TODAY + dt.timedelta(days=30)).isoformat())
    page.get_by_label("EMS挂号信").check()
    page.get_by_role("button", name="保存这一步").click()
    summary = page.locator(".error-summary")
    expect(summary).to_contain_text("日期不能晚于今天")
    summary.get_by_role("link").first.click()

    page.get_by_label("哪一天？").fill((TODAY - dt.timedelta(days=20)).isoformat())
    page.get_by_label("单号或受理编号（可选）").fill("EA123456789CN")
    page.get_by_role("button", name="保存这一步").click()
    expect(page.locator(".tracker-next")).to_contain_text("向贷款机构本身投诉")
    expect(page.get_by_text("EA123456789CN")).to_be_visible()
    for path in ["/follow-up/", page.url.replace(site.base_url, "")]:
        site.goto(path)
        width = site.scroll_width()
        assert width <= 320, f"{path} is {width}px wide at 320px"


def test_the_at_a_glance_page_passes_axe_on_a_phone(phone: Site) -> None:
    page = phone.page
    _start_tracker(phone)
    _add_lender(phone, lender="微众银行（微粒贷）")
    _record(phone, "我寄出了协商信", TODAY - dt.timedelta(days=20), "EMS挂号信")
    _record(phone, "我投诉了", TODAY - dt.timedelta(days=3), "贷款机构本身")
    phone.check("tracker-lender")
    _add_lender(phone, other="某某网络小额贷款有限公司")
    _record(phone, "我寄出了协商信", TODAY - dt.timedelta(days=2), "App里的在线客服或留言")
    _add_lender(phone, lender="招商银行信用卡")
    agreed = {"分几个月还？": "24", "每月还多少（元）？": "500"}
    _record(phone, "我们达成了协议", TODAY - dt.timedelta(days=10), "停止计息了", **agreed)
    phone.goto("/follow-up/")
    expect(page.locator(".tracker-row")).to_have_count(3)
    phone.check("tracker-overview")
    NOTE_IMAGES.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(NOTE_IMAGES / "tracker-at-a-glance-390.png"), full_page=True)


def test_wechat_sees_images_to_long_press_and_no_downloads(open_site) -> None:
    site = open_site(name="wechat", user_agent=WECHAT)
    page = site.page
    for path, name in [("/visitor/card/", "door-card"), ("/papers/", "")]:
        site.goto(path)
        if not name:
            continue
        expect(page.get_by_text("长按图片保存", exact=True)).to_be_visible()
        image = page.locator(".image-output img")
        image.scroll_into_view_if_needed()
        expect(image).to_be_visible()
        page.wait_for_function("() => document.querySelector('.image-output img').naturalWidth > 0")
        assert page.locator('a[href*=".pdf"], a[href*=".ics"]').count() == 0
        NOTE_IMAGES.mkdir(parents=True, exist_ok=True)
        image.screenshot(path=str(NOTE_IMAGES / f"{name}-image-390.png"))

    site.goto(f"/papers/?kind=payment-order&served={(TODAY - dt.timedelta(days=5)).isoformat()}")
    image = page.locator(".image-output img")
    image.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelector('.image-output img').naturalWidth > 0")
    assert page.locator('a[href*=".pdf"], a[href*=".ics"]').count() == 0
    image.screenshot(path=str(NOTE_IMAGES / "court-deadline-image-390.png"))
    site.assert_clean()

    plain = open_site(name="not-wechat")
    plain.goto("/visitor/card/")
    assert plain.page.locator(".image-output img").count() == 0
    assert plain.page.locator('a[href*=".pdf"]').count() == 2
