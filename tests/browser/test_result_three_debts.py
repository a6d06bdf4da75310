"""Real browser: with three debts, "今天先做这三件事" is still on the first phone screen.

The walk of 2026-12-07 (bug 8): a card ¥60,000 overdue 200 days with a calm visit already, 借呗
¥8,000 with an outside agency, and a small-loan company ¥2,000. At 390×844 and at 320×640
the three actions must be inside the first screen, and no page may scroll sideways.
Checked by the elements' boxes; screenshots of the first screen go to
artifacts/first-screen/ (git-ignored).
"""

from __future__ import annotations

import pytest
from django.test import Client
from playwright.sync_api import expect

from tests.helpers import answer_debt

from .conftest import ROOT, Site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = ROOT / "artifacts" / "first-screen"

CARD = [
    ("kind", {"kind": "credit_card"}),
    ("lender", {"lender": "cmb-credit-card"}),
    ("amount", {"amount": "60000"}),
    ("overdue", {"days": "200"}),
    ("contact", {"contact": "not_answering"}),
    ("signals", {"signals": ["third_parties"]}),
    ("visited", {"visit_history": "calm"}),
    ("agency", {"agency": "not_sure"}),
    ("arrangement", {"arrangement": "none"}),
    ("region", {"region": "tier2"}),
]
JIEBEI = [
    ("kind", {"kind": "consumer_finance"}),
    ("lender", {"lender": "ant-huabei-jiebei"}),
    ("amount", {"amount": "8000"}),
    ("overdue", {"days": "40"}),
    ("contact", {"contact": "answering_cannot_pay"}),
    ("signals", {"signals": ["none"]}),
    ("visited", {"visit_history": "none"}),
    ("agency", {"agency": "yes"}),
    ("arrangement", {"arrangement": "none"}),
]
SMALL_LOAN = [
    ("kind", {"kind": "small_loan"}),
    ("lender", {"lender": "other", "lender_other": "某某小额贷款有限公司"}),
    ("amount", {"amount": "2000"}),
    ("overdue", {"days": "10"}),
    ("contact", {"contact": "cooperating"}),
    ("signals", {"signals": ["none"]}),
    ("visited", {"visit_history": "none"}),
    ("agency", {"agency": "no"}),
    ("arrangement", {"arrangement": "none"}),
]


@pytest.mark.parametrize(("width", "height"), [(390, 844), (320, 640)])
def test_with_three_debts_the_three_actions_are_on_the_first_screen(
    phone: Site, width: int, height: int
) -> None:
    client = Client()
    for number, debt in enumerate((CARD, JIEBEI, SMALL_LOAN), 1):
        answer_debt(client, number, debt)
    phone.page.context.add_cookies(
        [{"name": "bh_session", "value": client.cookies["bh_session"].value, "url": phone.base_url}]
    )
    phone.page.set_viewport_size({"width": width, "height": height})
    phone.goto("/check/result/")
    expect(phone.page.get_by_role("heading", level=1)).to_have_text("你的评估结果")
    phone.layout("() => window.scrollTo(0, 0)")

    boxes = phone.layout(
        """() => [...document.querySelectorAll('.today-actions li')].map(li => {
            const box = li.getBoundingClientRect();
            return {text: li.innerText, top: box.top, bottom: box.bottom,
                    left: box.left, right: box.right};
        })"""
    )
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / f"result-three-debts-{width}x{height}.png"
    phone.page.screenshot(path=str(shot))
    print(f"\nfirst screen, three debts, {width}x{height}: {shot}; actions: {boxes}")  # noqa: T201

    assert len(boxes) == 3
    for box in boxes:
        assert box["top"] >= 0 and box["bottom"] <= height, (
            f"below the first screen ({height} px): {box}"
        )
        assert box["left"] >= 0 and box["right"] <= width, box
    assert phone.scroll_width() <= width
    phone.page.get_by_text("每笔欠款的原因和怎样降低").click()  # the folded details, opened
    assert phone.scroll_width() <= width
