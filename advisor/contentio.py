"""Export and import of all editor-managed content as JSON, for backup and outside review.

The file holds every row of every content model (``models.content_models()``, parents
first), keyed by the natural key the model declares (``natural_key_fields``), never by
database id, so it can be loaded into an empty database or another server. Computed or
bookkeeping columns (``id``, ``review_due``, ``updated_at``) are left out: the import
recomputes them. Export → wipe → import → export gives byte-identical JSON.

Import validates every row (``full_clean``) and stops without changing anything if one is
wrong. ``replace=True`` also deletes content rows that are not in the file.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from functools import partial
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction

from advisor.models import Sourced, content_models, has_nul

FORMAT = "borrower-help-content"
VERSION = 1
SKIPPED_FIELDS = {"id", "review_due", "updated_at"}
CHANGE_REASON = "import"


class ContentImportError(ValueError):
    """The file cannot be imported; the message says which row and why."""


def _fields(model: type[models.Model]) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if field.name not in SKIPPED_FIELDS and not field.auto_created
    ]


def _parent_key(field: models.ForeignKey) -> str:
    """The field a foreign key is written as: the parent's natural key (one field)."""
    parent: Any = field.related_model
    (name,) = parent.natural_key_fields
    return str(name)


def _dump_value(obj: models.Model, field: models.Field) -> Any:
    if isinstance(field, models.ForeignKey):
        related = getattr(obj, field.name)
        return getattr(related, _parent_key(field)) if related is not None else None
    value = getattr(obj, field.attname)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)  # JSON has no decimal type; a string keeps every 分
    return value


def _key_of(row: dict[str, Any], model: type[Sourced]) -> tuple[Any, ...]:
    return tuple(row.get(name) for name in model.natural_key_fields)


def _sort_key(row: dict[str, Any], *, model: type[Sourced]) -> list[str]:
    return [str(part) for part in _key_of(row, model)]


def export_content() -> dict[str, Any]:
    """All content rows (published and draft), ordered by natural key."""
    data: dict[str, Any] = {"format": FORMAT, "version": VERSION, "models": {}}
    for model in content_models():
        fields = _fields(model)
        rows = [
            {field.name: _dump_value(obj, field) for field in fields}
            for obj in model.objects.select_related().all()
        ]
        rows.sort(key=partial(_sort_key, model=model))
        data["models"][model.__name__] = rows
    return data


def dumps(data: dict[str, Any]) -> str:
    """The canonical text of an export: stable key order, readable Chinese, final newline."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _load_row(model: type[Sourced], row: Any, where: str) -> tuple[dict, dict]:
    """Split one row into (natural key lookup, other values), converting foreign keys."""
    if not isinstance(row, dict):
        raise ContentImportError(f"{where}: each row must be an object")
    known = {field.name: field for field in _fields(model)}
    unknown = sorted(set(row) - set(known))
    if unknown:
        raise ContentImportError(f"{where}: unknown fields {', '.join(unknown)}")
    values: dict[str, Any] = {}
    for name, value in row.items():
        field = known[name]
        if has_nul(value):  # PostgreSQL cannot store it; say so instead of failing mid-import
            raise ContentImportError(f"{where}: {name} contains a NUL character (\\u0000)")
        if isinstance(field, models.ForeignKey) and value is not None:
            related_model: Any = field.related_model
            related = related_model.objects.filter(**{_parent_key(field): value}).first()
            if related is None:
                raise ContentImportError(f"{where}: {name} {value!r} does not exist")
            value = related
        elif isinstance(field, models.DateField) and isinstance(value, str):
            try:
                value = dt.date.fromisoformat(value)
            except ValueError:
                raise ContentImportError(f"{where}: {name} is not a date: {value!r}") from None
        values[name] = value
    key_names = model.natural_key_fields
    missing = [name for name in key_names if values.get(name) in (None, "")]
    if missing:
        raise ContentImportError(f"{where}: missing {', '.join(missing)}")
    lookup = {name: values.pop(name) for name in key_names}
    return lookup, values


def import_content(data: Any, *, replace: bool = False) -> dict[str, int]:
    """Create or update every row in ``data``; with ``replace``, delete rows not in it.

    Returns counts: created, updated, deleted. Raises ContentImportError (and changes
    nothing) when the file is not an export or any row is invalid.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ContentImportError("not a content export file")
    if data.get("version") != VERSION:
        raise ContentImportError(f"unsupported version {data.get('version')!r}")
    sections = data.get("models")
    if not isinstance(sections, dict):
        raise ContentImportError("the file has no models section")
    names = {model.__name__ for model in content_models()}
    unknown = sorted(set(sections) - names)
    if unknown:
        raise ContentImportError(f"unknown models {', '.join(unknown)}")

    counts = {"created": 0, "updated": 0, "deleted": 0}
    with transaction.atomic():
        for model in content_models():
            rows = sections.get(model.__name__, [])
            if not isinstance(rows, list):
                raise ContentImportError(f"{model.__name__}: must be a list of rows")
            kept: list[int] = []
            for index, row in enumerate(rows):
                where = f"{model.__name__}[{index}]"
                lookup, values = _load_row(model, row, where)
                obj = model.objects.filter(**lookup).first()
                if obj is None:
                    obj = model(**lookup)
                    counts["created"] += 1
                else:
                    counts["updated"] += 1
                for name, value in values.items():
                    setattr(obj, name, value)
                try:
                    obj.full_clean()
                except ValidationError as exc:
                    raise ContentImportError(f"{where} {lookup}: {exc}") from None
                obj._change_reason = CHANGE_REASON  # type: ignore[union-attr]  # simple_history
                obj.save()
                kept.append(obj.pk)
            if replace:
                stale = model.objects.exclude(pk__in=kept)
                for obj in stale:
                    obj._change_reason = CHANGE_REASON
                    obj.delete()
                    counts["deleted"] += 1
    return counts
