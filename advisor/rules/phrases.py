"""Recognise what a collector said by plain keyword matching (no Django).

Editors keep a list of common phrases, each with keywords (advisor.models.CollectorPhrase).
The borrower's words match a phrase when any of its keywords appears in them. Before
comparing, both sides are squashed: Unicode-normalised (NFKC, so full-width letters and
digits become ordinary ones), case-folded, and stripped of everything that is not a letter
or a digit, so "外 访"、"外-访" and "外访" all read the same. Keywords shorter than two
characters after squashing are ignored (a single character would match almost anything).

Nothing here keeps the text: it is read once and thrown away.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

MAX_TEXT = 2000
MIN_KEYWORD = 2


@dataclass(frozen=True)
class Pattern:
    code: str
    keywords: tuple[str, ...]
    order: int = 100


@dataclass(frozen=True)
class Match:
    code: str
    hits: tuple[str, ...]  # the keywords found, as the editor wrote them


def squash(text: str) -> str:
    normal = unicodedata.normalize("NFKC", text or "").casefold()
    return "".join(ch for ch in normal if unicodedata.category(ch)[0] in {"L", "N"})


def match(text: str, patterns: Iterable[Pattern]) -> list[Match]:
    """Phrases whose keywords occur in ``text``: most keywords found first, then by order."""
    said = squash((text or "")[:MAX_TEXT])
    if len(said) < MIN_KEYWORD:
        return []
    found: list[tuple[int, int, Match]] = []
    for pattern in patterns:
        hits: list[str] = []
        seen: set[str] = set()
        for keyword in pattern.keywords:
            key = squash(keyword)
            if len(key) >= MIN_KEYWORD and key not in seen and key in said:
                seen.add(key)
                hits.append(keyword)
        if hits:
            found.append((-len(hits), pattern.order, Match(pattern.code, tuple(hits))))
    found.sort(key=lambda item: (item[0], item[1], item[2].code))
    return [item[2] for item in found]
