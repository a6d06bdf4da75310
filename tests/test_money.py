from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from advisor.rules.money import MAX_AMOUNT, AmountError, format_yuan, parse_amount


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
        assert exc.code in {
            "empty",
            "invalid",
            "ambiguous",
            "zero",
            "negative",
            "too_large",
            "too_precise",
        }
    else:
        assert Decimal("0.01") <= value <= Decimal("100000000")
        assert value == value.quantize(Decimal("0.01"))


@given(st.decimals(min_value=Decimal("0.01"), max_value=Decimal("99999999"), places=2))
def test_formatted_amounts_parse_back_to_the_same_value(value: Decimal) -> None:
    assert parse_amount(format_yuan(value)) == value


# --- Whole amounts written every way people write them -------------------------------------

_NUMERALS = "零一二三四五六七八九"


def _chinese(n: int) -> str:
    """An independent writer of standard Chinese numerals (一万零五百, 十二, 一亿), for the oracle."""

    def four(part: int, *, leading: bool) -> str:
        out, zero_pending = "", False
        for unit, place in (("千", 1000), ("百", 100), ("十", 10), ("", 1)):
            digit = part // place % 10
            if digit == 0:
                zero_pending = bool(out) or not leading
                continue
            if zero_pending and (out or not leading):
                out += "零"
            zero_pending = False
            out += (
                "" if leading and not out and unit == "十" and digit == 1 else _NUMERALS[digit]
            ) + unit
        return out

    sections = [(n // 10**8, "亿"), (n // 10**4 % 10**4, "万"), (n % 10**4, "")]
    text, started = "", False
    for part, unit in sections:
        if part == 0:
            continue
        text += four(part, leading=not started) + unit
        started = True
    return text


@pytest.mark.parametrize(
    ("number", "written"),
    [
        (10, "十"),
        (12, "十二"),
        (105, "一百零五"),
        (10500, "一万零五百"),
        (12000, "一万二千"),
        (100000, "十万"),
        (1000000, "一百万"),
        (100000000, "一亿"),
        (20020, "二万零二十"),
    ],
)
def test_the_oracle_writes_chinese_numerals_the_standard_way(number: int, written: str) -> None:
    assert _chinese(number) == written


def _ways_to_write(n: int) -> list[str]:
    ways = [str(n), f"{n:,}", f"¥{n:,}", f"{n}元", f"{n:,}元", _chinese(n), _chinese(n) + "元"]
    ways.append(str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")))
    if n >= 10000:
        wan, rest = divmod(n, 10000)
        ways.append(f"{(Decimal(n) / 10000).normalize():f}万")  # 1.25万, 30万
        ways.append(f"{wan}万{rest:04d}" if rest else f"{wan}万")
        if rest and rest % 1000 == 0:
            ways += [f"{wan}万{rest // 1000}", _chinese(wan * 10000) + _NUMERALS[rest // 1000]]
    return ways


@given(st.integers(min_value=1, max_value=int(MAX_AMOUNT)))
def test_every_way_of_writing_a_whole_amount_reads_back_as_that_amount(n: int) -> None:
    for written in _ways_to_write(n):
        assert parse_amount(written) == Decimal(n), written


@given(st.integers(min_value=1, max_value=9999).map(lambda t: t * 1000))
def test_spoken_shortcuts_after_the_last_unit_are_its_next_place_down(n: int) -> None:
    for written in _ways_to_write(n):
        assert parse_amount(written) == Decimal(n), written


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("一万", 10000),
        ("1万2", 12000),
        ("一万二千", 12000),
        ("一万二", 12000),
        ("三千五", 3500),
        ("两千块", 2000),
        ("壹万贰仟元整", 12000),
        ("1万2500", 12500),
        ("一千零五", 1005),
    ],
)
def test_plain_chinese_numerals_are_accepted(typed: str, expected: int) -> None:
    assert parse_amount(typed) == Decimal(expected)


_comma_groups = st.tuples(
    st.integers(min_value=1, max_value=9999),
    st.lists(st.text("0123456789", min_size=1, max_size=5), min_size=1, max_size=2),
).filter(lambda t: t[0] >= 1000 or any(len(group) != 3 for group in t[1]))


@given(_comma_groups, st.sampled_from(["", ".5", "元", "万"]))
def test_commas_that_do_not_group_thousands_are_refused_as_ambiguous(
    groups: tuple[int, list[str]], tail: str
) -> None:
    first, rest = groups
    typed = ",".join([str(first), *rest]) + tail
    with pytest.raises(AmountError) as caught:
        parse_amount(typed)
    assert caught.value.code == "ambiguous"


@pytest.mark.parametrize("typed", ["12,34", "1,2345", "12,34元", "１２，３４", "1万25"])
def test_amounts_that_could_mean_two_things_are_refused(typed: str) -> None:
    with pytest.raises(AmountError) as caught:
        parse_amount(typed)
    assert caught.value.code == "ambiguous"
