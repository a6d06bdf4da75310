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
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

CENT = Decimal("0.01")
MAX_AMOUNT = Decimal("100000000")  # ¥100 million: above this is a typing mistake, not a debt

_CURRENCY = re.compile(r"^(?:rmb|cny|人民币|¥|￥)|(?:元整|元|块钱|块|rmb|cny)$", re.IGNORECASE)
_WAN = re.compile(r"^(?P<n>.+?)万$")


class AmountError(ValueError):
    """A typed amount we cannot accept; ``code`` says why, for a plain-language message."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code  # "empty", "invalid", "zero", "negative", "too_large", "too_precise"


def parse_amount(text: str, *, maximum: Decimal = MAX_AMOUNT, allow_zero: bool = False) -> Decimal:
    """Turn ``"3,000"``, ``"3000元"``, ``"¥3000.50"``, ``"1.5万"`` or full-width digits into yuan.

    Raises AmountError("empty" | "invalid" | "zero" | "negative" | "too_large" | "too_precise").
    """
    raw = unicodedata.normalize("NFKC", text or "")
    cleaned = "".join(raw.split()).replace(",", "").replace("，", "").replace("_", "")
    cleaned = cleaned.replace("。", ".")
    if not cleaned:
        raise AmountError("empty")
    negative = cleaned.startswith(("-", "−"))
    cleaned = cleaned.lstrip("-−+")
    for _ in range(2):  # symbol before and unit after, in either order
        cleaned = _CURRENCY.sub("", cleaned)
    multiplier = Decimal(1)
    wan = _WAN.match(cleaned)
    if wan:
        cleaned, multiplier = wan.group("n"), Decimal(10000)
    if len(cleaned) > 20 or not re.fullmatch(r"\d+(?:\.\d+)?", cleaned):
        raise AmountError("invalid")
    try:
        value = Decimal(cleaned) * multiplier
    except InvalidOperation:  # pragma: no cover - the regex already guards this
        raise AmountError("invalid") from None
    if negative and value != 0:
        raise AmountError("negative")
    if value != value.quantize(CENT):
        raise AmountError("too_precise")
    if value == 0 and not allow_zero:
        raise AmountError("zero")
    if value > maximum:
        raise AmountError("too_large")
    return value.quantize(CENT)


def to_cents(value: Decimal) -> Decimal:
    """Round once, half up, to the 分."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def format_yuan(value: Decimal, *, symbol: str = "¥") -> str:
    amount = to_cents(value)
    sign = "-" if amount < 0 else ""
    return f"{sign}{symbol}{abs(amount):,.2f}"
