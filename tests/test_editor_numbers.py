"""Numbers an editor types can never break a borrower's page.

Every numeric field of every content model is driven through its admin form with values
hypothesis picks, most of them far outside anything sensible. Whatever the form accepts is
saved and published; then every public page (and the court-deadline calculator and its
calendar file for every paper) must answer without a server error.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db import models as db_models
from django.test import Client, RequestFactory
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor import models
from tests.journey_pages import fill_borrower, page_names, page_paths

NUMBER_FIELDS = (db_models.IntegerField, db_models.DecimalField, db_models.FloatField)


def numeric_fields() -> list[tuple[type[models.Sourced], str]]:
    return [
        (model, field.name)
        for model in models.content_models()
        for field in model._meta.concrete_fields
        if isinstance(field, NUMBER_FIELDS) and field.editable and not field.primary_key
    ]


OUT_OF_RANGE = st.one_of(
    st.sampled_from([-1, 0, 400, 367, 1096, 3651, 32768, 10**6, 10**9]),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.sampled_from(["1e9", "-0.01", "100000.01", "NaN", "Infinity"]),
)


def admin_form(model: type[models.Sourced], instance: Any, changes: dict[str, Any]) -> Any:
    request = RequestFactory().get("/admin/")
    request.user = get_user_model()(is_superuser=True, is_staff=True)
    form_class = admin.site._registry[model].get_form(request, instance)
    # What the admin's change page would send back unchanged: each field as the form shows it.
    shown = form_class(instance=instance)
    data = {field.html_name: field.value() for field in shown if field.value() is not None}
    return form_class(data={**data, **changes}, instance=instance)


def public_paths() -> list[str]:
    paths = [path for name in page_names() for path in page_paths(name)]
    served = timezone.localdate().isoformat()
    for paper in models.CourtPaper.objects.all():
        query = f"?kind={paper.slug}&served={served}"
        paths += [f"/papers/{query}", f"/papers/court-deadline.ics{query}"]
    return paths


@pytest.fixture
def borrower(content: None) -> Client:
    return fill_borrower(Client())


def test_every_content_model_with_numbers_is_driven() -> None:
    driven = {model for model, _name in numeric_fields()}
    assert models.CourtPaper in driven and models.Threshold in driven
    assert ("CourtPaper", "deadline_days") in {(m.__name__, n) for m, n in numeric_fields()}


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(numeric_fields()), value=OUT_OF_RANGE, data=st.data())
def test_no_number_an_editor_can_save_breaks_a_public_page(
    borrower: Client, field: tuple[type[models.Sourced], str], value: Any, data: Any
) -> None:
    model, name = field
    rows = list(model.objects.order_by("pk"))
    instance = data.draw(st.sampled_from(rows), label="row")
    form = admin_form(model, instance, {name: str(value), "status": models.Status.PUBLISHED})
    if not form.is_valid():
        assert name in form.errors, form.errors  # refused for this number, with a message
        return
    form.save()
    failed = [
        (path, status)
        for path in public_paths()
        if (status := borrower.get(path).status_code) >= 500
    ]
    assert failed == [], (model.__name__, name, value)


@pytest.mark.parametrize("days", [0, 400])
def test_a_deadline_period_the_calculator_cannot_count_is_refused_by_the_admin_form(
    content: None, days: int
) -> None:
    paper = models.CourtPaper.objects.exclude(deadline_days=None).first()
    form = admin_form(models.CourtPaper, paper, {"deadline_days": str(days)})
    assert not form.is_valid()
    assert "deadline_days" in form.errors


def test_a_stored_period_out_of_range_is_shown_as_no_fixed_period(
    client: Client, content: None
) -> None:
    # A row written before the bounds (or straight into the database) must not break the page.
    paper = models.CourtPaper.objects.exclude(deadline_days=None).first()
    assert paper is not None
    models.CourtPaper.objects.filter(pk=paper.pk).update(deadline_days=400)
    query = f"?kind={paper.slug}&served={timezone.localdate().isoformat()}"
    assert client.get(f"/papers/{query}").status_code == 200
    assert client.get(f"/papers/court-deadline.ics{query}").status_code == 302
