"""The home-visit indicator: a rough, explained rule-of-thumb. Pure Python, no Django.

There is no official probability of a collection home visit (上门催收 / 外访). Public
descriptions of practice name a handful of factors (domain-facts §3.4): the amount owed,
how long it is overdue, whether the lender can reach the borrower, the borrower's
attitude, the kind of lender, the region. This module turns those factors into an ordered
*level* with the reasons behind it. It never produces a percentage.

>>> from decimal import Decimal
>>> est = estimate_visit(Situation(amount=Decimal("50000"), days_overdue=120,
...     lender_kind="credit_card", contact="not_answering",
...     visit_announced=False, plan_kept=False))
>>> est.level
'high'
>>> [r.code for r in est.reasons][:2]
['days_overdue', 'amount']

Weights and thresholds are data (``DEFAULT_WEIGHTS``). Editors can override any part of
them from the admin (an ``EstimateVersion`` row); ``merge_weights`` lays such an override
over the defaults and ignores anything malformed, so a typo cannot break the result page.

Properties the tests hold the defaults to:

- the score never goes down when the amount or the days overdue go up, all else equal
  (amount and day points are the best band reached, so this holds for any weights);
- not answering or being unreachable scores higher than cooperating;
- an announced visit raises the score; a kept repayment arrangement lowers it;
- a visit that already happened, or an account the lender says is with an outside
  collection agency, never lowers the score (``merge_weights`` holds this for any override).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

LEVELS = ("low", "medium", "high", "very_high")
LENDER_KINDS = ("credit_card", "online_bank", "consumer_finance", "platform", "small_loan", "other")
CONTACTS = ("cooperating", "answering_cannot_pay", "not_answering", "unreachable")
REGIONS = ("tier1", "tier2", "tier3", "rural", "")
# Has someone already come to the door for this debt: no; yes, calm; yes, with threats or trouble.
VISIT_HISTORIES = ("none", "calm", "trouble")

# Every number here is a heuristic of ours, built from qualitative descriptions of practice
# (domain-facts §3.2, §3.4). None of it is an official figure; editors may tune it.
DEFAULT_WEIGHTS: dict[str, Any] = {
    "base": 10,
    # [from amount in yuan, points]: the points of the highest band reached.
    "amount_bands": [[0, 0], [5000, 4], [10000, 7], [20000, 10], [50000, 15], [100000, 20]],
    # [from day overdue, points]: visits cluster after about 90 days (M3+), §3.2.
    "days_bands": [[0, 0], [31, 5], [61, 10], [91, 20], [181, 25]],
    # Card centres historically used field visits; online lenders rely more on phone
    # and litigation (§3.4 point 6). "other" sits in the middle: we do not know.
    "lender_kind": {
        "credit_card": 8,
        "small_loan": 5,
        "other": 4,
        "platform": 3,
        "consumer_finance": 2,
        "online_bank": 0,
    },
    # Being out of contact (失联) is the biggest trigger in practice articles (§3.4 point 3);
    # engaging and making a plan means fewer escalations (point 4).
    "contact": {
        "cooperating": -5,
        "answering_cannot_pay": 0,
        "not_answering": 12,
        "unreachable": 20,
    },
    "visit_announced": 15,
    "third_parties_contacted": 5,
    "lawyer_letter": 3,
    "court_notice": 0,
    "broken_promises": 6,
    "plan_kept": -20,
    "region": {"tier1": 3, "tier2": 3, "tier3": 0, "rural": -3, "": 0},
    # A visit already made shows the lender knows where to find the borrower and spends on
    # visits (a valid address, §3.4 point 7). No rule says whether or when another follows
    # (§8.12: it depends on the lender, the borrower's contact and plan, the balance); that
    # it makes another more likely is our heuristic. How the visit went is not known to
    # change that, so both outcomes weigh the same (the advice differs, not the indicator).
    "earlier_visit": {"none": 0, "calm": 12, "trouble": 12},
    # Outsourcing to agencies is described as common after about 90 days, when visits also
    # become more likely (§3.2); agencies are also described as working mostly by phone
    # (§3.2, undercover reports), so an outside agency raises the indicator a little.
    "outside_agency": 5,
    # Lowest score of each level above "low".
    "levels": {"medium": 30, "high": 50, "very_high": 70},
}

# Where a debt usually is on the escalation path, by day overdue (typical practice,
# domain-facts §3.2; the days are the M1/M2/M3/6-month markers the sources use).
DEFAULT_STAGE_STARTS: tuple[tuple[str, int], ...] = (
    ("reminders", 0),
    ("early", 1),
    ("calls", 31),
    ("outsourcing", 91),
    ("legal", 181),
)

# Yes/no parts of a Situation that add their own weight (each is also its reason code).
FLAGS = (
    "visit_announced",
    "third_parties_contacted",
    "lawyer_letter",
    "court_notice",
    "broken_promises",
    "plan_kept",
    "outside_agency",
)
# Why an estimate is what it is, as codes; each check step words its own (check_steps.REASON_TEXTS).
REASON_CODES = (
    "amount",
    "days_overdue",
    "lender_kind",
    "contact_cooperating",
    "contact_answering_cannot_pay",
    "contact_not_answering",
    "contact_unreachable",
    "region",
    "earlier_visit",
    *FLAGS,
)


@dataclass(frozen=True)
class Situation:
    """One debt as the borrower described it. Amount in yuan."""

    amount: Decimal
    days_overdue: int
    lender_kind: str
    contact: str
    visit_announced: bool = False
    plan_kept: bool = False
    third_parties_contacted: bool = False
    lawyer_letter: bool = False
    court_notice: bool = False
    broken_promises: bool = False
    region: str = ""
    visit_history: str = "none"  # one of VISIT_HISTORIES
    outside_agency: bool = False


@dataclass(frozen=True)
class Reason:
    code: str  # one of REASON_CODES
    contribution: int  # signed points; positive raises the score


@dataclass(frozen=True)
class Estimate:
    level: str
    score: int
    reasons: tuple[Reason, ...]

    @property
    def rank(self) -> int:
        """0 for low … 3 for very_high."""
        return LEVELS.index(self.level)


@dataclass(frozen=True)
class Counterfactual:
    """What would lower the indicator, recomputed by ``estimate_visit`` itself."""

    code: str  # "cooperate", "keep_arrangement", "pay_down"
    situation: Situation
    estimate: Estimate
    payment: Decimal | None = None  # for "pay_down": paying this much now


def _int(value: Any, default: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return default
    return int(value)


def _bands(value: Any, default: list[list[int]]) -> list[list[int]]:
    if not isinstance(value, list) or not value:
        return copy.deepcopy(default)
    bands = []
    for item in value:
        if not isinstance(item, list | tuple) or len(item) != 2:
            return copy.deepcopy(default)
        start, points = item
        if isinstance(start, bool) or not isinstance(start, int | float) or start < 0:
            return copy.deepcopy(default)
        bands.append([start, _int(points, 0)])
    return sorted(bands)


def _table(value: Any, default: dict[str, int]) -> dict[str, int]:
    table = dict(default)
    if isinstance(value, dict):
        for key, points in value.items():
            if key in default:
                table[key] = _int(points, default[key])
    return table


def merge_weights(override: dict[str, Any] | None = None) -> dict[str, Any]:
    """The defaults with an editor's override laid on top; malformed parts are ignored."""
    merged = copy.deepcopy(DEFAULT_WEIGHTS)
    if not isinstance(override, dict):
        return merged
    for key in ("base", *FLAGS):
        merged[key] = _int(override.get(key), merged[key])
    for key in ("amount_bands", "days_bands"):
        if key in override:
            merged[key] = _bands(override[key], merged[key])
    for key in ("lender_kind", "contact", "region", "earlier_visit", "levels"):
        merged[key] = _table(override.get(key), merged[key])
    # An earlier visit or an outside agency never lowers the indicator, whatever an override
    # says; "no visit" adds nothing (its reason would read as if a visit had happened).
    merged["outside_agency"] = max(0, merged["outside_agency"])
    merged["earlier_visit"] = {
        key: 0 if key == "none" else max(0, points)
        for key, points in merged["earlier_visit"].items()
    }
    return merged


