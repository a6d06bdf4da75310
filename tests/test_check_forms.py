"""The guided check's forms: what people type, and the kind messages when we can't use it."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
import time_machine

from advisor.forms.check import (
    AmountForm,
    KindForm,
    LenderForm,
    OverdueForm,
    RegionForm,
    SignalsForm,
)
from advisor.forms.savecode import SaveCodeForm


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("3000", "3000.00"),
        ("3,000", "3000.00"),
        ("3000元", "3000.00"),
        ("¥3000.50", "3000.50"),
        ("￥ 3,000.50 ", "3000.50"),
        ("３０００", "3000.00"),
        ("１２，３４５．６７元", "12345.67"),
        ("1.5万", "15000.00"),
        ("人民币8000", "8000.00"),
    ],
)
def test_amounts_are_accepted_as_people_type_them(typed: str, expected: str) -> None:
    form = AmountForm({"amount": typed})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["amount"] == Decimal(expected)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("0", "zero"),
        ("0.00元", "zero"),
        ("-3000", "negative"),
        ("500000000", "too_large"),
        ("3000.555", "too_precise"),
        ("三千多", "invalid"),
        ("12,34", "ambiguous"),
        ("abc", "invalid"),
        ("3000-4000", "invalid"),
    ],
)
def test_unusable_amounts_get_a_plain_message_for_their_reason(typed: str, code: str) -> None:
    form = AmountForm({"amount": typed})
    assert not form.is_valid()
    messages = AmountForm.base_fields[
        "amount"
    ].messages  # the one amount table, as this question words it
    assert form.errors["amount"] == [str(messages[code])]
    assert "This field" not in str(form.errors)


@pytest.mark.django_db
def test_no_form_uses_djangos_default_required_message(content: None) -> None:
    for form in (
        KindForm({}),
        LenderForm({}),
        AmountForm({}),
        OverdueForm({}),
        SignalsForm({}),
        RegionForm({}),
        SaveCodeForm({}),
    ):
        assert not form.is_valid()
        assert "This field is required" not in str(form.errors)
        assert "这个字段是必填项" not in str(form.errors)


@time_machine.travel("2026-11-23 12:00 +0800", tick=False)
@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"days_range": "31-60"}, {"days_overdue": 31, "days_range": "31-60"}),
        ({"days": "45"}, {"days_overdue": 45, "days_range": ""}),
        ({"days": "45", "days_range": "1-30"}, {"days_overdue": 45, "days_range": ""}),
        ({"first_missed": "2026-11-13"}, {"days_overdue": 10, "first_missed": "2026-11-13"}),
        ({"first_missed": "2026/11/3"}, {"days_overdue": 20, "first_missed": "2026-11-03"}),
        ({"first_missed": "2026年11月3日"}, {"days_overdue": 20}),
    ],
)
def test_days_overdue_come_from_a_range_a_number_or_the_first_missed_date(
    data: dict, expected: dict
) -> None:
    form = OverdueForm(data)
    assert form.is_valid(), form.errors
    answers = form.answers()
    for key, value in expected.items():
        assert answers[key] == value


@time_machine.travel("2026-11-23 12:00 +0800", tick=False)
@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({}, "days_range", "请选择逾期了多久，或者写下天数或日期"),
        ({"days": "很多"}, "days", "天数只写数字，例如 45"),
        ({"days": "-4"}, "days", "天数不能是负数"),
        ({"first_missed": "2027-01-01"}, "first_missed", "这个日期还没到，请写已经过去的日期"),
        ({"first_missed": "昨天"}, "first_missed", "请按 2026-08-01 这样的格式写日期"),
        ({"days_range": "forever"}, "days_range", "请选择逾期了多久"),
    ],
)
def test_days_overdue_errors_say_what_to_do(data: dict, field: str, message: str) -> None:
    form = OverdueForm(data)
    assert not form.is_valid()
    assert form.errors[field] == [message]


def test_none_of_these_cannot_be_combined_with_a_signal() -> None:
    form = SignalsForm({"signals": ["none", "lawyer_letter"]})
    assert not form.is_valid()
    assert form.errors["signals"] == ["“以上都没有”不能和其他选项一起选"]
    assert SignalsForm({"signals": ["lawyer_letter", "court_notice"]}).is_valid()


def test_not_sure_about_the_region_is_stored_as_empty() -> None:
    form = RegionForm({"region": "unknown"})
    assert form.is_valid()
    assert form.cleaned_data["region"] == ""


@pytest.mark.django_db
def test_the_lender_list_follows_the_kind_of_debt_and_always_offers_other(content: None) -> None:
    cards = LenderForm(kind="consumer_finance")
    slugs = [value for value, _label in cards.fields["lender"].choices]
    assert "ant-huabei-jiebei" in slugs
    assert "webank-weilidai" not in slugs
    assert slugs[-1] == "other"
    everything = LenderForm(kind="other")
    assert len(everything.fields["lender"].choices) > len(cards.fields["lender"].choices)
    form = LenderForm({"lender": "webank-weilidai", "lender_other": "ignored"}, kind="online_bank")
    assert form.is_valid()
    assert form.cleaned_data["lender_other"] == ""


def test_a_save_code_is_accepted_however_it_is_typed() -> None:
    form = SaveCodeForm({"code": " k7qm 3wxp－rt9c hd4f "})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["code"] == "K7QM-3WXP-RT9C-HD4F"
    wrong = SaveCodeForm({"code": "K7QM-3WXP"})
    assert not wrong.is_valid()
    assert wrong.errors["code"] == ["保存码是16个字母和数字，请检查一下"]


def test_today_is_the_local_day_for_dates() -> None:
    with time_machine.travel("2026-11-23 23:30 +0800", tick=False):
        form = OverdueForm({"first_missed": dt.date(2026, 11, 23).isoformat()})
        assert form.is_valid()
        assert form.answers()["days_overdue"] == 0


@pytest.mark.parametrize("typed", ["三千多", "abc", "3000块钱左右"])
def test_the_check_and_the_plan_word_an_unreadable_amount_the_same_way(content, typed: str) -> None:
    from advisor.forms.base import AMOUNT_ERRORS
    from advisor.forms.plan import BudgetForm, DebtForm

    one = str(AMOUNT_ERRORS["invalid"])
    check = AmountForm({"amount": typed})
    budget = BudgetForm({"salary": typed})
    debt = DebtForm({"principal": typed, "lender": "other", "lender_name": "某某"})
    assert not check.is_valid() and not budget.is_valid() and not debt.is_valid()
    assert check.errors["amount"] == [one]
    assert budget.errors["salary"] == [one]
    assert debt.errors["principal"] == [one]
