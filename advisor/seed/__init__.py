"""Initial content, drawn from our sourced research (shared/domain-facts.md).

Each module in this package that lists ``SEEDS`` (``Seed(model, key, fields)`` records) is
loaded; a new module is found without being named anywhere. The
``load_content`` command creates what is missing and leaves rows editors have changed
alone (``--update`` overwrites them from the seed). A foreign key may be given as the
related row's slug, e.g. ``"checklist": "door"``.

Every seeded row must carry a source a borrower can read (title, tier, and a link where there
is one), the date it was checked and what it was checked against, and be written in
Simplified Chinese and English. Never cite our own research notes, and link only a site on
the trusted list (``advisor.seed.trust``); where no trusted page was found, give no link and
use the tier "our_reading" (the source line says so).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from advisor.seed.sources import LAW_DATABASE

REVIEWED = dt.date(2026, 11, 23)
# Items rewritten after the content review of 2026-12-03 were checked again on that day.
REVISED = dt.date(2026, 12, 3)
# Items rewritten after the content review of 2026-12-07.
TRUTH = dt.date(2026, 12, 7)


@dataclass(frozen=True)
class Seed:
    model: str
    key: dict[str, Any]
    fields: dict[str, Any] = field(default_factory=dict)


def checked_against(tier: str, url: str) -> str:
    """What a seeded item was checked against: law texts in the LawRefBook transcription,
    industry pages for practice, otherwise a news report or a secondary quotation."""
    if tier == "practice":
        return "industry"
    if tier == "law" and url == LAW_DATABASE:
        # The borrower is sent to the official database; our editors read the text in the
        # LawRefBook transcription of it.
        return "transcript"
    return "secondary"


def sourced(
    title: str,
    tier: str,
    url: str = "",
    reviewed: dt.date = REVIEWED,
    checked: str = "",
) -> dict[str, Any]:
    """The source fields every content row carries, published."""
    return {
        "source_title": title,
        "source_tier": tier,
        "source_url": url,
        "reviewed_on": reviewed,
        "checked_against": checked or checked_against(tier, url),
        "status": "published",
    }


def fact(
    slug: str,
    topic: str,
    order: int,
    source: tuple[Any, ...],
    title_zh: str,
    title_en: str,
    body_zh: str,
    body_en: str,
    **extra: Any,
) -> Seed:
    """A published Fact with its source; ``extra`` sets any other field."""
    return Seed(
        "Fact",
        {"slug": slug},
        {
            "topic": topic,
            "order": order,
            "title_zh_hans": title_zh,
            "title_en": title_en,
            "body_zh_hans": body_zh,
            "body_en": body_en,
            **sourced(*source),
            **extra,
        },
    )


def seed_modules() -> list[str]:
    """The modules of this package that hold seeds, by name."""
    import importlib
    import pkgutil

    return [
        info.name
        for info in pkgutil.iter_modules(__path__)
        if hasattr(importlib.import_module(f"{__name__}.{info.name}"), "SEEDS")
    ]
