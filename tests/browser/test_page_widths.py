"""Real browser: no page scrolls sideways on a phone (issue 17, "Done when").

Every GET page of the URL conf (tests/journey_pages.py; downloads and the health check left
out) is opened at 320 and 390 px by the borrower of the borrower walk, who has filled in the
check (two debts), a plan over three lenders and an evidence log, so pages are measured with
their data, not empty. A letter preview and the save code, shown once, are measured too.
Each page is measured as it loads and again with every <details> opened, in Chinese and
in English (longer words).

The measurements are written to artifacts/page-widths-<width>.json.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from advisor import session
from tests.helpers import WEILIDAI, answer_debt
from tests.journey_pages import fill_borrower, page_names, page_paths

from .conftest import ROOT, Site

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = (320, 390)
LANGUAGES = ("zh-hans", "en")
ARTIFACTS = ROOT / "artifacts"
# Measured first: the evidence log's save code is shown only on the first visit.
FIRST = ("advisor-evidence-code",)

MEASURE = """() => {
  const width = window.innerWidth;
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 0.5) continue;
    if (el.closest('.table-wrap') && el.closest('.table-wrap') !== el) continue;
    const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') +
      (el.className && typeof el.className === 'string'
        ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
    wide.push(name + ' right=' + Math.round(box.right));
  }
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: width,
          height: document.documentElement.scrollHeight, wide: wide.slice(0, 6)};
}"""


def _measure(site: Site) -> dict[str, Any]:
    closed = site.layout(MEASURE)
    site.page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
    opened = site.page.evaluate(MEASURE)
    return {"closed": closed, "open": opened}


def _overflows(measured: dict[str, Any]) -> list[str]:
    return [
        f"{state}: scrollWidth {m['scrollWidth']} > {m['innerWidth']} ({'; '.join(m['wide'])})"
        for state, m in measured.items()
        if m["scrollWidth"] > m["innerWidth"]
    ]


def _borrower_in(site: Site) -> None:
    """Fill everything in through the test client, then hand its cookies to the browser."""
    client = fill_borrower(Client())
    cookies = [
        {"name": name, "value": client.cookies[name].value, "url": site.base_url}
        for name in ("bh_session", session.SAVE_COOKIE)
        if name in client.cookies
    ]
    assert {c["name"] for c in cookies} == {"bh_session", session.SAVE_COOKIE}
    site.page.context.add_cookies(cookies)


def _letter_preview(site: Site) -> None:
    page = site.page
    site.goto("/letters/loan-negotiation/write/")
    page.get_by_label("你的姓名").fill("王小明")
    page.get_by_label("身份证号").fill("440106199001011234")
    page.get_by_role("button", name="生成信件").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("预览：打印出来就是这样")


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways_on_a_phone(open_site: Any, width: int) -> None:
    site = open_site(viewport="desktop", name=f"widths-{width}")
    site.page.set_viewport_size({"width": width, "height": 844})
    _borrower_in(site)
    names = [*FIRST, *[n for n in page_names() if n not in FIRST]]
    results: dict[str, dict[str, Any]] = {}
    for language in LANGUAGES:
        site.page.context.add_cookies(
            [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": site.base_url}]
        )
        for name in names:
            for path in page_paths(name):
                response = site.goto(path)
                assert response.status == 200, (name, path, response.status)
                results[f"{language} {path}"] = {
                    "name": name,
                    "url": site.page.url,
                    **_measure(site),
                }
        if language == "zh-hans":  # the preview's labels are looked up in Chinese
            _letter_preview(site)
            results["zh-hans letter preview"] = {
                "name": "letter-preview",
                "url": site.page.url,
                **_measure(site),
            }

    ARTIFACTS.mkdir(exist_ok=True)
    report = ARTIFACTS / f"page-widths-{width}.json"
    report.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\n{len(results)} pages measured at {width} px: {report}")  # noqa: T201
    failures = []
    for key, measured in results.items():
        found = _overflows({k: measured[k] for k in ("closed", "open")})
        if found:
            failures.append(f"{key} ({measured['url']}): " + " | ".join(found))
    assert not failures, f"pages wider than {width} px:\n" + "\n".join(failures)
    # The pages with data really had it (not an empty "no answers" page).
    assert results["zh-hans /check/result/"]["url"].endswith("/check/result/")
    assert results["zh-hans /plan/result/"]["url"].endswith("/plan/result/")


GROUP_LINES = """() => {
  // The line (top of each character's box) of every character of the code, by group.
  const code = document.querySelector('.save-code');
  const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
  const groups = [[]];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      if (node.data[i] === '-') { groups.push([]); continue; }
      if (!node.data[i].trim()) continue;
      const range = document.createRange();
      range.setStart(node, i); range.setEnd(node, i + 1);
      groups[groups.length - 1].push(Math.round(range.getBoundingClientRect().top));
    }
  }
  return {text: code.textContent.trim(), groups: groups};
}"""


def _code_lines(site: Site) -> dict[str, Any]:
    found = site.layout(GROUP_LINES)
    found["split"] = [g for g in found["groups"] if len(set(g)) > 1]
    return found


@pytest.mark.parametrize("width", WIDTHS)
def test_a_save_code_wraps_only_between_its_groups(open_site: Any, width: int) -> None:
    """The code is shown once: a group cut in two ("…-SA / P6") is easily copied wrong."""
    check = open_site(viewport="desktop", name=f"code-check-{width}")
    check.page.set_viewport_size({"width": width, "height": 844})
    client = Client()
    answer_debt(client, 1, WEILIDAI)
    check.page.context.add_cookies(
        [{"name": "bh_session", "value": client.cookies["bh_session"].value, "url": check.base_url}]
    )
    check.goto("/check/save/")
    check.page.get_by_role("button", name="生成保存码").click()
    evidence = open_site(viewport="desktop", name=f"code-evidence-{width}")
    evidence.page.set_viewport_size({"width": width, "height": 844})
    evidence.goto("/evidence/")
    evidence.page.get_by_role("button", name="开始记录").click()
    for site in (check, evidence):
        found = _code_lines(site)
        assert re.fullmatch(r"[A-Z2-9]{4}(-[A-Z2-9]{4}){3}", found["text"]), found
        assert len(found["groups"]) == 4 and all(len(g) == 4 for g in found["groups"]), found
        assert found["split"] == [], f"{site.page.url} at {width} px: a group is cut: {found}"
        assert site.scroll_width() <= width


FIRST_LINE = """() => [...document.querySelectorAll('main li')].filter(li => {
    const link = li.querySelector(':scope > a');
    return link && link.getClientRects().length && link.getBoundingClientRect().height > 40;
  }).map(li => {
    // A list bullet sits on the first line box of its item: a probe put first in the item
    // sits on that line too. It must be level with the first line of the link's text.
    const link = li.querySelector(':scope > a');
    const probe = document.createElement('span');
    probe.textContent = '\\u200b';
    li.insertBefore(probe, li.firstChild);
    const range = document.createRange();
    const text = [...link.childNodes].find(n => n.nodeType === 3 && n.data.trim());
    range.setStart(text, 0); range.setEnd(text, 1);
    const found = {text: link.textContent.trim().slice(0, 12),
                   probe: Math.round(probe.getBoundingClientRect().bottom),
                   first: Math.round(range.getBoundingClientRect().bottom)};
    probe.remove();
    return found;
  })"""


@pytest.mark.parametrize("width", WIDTHS)
def test_list_bullets_sit_beside_the_first_line_of_each_item(open_site: Any, width: int) -> None:
    site = open_site(viewport="desktop", name=f"bullets-{width}")
    site.page.set_viewport_size({"width": width, "height": 844})
    site.goto("/")
    items = site.layout(FIRST_LINE)
    assert items, "no list item whose link wraps onto a second line: nothing was checked"
    off = [i for i in items if abs(i["probe"] - i["first"]) > 4]
    assert off == [], f"bullets not beside the first line at {width} px: {off}"
