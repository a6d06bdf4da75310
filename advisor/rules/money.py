"""Money: parse what people type, format yuan. Pure Python, no Django.

Amounts are ``Decimal`` in yuan with two places (分). Parsing is forgiving about how people
write numbers and strict about what they mean:

>>> parse_amount("¥3,000.50")
Decimal('3000.50')
>>> parse_amount("３０００元")
Decimal('3000.00')
>>> format_yuan(Decimal("1234567.8"))
'¥1,234,567.80'
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("100000000")  # ¥100 million: above this is a typing mistake, not a debt

_CURRENCY = re.compile(r"^(?:rmb|cny|人民币|¥|￥)|(?:元整|元|块钱|块|rmb|cny)$", re.IGNORECASE)
# One number typed with digits: thousands commas are checked afterwards, a decimal part is optional.
_DIGITS = re.compile(r"[\d,]+(?:\.\d+)?")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
# Plain Chinese numerals for whole amounts, everyday and the 大写 used on receipts.
_CHINESE_DIGITS = {
    **dict.fromkeys("零〇", 0),
    **{c: i for i, c in enumerate("一二三四五六七八九", 1)},
    **{c: i for i, c in enumerate("壹贰叁肆伍陆柒捌玖", 1)},
    "两": 2,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"万": 10000, "亿": 100000000}
_MAX_TYPED = 20  # characters, once spaces, symbols and units are gone


class AmountError(ValueError):
    """A typed amount we cannot accept; ``code`` says why, for a plain-language message."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        # "empty", "invalid", "ambiguous", "zero", "negative", "too_large", "too_precise"
        self.code = code


def parse_amount(text: str, *, maximum: Decimal = MAX_AMOUNT, allow_zero: bool = False) -> Decimal:
    """Turn ``"3,000"``, ``"3000元"``, ``"¥3000.50"``, ``"1.5万"``, ``"1万2"``, ``"一万二千"``
    or full-width digits into yuan.

    Commas must group thousands: ``"12,34"`` could mean 1,234 or 12.34, so it is refused.

    >>> parse_amount("一万二")
    Decimal('12000.00')
    >>> parse_amount("12,34")
    Traceback (most recent call last):
    ...
    advisor.rules.money.AmountError: ambiguous

    Raises AmountError("empty" | "invalid" | "ambiguous" | "zero" | "negative" | "too_large" |
    "too_precise").
    """
    raw = unicodedata.normalize("NFKC", text or "")
    cleaned = "".join(raw.split()).replace("_", "").replace("。", ".")
    if not cleaned:
        raise AmountError("empty")
    negative = cleaned.startswith(("-", "−"))
    cleaned = cleaned.lstrip("-−+")
    for _ in range(2):  # symbol before and unit after, in either order
        cleaned = _CURRENCY.sub("", cleaned)
    if not cleaned or len(cleaned) > _MAX_TYPED:
        raise AmountError("invalid")
    value = _read_number(cleaned)
    if negative and value != 0:
        raise AmountError("negative")
    if value != value.quantize(CENT):
        raise AmountError("too_precise")
    if value == 0 and not allow_zero:
        raise AmountError("zero")
    if value > maximum:
        raise AmountError("too_large")
    return value.quantize(CENT)


def _read_number(text: str) -> Decimal:
    """Digits, Chinese numerals and the units 十百千万亿, read the way people say them.

    A lone digit after the last unit is its next place down ("1万2" = 12,000, "三千五" = 3,500),
    as in speech; digits after 零 are literal ("一万零二" = 10,002); a run of digits after a
    unit must fill its places ("1万2500", never "1万25").
    """
    if set(text) <= {"零", "〇"}:
        return Decimal(0)
    total = section = Decimal(0)
    number: Decimal | None = None
    places = 0  # how many digits the pending number was typed with (0: a Chinese numeral)
    last_unit = small_floor = big_floor = 0
    after_zero = decimal_closed = False
    position = 0
    while position < len(text):
        char = text[position]
        if decimal_closed:
            raise AmountError("invalid")
        digits = _DIGITS.match(text, position)
        if digits or char in _CHINESE_DIGITS and _CHINESE_DIGITS[char]:
            if number is not None:
                raise AmountError("invalid")
            if digits:
                number, places = _read_digits(digits.group())
                position = digits.end()
            else:
                number, places = Decimal(_CHINESE_DIGITS[char]), 0
                position += 1
            continue
        position += 1
        if char in _CHINESE_DIGITS:  # 零: the next digit is literal
            if number is not None or last_unit == 0:
                raise AmountError("invalid")
            after_zero = True
        elif char in _SMALL_UNITS:
            unit = _SMALL_UNITS[char]
            if number is None and unit == 10 and section == 0 and last_unit == 0:
                number = Decimal(1)  # "十二" is twelve
            if number is None or number >= 10 or (small_floor and unit >= small_floor):
                raise AmountError("invalid")
            decimal_closed = number != number.to_integral_value()
            section += number * unit
            number, last_unit, small_floor, after_zero = None, unit, unit, False
        elif char in _BIG_UNITS:
            unit = _BIG_UNITS[char]
            if number is not None:
                if small_floor and number >= 10:
                    raise AmountError("invalid")
                decimal_closed = number != number.to_integral_value()
                section += number
            if section == 0 or (big_floor and unit >= big_floor):
                raise AmountError("invalid")
            total += section * unit
            section, number, last_unit, big_floor, small_floor = Decimal(0), None, unit, unit, 0
            after_zero = False
        else:
            raise AmountError("invalid")
    if number is not None:
        section += _trailing(number, places, last_unit, after_zero=after_zero)
    return total + section


def _read_digits(typed: str) -> tuple[Decimal, int]:
    whole, _, _ = typed.partition(".")
    if not whole.replace(",", ""):
        raise AmountError("invalid")
    if "," in whole and not _THOUSANDS.fullmatch(whole):
        raise AmountError("ambiguous")
    return Decimal(typed.replace(",", "")), len(whole.replace(",", ""))


def _trailing(number: Decimal, places: int, last_unit: int, *, after_zero: bool) -> Decimal:
    """The number written after the last unit (see _read_number)."""
    if last_unit == 0:
        return number
    if number != number.to_integral_value():
        raise AmountError("invalid")
    place = last_unit // 10
    if after_zero:
        if number >= place:
            raise AmountError("invalid")
        return number
    if places > 1:
        if places != len(str(place)):
            raise AmountError("ambiguous")
        return number
    return number * place


def to_cents(value: Decimal) -> Decimal:
    """Round once, half up, to the 分."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def format_yuan(value: Decimal, *, symbol: str = "¥") -> str:
    amount = to_cents(value)
    sign = "-" if amount < 0 else ""
    return f"{sign}{symbol}{abs(amount):,.2f}"
