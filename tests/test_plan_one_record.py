"""One record per debt (issue 24, item 3).

A plan debt brought in from the check refers to the check's debt and keeps only the plan's
own extras (charges, rate); a debt added on the plan page keeps its own amount. The plan's
state is one typed value (``PlanState``), parsed once and written back whole; older stored
formats are migrated when read.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.http import HttpResponse
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from advisor import content as site_content
from advisor import plan_answers, session
from advisor.check_answers import clean_debt
from advisor.models import LenderKind
from advisor.plan_answers import PlanDebt, PlanSettings, PlanState
from advisor.rules import letter
from advisor.rules.budget import ESSENTIALS, INCOME_SOURCES, Budget
from advisor.rules.money import format_yuan
from advisor.rules.plan import STRATEGIES
from tests.helpers import debt_with, store_areas, stored_answers
from tests.sample_borrower import FIRST_DEBT

pytestmark = pytest.mark.django_db

D = Decimal
KINDS = [value for value, _label in LenderKind.choices]


def check_debt(kind: str, lender: str, amount: str, lender_other: str = "") -> dict[str, Any]:
    """One check debt, every question answered (the declarations' first sample otherwise)."""
    return stored_answers(
        debt_with(
            FIRST_DEBT,
            kind={"kind": kind},
            lender={"lender": lender, "lender_other": lender_other},
            amount={"amount": amount},
        )
    )


CARD = check_debt("credit_card", "cmb-credit-card", "23456.78")
HUABEI = check_debt("consumer_finance", "ant-huabei-jiebei", "8800.00")
SMALL = check_debt("small_loan", "other", "5000.00", "某某小额贷款公司")
OWN = {
    "lender": "other",
    "lender_other": "某某网贷",
    "kind": "platform",
    "amount": "3000.00",
    "charges": "",
    "rate": "",
}


stored = store_areas


def area(client: Client, name: str) -> Any:
    return client.session[session.KEY].get(name)


def state_of(client: Client) -> PlanState:
    request = type("R", (), {"session": client.session, "COOKIES": {}})()
    return plan_answers.load(request)


def linked(index: int, charges: str = "", rate: str = "") -> dict[str, Any]:
    return {"check_index": index, "charges": charges, "rate": rate}


def plan_area(*debts: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"format": plan_answers.FORMAT, "debts": list(debts), "imported": True, **extra}


# --- The check's record is the one the plan reads ----------------------------------------


def test_the_plan_keeps_only_its_own_extras_for_a_check_debt(content, client: Client) -> None:
    stored(client, check={"debts": [CARD, HUABEI]})
    client.get("/plan/debts/")
    kept = area(client, "plan")["debts"]
    assert kept == [linked(0), linked(1)]
    assert not any("amount" in debt or "lender" in debt for debt in kept)


def test_a_removed_check_debt_leaves_the_plan_and_the_others_still_match(
    content, client: Client
) -> None:
    stored(
        client,
        check={"debts": [CARD, HUABEI, SMALL]},
        plan=plan_area(linked(0, "100.00"), OWN, linked(1, "200.00"), linked(2, "300.00")),
    )
    assert client.post("/check/debt/2/remove/").status_code == 302  # Huabei, the second

    debts = state_of(client).debts
    assert [(d.check_index, d.amount, d.charges) for d in debts] == [
        (0, D("23456.78"), D("100.00")),
        (None, D("3000.00"), None),
        (1, D("5000.00"), D("300.00")),  # the small loan moved up, its charges with it
    ]
    page = client.get("/plan/debts/").content.decode()
    assert "¥8,800.00" not in page and "¥5,000.00" in page


def test_starting_the_check_again_drops_its_debts_but_keeps_the_plans_own(
    content, client: Client
) -> None:
    stored(client, check={"debts": [CARD, HUABEI]}, plan=plan_area(linked(0), OWN, linked(1)))
    client.post("/check/restart/")
    assert [d.amount for d in state_of(client).debts] == [D("3000.00")]
    # A new check afterwards is not read through the old references.
    stored(
        client,
        check={"debts": [SMALL]},
        plan=area(client, "plan"),
    )
    assert [d.amount for d in state_of(client).debts] == [D("3000.00")]


def test_after_starting_again_with_nothing_left_the_new_check_is_brought_in(
    content, client: Client
) -> None:
    stored(client, check={"debts": [CARD]}, plan=plan_area(linked(0)))
    client.post("/check/restart/")
    stored(client, check={"debts": [SMALL]}, plan=area(client, "plan"))
    client.get("/plan/debts/")
    [debt] = state_of(client).debts
    assert debt.amount == D("5000.00") and debt.kind == "small_loan"


def test_changing_a_check_debts_amount_on_the_plan_page_changes_the_check(
    content, client: Client
) -> None:
    stored(client, check={"debts": [CARD, HUABEI]}, plan=plan_area(linked(0), linked(1), OWN))
    assert 'id="from-check"' in client.get("/plan/debts/2/").content.decode()  # it says so
    assert 'id="from-check"' not in client.get("/plan/debts/3/").content.decode()
    posted = {"lender": "ant-huabei-jiebei", "principal": "9,100", "charges": "250", "rate": ""}
    assert client.post("/plan/debts/2/", posted).status_code == 302

    assert area(client, "check")["debts"][1]["amount"] == "9100.00"
    assert area(client, "plan")["debts"][1] == linked(1, "250.00")
    assert "¥9,100.00" in client.get("/plan/debts/").content.decode()


def test_a_debt_added_on_the_plan_page_keeps_its_own_amount(content, client: Client) -> None:
    stored(client, check={"debts": [CARD]})
    client.get("/plan/debts/")
    added = {"lender": "other", "lender_name": "某某网贷", "kind": "platform", "principal": "3000"}
    client.post("/plan/debts/add/", {**added, "charges": "", "rate": ""})
    client.post("/check/debt/1/amount/?return=answers", {"amount": "1000"})
    assert [(d.check_index, d.amount) for d in state_of(client).debts] == [
        (0, D("1000.00")),
        (None, D("3000.00")),
    ]
    assert area(client, "plan")["debts"][1] == OWN


# --- Older stored formats ------------------------------------------------------------------


def format_2(debt: dict[str, Any], index: int | None, amount: str) -> dict[str, Any]:
    """A debt as format 2 kept it: a copy of the check's lender and amount."""
    return {
        "lender": debt["lender"],
        "lender_other": debt["lender_other"],
        "kind": debt["kind"],
        "amount": amount,
        "charges": "120.00",
        "rate": "",
        "check_index": index,
    }


def test_a_format_2_copy_becomes_a_reference_to_the_check(content, client: Client) -> None:
    old = {"format": 2, "debts": [format_2(CARD, 0, "20000.00")], "imported": True}
    stored(client, check={"debts": [CARD]}, plan=old)
    [debt] = state_of(client).debts
    assert (debt.check_index, debt.amount, debt.charges) == (0, D("23456.78"), D("120.00"))
    client.post("/plan/debts/1/", {"lender": "cmb-credit-card", "principal": "23456.78"})
    assert area(client, "plan")["format"] == plan_answers.FORMAT
    assert area(client, "plan")["debts"] == [linked(0)]


@pytest.mark.parametrize(
    "index", [1, 5, None], ids=["another lender there now", "gone from the check", "own"]
)
def test_a_format_2_debt_the_check_no_longer_has_keeps_its_copy(
    content, client: Client, index: int | None
) -> None:
    old = {"format": 2, "debts": [format_2(SMALL, index, "6000.00")], "imported": True}
    stored(client, check={"debts": [CARD, HUABEI]}, plan=old)
    [debt] = state_of(client).debts
    assert (debt.check_index, debt.amount, debt.lender_other) == (
        None,
        D("6000.00"),
        "某某小额贷款公司",
    )
    assert "¥6,000.00" in client.get("/plan/debts/").content.decode()


def test_a_format_1_state_keeps_every_debt_typed_on_the_plan_page(content, client: Client) -> None:
    typed = {"lender": "other", "lender_name": "某某消费金融", "kind": "consumer_finance"}
    old = {
        "debts": [
            {**typed, "principal": "8800.00", "check_index": None},
            {**typed, "principal": "100.00", "check_index": 0},
        ],
        "budget": {"salary": "5000.00", "reserve": "0.00", "pay_day": 20},
        "settings": {"basis": "months", "months": 24},
        "imported": True,
    }
    stored(client, check={"debts": [CARD]}, plan=old)
    state = state_of(client)
    assert [(d.amount, d.check_index) for d in state.debts] == [
        (D("8800.00"), None),
        (D("100.00"), None),  # the check's debt 0 is another lender: the copy stays
    ]
    assert state.pay_day == 20 and state.settings.months == 24
    assert state.budget is not None and state.budget.available == D("5000.00")


@pytest.mark.parametrize("debts", [7, "x", {"check_index": 0}, None])
def test_a_state_whose_debts_are_not_a_list_has_none(content, client: Client, debts) -> None:
    stored(client, check={"debts": [CARD]}, plan={**plan_area(), "debts": debts})
    assert state_of(client).debts == ()
    assert client.get("/plan/debts/").status_code == 200


def test_a_format_2_state_with_one_check_debt_twice_keeps_both(content, client: Client) -> None:
    twice = [format_2(CARD, 0, "20000.00"), format_2(CARD, 0, "21000.00")]
    stored(client, check={"debts": [CARD]}, plan={"format": 2, "debts": twice})
    assert [(d.check_index, d.amount) for d in state_of(client).debts] == [
        (0, D("23456.78")),
        (None, D("21000.00")),
    ]


def test_a_tampered_reference_is_dropped_not_raised(content, client: Client) -> None:
    refs = [linked(0), linked(0), {"check_index": -1}, {"check_index": True}, {"check_index": "0"}]
    stored(client, check={"debts": [CARD]}, plan=plan_area(*refs))
    assert [d.check_index for d in state_of(client).debts] == [0]
    assert client.get("/plan/result/").status_code == 200


# --- The typed state round-trips -------------------------------------------------------------

cents = st.integers(min_value=1, max_value=9_999_999_999).map(lambda c: D(c) / 100)
percents = st.integers(min_value=0, max_value=9900).map(lambda c: D(c) / 100)
own_debts = st.builds(
    PlanDebt,
    lender=st.just("other"),
    lender_other=st.text(alphabet="某网贷消费金融公司ab", max_size=40).map(str.strip),
    kind=st.sampled_from(KINDS),
    amount=cents,
    charges=st.none() | cents,
    rate=st.none() | percents,
)
budgets = st.none() | st.builds(
    lambda values: Budget(
        income={n: values[i] for i, n in enumerate(INCOME_SOURCES)},
        essentials={n: values[len(INCOME_SOURCES) + i] for i, n in enumerate(ESSENTIALS)},
        commitments=values[-2],
        reserve=values[-1],
    ),
    st.lists(
        st.integers(min_value=0, max_value=10_000_000).map(lambda c: D(c) / 100),
        min_size=len(INCOME_SOURCES) + len(ESSENTIALS) + 2,
        max_size=len(INCOME_SOURCES) + len(ESSENTIALS) + 2,
    ),
)
plan_settings = st.builds(
    PlanSettings,
    basis=st.sampled_from(["", "monthly", "months"]),
    monthly=st.none() | cents,
    months=st.none() | st.integers(min_value=1, max_value=600),
    strategy=st.sampled_from(STRATEGIES),
    plan_rate=percents.map(plan_answers._plain),
    assumed_rate=percents.map(plan_answers._plain),
    settlement_percent=st.integers(min_value=0, max_value=100).map(D),
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    own=st.lists(own_debts, max_size=4),
    extras=st.lists(st.tuples(st.none() | cents, st.none() | percents), max_size=3),
    the_budget=budgets,
    chosen=plan_settings,
    lump_sum=st.none() | cents,
    pay_day=st.integers(min_value=1, max_value=31),
)
def test_the_typed_state_round_trips_through_the_session(
    content,
    own: list[PlanDebt],
    extras: list[tuple[Decimal | None, Decimal | None]],
    the_budget: Budget | None,
    chosen: PlanSettings,
    lump_sum: Decimal | None,
    pay_day: int,
) -> None:
    check = [clean_debt(debt) for debt in (CARD, HUABEI, SMALL)]
    from_check = [
        replace(PlanDebt.of_check(i, check[i]), charges=charges, rate=rate)
        for i, (charges, rate) in enumerate(extras)
    ]
    state = PlanState(
        budget=the_budget,
        debts=(*from_check, *own),
        settings=chosen,
        lump_sum=lump_sum,
        pay_day=pay_day,
        imported=True,
    )
    kept = json.loads(json.dumps(state.to_session()))  # what the session and save code hold
    assert PlanState.from_session(kept, check) == state


# --- Every document carries the check's figure, after it changes ---------------------------

BUDGETS = {
    "none": None,
    "nothing left": {"salary": "3000.00", "housing": "3000.00", "reserve": "0.00"},
    "spending over income": {"salary": "2000.00", "housing": "2600.00", "reserve": "200.00"},
    "a little": {"salary": "3000.00", "housing": "2500.00", "reserve": "200.00"},
    "some": {"salary": "9000.00", "housing": "2000.00", "reserve": "200.00"},
}
debts_to_change = st.lists(
    st.tuples(
        st.sampled_from(KINDS),
        st.booleans(),  # a lender from the directory (when it has one of that kind)
        st.integers(min_value=1, max_value=100_000_000).map(lambda c: D(c) / 100),  # new
        st.sampled_from([D(0), D("88.80"), D("1500.00")]),  # the plan's charges
    ),
    min_size=1,
    max_size=5,
)
YUAN = re.compile(r"¥[\d,]+\.\d\d")
STALE = 50_000_000  # the check's amounts before the change are above this


def _amount(figure: str) -> Decimal:
    return D(figure.removeprefix("¥").replace(",", ""))


def _pdf_text(data: bytes) -> str:
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r"\s", "", text)


