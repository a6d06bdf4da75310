"""The home-visit indicator (advisor.rules.estimate): pure, no database."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor.rules.estimate import (
    CONTACTS,
    DEFAULT_WEIGHTS,
    LENDER_KINDS,
    LEVELS,
    REASON_CODES,
    REGIONS,
    VISIT_HISTORIES,
    Situation,
    estimate_visit,
    merge_weights,
    stage_for_days,
    what_would_lower,
)

amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("100000000"), places=2)
days = st.integers(min_value=0, max_value=36500)
situations = st.builds(
    Situation,
    amount=amounts,
    days_overdue=days,
    lender_kind=st.sampled_from(LENDER_KINDS),
    contact=st.sampled_from(CONTACTS),
    visit_announced=st.booleans(),
    plan_kept=st.booleans(),
    third_parties_contacted=st.booleans(),
    lawyer_letter=st.booleans(),
    court_notice=st.booleans(),
    broken_promises=st.booleans(),
    region=st.sampled_from(REGIONS),
    visit_history=st.sampled_from(VISIT_HISTORIES),
    outside_agency=st.booleans(),
)
# Editor overrides of the two "never lowers" answers, including hostile negative ones.
points = st.integers(min_value=-50, max_value=50)
visit_and_agency_overrides = st.fixed_dictionaries(
    {
        "earlier_visit": st.fixed_dictionaries({"none": points, "calm": points, "trouble": points}),
        "outside_agency": points,
    }
)


def situation(**changes: object) -> Situation:
    base = Situation(
        amount=Decimal("3000"),
        days_overdue=10,
        lender_kind="online_bank",
        contact="cooperating",
        visit_announced=False,
        plan_kept=False,
    )
    return replace(base, **changes)


def test_the_documented_example_is_high_with_days_and_amount_as_the_main_reasons() -> None:
    est = estimate_visit(
        Situation(
            amount=Decimal("50000"),
            days_overdue=120,
            lender_kind="credit_card",
            contact="not_answering",
            visit_announced=False,
            plan_kept=False,
        )
    )
    assert est.level == "high"
    assert 0 <= est.score <= 100
    assert [r.code for r in est.reasons][:2] == ["days_overdue", "amount"]
    assert all(r.code in REASON_CODES and r.contribution != 0 for r in est.reasons)


@pytest.mark.parametrize("kind", LENDER_KINDS)
@pytest.mark.parametrize(("amount", "days_overdue"), [("500", 1), ("3000", 10), ("4999", 30)])
def test_small_recent_debts_of_a_cooperating_borrower_are_low(
    kind: str, amount: str, days_overdue: int
) -> None:
    est = estimate_visit(
        situation(amount=Decimal(amount), days_overdue=days_overdue, lender_kind=kind)
    )
    assert est.level == "low"


@pytest.mark.parametrize("kind", LENDER_KINDS)
@pytest.mark.parametrize("region", REGIONS)
@pytest.mark.parametrize(("amount", "days_overdue"), [("50000", 120), ("200000", 400)])
def test_large_long_overdue_debts_of_an_unreachable_borrower_are_high_or_very_high(
    kind: str, region: str, amount: str, days_overdue: int
) -> None:
    est = estimate_visit(
        situation(
            amount=Decimal(amount),
            days_overdue=days_overdue,
            lender_kind=kind,
            contact="unreachable",
            region=region,
        )
    )
    assert est.level in ("high", "very_high")


@pytest.mark.parametrize(
    ("lower", "higher"),
    [
        ("cooperating", "not_answering"),
        ("cooperating", "unreachable"),
        ("answering_cannot_pay", "not_answering"),
        ("not_answering", "unreachable"),
    ],
)
def test_contact_ordering(lower: str, higher: str) -> None:
    for days_overdue in (5, 45, 100, 200):
        a = estimate_visit(situation(contact=lower, days_overdue=days_overdue))
        b = estimate_visit(situation(contact=higher, days_overdue=days_overdue))
        assert a.score < b.score


@given(situations, amounts, amounts)
def test_score_never_goes_down_when_the_amount_goes_up(
    s: Situation, a: Decimal, b: Decimal
) -> None:
    low, high = sorted((a, b))
    assert (
        estimate_visit(replace(s, amount=low)).score
        <= estimate_visit(replace(s, amount=high)).score
    )


@given(situations, days, days)
def test_score_never_goes_down_when_the_days_overdue_go_up(s: Situation, a: int, b: int) -> None:
    low, high = sorted((a, b))
    assert (
        estimate_visit(replace(s, days_overdue=low)).score
        <= estimate_visit(replace(s, days_overdue=high)).score
    )


@given(situations)
def test_not_answering_or_unreachable_never_scores_below_cooperating(s: Situation) -> None:
    cooperating = estimate_visit(replace(s, contact="cooperating")).score
    assert estimate_visit(replace(s, contact="not_answering")).score >= cooperating
    assert estimate_visit(replace(s, contact="unreachable")).score >= cooperating


@given(situations)
def test_an_announced_visit_never_lowers_the_score(s: Situation) -> None:
    assert (
        estimate_visit(replace(s, visit_announced=True)).score
        >= estimate_visit(replace(s, visit_announced=False)).score
    )


@given(situations)
def test_a_kept_arrangement_never_raises_the_score(s: Situation) -> None:
    assert (
        estimate_visit(replace(s, plan_kept=True)).score
        <= estimate_visit(replace(s, plan_kept=False)).score
    )


@given(situations, st.sampled_from(VISIT_HISTORIES[1:]), visit_and_agency_overrides)
def test_a_visit_that_already_happened_never_lowers_the_level(
    s: Situation, how: str, override: dict
) -> None:
    for weights in (None, merge_weights(override)):
        before = estimate_visit(replace(s, visit_history="none"), weights)
        after = estimate_visit(replace(s, visit_history=how), weights)
        assert after.score >= before.score
        assert after.rank >= before.rank


@given(situations, visit_and_agency_overrides)
def test_an_outside_agency_never_lowers_the_level(s: Situation, override: dict) -> None:
    for weights in (None, merge_weights(override)):
        before = estimate_visit(replace(s, outside_agency=False), weights)
        after = estimate_visit(replace(s, outside_agency=True), weights)
        assert after.score >= before.score
        assert after.rank >= before.rank


@given(situations, amounts, amounts, days, days)
def test_with_a_visit_and_an_agency_the_score_stays_monotone_in_amount_and_days(
    s: Situation, a: Decimal, b: Decimal, d1: int, d2: int
) -> None:
    s = replace(s, visit_history="trouble", outside_agency=True)
    (low, high), (early, late) = sorted((a, b)), sorted((d1, d2))
    assert (
        estimate_visit(replace(s, amount=low, days_overdue=early)).score
        <= estimate_visit(replace(s, amount=high, days_overdue=late)).score
    )


def test_an_earlier_visit_and_an_outside_agency_raise_a_typical_case_and_say_so() -> None:
    typical = situation(amount=Decimal("20000"), days_overdue=60, contact="answering_cannot_pay")
    base = estimate_visit(typical)
    for changed, code in (
        (replace(typical, visit_history="calm"), "earlier_visit"),
        (replace(typical, visit_history="trouble"), "earlier_visit"),
        (replace(typical, outside_agency=True), "outside_agency"),
    ):
        found = estimate_visit(changed)
        assert found.score > base.score
        assert code in [r.code for r in found.reasons]
    assert "earlier_visit" not in [r.code for r in base.reasons]


def test_no_visit_never_gives_a_visit_reason_whatever_an_editor_sets() -> None:
    weights = merge_weights({"earlier_visit": {"none": 9}, "outside_agency": -4})
    assert weights["earlier_visit"]["none"] == 0 and weights["outside_agency"] == 0
    found = estimate_visit(situation(), weights)
    assert not {"earlier_visit", "outside_agency"} & {r.code for r in found.reasons}


def test_an_announced_visit_raises_and_a_kept_arrangement_lowers_a_typical_case() -> None:
    typical = situation(amount=Decimal("20000"), days_overdue=60, contact="answering_cannot_pay")
    base = estimate_visit(typical).score
    assert estimate_visit(replace(typical, visit_announced=True)).score > base
    assert estimate_visit(replace(typical, plan_kept=True)).score < base


@given(situations)
def test_every_estimate_is_a_level_a_bounded_score_and_reasons_largest_first(
    s: Situation,
) -> None:
    est = estimate_visit(s)
    assert est.level in LEVELS
    assert 0 <= est.score <= 100
    sizes = [abs(r.contribution) for r in est.reasons]
    assert sizes == sorted(sizes, reverse=True)
    assert len({r.code for r in est.reasons}) == len(est.reasons)


@given(situations)
def test_the_level_follows_the_score(s: Situation) -> None:
    est = estimate_visit(s)
    thresholds = DEFAULT_WEIGHTS["levels"]
    expected = sum(est.score >= thresholds[name] for name in ("medium", "high", "very_high"))
    assert LEVELS.index(est.level) == expected


@given(situations)
def test_every_counterfactual_is_recomputed_by_the_same_function_and_lowers_the_score(
    s: Situation,
) -> None:
    current = estimate_visit(s)
    for change in what_would_lower(s):
        assert change.estimate == estimate_visit(change.situation)
        assert change.estimate.score < current.score
        if change.code == "pay_down":
            assert change.payment is not None
            assert change.payment + change.situation.amount == s.amount
            assert 0 < change.payment < s.amount
            assert change.estimate.rank < current.rank


def test_answering_and_keeping_an_arrangement_are_offered_to_someone_not_answering() -> None:
    s = situation(amount=Decimal("60000"), days_overdue=100, contact="not_answering")
    codes = [c.code for c in what_would_lower(s)]
    assert "cooperate" in codes
    assert "keep_arrangement" in codes


def test_paying_down_is_offered_only_when_it_lowers_the_level() -> None:
    s = situation(
        amount=Decimal("52000"),
        days_overdue=100,
        lender_kind="credit_card",
        contact="answering_cannot_pay",
    )
    before = estimate_visit(s)
    pay = [c for c in what_would_lower(s) if c.code == "pay_down"]
    assert before.level == "high"
    assert len(pay) == 1
    assert pay[0].situation.amount == Decimal("49999")
    assert pay[0].payment == Decimal("2001")
    assert pay[0].estimate.level == "medium"
    assert not [c for c in what_would_lower(situation()) if c.code == "pay_down"]


def test_nothing_is_offered_to_a_cooperating_borrower_keeping_an_arrangement_on_a_small_debt() -> (
    None
):
    assert what_would_lower(situation(plan_kept=True)) == ()


def test_weights_are_data_an_override_changes_the_result_and_malformed_parts_are_ignored() -> None:
    s = situation(amount=Decimal("3000"), days_overdue=10)
    assert estimate_visit(s).level == "low"
    louder = merge_weights({"base": 40, "levels": {"medium": 20}})
    assert estimate_visit(s, louder).level in ("medium", "high")
    broken = merge_weights(
        {"base": "many", "amount_bands": "oops", "contact": {"cooperating": None}, "x": 1}
    )
    assert broken == merge_weights(None) == DEFAULT_WEIGHTS
    assert estimate_visit(s, broken) == estimate_visit(s)


@given(situations, amounts, amounts)
def test_amounts_stay_monotone_even_with_non_monotone_editor_bands(
    s: Situation, a: Decimal, b: Decimal
) -> None:
    weights = merge_weights({"amount_bands": [[0, 0], [1000, 30], [5000, 5]]})
    low, high = sorted((a, b))
    assert (
        estimate_visit(replace(s, amount=low), weights).score
        <= estimate_visit(replace(s, amount=high), weights).score
    )


@pytest.mark.parametrize(
    ("days_overdue", "stage"),
    [
        (0, "reminders"),
        (1, "early"),
        (30, "early"),
        (31, "calls"),
        (90, "calls"),
        (91, "outsourcing"),
        (180, "outsourcing"),
        (181, "legal"),
        (1000, "legal"),
    ],
)
def test_days_overdue_map_to_the_typical_escalation_stage(days_overdue: int, stage: str) -> None:
    assert stage_for_days(days_overdue) == stage


def test_a_court_notice_means_the_legal_stage_whatever_the_days() -> None:
    assert stage_for_days(20, court_notice=True) == "legal"
    assert stage_for_days(20, starts=(("a", 0), ("b", 10)), court_notice=True) == "b"
