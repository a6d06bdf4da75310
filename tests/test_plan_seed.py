"""The plan's sourced facts load and show on the plan pages."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_plan_facts_carry_a_source_and_english(content: None) -> None:
    from advisor import content as store

    found = store.facts("plan")
    assert {f.slug for f in found} >= {
        "plan-card-instalments-art70",
        "plan-online-loans-discretion",
    }
    for item in found:
        assert item.source_title and item.reviewed_on
        assert item.title_en and item.body_en


def test_the_facts_never_promise_a_right_to_instalments(content: None) -> None:
    from advisor import content as store

    art70 = next(f for f in store.facts("plan") if f.slug == "plan-card-instalments-art70")
    assert "可以" in art70.body_zh_hans and "不是借款人的权利" in art70.body_zh_hans
    for item in store.facts("plan"):
        assert "有权要求" not in item.body_zh_hans
        assert "法定上限" not in item.body_zh_hans


def test_the_start_page_shows_the_facts_with_sources(client: Client, content: None) -> None:
    page = client.get("/plan/").content.decode()
    assert "第七十条" in page
    assert "核对于" in page