def _lender_of(kind: str, directory: bool) -> tuple[str, str]:
    if directory:
        for lender in site_content.lenders():
            if lender.kind == kind:
                return lender.slug, ""
    return "other", f"某某{kind}"


@time_machine.travel("2026-11-23 10:00 +0800", tick=False)
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    debts=debts_to_change,
    budget_case=st.sampled_from(sorted(BUDGETS)),
    old_format=st.booleans(),
)
def test_after_a_check_amount_changes_every_document_carries_the_new_figure(
    content, debts: list[tuple[str, bool, Decimal, Decimal]], budget_case: str, old_format: bool
) -> None:
    client = Client()
    check, plan_debts = [], []
    for index, (kind, directory, _new, charges) in enumerate(debts):
        lender, other = _lender_of(kind, directory)
        old = f"{STALE + index}.37"  # far above every figure the new amounts can make
        check.append(check_debt(kind, lender, old, other))
        extras = linked(index, str(charges) if charges else "")
        plan_debts.append({**format_2(check[-1], index, old), **extras} if old_format else extras)
    raw_budget = BUDGETS[budget_case]
    plan = {**plan_area(*plan_debts, format=2 if old_format else plan_answers.FORMAT)}
    if raw_budget is not None:
        plan["budget"] = {**raw_budget, "pay_day": 15}
    stored(client, check={"debts": check}, plan=plan)

    for number, (_kind, _directory, new, _charges) in enumerate(debts, 1):
        changed = client.post(f"/check/debt/{number}/amount/?return=answers", {"amount": str(new)})
        assert changed.status_code == 302

    balances = [format_yuan(new + charges) for _k, _d, new, charges in debts]
    page = client.get("/plan/result/")
    proposal = client.get("/plan/summary/") if raw_budget is not None else None
    documents = {
        "plan page": page.content.decode(),
        "plan PDF": _pdf_text(client.get("/plan/repayment-plan.pdf").content),
    }
    if proposal is not None:
        documents["收支说明"] = proposal.content.decode()
        documents["收支说明 PDF"] = _pdf_text(client.get("/plan/budget-summary.pdf").content)
    shown = page.context["plan"]
    assert [format_yuan(s.debt.balance) for s in shown.schedules] == balances
    for name, text in documents.items():
        found = YUAN.findall(text)
        assert all(_amount(figure) < STALE for figure in found), (name, found)
        lists_each_debt = name.startswith("收支说明") or not shown.paused
        if lists_each_debt:
            assert all(balance in found for balance in balances), (name, balances, found)

    for index, (_kind, _directory, new, charges) in enumerate(debts):
        initial = client.get(f"/letters/fee-waiver/write/?debt={index}").context["form"].initial
        assert initial["amount"] == letter.amount_line(new, charges, "zh-hans")
        parts = [_amount(figure) for figure in YUAN.findall(initial["amount"])]
        assert parts[0] == new + charges and sum(parts[1:], D(0)) in (D(0), parts[0])


