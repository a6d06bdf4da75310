from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor.rules.money import AmountError, format_yuan, parse_amount


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("3000", "3000.00"),
        ("3,000", "3000.00"),
        ("3000元", "3000.00"),
        ("¥3000.50", "3000.50"),
        ("￥3,000.5", "3000.50"),
        ("３０００", "3000.00"),
        ("３，０００．５０元", "3000.50"),
        (" 1.5万 ", "15000.00"),
        ("RMB 200", "200.00"),
        ("人民币200元", "200.00"),
    ],
)
def test_it_accepts_the_ways_people_write_amounts(typed: str, expected: str) -> None:
    assert parse_amount(typed) == Decimal(expected)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("abc", "invalid"),
        ("3000 dollars", "invalid"),
        ("1e5", "invalid"),
        ("0", "zero"),
        ("0.00元", "zero"),
        ("-200", "negative"),
        ("200000000", "too_large"),
        ("12.345", "too_precise"),
        ("<script>", "invalid"),
        ("{{ 7*7 }}", "invalid"),
    ],
)
def test_it_rejects_what_is_not_a_sensible_amount(typed: str, code: str) -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount(typed)
    assert caught.value.code == code


@given(st.text(max_size=200))
def test_parsing_any_text_either_gives_a_positive_amount_or_a_coded_error(text: str) -> None:
    try:
        value = parse_amount(text)
    except AmountError as exc:
        assert exc.code in {"empty", "invalid", "zero", "negative", "too_large", "too_precise"}
    else:
        assert Decimal("0.01") <= value <= Decimal("100000000")
        assert value == value.quantize(Decimal("0.01"))


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999999"), places=2))
def test_formatted_amounts_parse_back_to_the_same_value(value: Decimal) -> None:
    assert parse_amount(format_yuan(value)) == value