def _band_points(value: Decimal | int, bands: list[list[int]]) -> int:
    # The best band reached: monotone in value whatever the editor typed.
    return max([points for start, points in bands if value >= start] or [0])


def level_for(score: int, thresholds: dict[str, int]) -> str:
    level = "low"
    for name in LEVELS[1:]:
        if score >= thresholds[name]:
            level = name
    return level


def estimate_visit(situation: Situation, weights: dict[str, Any] | None = None) -> Estimate:
    """The indicator for one debt: a level, a 0–100 score and the reasons, largest first.

    ``weights`` is a full weight table (``merge_weights(override)``); None means defaults.
    """
    w = weights if weights is not None else DEFAULT_WEIGHTS
    parts: list[tuple[str, int]] = [
        ("amount", _band_points(situation.amount, w["amount_bands"])),
        ("days_overdue", _band_points(situation.days_overdue, w["days_bands"])),
        ("lender_kind", w["lender_kind"].get(situation.lender_kind, w["lender_kind"]["other"])),
        (f"contact_{situation.contact}", w["contact"].get(situation.contact, 0)),
        ("region", w["region"].get(situation.region, 0)),
        ("earlier_visit", w["earlier_visit"].get(situation.visit_history, 0)),
    ]
    for flag in FLAGS:
        if getattr(situation, flag):
            parts.append((flag, w[flag]))
    total = w["base"] + sum(points for _, points in parts)
    score = max(0, min(100, total))
    reasons = tuple(
        Reason(code, points)
        for code, points in sorted(parts, key=lambda part: -abs(part[1]))
        if points != 0
    )
    return Estimate(level=level_for(score, w["levels"]), score=score, reasons=reasons)