# --- The images are the documents' content ------------------------------------------------


@pytest.mark.parametrize(
    ("image", "document"),
    [
        ("/plan/repayment-plan.png", "/plan/repayment-plan.pdf"),
        ("/plan/budget-summary.png", "/plan/budget-summary.pdf"),
    ],
)
def test_an_image_shows_the_plan_its_pdf_shows_even_over_budget(
    content, client: Client, monkeypatch: pytest.MonkeyPatch, image: str, document: str
) -> None:
    from advisor.views import plan as plan_views

    drawn: dict[str, Any] = {}

    def keep(name: str, context: dict[str, Any], request: object) -> bytes:
        drawn[name] = context["plan"]
        return b""

    monkeypatch.setattr(plan_views, "render_png", keep)
    monkeypatch.setattr(plan_views, "render_pdf", keep)
    monkeypatch.setattr(plan_views, "png_response", lambda data: HttpResponse(data))
    monkeypatch.setattr(plan_views, "pdf_response", lambda data, name: HttpResponse(data))
    over = {"basis": "monthly", "monthly": "5000.00"}  # the budget leaves ¥300
    budget = {"salary": "3000.00", "housing": "2500.00", "reserve": "200.00"}
    stored(client, check={"debts": [CARD]}, plan=plan_area(linked(0), settings=over, budget=budget))
    client.get(image)
    [from_image] = drawn.values()
    drawn.clear()
    client.get(document)
    [from_document] = drawn.values()
    assert from_image == from_document
    assert from_image.monthly <= D("300.00")
