"""Every interface string has an English translation (Simplified Chinese is the source)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import polib

from tests.helpers import ROOT


def test_every_ui_string_is_translated_to_english(tmp_path: Path) -> None:
    for name in ["advisor", "borrower_help", "templates", "locale", "manage.py"]:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(
                src, tmp_path / name, ignore=shutil.ignore_patterns("*.mo", "__pycache__")
            )
        else:
            shutil.copy(src, tmp_path / name)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "-v", "0"],
        cwd=tmp_path,
        check=True,
        capture_output=True,
    )
    extracted = polib.pofile(str(tmp_path / "locale/en/LC_MESSAGES/django.po"))
    translated: set[str] = set()
    for catalog in ROOT.glob("locale/**/en/LC_MESSAGES/django.po"):
        translated |= {e.msgid for e in polib.pofile(str(catalog)) if e.translated()}
    missing = sorted(e.msgid for e in extracted if not e.obsolete and e.msgid not in translated)
    assert missing == [], f"{len(missing)} strings without English: {missing[:20]}"
