"""Save codes: encrypt borrower data under a code only the borrower keeps. No Django here.

A save code is 16 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown
in four groups: ``K7QM-3WXP-RT9C-HD4F`` (80 bits of randomness). From the code we derive,
with scrypt, a lookup id (to find the row) and an AES-GCM key (to open it). The server
stores only the lookup id and the ciphertext, so it cannot read the data without the code.

The derivation (scrypt, ~40 ms) is done once: ``open_code(code)`` gives an ``Opened``
(lookup id and key) that is then passed to ``seal`` and ``open_sealed``.

Design note: the salt is fixed, so one guess is tested against every stored row at once
(multi-target). With 79 bits per code this still needs about 10^17 derivations for a million
rows; online guessing is rate-limited before any derivation (advisor.throttle).

>>> opened = open_code(new_code())
>>> sealed = seal(opened, {"debts": [{"amount": "3000.00"}]})
>>> open_sealed(opened, sealed.ciphertext)
{'debts': [{'amount': '3000.00'}]}
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import secrets
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # 31 symbols, no 0/O, 1/I/L
CODE_LENGTH = 16
_SALT = b"borrower-help/save-code/v1"
_NONCE_BYTES = 12
# scrypt cost: ~40 ms and 16 MiB per derivation on these machines; slows guessing.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "maxmem": 64 * 1024 * 1024, "dklen": 64}


class BadCode(ValueError):
    """The code is malformed, or does not open this data."""


@dataclass(frozen=True)
class Opened:
    """What a code gives after the one slow derivation: the row's lookup id and its key."""

    lookup: str
    key: bytes = field(repr=False)


@dataclass(frozen=True)
class Sealed:
    lookup: str
    ciphertext: bytes


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return format_code(raw)


def format_code(raw: str) -> str:
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normalise_code(typed: str) -> str:
    """Accept what people type: lower case, full-width letters, spaces and dashes.

    >>> normalise_code(" k7qm 3wxp－rt9c hd4f ")
    'K7QM3WXPRT9CHD4F'
    """
    text = unicodedata.normalize("NFKC", typed or "").upper()
    cleaned = "".join(ch for ch in text if ch.isalnum())
    if len(cleaned) != CODE_LENGTH or any(ch not in ALPHABET for ch in cleaned):
        raise BadCode("not a save code")
    return cleaned


def _derive(code: str) -> tuple[str, bytes]:
    material = hashlib.scrypt(normalise_code(code).encode(), salt=_SALT, **_SCRYPT)
    lookup = hmac.new(material[:32], b"lookup", hashlib.sha256).hexdigest()
    key = hmac.new(material[32:], b"key", hashlib.sha256).digest()
    return lookup, key


def open_code(code: str) -> Opened:
    """The one slow step (scrypt); raises BadCode when the code is malformed."""
    lookup, key = _derive(code)
    return Opened(lookup, key)


def seal(opened: Opened, data: dict[str, Any]) -> Sealed:
    nonce = os.urandom(_NONCE_BYTES)
    plaintext = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()
    body = AESGCM(opened.key).encrypt(nonce, plaintext, opened.lookup.encode())
    return Sealed(opened.lookup, nonce + body)


def open_sealed(opened: Opened, ciphertext: bytes) -> dict[str, Any]:
    nonce, body = bytes(ciphertext[:_NONCE_BYTES]), bytes(ciphertext[_NONCE_BYTES:])
    try:
        plaintext = AESGCM(opened.key).decrypt(nonce, body, opened.lookup.encode())
    except InvalidTag:
        raise BadCode("this code does not open the data") from None
    data = json.loads(plaintext)
    if not isinstance(data, dict):
        raise BadCode("unexpected data")
    return data
