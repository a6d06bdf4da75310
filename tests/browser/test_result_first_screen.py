"""Real browser: the result's first phone screen answers the question (issue 17, "Done when").

At 390×844 the borrower of the borrower walk (微粒贷 ¥38,000, 120 days, not answering, a
visit announced; 花呗 ¥3,000, 20 days, cooperating) sees, without scrolling, the level of
each debt and the three things to do today. Checked by the elements' boxes, not by pixels;
the screenshot is kept as artifacts/first-screen/result-390x844.png (git-ignored).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from playwright.sync_api import expect

from advisor import check_answers
from tests.helpers import HUABEI, WEILIDAI, answer_debt

from .conftest import ROOT, Site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREEN = {"width": 390, "height": 844}
SHOT = ROOT / "artifacts" / "first-screen" / "result-390x844.png"


def _boxes(site: Site, selector: str) -> list[dict[str, Any]]:
    return [
        {"text": item.inner_text().strip(), **item.bounding_box()}
        for item in site.page.locator(selector).all()
    ]


def test_the_first_screen_shows_each_level_and_the_three_actions(phone: Site) -> None:
    client = Client()
    answer_debt(client, 1, WEILIDAI)
    answer_debt(client, 2, HUABEI)
    phone.page.context.add_cookies(
        [{"name": "bh_session", "value": client.cookies["bh_session"].value, "url": phone.base_url}]
    )
    assert phone.page.viewport_size == SCREEN
    phone.goto("/check/result/")
    expect(phone.page.get_by_role("heading", level=1)).to_have_text("你的评估结果")
    phone.page.evaluate("() => window.scrollTo(0, 0)")

    levels = _boxes(phone, ".answer-lines .tag")
    actions = _boxes(phone, ".today-actions li")
    SHOT.parent.mkdir(parents=True, exist_ok=True)
    phone.page.screenshot(path=str(SHOT))  # the viewport only: what the first screen shows
    print(f"\nfirst screen of the result at 390x844: {SHOT}")  # noqa: T201

    labels = check_answers.LEVEL_LABELS
    assert [level["text"] for level in levels] == [str(labels["high"]), str(labels["low"])]
    assert len(actions) == 3
    assert "上门核实清单" in actions[0]["text"]
    for box in [*levels, *actions]:
        assert box["y"] >= 0 and box["y"] + box["height"] <= SCREEN["height"], (
            f"below the first screen ({SCREEN['height']} px): {box}"
        )
        assert box["x"] >= 0 and box["x"] + box["width"] <= SCREEN["width"], box
