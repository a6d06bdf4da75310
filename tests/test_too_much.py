"""'太难了 / This is too much' (issue 17, item 6): one link on every page opens one calm page
with three things to do today, the free hotlines, the save code and how to stop safely."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import Client
from django.urls import reverse
from lxml import html as lxml_html

from advisor import check_answers
from advisor.models import HelpChannel
from tests.helpers import text_of
from tests.journey_pages import POST_ONLY, fill_borrower, page_names, page_path, page_paths

pytestmark = pytest.mark.django_db

TOO_MUCH = reverse("advisor-too-much")
# Pages without the link: the page itself, and erasing (nothing is kept to come back to).
WITHOUT_LINK = {"advisor-too-much", "advisor-erase", "advisor-erased"}


def too_much_links(response) -> list[str]:
    tree = lxml_html.fromstring(response.content.decode())
    return [a.get("href") for a in tree.iter("a") if (a.get("href") or "").startswith(TOO_MUCH)]


@pytest.fixture
def borrower(client: Client, content: None) -> Client:
    return fill_borrower(client)


def test_every_page_links_to_too_much_and_back_to_itself(borrower: Client) -> None:
    checked = []
    for name in page_names():
        for asked in page_paths(name):
            # A page with nothing to show yet redirects (e.g. the save code before saving).
            response = borrower.get(asked, follow=True)
            assert response.status_code == 200, (name, asked, response.status_code)
            path = response.wsgi_request.get_full_path()
            links = too_much_links(response)
            if name in WITHOUT_LINK:
                assert links == [], name
                continue
            assert len(links) == 1, (name, links)
            assert parse_qs(urlsplit(links[0]).query)["next"] == [path], (name, links[0])
            checked.append(name)
    assert {"advisor-check-step", "advisor-check-result", "advisor-plan-result"} <= set(checked)
    assert {"advisor-letter-write", "advisor-visitor", "advisor-after-visit"} <= set(checked)


def test_the_pages_named_post_only_really_refuse_a_get(borrower: Client) -> None:
    for name in POST_ONLY:
        assert borrower.get(page_path(name)).status_code == 405, name


def test_with_a_result_it_shows_the_borrowers_own_three_actions(borrower: Client) -> None:
    response = borrower.get(TOO_MUCH, {"next": "/check/result/"})
    expected = check_answers.today_actions(check_answers.debts(response.wsgi_request))
    assert len(expected) == 3
    text = text_of(response)
    for _code, words, url_name in expected:
        assert words in text
        assert f'href="{reverse(url_name)}"' in response.content.decode()
    # 微粒贷 announced a visit: the door checklist comes first.
    assert expected[0][0] == "door"


def test_without_answers_it_shows_three_sourced_general_actions(
    client: Client, content: None
) -> None:
    response = client.get(TOO_MUCH)
    tree = lxml_html.fromstring(response.content.decode())
    items = tree.xpath("//ol[contains(@class, 'today-actions')]/li")
    assert len(items) == 3
    for item in items:
        assert item.xpath(".//p[@class='source']"), lxml_html.tostring(item, encoding="unicode")
    assert "只还到贷款机构官方App" in text_of(response)
    # No save code to make yet: the page says so, and offers to open an existing one.
    assert 'action="/check/save/"' not in response.content.decode()
    assert 'href="/check/resume/"' in response.content.decode()


def test_the_hotlines_come_from_content_with_their_source(borrower: Client) -> None:
    response = borrower.get(TOO_MUCH)
    page = response.content.decode()
    for number in ("12378", "12356"):
        channel = HelpChannel.objects.get(number=number)
        assert f'href="tel:{number}"' in page
        assert channel.source_title in page
        assert channel.reviewed_on.isoformat() in page
    # An editor's change shows: the numbers are content, not template text.
    channel = HelpChannel.objects.get(number="12356")
    channel.name_zh_hans = "心理援助热线（编辑改过）"
    channel.save()
    assert "心理援助热线（编辑改过）" in text_of(borrower.get(TOO_MUCH))


def test_it_offers_the_save_code_and_says_how_long_answers_are_kept(
    borrower: Client, settings
) -> None:
    response = borrower.get(TOO_MUCH)
    text = text_of(response)
    assert 'action="/check/save/"' in response.content.decode()
    assert "24 小时" in text
    assert f"{settings.SAVE_CODE_RETENTION_DAYS} 天" in text
    saved = borrower.post("/check/save/")
    assert saved.status_code == 302
    # The answers are still there afterwards: stopping loses nothing.
    assert borrower.get("/check/result/").status_code == 200


def test_next_brings_the_borrower_back_to_where_they_were(borrower: Client) -> None:
    response = borrower.get(TOO_MUCH, {"next": "/plan/result/?strategy=urgent"})
    hrefs = re.findall(r'href="([^"]+)"', response.content.decode())
    assert "/plan/result/?strategy=urgent" in hrefs


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example/",
        "//evil.example/x",
        "/\\evil.example/",
        "\\\\evil.example",
        "http://testserver.evil.example/",
        "javascript:alert(1)",
        "evil.example",
        " //evil.example",
    ],
)
def test_next_never_leads_off_the_site(client: Client, content: None, next_url: str) -> None:
    response = client.get(TOO_MUCH, {"next": next_url})
    assert response.status_code == 200
    tree = lxml_html.fromstring(response.content.decode())
    hrefs = [a.get("href") or "" for a in tree.iter("a")]
    assert not [h for h in hrefs if "evil.example" in h or h.startswith("javascript:")], hrefs
    assert "回到刚才的页面" not in text_of(response)


def test_the_page_reads_in_english(borrower: Client) -> None:
    borrower.post("/i18n/setlang/", {"language": "en", "next": "/"})
    tree = lxml_html.fromstring(borrower.get(TOO_MUCH).content.decode())
    main = tree.find(".//main")
    for source in main.xpath(".//p[@class='source']"):  # source titles are Chinese only
        source.getparent().remove(source)
    text = re.sub(r"\s+", " ", main.text_content())
    assert "too much" in text
    assert not re.search(r"[\u4e00-\u9fff]", text), text


def test_it_promises_to_keep_only_what_it_keeps(borrower: Client) -> None:
    text = text_of(borrower.get(TOO_MUCH))
    assert "回答不会丢" not in text.replace("评估和计划的回答不会丢", "")
    assert "信件页上填的内容不会保存" in text


def test_coming_from_a_letter_it_says_the_typed_letter_is_not_kept(borrower: Client) -> None:
    letter_page = reverse("advisor-letter-write", args=["complaint-lender"])
    response = borrower.get(TOO_MUCH, {"next": letter_page})
    tree = lxml_html.fromstring(response.content.decode())
    assert tree.get_element_by_id("letter-not-kept") is not None
    assert letter_page in re.findall(r'href="([^"]+)"', response.content.decode())
    # What the page says is true: the way back opens the letter without what was typed.
    borrower.post(letter_page, {"step": "details", "name": "王小明", "language": "zh-hans"})
    assert "王小明" not in borrower.get(letter_page).content.decode()
    elsewhere = lxml_html.fromstring(
        borrower.get(TOO_MUCH, {"next": "/plan/result/"}).content.decode()
    )
    assert not elsewhere.xpath('//*[@id="letter-not-kept"]')
