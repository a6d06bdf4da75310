"""Export and import of all content as JSON: identical round trip, all-or-nothing import."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor import contentio, models

pytestmark = pytest.mark.django_db

TRICKY = 'Line "one"\n\nLine two — 中文，繁體\u2028<script>{{ x }}</script> 🙂\\'


def wipe() -> None:
    for model in reversed(models.content_models()):
        model.objects.all().delete()


def add_extras() -> None:
    """A draft, a validity window, weights and tricky text: things the seeds may not have."""
    checklist = models.Checklist(
        slug="io-test", title_zh_hans="导出测试", source_title="来源", source_tier="practice"
    )
    checklist.save()
    models.ChecklistItem(
        checklist=checklist,
        code="first",
        text_zh_hans=TRICKY,
        text_en=TRICKY,
        source_title="来源",
        source_tier="practice",
        reviewed_on=dt.date(2025, 5, 6),
        review_every_days=30,
        valid_from=dt.date(2026, 1, 1),
        valid_until=dt.date(2027, 1, 1),
        red_flag=True,
    ).save()
    models.EstimateVersion(
        version="io-1",
        is_active=False,
        weights={"stage": {"early": 0.1}, "list": [1, 2.5, None]},
        source_title="来源",
        source_tier="practice",
    ).save()


def test_export_wipe_import_export_gives_identical_json(content: None) -> None:
    add_extras()
    first = contentio.dumps(contentio.export_content())

    wipe()
    assert contentio.export_content()["models"]["Fact"] == []
    counts = contentio.import_content(json.loads(first))

    assert contentio.dumps(contentio.export_content()) == first
    assert counts["created"] == sum(len(rows) for rows in json.loads(first)["models"].values())
    item = models.ChecklistItem.objects.get(code="first")
    assert item.text_en == TRICKY and item.checklist.slug == "io-test"
    assert item.review_due == dt.date(2025, 6, 5)


def test_the_export_holds_every_content_model_and_no_database_ids(content: None) -> None:
    data = contentio.export_content()
    assert set(data["models"]) == {m.__name__ for m in models.content_models()}
    assert data["models"]["Lender"], "the seeded lenders are exported"
    for rows in data["models"].values():
        for row in rows:
            assert "id" not in row and "review_due" not in row and "updated_at" not in row


def test_importing_over_existing_content_updates_it_and_records_history(content: None) -> None:
    data = contentio.export_content()
    channel = models.HelpChannel.objects.get(slug="nfra-12378")
    channel.purpose_zh_hans = "本地改过"
    channel.save()

    counts = contentio.import_content(data)

    channel.refresh_from_db()
    assert channel.purpose_zh_hans != "本地改过"
    assert counts["created"] == 0 and counts["deleted"] == 0
    assert channel.history.first().history_change_reason == contentio.CHANGE_REASON


def test_replace_deletes_rows_that_are_not_in_the_file(content: None) -> None:
    data = contentio.export_content()
    add_extras()
    counts = contentio.import_content(data, replace=True)
    assert not models.Checklist.objects.filter(slug="io-test").exists()
    assert not models.EstimateVersion.objects.filter(version="io-1").exists()
    assert counts["deleted"] >= 2
    assert contentio.export_content() == data


def test_one_bad_row_imports_nothing(content: None) -> None:
    before = contentio.dumps(contentio.export_content())
    data = json.loads(before)
    data["models"]["Fact"][0]["title_zh_hans"] = "改了但不该保存"
    data["models"]["Lender"][-1]["source_tier"] = "rumour"

    with pytest.raises(contentio.ContentImportError, match="Lender"):
        contentio.import_content(data)

    assert contentio.dumps(contentio.export_content()) == before


@pytest.mark.parametrize(
    "mutate, message",
    [
        (lambda d: d.update(format="something-else"), "not a content export"),
        (lambda d: d.update(version=99), "unsupported version"),
        (lambda d: d["models"].update(SavedBundle=[]), "unknown models"),
        (lambda d: d["models"]["Fact"][0].update(id=5), "unknown fields id"),
        (lambda d: d["models"]["Fact"][0].update(slug=""), "missing slug"),
        (lambda d: d["models"]["Fact"][0].update(reviewed_on="soon"), "not a date"),
        (lambda d: d["models"]["ChecklistItem"][0].update(checklist="nope"), "does not exist"),
    ],
)
def test_malformed_files_are_refused_with_a_reason(
    content: None, mutate: Any, message: str
) -> None:
    add_extras()
    data = contentio.export_content()
    mutate(data)
    with pytest.raises(contentio.ContentImportError, match=message):
        contentio.import_content(data)


def test_the_commands_round_trip_through_a_file(content: None, tmp_path: Path) -> None:
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    call_command("export_content", "--output", str(first), verbosity=0)
    wipe()
    call_command("import_content", str(first), "--replace", verbosity=0)
    call_command("export_content", "--output", str(second), verbosity=0)
    assert first.read_bytes() == second.read_bytes()
    assert "国家金融监督管理总局" in first.read_text(encoding="utf-8")  # readable, not \\u escapes


def test_the_import_command_reports_a_bad_file_and_changes_nothing(
    content: None, tmp_path: Path
) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match="cannot read"):
        call_command("import_content", str(path))
    path.write_text(json.dumps({"format": "x"}), encoding="utf-8")
    with pytest.raises(CommandError, match="nothing imported"):
        call_command("import_content", str(path))


_TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    title=_TEXT.filter(str.strip).map(lambda t: t[:300]),
    body=_TEXT.filter(bool),
    weights=st.dictionaries(
        _TEXT.map(lambda t: t[:10]),
        st.one_of(
            st.integers(-(10**6), 10**6), st.booleans(), st.none(), _TEXT.map(lambda t: t[:10])
        ),
        max_size=5,
    ),
)
def test_any_text_and_weights_survive_the_round_trip(
    db: Any, title: str, body: str, weights: dict
) -> None:
    wipe()
    models.Fact(
        slug="any",
        topic="general",
        title_zh_hans=title,
        body_zh_hans=body,
        body_en=body,
        source_title="来源",
        source_tier="law",
    ).save()
    models.EstimateVersion(
        version="any", weights=weights, source_title="来源", source_tier="practice"
    ).save()
    first = contentio.dumps(contentio.export_content())
    wipe()
    contentio.import_content(json.loads(first))
    assert contentio.dumps(contentio.export_content()) == first
    assert models.Fact.objects.get(slug="any").body_zh_hans == body


@pytest.mark.parametrize("weights", [{"a\x00": 1}, {"levels": ["x\x00"]}, {"k": {"n": "\x00"}}])
def test_a_nul_character_anywhere_in_the_weights_is_refused_by_import_and_by_the_admin_form(
    db: Any, weights: dict
) -> None:
    # PostgreSQL's jsonb cannot store U+0000: a clear refusal on both databases, never a 500.
    data = {
        "format": contentio.FORMAT,
        "version": contentio.VERSION,
        "models": {
            "EstimateVersion": [
                {
                    "version": "nul",
                    "weights": weights,
                    "source_title": "来源",
                    "source_tier": "practice",
                }
            ]
        },
    }
    with pytest.raises(contentio.ContentImportError, match="NUL"):
        contentio.import_content(data)
    assert not models.EstimateVersion.objects.filter(version="nul").exists()
    row = models.EstimateVersion(
        version="nul", weights=weights, source_title="来源", source_tier="practice"
    )
    with pytest.raises(ValidationError, match="u0000"):
        row.full_clean()
