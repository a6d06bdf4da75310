"""Sources a wary borrower can trust, and claims editors cannot publish (models and admin)."""

from __future__ import annotations

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from advisor import models
from advisor.rules.claims import blocked_domain, trusted_domain
from tests.helpers import add_inline_item, admin_form_data, change_url, make_fact, make_item

pytestmark = pytest.mark.django_db


def test_a_source_link_on_a_blocked_domain_is_refused(content: None) -> None:
    fact = make_fact(source_url="https://m.haokouzi.cc/kz/48636.html", status="draft")
    with pytest.raises(ValidationError, match="haokouzi.cc"):
        fact.full_clean()
    fact.source_url = "https://www.news.cn/"
    fact.full_clean()


def test_editors_add_a_blocked_domain_and_it_applies_at_once(content: None) -> None:
    fact = make_fact(source_url="https://example-loan-ads.test/page", status="draft")
    fact.full_clean()
    models.BlockedDomain.objects.create(domain="WWW.Example-Loan-Ads.test", reason="贷款广告")
    assert models.BlockedDomain.objects.filter(domain="example-loan-ads.test").exists()
    with pytest.raises(ValidationError, match="example-loan-ads.test"):
        fact.full_clean()


def test_no_seeded_item_links_a_blocked_domain_or_an_internal_label(content: None) -> None:
    assert models.BlockedDomain.objects.filter(domain="haokouzi.cc").exists()
    for model in models.content_models():
        for obj in model.objects.all():
            assert obj.source_problems() == {}, (model.__name__, str(obj))
            if obj.status == models.Status.PUBLISHED:
                assert obj.publish_problems() == {}, (model.__name__, str(obj))
            obj.full_clean()


def test_an_item_sourced_only_at_practice_is_never_shown_as_checked(
    client: Client, content: None
) -> None:
    stage = models.EscalationStage.objects.get(code="outsourcing")
    assert stage.source_tier == "practice"
    assert stage.checked_against == models.CheckedAgainst.INDUSTRY
    stage.checked_against = models.CheckedAgainst.OFFICIAL
    with pytest.raises(ValidationError, match="行业做法"):
        stage.full_clean()
    stage.save()  # saving forces it back
    assert stage.checked_against == models.CheckedAgainst.INDUSTRY

    html = client.get(reverse("advisor-sources")).content.decode()
    line = html[html.index(stage.source_title) :]
    line = line[: line.index("</p>")]
    assert "行业文章的说法，不是规定，也没有经过官方核实" in line
    assert "核对于" not in line and "核实" not in line.replace("没有经过官方核实", "")


def test_an_item_cannot_be_published_with_an_internal_source_label(content: None) -> None:
    fact = make_fact(source_title="domain-facts §4: lender numbers", status="draft")
    fact.full_clean()  # a draft may be saved
    fact.status = models.Status.PUBLISHED
    with pytest.raises(ValidationError, match="内部标签"):
        fact.full_clean()


def test_the_sources_page_says_per_item_what_was_checked_and_when(
    client: Client, content: None
) -> None:
    html = client.get(reverse("advisor-sources")).content.decode()
    assert "每一条规定、电话和建议，都由编辑对照来源核实过" not in html
    assert "对照了新闻报道或转引，未读到官方原文" in html
    assert "对照了法律条文的公开转录本" in html
    assert "2026-11-23" in html and "2026-12-03" in html  # per item, not one global date


# The never-claim check in the admin ---------------------------------------------------------


def _save_form(editor_client: Client, fact: models.Fact, **changes: Any) -> Any:
    url = change_url(fact)
    data = admin_form_data(editor_client.get(url))
    data.update(changes)
    return editor_client.post(url, data, follow=True)


def test_a_claim_is_refused_on_publish_with_a_clear_message(
    editor_client: Client, content: None
) -> None:
    fact = make_fact(status="draft")
    response = _save_form(
        editor_client, fact, body_zh_hans="逾期超过三个月一定会上门。", status="published"
    )
    page = response.content.decode()
    assert "不能发布" in page and "一定会上门" in page
    fact.refresh_from_db()
    assert fact.status == "draft" and fact.body_zh_hans == "测试正文"


