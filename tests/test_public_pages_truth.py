"""A crawl of every public page in zh-hans, en and zh-hant: no internal research labels, no
source link outside the trusted list (nor any link to a blocked site), no fact without its
source line, no old-style or wrong Traditional glyphs, no heading stuck in another language,
English text with ASCII punctuation, and a page that comes out the same from warm caches
(after the other languages were served) as from a fresh render.

"Public" means every URL pattern that takes no argument (so no personal state in the path),
each letter's description page, and the result page for the sample borrower.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from lxml import html as lxml_html

from advisor import content as content_reads
from advisor import fragments, models
from advisor.rules.claims import blocked_domain, trusted_domain
from advisor.rules.hant import old_variants, to_simplified
from tests.helpers import LANGUAGES, answer_debt, public_urls
from tests.sample_borrower import FIRST_DEBT, SECOND_DEBT

pytestmark = pytest.mark.django_db

# Blocks that show one content item: each must carry its source line.
SOURCED_BLOCKS = (
    "//*[@data-sourced]"
    " | //*[contains(concat(' ', normalize-space(@class), ' '), ' fact ')]"
    " | //li[contains(concat(' ', normalize-space(@class), ' '), ' channel ')]"
    " | //li[contains(concat(' ', normalize-space(@class), ' '), ' lender ')]"
    " | //li[contains(concat(' ', normalize-space(@class), ' '), ' timeline-stage ')]"
)


_SOURCE_LINKS = "//p[contains(concat(' ', normalize-space(@class), ' '), ' source ')]//a/@href"
_HEADINGS = "//h1 | //h2 | //h3 | //legend | //caption"
_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]")
# Full-width punctuation touching English words ("month：¥0", "line。Not", "19（Saturday）").
_WIDE_IN_ENGLISH = re.compile(r"[A-Za-z][：，。（）；]|[：，。（）；][A-Za-z]")


def _heading_problems(tree: Any, language: str) -> list[str]:
    found = []
    for heading in tree.xpath(_HEADINGS):
        text = " ".join(heading.text_content().split())
        if not text:
            continue
        if language == "en" and _HAN.search(text) and not _LATIN.search(text):
            found.append(f"a heading in Chinese on an English page: {text}")
        if language == "zh-hans" and to_simplified(text) != text:
            found.append(f"a heading in Traditional Chinese on a Simplified page: {text}")
    return found


def problems_on(
    html: str, language: str, blocked: list[str], trusted: list[str] | None = None
) -> list[str]:
    found: list[str] = []
    if "domain-facts" in html.lower():
        found.append("mentions our internal 'domain-facts' notes")
    tree = lxml_html.fromstring(html)
    for link in tree.xpath("//@href | //@src"):
        domain = blocked_domain(str(link), blocked)
        if domain:
            found.append(f"links the blocked domain {domain}: {link}")
    for link in tree.xpath(_SOURCE_LINKS):
        if trusted is not None and not trusted_domain(str(link), trusted):
            found.append(f"a source link outside the trusted list: {link}")
    found += _heading_problems(tree, language)
    if language == "en":
        body = tree.xpath("//main") or [tree]
        for match in _WIDE_IN_ENGLISH.finditer(body[0].text_content()):
            found.append(f"full-width punctuation in English text: …{match.group()}…")
    for block in tree.xpath(SOURCED_BLOCKS):
        if not block.xpath(".//p[contains(concat(' ', normalize-space(@class), ' '), ' source ')]"):
            text = " ".join(block.text_content().split())[:60]
            found.append(f"shows a fact without its source line: {text}")
    if language == "zh-hant":
        variants = old_variants(tree.text_content())
        if variants:
            found.append(f"old-style Traditional glyphs {variants}")
    return found


def _crawl(client: Client, urls: list[str], language: str) -> tuple[dict[str, list[str]], int]:
    """(problems by URL, number of HTML pages checked) in the given language."""
    client.cookies["bh_language"] = language
    blocked = models.BlockedDomain.domains()
    trusted = models.TrustedDomain.domains()
    report: dict[str, list[str]] = {}
    checked = 0
    for url in urls:
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response["Content-Type"]:
            continue  # POST-only, needs answers first, or a PDF/ICS download
        assert response["Content-Language"] == language
        checked += 1
        problems = problems_on(response.content.decode(), language, blocked, trusted)
        if problems:
            report[url] = problems
    return report, checked


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_public_page_shows_only_trusted_sourced_facts(
    client: Client, content: None, language: str
) -> None:
    urls = public_urls()
    assert {"/", "/visitor/", "/rights/", "/scam/", "/sources/"} <= set(urls)
    report, checked = _crawl(client, urls, language)
    assert report == {}
    assert checked >= 25  # the crawl really visited the site


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_sample_borrowers_result_page_shows_only_trusted_sourced_facts(
    client: Client, content: None, language: str
) -> None:
    answer_debt(client, 1, FIRST_DEBT)
    answer_debt(client, 2, SECOND_DEBT)
    report, checked = _crawl(client, ["/check/result/"], language)
    assert report == {} and checked == 1
    page = client.get("/check/result/").content.decode()
    assert "12356" in page  # "very high" for the first debt: the calm crisis line is there


def test_the_crawl_catches_each_kind_of_problem() -> None:
    """The checks can fail: each planted problem is reported."""
    page = (
        "<html><body><main>"
        '<div class="fact"><h3>标题</h3><p>正文</p></div>'
        '<a href="https://m.haokouzi.cc/kz/1.html">x</a>'
        '<p class="source">来源：<a href="https://www.content-farm.test/1">某页</a></p>'
        "<p>来源：domain-facts §4</p><p>爲了</p><p>我不籤字，被髮送，文字框里</p>"
        "</main></body></html>"
    )
    problems = " | ".join(problems_on(page, "zh-hant", ["haokouzi.cc"], ["gov.cn"]))
    assert "domain-facts" in problems
    assert "haokouzi.cc" in problems
    assert "without its source line" in problems
    assert "outside the trusted list: https://www.content-farm.test/1" in problems
    for variant in ("爲", "籤", "髮", "框里"):
        assert variant in problems
    stuck = "<html><body><main><h2>貸款機構</h2><p>x</p></main></body></html>"
    assert "Traditional Chinese on a Simplified page" in " ".join(problems_on(stuck, "zh-hans", []))
    assert "a heading in Chinese on an English page" in " ".join(problems_on(stuck, "en", []))
    wide = "<html><body><main><p>Available each month：¥0.00, 2026-12-19（Saturday）</p></main></body></html>"
    assert len([p for p in problems_on(wide, "en", []) if "full-width" in p]) >= 2


def _stable(html: str) -> str:
    """The page without what differs per response (CSRF tokens, nonces)."""
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)
    html = re.sub(r'"x-csrftoken": "[^"]*"', "", html)
    html = re.sub(r'name="ticket" value="[^"]*"', "", html)  # the clear form's, new each time
    return re.sub(r'nonce="[^"]*"', "", html)


def _fresh() -> None:
    content_reads.forget_generation()
    fragments.clear()
    from django.core.cache import cache

    cache.clear()


def test_every_page_from_warm_caches_matches_a_fresh_render_in_each_language(
    client: Client, content: None
) -> None:
    """Served zh-hans, then en, then zh-hant in one process: no cache keeps a language."""
    urls = public_urls()
    warm: dict[tuple[str, str], str] = {}
    for language in LANGUAGES:  # the caches fill in one language, then serve the next
        client.cookies["bh_language"] = language
        for url in urls:
            response = client.get(url)
            if response.status_code == 200 and "text/html" in response["Content-Type"]:
                warm[(language, url)] = _stable(response.content.decode())
    assert len(warm) >= 3 * 25
    differ = []
    for language in LANGUAGES:
        client.cookies["bh_language"] = language
        for url in urls:
            if (language, url) not in warm:
                continue
            _fresh()
            if _stable(client.get(url).content.decode()) != warm[(language, url)]:
                differ.append((language, url))
    assert differ == []


def test_the_crisis_line_is_on_the_home_door_and_rights_pages(
    client: Client, content: None
) -> None:
    for url in ("/", "/visitor/", "/rights/"):
        html = client.get(url).content.decode()
        assert "12356" in html and "110" in html and "120" in html, url


def test_the_scam_checker_names_12381_and_the_anti_fraud_app(client: Client, content: None) -> None:
    html = client.get("/scam/").content.decode()
    assert "12381" in html and "国家反诈中心" in html
    assert "补办" in html  # the ended PBOC repair: anyone offering to "reapply" is a scam


def test_the_repair_ended_warning_replaces_the_repair_item_after_its_deadline(
    content: None,
) -> None:
    import datetime as dt

    def live(day: dt.date) -> set[str]:
        return set(models.Fact.objects.published(day).values_list("slug", flat=True))

    before, after = live(dt.date(2026, 3, 1)), live(dt.date(2026, 4, 1))
    assert "credit-pboc-one-time-repair" in before and "scam-repair-ended" not in before
    assert "credit-pboc-one-time-repair" not in after and "scam-repair-ended" in after


def test_the_rights_page_sends_small_loan_complaints_to_the_local_regulator(
    client: Client, content: None
) -> None:
    html = client.get("/rights/").content.decode()
    assert "地方金融管理部门" in html and "小额贷款公司" in html


def test_lender_numbers_say_which_line_they_are_and_where_to_check_them(
    client: Client, content: None
) -> None:
    html = client.get("/visitor/").content.decode()
    assert "银行总客服（可能不是信用卡专线）" in html  # ICBC 95588 and the other banks
    assert "信用卡中心专线" in html  # CMB 400-820-5555
    assert "未在机构官网核实" in html
    assert "核实过的" not in html
