"""Write all content (published and draft) as JSON, for backup and review.

manage.py export_content > content.json
manage.py export_content --output content.json
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from advisor import contentio


class Command(BaseCommand):
    help = "Export all editor-managed content as JSON (to stdout or --output FILE)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--output", "-o", help="file to write (default: standard output)")

    def handle(self, *args: Any, **options: Any) -> None:
        text = contentio.dumps(contentio.export_content())
        if options["output"]:
            Path(options["output"]).write_text(text, encoding="utf-8")
            self.stderr.write(f"content written to {options['output']}")
        else:
            self.stdout.write(text, ending="")
