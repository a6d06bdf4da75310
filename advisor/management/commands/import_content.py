"""Load content from a JSON export. Nothing changes if any row is invalid.

manage.py import_content content.json             # create or update rows
manage.py import_content content.json --replace   # and delete rows not in the file
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from advisor import contentio


class Command(BaseCommand):
    help = "Import content from a JSON file made by export_content."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("path", help="the JSON file")
        parser.add_argument(
            "--replace", action="store_true", help="also delete content rows not in the file"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            data = json.loads(Path(options["path"]).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise CommandError(f"cannot read {options['path']}: {exc}") from None
        try:
            counts = contentio.import_content(data, replace=options["replace"])
        except contentio.ContentImportError as exc:
            raise CommandError(f"nothing imported: {exc}") from None
        self.stdout.write(
            "content: {created} created, {updated} updated, {deleted} deleted".format(**counts)
        )
