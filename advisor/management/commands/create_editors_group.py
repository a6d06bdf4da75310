"""Create (or repair) the "editors" group: content models only, least privilege.

Editors may view, add, change and delete every content model and view its history, and
manage the lists of trusted and blocked source domains. Nothing else: no users, groups or
permissions, no saved borrower bundles, no login
records. Running the command again resets the group to exactly this set.

    manage.py create_editors_group                  # the group only
    manage.py create_editors_group --add alice bob  # and put existing staff users in it
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Q

from advisor.models import BlockedDomain, TrustedDomain, content_models

EDITORS_GROUP = "editors"
CONTENT_ACTIONS = ("view", "add", "change", "delete")
HISTORY_ACTIONS = ("view",)
# Editor-managed lists that are not content shown to borrowers (no history kept).
LIST_MODELS = (TrustedDomain, BlockedDomain)


def editor_permissions() -> list[Permission]:
    wanted = Q(pk__in=[])
    for model in content_models():
        history = model.history.model
        for target, actions in ((model, CONTENT_ACTIONS), (history, HISTORY_ACTIONS)):
            content_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
            codenames = [f"{action}_{target._meta.model_name}" for action in actions]
            wanted |= Q(content_type=content_type, codename__in=codenames)
    for list_model in LIST_MODELS:
        content_type = ContentType.objects.get_for_model(list_model)
        codenames = [f"{action}_{list_model._meta.model_name}" for action in CONTENT_ACTIONS]
        wanted |= Q(content_type=content_type, codename__in=codenames)
    permissions = list(Permission.objects.filter(wanted).order_by("codename"))
    expected = len(content_models()) * (len(CONTENT_ACTIONS) + len(HISTORY_ACTIONS)) + len(
        LIST_MODELS
    ) * len(CONTENT_ACTIONS)
    if len(permissions) != expected:
        raise CommandError(
            f"found {len(permissions)} of {expected} content permissions; run migrate first"
        )
    return permissions


@transaction.atomic
def ensure_editors_group() -> Group:
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    group.permissions.set(editor_permissions())
    return group


class Command(BaseCommand):
    help = "Create or reset the editors group (content only). --add USERNAME... adds staff users."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--add", nargs="+", default=[], metavar="USERNAME")

    def handle(self, *args: Any, **options: Any) -> None:
        group = ensure_editors_group()
        users = get_user_model().objects
        for username in options["add"]:
            user = users.filter(username=username).first()
            if user is None:
                raise CommandError(
                    f"no user named {username!r}; create it first (createsuperuser is for admins only)"
                )
            user.is_staff = True
            user.save(update_fields=["is_staff"])
            user.groups.add(group)
        self.stdout.write(
            f"group {group.name!r}: {group.permissions.count()} permissions, "
            f"{group.user_set.count()} members"
        )