def test_a_draft_with_a_claim_is_saved_with_a_warning(editor_client: Client, content: None) -> None:
    fact = make_fact(status="draft")
    response = _save_form(editor_client, fact, body_zh_hans="逾期会被列入黑名单。")
    fact.refresh_from_db()
    assert fact.body_zh_hans == "逾期会被列入黑名单。" and fact.status == "draft"
    assert "改好之前不能发布" in response.content.decode()
    # ... it is flagged in the needs-review list, though its review date has not come ...
    review = editor_client.get("/admin/needs-review/").content.decode()
    assert fact.title_zh_hans in review and "黑名单" in review
    # ... and the publish action refuses it, saying why.
    changelist = reverse("admin:advisor_fact_changelist")
    page = editor_client.post(
        changelist, {"action": "publish", "_selected_action": [fact.pk]}, follow=True
    ).content.decode()
    fact.refresh_from_db()
    assert fact.status == "draft" and "没有发布" in page


def test_a_warning_about_credit_repair_is_published(editor_client: Client, content: None) -> None:
    fact = make_fact(status="draft")
    _save_form(
        editor_client,
        fact,
        body_zh_hans="不要相信征信修复，这是骗局。",
        status="published",
    )
    fact.refresh_from_db()
    assert fact.status == "published" and fact.body_zh_hans.startswith("不要相信征信修复")


def test_a_number_is_confirmed_only_with_a_page_on_the_lenders_own_site(content: None) -> None:
    webank = models.Lender.objects.get(slug="webank-weilidai")
    webank.hotline_confirmed = True
    webank.source_url = "https://www.example.com/webank-number"
    with pytest.raises(ValidationError, match="机构官网"):
        webank.full_clean()
    webank.source_url = "https://kf.webank.com/contact"
    webank.full_clean()


