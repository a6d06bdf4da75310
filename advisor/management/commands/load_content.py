"""Load the initial content (advisor/seed/*). Safe to run on every start."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import models, transaction

from advisor.models import content_models
from advisor.seed import Seed, seed_modules


def _resolve(model: type[models.Model], values: dict[str, Any]) -> dict[str, Any]:
    resolved = {}
    for name, value in values.items():
        field = model._meta.get_field(name) if "__" not in name else None
        if isinstance(field, models.ForeignKey) and isinstance(value, str):
            related: Any = field.related_model
            value = related.objects.get(slug=value)
        resolved[name] = value
    return resolved


def all_seeds() -> list[Seed]:
    """Every seed, lists (blocked domains) first, then content parents before children."""
    seeds = [
        seed for name in seed_modules() for seed in import_module(f"advisor.seed.{name}").SEEDS
    ]
    rank = {model.__name__: index for index, model in enumerate(content_models())}
    return sorted(seeds, key=lambda seed: rank.get(seed.model, -1))


class Command(BaseCommand):
    help = "Create the initial content that is missing. --update also overwrites existing rows."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--update", action="store_true", help="overwrite rows from the seed")

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        created = updated = 0
        for seed in all_seeds():
            model = apps.get_model("advisor", seed.model)
            key = _resolve(model, seed.key)
            fields = _resolve(model, seed.fields)
            obj = model.objects.filter(**key).first()
            if obj is None:
                obj = model(**key, **fields)
                obj.save()
                created += 1
            elif options["update"]:
                for name, value in fields.items():
                    setattr(obj, name, value)
                obj.save()
                updated += 1
        self.stdout.write(f"content: {created} created, {updated} updated")
