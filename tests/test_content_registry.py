"""A content model declares what the site needs; export, admin, preview and reads follow.

The registry (``models.content_models()``) is built from the models themselves: every
``Sourced`` subclass. Each one must name a natural key that is unique in the database,
come after its parents, be exported and imported by that key, have an admin with the
source and publishing sections, preview when it says it does, and be read and
invalidated through advisor.content without code of its own.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import models as db_models
from django.template.loader import get_template
from django.test import Client

from advisor import content as content_reads
from advisor import contentio, models
from advisor.admin import ContentAdmin
from advisor.management.commands.load_content import all_seeds

pytestmark = pytest.mark.django_db


def every_sourced_subclass() -> set[type[models.Sourced]]:
    found: set[type[models.Sourced]] = set()
    pending = list(models.Sourced.__subclasses__())
    while pending:
        model = pending.pop()
        pending.extend(model.__subclasses__())
        if not model._meta.abstract:
            found.add(model)
    return found


def natural_key_is_unique(model: type[db_models.Model], names: tuple[str, ...]) -> bool:
    if len(names) == 1 and model._meta.get_field(names[0]).unique:
        return True
    together = [set(c.fields) for c in model._meta.constraints if hasattr(c, "fields")]
    together += [set(fields) for fields in model._meta.unique_together]
    return set(names) in together


def test_the_registry_is_every_content_model_and_nothing_else() -> None:
    registry = models.content_models()
    assert set(registry) == every_sourced_subclass()
    assert len(registry) == len(set(registry)) >= 10
    for model in apps.get_app_config("advisor").get_models():
        if model not in registry:
            assert not issubclass(model, models.Sourced), model


def test_each_content_model_declares_a_natural_key_unique_in_the_database() -> None:
    for model in models.content_models():
        names = model.natural_key_fields
        assert names, model
        for name in names:
            field = model._meta.get_field(name)  # raises if the field does not exist
            assert not field.null, (model, name)
            if isinstance(field, db_models.ForeignKey):
                parent: Any = field.related_model
                assert len(parent.natural_key_fields) == 1, (model, name)
        assert natural_key_is_unique(model, names), model


def test_parents_come_before_their_children_in_the_registry() -> None:
    registry = list(models.content_models())
    for index, model in enumerate(registry):
        for field in model._meta.concrete_fields:
            if isinstance(field, db_models.ForeignKey) and field.related_model in registry:
                assert registry.index(field.related_model) < index, (model, field.name)


def test_export_and_import_cover_every_registered_model_by_its_key(content: None) -> None:
    data = contentio.export_content()
    assert set(data["models"]) == {model.__name__ for model in models.content_models()}
    for model in models.content_models():
        rows = data["models"][model.__name__]
        assert len(rows) == model.objects.count(), model
        assert model.objects.exists(), f"{model.__name__} has no seeded row to export"
        for row in rows:
            assert all(row[name] not in (None, "") for name in model.natural_key_fields)

    # Importing the export finds every row again by its key: nothing created, nothing lost.
    before = contentio.dumps(data)
    counts = contentio.import_content(json.loads(before), replace=True)
    assert counts == {"created": 0, "updated": sum(map(len, data["models"].values())), "deleted": 0}
    assert contentio.dumps(contentio.export_content()) == before


def test_the_content_modules_name_no_model_of_their_own() -> None:
    """Export/import and the shared admin work from the declarations, not per-model tables."""
    source = (Path(contentio.__file__)).read_text(encoding="utf-8")
    for model in models.content_models():
        assert model.__name__ not in source, model


def test_every_content_model_has_the_content_admin_and_its_declared_preview(
    content: None, admin_client: Client
) -> None:
    for model in models.content_models():
        assert admin.site.is_registered(model), model
        model_admin = admin.site.get_model_admin(model)
        assert isinstance(model_admin, ContentAdmin), model
        assert model_admin.previewable == bool(model.preview_template)
        obj = model.objects.first()
        assert obj is not None
        info = f"admin:advisor_{model._meta.model_name}"
        if model.preview_template:
            get_template(model.preview_template)  # raises if the template is missing
            page = admin_client.get(model_admin.preview_url(obj))
            assert page.status_code == 200, model
            assert obj.source_title in page.content.decode(), model
        else:
            change = admin_client.get(f"/admin/advisor/{model._meta.model_name}/{obj.pk}/change/")
            assert change.status_code == 200 and "preview_url" not in change.context, info


def test_every_content_model_is_read_through_the_cache_and_invalidated_on_save(
    content: None, django_assert_num_queries: Any
) -> None:
    for model in models.content_models():
        first = content_reads.published(model)
        assert first == list(model.objects.published()), model
        with django_assert_num_queries(0):
            assert content_reads.published(model) == first  # the cached copy, no query

        obj = model.objects.published().first()
        assert obj is not None, model
        obj.status = models.Status.DRAFT
        obj.save()
        assert obj not in content_reads.published(model), model


def test_every_seeded_model_is_a_registered_one_or_a_plain_list() -> None:
    registry = {model.__name__ for model in models.content_models()}
    seeded = {seed.model for seed in all_seeds()}
    assert seeded - registry == {"BlockedDomain", "TrustedDomain"}
    assert registry <= seeded, registry - seeded
