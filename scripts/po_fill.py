"""Fill (or add) msgstr entries of a .po file from a JSON object {msgid: msgstr}.

    .venv/bin/python scripts/po_fill.py locale/en/LC_MESSAGES/django.po translations.json

Prints the msgids still untranslated afterwards. Used when adding English (or other)
translations in bulk; editing the .po by hand is fine too.
"""

from __future__ import annotations

import json
import sys

import polib


def main(po_path: str, json_path: str) -> int:
    po = polib.pofile(po_path, wrapwidth=0)
    with open(json_path, encoding="utf-8") as handle:
        mapping = json.load(handle)
    present = {entry.msgid for entry in po}
    for entry in po:
        if entry.msgid in mapping and mapping[entry.msgid]:
            entry.msgstr = mapping[entry.msgid]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    for msgid, msgstr in mapping.items():
        if msgid not in present and msgstr:  # new strings not yet extracted by makemessages
            po.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    po.save(po_path)
    missing = [e.msgid for e in po if not e.translated() and not e.obsolete]
    for msgid in missing:
        print(f"untranslated: {msgid}")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
