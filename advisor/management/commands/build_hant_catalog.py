"""Build the Traditional Chinese catalog from the Simplified source strings.

Every interface string is written in Simplified Chinese (the msgid). The English catalogs list
every msgid (a test makes sure), so we take the msgids from them and convert each with OpenCC.
The result, ``locale/zh_Hant/LC_MESSAGES/django.po``, is a build product (git-ignored) that
``make compile-messages`` regenerates before compiling.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import polib
from django.conf import settings
from django.core.management.base import BaseCommand

from advisor.rules.hant import to_traditional


class Command(BaseCommand):
    help = "Generate locale/zh_Hant/LC_MESSAGES/django.po from the Simplified Chinese msgids."

    def handle(self, *args: Any, **options: Any) -> None:
        locale_dir = Path(settings.BASE_DIR) / "locale"
        msgids: dict[tuple[str, str | None], polib.POEntry] = {}
        for catalog in sorted(locale_dir.glob("**/en/LC_MESSAGES/django.po")):
            for entry in polib.pofile(str(catalog)):
                if not entry.obsolete and entry.msgid:
                    msgids.setdefault((entry.msgid, entry.msgctxt), entry)
        po = polib.POFile(wrapwidth=0)
        po.metadata = {
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "Language": "zh_Hant",
            "Plural-Forms": "nplurals=1; plural=0;",
        }
        for (msgid, msgctxt), source in sorted(msgids.items(), key=lambda item: item[0][0]):
            entry = polib.POEntry(msgid=msgid, msgctxt=msgctxt, msgstr=to_traditional(msgid))
            if source.msgid_plural:
                entry.msgid_plural = source.msgid_plural
                entry.msgstr = ""
                entry.msgstr_plural = {0: to_traditional(source.msgid_plural)}
            po.append(entry)
        out = locale_dir / "zh_Hant" / "LC_MESSAGES" / "django.po"
        out.parent.mkdir(parents=True, exist_ok=True)
        po.save(str(out))
        self.stdout.write(f"zh_Hant: {len(po)} strings")