def test_editors_manage_the_blocked_domain_list(editor_client: Client) -> None:
    url = reverse("admin:advisor_blockeddomain_add")
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(
        url, {"domain": "https://www.seo-loans.test/x", "reason": "SEO", "added_on": "2026-12-03"}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    # Whatever the editor pastes, the host is kept.
    assert models.BlockedDomain.objects.filter(domain="seo-loans.test").exists()


def test_a_new_inline_item_published_at_once_takes_its_checklists_readable_source(
    editor_client: Client,
) -> None:
    item = make_item()
    assert add_inline_item(editor_client, item, "published").status_code == 302
    new = models.ChecklistItem.objects.get(code="new-step")
    assert new.status == "published" and new.source_title == item.checklist.source_title


# Trusted sources: an allowlist ------------------------------------------------------------


def test_a_published_item_may_link_only_a_trusted_site(content: None) -> None:
    fact = make_fact(source_url="https://www.example-news.test/story", status="draft")
    fact.full_clean()  # a draft may still be saved while an editor looks for a better page
    fact.status = models.Status.PUBLISHED
    with pytest.raises(ValidationError, match="不在可信来源名单上"):
        fact.full_clean()
    models.TrustedDomain.objects.create(domain="example-news.test", kind="news", reason="测试")
    fact.full_clean()
    fact.source_url = "https://m.example-news.test/story"  # a subdomain is trusted with it
    fact.full_clean()


def test_a_fact_without_an_official_page_says_so_instead_of_linking(content: None) -> None:
    fact = make_fact(
        source_url="",
        source_tier="our_reading",
        source_title="北京金融监管局的消费提示（2026-03）；未找到官方原文，这是本站根据公开报道的整理",
    )
    fact.full_clean()


def test_every_site_the_review_flagged_is_blocked_and_linked_by_no_seed(content: None) -> None:
    """The 14 source domains of content-truth.md §5 (S1–S14) are gone from the content."""
    flagged = [
        "extremexp.net",
        "huashangw.com",
        "quangouzu.com",
        "yktchina.com",
        "tsxnews.com.cn",
        "3news.cn",
        "borongbank.cn",
        "gzjll.com",
        "wodefinance.com",
        "830036.com",
        "jlntv.cn",
        "bjtitle.com",
        "szcga.com",
        "github.com",  # LawRefBook: a transcription, not the official text
    ]
    blocked = set(models.BlockedDomain.domains())
    assert set(flagged[:-1]) <= blocked
    trusted = models.TrustedDomain.domains()
    for model in models.content_models():
        for obj in model.objects.all():
            if obj.source_url:
                assert not blocked_domain(obj.source_url, flagged), (model.__name__, str(obj))
                assert trusted_domain(obj.source_url, trusted), (model.__name__, obj.source_url)


def test_the_trusted_list_holds_the_sites_a_wary_borrower_trusts(content: None) -> None:
    kinds = dict(models.TrustedDomain.objects.values_list("domain", "kind"))
    for domain in ("gov.cn", "npc.gov.cn", "court.gov.cn", "pbc.gov.cn", "nfra.gov.cn"):
        assert domain in kinds
    for domain in ("people.com.cn", "news.cn", "xinhuanet.com", "cctv.com", "chinanews.com.cn"):
        assert kinds[domain] == "news"
    assert kinds["nifa.org.cn"] == kinds["china-cba.net"] == "association"
    lenders = models.Lender.objects.exclude(official_domain="")
    assert all(kinds.get(lender.official_domain) == "lender" for lender in lenders)
    assert "xinhuanet.com.cn" not in kinds  # a lookalike of Xinhua's domain


def test_editors_manage_the_trusted_list_and_publishing_an_untrusted_link_is_refused(
    editor_client: Client, content: None
) -> None:
    add = reverse("admin:advisor_trusteddomain_add")
    response = editor_client.post(
        add,
        {
            "domain": "https://www.example-gov.test/x",
            "kind": "government",
            "reason": "测试",
            "added_on": "2026-12-07",
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    assert models.TrustedDomain.objects.filter(domain="example-gov.test").exists()

    fact = make_fact(status="draft")
    page = _save_form(
        editor_client, fact, source_url="https://content-farm.test/a", status="published"
    ).content.decode()
    fact.refresh_from_db()
    assert fact.status == "draft" and "不在可信来源名单上" in page


def test_the_admin_refuses_to_publish_home_visits_are_illegal(
    editor_client: Client, content: None
) -> None:
    """Walk bug 4: "上门催收是违法的" was published to the home page."""
    claims = ("上门催收是违法的。", "上门催收属于违法行为。", "上門催收是違法的。")
    for number, claim in enumerate(claims):
        fact = make_fact(slug=f"illegal-{number}", status="draft")
        page = _save_form(
            editor_client, fact, body_zh_hans=claim, status="published"
        ).content.decode()
        fact.refresh_from_db()
        assert fact.status == "draft" and "不能发布" in page, claim
    home = editor_client.get("/").content.decode()
    assert "上门催收是违法" not in home and "上门催收属于违法" not in home


# Translations an editor can trust ---------------------------------------------------------


def test_changing_the_simplified_text_marks_filled_translations_stale(
    client: Client, editor_client: Client, content: None
) -> None:
    fact = models.Fact.objects.get(slug="home-no-fee")
    assert fact.body_en and fact.body_zh_hant
    old_en = fact.body_en
    _save_form(
        editor_client,
        fact,
        body_zh_hans=fact.body_zh_hans + "新加的一句话。",
        reviewed_on="2026-12-07",
    )
    fact.refresh_from_db()
    assert fact.stale_en and fact.stale_zh_hant
    # The old English is not shown under the new date: the new Chinese is, with a note.
    client.cookies["bh_language"] = "en"
    html = client.get("/").content.decode()
    assert old_en not in html and "新加的一句话" in html
    assert "translation of this item is being updated" in html
    # Traditional: the new Simplified text, converted.
    client.cookies["bh_language"] = "zh-hant"
    assert "新加的一句話" in client.get("/").content.decode()
    # The needs-review list shows both.
    review = editor_client.get("/admin/needs-review/").content.decode()
    assert "英文翻译待复核" in review and "繁体翻译待复核" in review


def test_a_translation_edited_with_the_simplified_text_is_not_stale(
    editor_client: Client, content: None
) -> None:
    fact = models.Fact.objects.get(slug="home-no-fee")
    _save_form(
        editor_client,
        fact,
        body_zh_hans=fact.body_zh_hans + "新加的一句话。",
        body_en=fact.body_en + " A new sentence.",
    )
    fact.refresh_from_db()
    assert not fact.stale_en and fact.stale_zh_hant
    # Once reviewed, the editor unticks it and the translation shows again.
    _save_form(editor_client, fact, stale_zh_hant="")
    fact.refresh_from_db()
    assert not fact.stale_zh_hant


def test_only_a_translation_of_the_changed_text_goes_stale(content: None) -> None:
    """A lender's Traditional name was written by hand; a new Simplified note leaves it current."""
    lender = models.Lender.objects.get(slug="webank-weilidai")
    assert lender.name_zh_hant and not lender.notes_zh_hant
    lender.notes_zh_hans += "（新的说明）"
    lender.save()
    lender.refresh_from_db()
    assert lender.stale_en and not lender.stale_zh_hant  # notes_en is filled, unchanged
    assert "新的说明" in lender.t("notes", "en")
