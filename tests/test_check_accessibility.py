"""Accessibility contract of the guided check's pages (GOV.UK question-page pattern)."""

from __future__ import annotations

import pytest
from django import forms
from django.test import Client
from lxml import html as lxml_html

from advisor import check_steps
from tests.helpers import answer_debt, step_url
from tests.sample_borrower import FIRST_DEBT

pytestmark = pytest.mark.django_db

CHOICE_WIDGETS = (forms.RadioSelect, forms.CheckboxSelectMultiple)
# The questions answered by picking (radio buttons or check boxes), read from their forms.
CHOICE_STEPS = [
    item.slug
    for item in check_steps.STEPS
    if any(isinstance(field.widget, CHOICE_WIDGETS) for field in item.form.base_fields.values())
]
EMPTY_POSTS = {slug: {} for slug, _ in FIRST_DEBT}


def parse(response):
    return lxml_html.fromstring(response.content.decode())


def at_step(client: Client, slug: str) -> str:
    """Answer the questions before ``slug`` and return its URL."""
    before = list(FIRST_DEBT[: [s for s, _ in FIRST_DEBT].index(slug)])
    if before:
        answer_debt(client, 1, before)
    return step_url(1, slug)


@pytest.mark.parametrize("slug", [slug for slug, _ in FIRST_DEBT])
def test_each_question_is_the_pages_only_h1_and_its_title(
    client: Client, content: None, slug: str
) -> None:
    url = at_step(client, slug)
    tree = parse(client.get(url))
    h1s = tree.findall(".//h1")
    assert len(h1s) == 1
    question = h1s[0].text_content().strip()
    assert tree.findtext(".//title").startswith(question)
    form = tree.find(".//main//form")
    assert "novalidate" in form.attrib
    assert form.get("method") == "post"
    assert tree.find('.//a[@class="back-link no-print"]') is not None
    assert not tree.xpath('//input[@type="number"]')


def test_most_questions_are_answered_by_picking() -> None:
    assert len(CHOICE_STEPS) > len(check_steps.STEPS) // 2


@pytest.mark.parametrize("slug", CHOICE_STEPS)
def test_radio_and_checkbox_groups_are_fieldsets_whose_legend_holds_the_question(
    client: Client, content: None, slug: str
) -> None:
    tree = parse(client.get(at_step(client, slug)))
    fieldset = tree.find(".//fieldset")
    assert fieldset is not None
    legend = fieldset.find("legend")
    assert legend is not None and legend.find("h1") is not None
    for choice in fieldset.xpath('.//input[@type="radio" or @type="checkbox"]'):
        label = tree.xpath(f'//label[@for="{choice.get("id")}"]')
        assert label and label[0].text_content().strip()


@pytest.mark.parametrize("slug", [slug for slug, _ in FIRST_DEBT])
def test_errors_prefix_the_title_and_the_summary_links_to_the_field(
    client: Client, content: None, slug: str
) -> None:
    url = at_step(client, slug)
    response = client.post(url, EMPTY_POSTS[slug])
    if slug == "lender":
        response = client.post(url, {"lender": "not-a-lender"})
    assert response.status_code == 200
    tree = parse(response)
    assert tree.findtext(".//title").startswith("错误：")
    summary = tree.find('.//div[@class="error-summary"]')
    assert summary is not None and summary.get("role") == "alert"
    links = summary.findall(".//a")
    assert links
    for link in links:
        target = link.get("href").lstrip("#")
        field = tree.get_element_by_id(target)
        assert field.tag in ("input", "select", "textarea")
        message = link.text_content().strip()
        assert message and "This field" not in message
    # The message is also next to the field, tied to it for screen readers.
    error = tree.find('.//p[@class="error-message"]')
    assert error is not None and error.get("id")
    described = tree.xpath(f'//*[contains(@aria-describedby, "{error.get("id")}")]')
    assert described, "the input or its fieldset must point at the error message"


def test_an_amount_error_keeps_what_was_typed_and_marks_the_input_invalid(
    client: Client, content: None
) -> None:
    url = at_step(client, "amount")
    tree = parse(client.post(url, {"amount": "三千多块"}))
    field = tree.get_element_by_id("id_amount")
    assert field.get("value") == "三千多块"
    assert field.get("aria-invalid") == "true"
    assert field.get("inputmode") == "decimal"
    assert "id_amount-error" in field.get("aria-describedby")


@pytest.mark.parametrize(
    "url", ["/check/", "/check/answers/", "/check/result/", "/check/save/", "/check/resume/"]
)
def test_summary_pages_have_one_h1_and_no_inline_script_or_style(
    client: Client, content: None, url: str
) -> None:
    answer_debt(client, 1, FIRST_DEBT)
    response = client.get(url)
    assert response.status_code == 200
    tree = parse(response)
    assert len(tree.findall(".//h1")) == 1
    assert not tree.xpath("//script[not(@src)]")
    assert not tree.xpath("//style")
    assert not tree.xpath("//*[@style]")
    assert not tree.xpath("//*[starts-with(name(@*), 'on')]")


def test_the_level_is_text_not_colour_alone(client: Client, content: None) -> None:
    answer_debt(client, 1, FIRST_DEBT)
    tree = parse(client.get("/check/result/"))
    tag = tree.find('.//strong[@class="tag level-very_high"]')
    assert tag is not None and tag.text_content().strip() == "很高"
    current = tree.xpath('//li[@aria-current="true"]')
    assert len(current) == 1 and "你的结果" in current[0].text_content()


def test_change_links_name_what_they_change_for_screen_readers(
    client: Client, content: None
) -> None:
    answer_debt(client, 1, FIRST_DEBT)
    tree = parse(client.get("/check/answers/"))
    links = tree.xpath('//a[contains(@href, "return=answers")]')
    assert len(links) == len(FIRST_DEBT)
    hidden = [link.find('span[@class="visually-hidden"]') for link in links]
    assert all(span is not None and span.text_content().strip() for span in hidden)
    assert len({span.text_content() for span in hidden}) == len(links)