def _pay_down(situation: Situation, weights: dict[str, Any]) -> tuple[Situation, Decimal] | None:
    """The smallest payment now that drops the debt into a lower amount band *and* lowers
    the level, if there is one (a lower score within the same level is not worth a payment).
    """
    current = estimate_visit(situation, weights)
    starts = sorted(
        (
            Decimal(str(start))
            for start, _ in weights["amount_bands"]
            if 1 < Decimal(str(start)) <= situation.amount
        ),
        reverse=True,
    )
    for start in starts:
        changed = replace(situation, amount=start - 1)  # one yuan under the band's start
        if estimate_visit(changed, weights).rank < current.rank:
            return changed, situation.amount - changed.amount
    return None


def what_would_lower(
    situation: Situation, weights: dict[str, Any] | None = None
) -> tuple[Counterfactual, ...]:
    """Changes within the borrower's reach that lower the score, biggest effect first."""
    w = weights if weights is not None else DEFAULT_WEIGHTS
    current = estimate_visit(situation, w)
    options: list[tuple[str, Situation, Decimal | None]] = []
    if situation.contact != "cooperating":
        options.append(("cooperate", replace(situation, contact="cooperating"), None))
    if not situation.plan_kept:
        options.append(
            (
                "keep_arrangement",
                replace(situation, plan_kept=True, broken_promises=False),
                None,
            )
        )
    paid = _pay_down(situation, w)
    if paid is not None:
        options.append(("pay_down", paid[0], paid[1]))
    found = []
    for code, changed, payment in options:
        estimate = estimate_visit(changed, w)
        if estimate.score < current.score:
            found.append(Counterfactual(code, changed, estimate, payment))
    return tuple(sorted(found, key=lambda item: item.estimate.score))


def stage_for_days(
    days_overdue: int,
    *,
    court_notice: bool = False,
    starts: tuple[tuple[str, int], ...] = DEFAULT_STAGE_STARTS,
) -> str:
    """The escalation stage code typical practice puts this debt in.

    A court or arbitration notice means the legal stage has begun, whatever the days.
    """
    ordered = sorted(starts, key=lambda item: item[1])
    if court_notice and any(code == "legal" for code, _ in ordered):
        return "legal"
    stage = ordered[0][0]
    for code, start in ordered:
        if days_overdue >= start:
            stage = code
    return stage
