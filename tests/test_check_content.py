"""The guided check's seeded content, and editors' control over the indicator's weights."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from advisor import check_answers
from advisor import content as site_content
from advisor.models import EscalationStage, EstimateVersion, Fact
from advisor.rules import estimate
from advisor.seed.check import SEEDS
from tests.helpers import answer_debt
from tests.sample_borrower import FIRST_DEBT

pytestmark = pytest.mark.django_db


def test_every_seed_is_sourced_and_written_in_chinese_and_english() -> None:
    for seed in SEEDS:
        fields = seed.fields
        assert fields["source_title"] and fields["source_tier"] and fields["reviewed_on"]
        for name, value in fields.items():
            if name.endswith("_zh_hans"):
                english = fields[name.removesuffix("_zh_hans") + "_en"]
                assert value.strip() and english.strip(), (seed.key, name)


def test_seeded_texts_give_no_probability_and_no_blacklist_or_arrest_threat() -> None:
    for seed in SEEDS:
        for name, value in seed.fields.items():
            if isinstance(value, str) and name.endswith(("_zh_hans", "_en")):
                assert not re.search(r"\d\s*[%％]|per ?cent|百分之", value), (seed.key, name)
                assert "会被逮捕" not in value and "will be arrested" not in value


def test_escalation_stages_are_practice_in_order_and_match_the_estimate_codes(
    content: None,
) -> None:
    stages = site_content.stages()
    assert [s.code for s in stages] == [code for code, _ in estimate.DEFAULT_STAGE_STARTS]
    assert [s.typical_from_day for s in stages] == [day for _, day in estimate.DEFAULT_STAGE_STARTS]
    assert {s.source_tier for s in stages} == {"practice"}
    # Only SEO pages describe the stages: they are not linked (the source line says why).
    assert not any(s.source_url for s in stages)
    assert all(s.t("what_you_can_do") and s.t("what_you_can_do", "en") for s in stages)


def test_the_result_facts_are_sourced_and_the_court_fact_is_found_by_slug(
    content: None,
) -> None:
    facts = site_content.facts("result")
    assert len(facts) >= 3
    assert all(f.source_title and f.title_en and f.body_en for f in facts)
    court = site_content.fact("check-court-papers")
    assert court is not None and "15" in court.body_zh_hans


def test_the_seeded_version_is_active_and_uses_the_defaults(content: None) -> None:
    version = site_content.estimate_version()
    assert version is not None and version.version == "2026-11-default"
    assert version.weights == {}
    assert check_answers.current_weights() == (estimate.DEFAULT_WEIGHTS, "2026-11-default")


def test_without_any_version_the_built_in_defaults_are_named(content: None) -> None:
    EstimateVersion.objects.all().delete()
    weights, name = check_answers.current_weights()
    assert weights == estimate.DEFAULT_WEIGHTS
    assert name == "内置默认值"


def test_an_editors_active_version_changes_the_result_and_is_named_on_the_page(
    client: Client, content: None
) -> None:
    answer_debt(client, 1, FIRST_DEBT)
    assert "很高" in client.get("/check/result/").content.decode()
    EstimateVersion.objects.update(is_active=False)
    EstimateVersion.objects.create(
        version="2027-01-quiet",
        is_active=True,
        weights={"base": -100},
        source_title="test",
        source_tier="practice",
        status="published",
    )
    page = client.get("/check/result/").content.decode()
    assert "2027-01-quiet" in page
    assert re.findall(r'class="tag level-([a-z_]+)"', page) == ["low"]


def test_the_result_works_without_stages_or_facts(client: Client, content: None) -> None:
    EscalationStage.objects.all().delete()
    Fact.objects.filter(topic="result").delete()
    answer_debt(client, 1, FIRST_DEBT)
    response = client.get("/check/result/")
    assert response.status_code == 200
    assert "委外催收，可能上门" in response.content.decode()
