#!/usr/bin/env python3
"""Build the CJK font subset that PDFs embed (advisor/pdf_fonts/), from the system font.

Why: WeasyPrint subsets the fonts it embeds but keeps the original glyph numbers, and the
glyph numbers of Noto Sans CJK run to about 65,000, so every PDF carried a glyph table that
long (about 175 KB even for a two-page document). A font that holds only the characters we
need, renumbered from 0, embeds in a small fraction of that.

What goes in (the same for the regular and the bold weight):
  - ASCII, Latin-1, common punctuation, arrows and maths signs, CJK punctuation and
    full-width forms;
  - GB2312 level 1 (3,755 common hanzi);
  - every character of the templates, the seed content, the code and the English catalogue
    (so everything the site writes itself is in it, even when rare).
Characters outside the subset (a rare character in a borrower's or lender's name) still
print: the PDF stylesheet lists the full system font after the subset.

Source: Noto Sans CJK SC from the system package fonts-noto-cjk (scripts/system-deps).
The subset is a Modified Version under the SIL Open Font License 1.1; the licence is written
next to it (OFL.txt). It is renamed ("Borrower Help Sans SC") so that it is never mistaken
for the original font.

Run: .venv/bin/python scripts/subset_pdf_font.py   (re-run after adding rare characters)
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "advisor" / "pdf_fonts"
SYSTEM = Path("/usr/share/fonts/opentype/noto")
WEIGHTS = {"Regular": "NotoSansCJK-Regular.ttc", "Bold": "NotoSansCJK-Bold.ttc"}
FAMILY = "Borrower Help Sans SC"
SOURCE_FAMILY = "Noto Sans CJK SC"
COPYRIGHT_FILE = Path("/usr/share/doc/fonts-noto-cjk/copyright")

RANGES = [
    (0x20, 0x7E),  # ASCII
    (0xA0, 0xFF),  # Latin-1 (¥, ×, ·, ...)
    (0x2010, 0x2027),  # dashes, quotes, ellipsis
    (0x2030, 0x203B),
    (0x2190, 0x2193),  # arrows
    (0x2212, 0x2212),
    (0x2248, 0x2248),
    (0x2260, 0x2265),
    (0x2460, 0x2473),  # ① ... ⑳
    (0x25A0, 0x25CF),  # squares and circles used as marks
    (0x3000, 0x303F),  # CJK punctuation
    (0xFF01, 0xFF5E),  # full-width forms
    (0xFFE0, 0xFFE6),
]
TEXT_SOURCES = [
    ("templates", ("*.html", "*.txt")),
    ("advisor", ("*.py", "*.json", "*.yaml", "*.md")),
    ("locale/en", ("*.po",)),
]


def gb2312_level1() -> set[int]:
    """GB2312 rows 16–55: the 3,755 most common hanzi."""
    found = set()
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            try:
                found.add(ord(bytes((row, cell)).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return found


def site_text() -> set[int]:
    found: set[int] = set()
    for folder, patterns in TEXT_SOURCES:
        for pattern in patterns:
            for path in (ROOT / folder).rglob(pattern):
                if "pdf_fonts" in path.parts:
                    continue
                found.update(ord(ch) for ch in path.read_text(encoding="utf-8", errors="ignore"))
    return {cp for cp in found if cp >= 0x20}


def wanted() -> set[int]:
    codepoints = {cp for start, end in RANGES for cp in range(start, end + 1)}
    return codepoints | gb2312_level1() | site_text()


def source_font(filename: str):
    collection = TTCollection(SYSTEM / filename)
    for font in collection.fonts:
        if font["name"].getDebugName(1) == SOURCE_FAMILY:
            return font
    raise SystemExit(f"{SOURCE_FAMILY} not found in {SYSTEM / filename} (scripts/system-deps)")


def rename(font, weight: str) -> None:
    names = font["name"]
    full = f"{FAMILY} {weight}" if weight != "Regular" else FAMILY
    postscript = f"{FAMILY.replace(' ', '')}-{weight}"
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6, 16, 17):
            names.removeNames(nameID=record.nameID)
    for name_id, value in (
        (1, FAMILY),
        (2, weight),
        (3, f"{postscript};subset of {SOURCE_FAMILY}"),
        (4, full),
        (6, postscript),
    ):
        names.setName(value, name_id, 3, 1, 0x409)
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [postscript]
        top = cff.topDictIndex[0]
        for key in ("FullName", "FamilyName"):
            if hasattr(top, key):
                setattr(top, key, full if key == "FullName" else FAMILY)


def licence_text() -> str:
    lines = COPYRIGHT_FILE.read_text(encoding="utf-8").splitlines()
    start = lines.index("License: SIL-1.1", lines.index("License: SIL-1.1") + 1)
    body = []
    for line in lines[start + 1 :]:
        if line and not line.startswith(" "):
            break
        text = line[1:] if line.startswith(" ") else line
        body.append("" if text == "." else text)
    return "\n".join(body).strip() + "\n"


def main() -> int:
    codepoints = wanted()
    OUT.mkdir(exist_ok=True)
    copyright_line = ""
    for weight, filename in WEIGHTS.items():
        font = source_font(filename)
        copyright_line = copyright_line or str(font["name"].getDebugName(0))
        options = subset.Options()
        options.name_IDs = ["*"]
        options.name_languages = ["*"]
        options.notdef_outline = True
        options.recalc_bounds = True
        options.drop_tables += ["VORG", "vhea", "vmtx"]  # horizontal text only
        # Simplified Chinese, horizontal: no regional (locl) or vertical forms, which would
        # pull in thousands of alternate glyphs.
        options.layout_features = ["ccmp", "liga", "kern", "palt", "halt"]
        options.hinting = False  # print only; hints are for low-resolution screens
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=codepoints)
        subsetter.subset(font)
        rename(font, weight)
        target = OUT / f"BorrowerHelpSansSC-{weight}.otf"
        font.save(target)
        covered = len(set(font.getBestCmap()) & codepoints)
        print(f"{target.relative_to(ROOT)}: {covered} characters, {target.stat().st_size} bytes")
    (OUT / "OFL.txt").write_text(
        f"{FAMILY} (BorrowerHelpSansSC-Regular.otf, BorrowerHelpSansSC-Bold.otf) is a subset of\n"
        f"{SOURCE_FAMILY} (Noto Sans CJK, https://github.com/googlefonts/noto-cjk), made by\n"
        "scripts/subset_pdf_font.py. Noto is a trademark of Google Inc.\n\n"
        f"Copyright of the source font (its name table): {copyright_line}\n\n" + licence_text(),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
