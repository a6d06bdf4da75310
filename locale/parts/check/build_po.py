"""Build this part's English catalog from en.json ({"Chinese source": "English"}).

Run: .venv/bin/python locale/parts/check/build_po.py && make compile-messages
"""

import json
from pathlib import Path

import polib

HERE = Path(__file__).resolve().parent


def main() -> None:
    entries = json.loads((HERE / "en.json").read_text(encoding="utf-8"))
    po = polib.POFile()
    po.metadata = {
        "Project-Id-Version": "borrower-help check",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Language": "en",
    }
    for msgid, msgstr in sorted(entries.items()):
        po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    po.save(str(HERE / "en/LC_MESSAGES/django.po"))


if __name__ == "__main__":
    main()
