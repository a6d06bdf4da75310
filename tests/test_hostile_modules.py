"""Hostile input against the pure modules (no Django): nothing but the documented errors.

Strategies cover absurd numbers, every Unicode category including control and format
characters, 100 KB strings, markup, template syntax, SQL fragments, negative and
full-width numbers.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from advisor import check_answers, check_steps, vault
from advisor.rules import door, estimate, letter, money, schedule

FIXED = [
    "",
    " ",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "{{ 7|add:7 }}",
    "{% debug %}",
    "'; DROP TABLE django_session; --",
    "1' OR '1'='1",
    "-3000",
    "－３０００",
    "３０００",
    "３，０００．５０元",
    "1e309",
    "1E5",
    "NaN",
    "Infinity",
    "-0",
    "0x10",
    "9" * 400,
    "0.000000001",
    "١٢٣٤",  # Arabic-Indic digits
    "௧௨௩",  # Tamil digits
    "\x00",
    "3\x000",
    "\u202e0003",
    "\ufeff3000",
    "3\u200b000",
    "\r\n3000\r\n",
    "一万",
    "1.5万万",
    "万",
    "¥",
    "A" * 100_000,
    "中" * 100_000,
]

hostile_text = st.one_of(
    st.sampled_from(FIXED),
    st.text(max_size=300),
    st.text(
        alphabet=st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Nd", "No", "Sc"]),
        max_size=50,
    ),
    st.integers().map(str),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.floats().map(str),
    st.from_regex(r"[-+－＋]?[0-9０-９,，.。]{1,30}(元|万|块)?", fullmatch=True),
)

SLOW = hsettings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

AMOUNT_CODES = {"empty", "invalid", "ambiguous", "zero", "negative", "too_large", "too_precise"}


@SLOW
@given(hostile_text)
@example("-3000")
@example("－３０００")
def test_parse_amount_returns_a_sane_amount_or_a_known_error(text: str) -> None:
    try:
        value = money.parse_amount(text)
    except money.AmountError as error:
        assert error.code in AMOUNT_CODES
        return
    assert isinstance(value, Decimal)
    assert value.is_finite()
    assert Decimal("0.01") <= value <= money.MAX_AMOUNT
    assert value == value.quantize(Decimal("0.01"))


@pytest.mark.parametrize("text", ["-3000", "－３０００", "−3000", "-¥3,000"])
def test_negative_amounts_are_refused_with_their_own_message_code(text: str) -> None:
    with pytest.raises(money.AmountError) as caught:
        money.parse_amount(text)
    assert caught.value.code == "negative"


@pytest.mark.parametrize("text", ["9" * 400, "1e309", "1" + "0" * 12, "1.5万万"])
def test_absurd_amounts_are_refused(text: str) -> None:
    with pytest.raises(money.AmountError) as caught:
        money.parse_amount(text)
    assert caught.value.code in {"invalid", "too_large"}


@pytest.mark.parametrize(
    "text", ["<script>alert(1)</script>", "{{ 7|add:7 }}", "1' OR '1'='1", "\x00"]
)
def test_markup_and_injection_are_not_amounts(text: str) -> None:
    with pytest.raises(money.AmountError) as caught:
        money.parse_amount(text)
    assert caught.value.code in {"invalid", "empty"}


@SLOW
@given(st.decimals(min_value=Decimal("0.01"), max_value=money.MAX_AMOUNT, places=2))
def test_formatted_amounts_parse_back_to_themselves(value: Decimal) -> None:
    assert money.parse_amount(money.format_yuan(value)) == value


@SLOW
@given(st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**15), max_value=10**15))
def test_format_yuan_never_fails_on_finite_amounts(value: Decimal) -> None:
    text = money.format_yuan(value)
    assert re.fullmatch(r"-?¥\d{1,3}(,\d{3})*\.\d\d", text)


CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@SLOW
@given(hostile_text, st.integers(min_value=0, max_value=letter.MAX_LETTER_CHARS))
def test_letter_clean_text_removes_control_characters_and_bounds_length(
    text: str, limit: int
) -> None:
    cleaned = letter.clean_text(text, limit=limit)
    assert len(cleaned) <= limit
    assert not CONTROL.search(cleaned)
    assert "\r" not in cleaned


@SLOW
@given(st.dictionaries(st.sampled_from([p.key for p in letter.PLACEHOLDERS]), hostile_text))
def test_letter_fill_never_rescans_typed_values(values: dict[str, str]) -> None:
    template = "".join(f"[{p.zh}]" for p in letter.PLACEHOLDERS)
    text = letter.fill(template, values)
    assert not CONTROL.search(text)
    # A typed value that looks like a placeholder stays as typed: no second substitution.
    sneaky = letter.fill("[姓名] [身份证号]", {"name": "[身份证号]", "id_number": "X"})
    assert sneaky == "[身份证号] X"


@SLOW
@given(hostile_text)
def test_letter_mask_id_never_fails_and_never_reveals_a_full_id(text: str) -> None:
    masked = letter.mask_id(text)
    assert isinstance(masked, str)


@pytest.mark.parametrize(
    "raw", ["110101199003071234", "11010119900307123X", "１１０１０１１９９００３０７１２３４"]
)
def test_a_full_id_number_keeps_only_its_first_and_last_four(raw: str) -> None:
    masked = letter.mask_id(raw)
    assert masked.startswith("1101") and masked[-4:] in {"1234", "123X"}
    assert "19900307" not in masked


@SLOW
@given(hostile_text)
def test_save_codes_are_normalised_or_refused(text: str) -> None:
    try:
        code = vault.normalise_code(text)
    except vault.BadCode:
        return
    assert len(code) == vault.CODE_LENGTH
    assert set(code) <= set(vault.ALPHABET)


@SLOW
@given(st.lists(hostile_text, max_size=20), st.lists(st.text(min_size=1, max_size=10), max_size=10))
def test_door_clean_codes_keeps_only_known_codes(submitted: list[str], known: list[str]) -> None:
    cleaned = door.clean_codes(submitted, known)
    assert set(cleaned) <= set(known)
    result = door.door_verdict(cleaned, known[:3])
    assert result.verdict in set(door.DoorVerdict)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | st.sampled_from(FIXED[:20]),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)
# Every key a question keeps (read from the steps), one it does not, and any JSON value.
ANSWER_KEYS = sorted({key for item in check_steps.STEPS for key in item.keys})
answer_dicts = st.dictionaries(
    st.sampled_from([*ANSWER_KEYS, "x"]), json_values, max_size=len(ANSWER_KEYS) + 1
)


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(answer_dicts, max_size=check_steps.MAX_DEBTS + 2),
    st.integers(min_value=-2, max_value=check_steps.MAX_DEBTS + 2),
    st.sampled_from([*check_steps.SLUGS, "nope", ""]),
)
def test_the_question_sequence_copes_with_any_stored_answers(
    debts: list[dict], index: int, slug: str
) -> None:
    place = check_steps.guard_step(debts, index, slug)
    assert place is None or (place.slug in check_steps.SLUGS and place.index >= 0)
    for answers in debts:
        slug = check_steps.first_incomplete(answers)
        assert slug is None or slug in check_steps.SLUGS
    place = check_steps.first_unanswered(debts)
    assert place is None or place.slug in check_steps.SLUGS


typed_answer_dicts = st.dictionaries(
    st.sampled_from(
        [*{key for item in check_steps.STEPS for key in item.keys}, "lender_other"]
        + ["days_range", "first_missed", "x"]
    ),
    json_values | st.sampled_from(["2026-10-09", "2999-01-01", "31-60", "other", "52000.00"]),
    max_size=14,
)


@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(typed_answer_dicts)
def test_any_stored_answers_parse_into_typed_answers_that_read_back_the_same(raw: dict) -> None:
    debt = check_answers.clean_debt(raw)
    assert debt.kind is None or debt.kind in estimate.LENDER_KINDS
    assert debt.amount is None or Decimal("0") <= debt.amount <= money.MAX_AMOUNT
    assert debt.days_overdue is None or debt.days_overdue >= 0
    assert debt.first_missed is None or debt.first_missed <= dt.date.today() + dt.timedelta(1)
    assert isinstance(debt.signals, tuple) and isinstance(debt.lender_other, str)
    for value in (debt.lender, debt.contact, debt.visit_history, debt.agency, debt.region):
        assert value is None or isinstance(value, str)
    assert debt.complete == (debt.next_question is None)
    assert isinstance(debt.situation(), estimate.Situation)
    assert check_answers.clean_debt(dict(debt)) == debt  # the stored form parses to itself


@SLOW
@given(
    amount=st.decimals(min_value=Decimal("0.01"), max_value=money.MAX_AMOUNT, places=2),
    days=st.integers(min_value=0, max_value=10_000),
    kind=st.sampled_from(sorted(estimate.LENDER_KINDS)),
    contact=st.sampled_from(sorted(estimate.CONTACTS)),
    flags=st.lists(st.booleans(), min_size=6, max_size=6),
    region=st.sampled_from(estimate.REGIONS),
)
def test_the_estimate_gives_a_level_for_every_situation(
    amount: Decimal, days: int, kind: str, contact: str, flags: list[bool], region: str
) -> None:
    situation = estimate.Situation(
        amount=amount,
        days_overdue=days,
        lender_kind=kind,
        contact=contact,
        visit_announced=flags[0],
        plan_kept=flags[1],
        third_parties_contacted=flags[2],
        lawyer_letter=flags[3],
        court_notice=flags[4],
        broken_promises=flags[5],
        region=region,
    )
    result = estimate.estimate_visit(situation)
    assert result.level
    assert all(reason.code in estimate.REASON_CODES for reason in result.reasons)


@SLOW
@given(
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31)),
    st.integers(min_value=1, max_value=60),
    st.one_of(st.none(), st.integers(min_value=1, max_value=31)),
)
def test_payment_dates_are_increasing_and_exist(
    first: dt.date, count: int, pay_day: int | None
) -> None:
    dates = schedule.payment_dates(first, count, pay_day=pay_day)
    assert len(dates) == count
    assert all(a < b for a, b in zip(dates, dates[1:], strict=False))


def test_a_stored_day_range_that_is_not_text_is_dropped_not_a_crash() -> None:
    # Found by the property test above: a list cannot be looked up among the ranges.
    debt = check_answers.clean_debt({"days_overdue": 0, "days_range": []})
    assert debt.days_overdue == 0 and dict(debt).get("days_range", "") == ""
