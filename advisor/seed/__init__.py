"""Initial content, drawn from our sourced research (shared/domain-facts.md).

Each module in this package lists ``SEEDS``: ``Seed(model, key, fields)`` records. The
``load_content`` command creates what is missing and leaves rows editors have changed
alone (``--update`` overwrites them from the seed). A foreign key may be given as the
related row's slug, e.g. ``"checklist": "door"``.

Every seeded row must carry a source (title, tier, and a link where there is one) and the
date it was checked, and be written in Simplified Chinese and English.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

REVIEWED = dt.date(2026, 11, 23)


@dataclass(frozen=True)
class Seed:
    model: str
    key: dict[str, Any]
    fields: dict[str, Any] = field(default_factory=dict)


def sourced(title: str, tier: str, url: str = "", reviewed: dt.date = REVIEWED) -> dict[str, Any]:
    """The source fields every content row carries, published."""
    return {
        "source_title": title,
        "source_tier": tier,
        "source_url": url,
        "reviewed_on": reviewed,
        "status": "published",
    }


SEED_MODULES = ("core", "lenders", "check", "plan", "letters", "door", "serious")
