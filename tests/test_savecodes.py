"""Save codes: data is encrypted under a code only the borrower keeps."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from advisor import savecodes, vault
from advisor.models import SavedBundle


def test_a_code_opens_what_was_sealed_with_it() -> None:
    opened = vault.open_code(vault.new_code())
    sealed = vault.seal(opened, {"note": "催收员 张三"})
    assert vault.open_sealed(opened, sealed.ciphertext) == {"note": "催收员 张三"}


def test_another_code_cannot_open_the_data() -> None:
    sealed = vault.seal(vault.open_code(vault.new_code()), {"note": "x"})
    with pytest.raises(vault.BadCode):
        vault.open_sealed(vault.open_code(vault.new_code()), sealed.ciphertext)


def test_typed_codes_are_normalised() -> None:
    code = vault.new_code()
    typed = " " + code.lower().replace("-", " ") + " "
    assert vault.open_code(typed) == vault.open_code(code)
    with pytest.raises(vault.BadCode):
        vault.normalise_code("too-short")


@pytest.mark.django_db
def test_saved_rows_hold_no_readable_text_and_expire_after_90_days() -> None:
    secret = "证据：王五在晚上11点打电话威胁"
    with time_machine.travel(dt.datetime(2026, 1, 1, tzinfo=dt.UTC), tick=False):
        code = savecodes.create({"evidence": [secret]})
        row = SavedBundle.objects.get()
        assert secret.encode() not in bytes(row.ciphertext)
        assert "证据".encode() not in bytes(row.ciphertext)
        assert code.replace("-", "") not in row.lookup
        assert savecodes.get(code) == {"evidence": [secret]}
    with time_machine.travel(dt.datetime(2026, 3, 30, tzinfo=dt.UTC), tick=False):
        assert savecodes.purge_expired() == 0  # used on Jan 1: 88 days ago
    with time_machine.travel(dt.datetime(2026, 4, 2, tzinfo=dt.UTC), tick=False):
        with pytest.raises(savecodes.BadCode):
            savecodes.get(code)
        assert savecodes.purge_expired() == 1
    assert SavedBundle.objects.count() == 0


def test_save_codes_are_derived_at_a_cost_that_slows_guessing() -> None:
    from tests.conftest import PRODUCTION_SCRYPT

    assert PRODUCTION_SCRYPT["n"] >= 2**14 and PRODUCTION_SCRYPT["r"] >= 8
