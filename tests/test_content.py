"""Initial content: sourced, dated, bilingual; unconfirmed numbers are never shown."""

from __future__ import annotations

import pytest

from advisor import models
from advisor.management.commands.load_content import all_seeds

pytestmark = pytest.mark.django_db


def test_every_seeded_row_has_a_source_a_review_date_and_english(content: None) -> None:
    for model in models.content_models():
        for obj in model.objects.all():
            assert obj.source_title, f"{model.__name__} {obj} has no source"
            assert obj.source_tier in models.SourceTier.values
            assert obj.reviewed_on is not None and obj.review_due is not None
            for field in obj._meta.get_fields():
                name = getattr(field, "name", "")
                if name.endswith("_zh_hans") and getattr(obj, name):
                    english = getattr(obj, name[: -len("_zh_hans")] + "_en")
                    assert english, f"{model.__name__} {obj}: {name} has no English"


def test_loading_twice_keeps_editor_changes(content: None) -> None:
    from django.core.management import call_command

    channel = models.HelpChannel.objects.get(slug="nfra-12378")
    channel.purpose_zh_hans = "编辑改过的说明"
    channel.save()
    call_command("load_content", verbosity=0)
    assert models.HelpChannel.objects.get(slug="nfra-12378").purpose_zh_hans == "编辑改过的说明"
    assert models.HelpChannel.objects.count() == len(
        [s for s in all_seeds() if s.model == "HelpChannel"]
    )


def test_a_number_not_confirmed_on_the_lenders_own_site_is_never_shown_as_confirmed(
    content: None,
) -> None:
    jd = models.Lender.objects.get(slug="jd-finance")
    assert jd.shown_hotline == "" and jd.listed_hotline == ""
    # No official page lists any number yet (domain-facts 8.10): commonly listed only.
    webank = models.Lender.objects.get(slug="webank-weilidai")
    assert webank.shown_hotline == ""
    assert webank.listed_hotline == "95384"
    assert not models.Lender.objects.filter(hotline_confirmed=True).exists()


def test_content_without_traditional_text_is_converted_for_zh_hant(content: None) -> None:
    channel = models.HelpChannel.objects.get(slug="police-110")
    channel.purpose_zh_hant = ""
    assert channel.t("purpose", "zh-hant").startswith("有人威脅")
    channel.purpose_zh_hant = "譯者寫的文字"
    assert channel.t("purpose", "zh-hant") == "譯者寫的文字"
    assert channel.t("purpose", "en").startswith("Threats")


def test_a_change_made_by_another_app_process_shows_here_without_a_shared_cache(
    content: None,
    client,
    monkeypatch,
) -> None:
    from django.db.models import F

    from advisor import content as content_reads

    assert "协商还款不需要付费找中介" in client.get("/").content.decode()  # now cached here
    # Another process saves the row: the database changes and so does the shared generation
    # number, but this process's own cache (locmem) is not told.
    models.Fact.objects.filter(slug="home-no-fee").update(title_zh_hans="另一个进程改过的标题")
    models.ContentGeneration.objects.filter(pk=1).update(number=F("number") + 1)
    # Once this process re-reads the generation (at most a second later), it sees the change.
    monkeypatch.setattr(content_reads, "GENERATION_SECONDS", 0.0)
    html = client.get("/").content.decode()
    assert "另一个进程改过的标题" in html
    assert "协商还款不需要付费找中介" not in html


def test_content_reads_do_not_hit_the_database_on_every_page(
    content: None,
    client,
    django_assert_max_num_queries,
) -> None:
    client.get("/visitor/")
    with django_assert_max_num_queries(2):  # the session at most; content from the cache
        client.get("/visitor/")
