"""The editors' dashboard of the counts: its figures follow the journeys, small ones stay hidden."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from advisor import check_answers, check_steps, counts, feedback
from advisor.models import today
from advisor.views.feedback import clear_ticket
from tests.helpers import answer_debt, ticket_in
from tests.sample_borrower import DEBTS

DASHBOARD = "/admin/counts/"
FIRST, SECOND = check_steps.STEPS[0], check_steps.STEPS[1]


def shown(n: int) -> str:
    return str(n) if n >= 10 else "<10"


def borrower(number: int) -> Client:
    return Client(REMOTE_ADDR=f"10.0.{number // 200}.{number % 200 + 1}")


def question(step: check_steps.Step) -> str:
    return reverse("advisor-check-step", args=[1, step.slug])


@pytest.fixture
def journeys(content: None) -> dict[str, int]:
    """14 borrowers open the check (its first question, under the intro), 12 answer that question
    and see the second, 3 open the door page; returns how many did what."""
    for number in range(14):
        client = borrower(number)
        assert client.get("/check/").status_code == 200
        if number < 12:
            assert client.post(question(FIRST), FIRST.samples[0]).status_code == 302
            assert client.get(question(SECOND)).status_code == 200
        if number < 3:
            assert client.get("/visitor/").status_code == 200
    counts.flush()
    return {"started": 14, "answered": 12, "door": 3}


def rows_of(response: Any, journey: str) -> dict[str, tuple[Any, dict[str, Any]]]:
    found = dict(response.context["funnel"])[journey]
    return {row.step: (row, cells) for row, cells in found}


def test_the_funnel_shows_each_step_as_walked_and_hides_small_counts(
    admin_client: Client, journeys: dict[str, int]
) -> None:
    response = admin_client.get(DASHBOARD)
    assert response.status_code == 200
    check = rows_of(response, "check")
    start, first, second = check["start"], check[FIRST.slug], check[SECOND.slug]
    assert start[1]["views"] == shown(journeys["started"])
    assert first[1]["views"] == shown(journeys["started"])
    assert first[1]["done"] == second[1]["views"] == shown(journeys["answered"])
    assert first[0].completion == "—"  # 12 of 14 would tell that 2 stopped
    assert rows_of(response, "door")["checklist"][1]["views"] == "<10"
    html = response.content.decode()
    assert "&lt;10" in html and ">3<" not in html


def test_the_window_counts_only_its_days(admin_client: Client, journeys: dict[str, int]) -> None:
    from advisor.models import StepCount

    StepCount.objects.update(day=today().replace(year=2020))
    response = admin_client.get(DASHBOARD + "?days=90")
    assert response.context["funnel"] == []


def test_the_csv_has_the_same_figures_and_never_a_count_under_ten(
    admin_client: Client, journeys: dict[str, int]
) -> None:
    response = admin_client.get("/admin/counts.csv?days=7")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    figures = {(r[1], r[2], r[3]): r[4] for r in rows[1:] if r[0] == "funnel-7d"}
    assert figures[("check", "start", counts.VIEW)] == shown(journeys["started"])
    assert figures[("check", FIRST.slug, counts.DONE)] == shown(journeys["answered"])
    assert figures[("door", "checklist", counts.VIEW)] == "<10"
    for row in rows[1:]:
        assert row[4] == "<10" or int(row[4]) >= 10, row


def test_pages_most_often_marked_unclear_come_first_with_their_reasons(
    admin_client: Client, content: None
) -> None:
    script = [("check:result", "no", "word")] * 11 + [("check:result", "yes", "")] * 2
    script += [("papers", "no", "scared")] * 3 + [("papers", "yes", "")] * 20
    for number, (page, answer, reason) in enumerate(script):
        client = borrower(number)
        data = {"ticket": clear_ticket(page, "/"), "clear": answer, "reason": reason}
        assert client.post("/feedback/clear/", data).status_code == 200
    response = admin_client.get(DASHBOARD)
    unclear = response.context["unclear"]
    assert [row.page for row, _cells in unclear] == ["check:result", "papers"]
    result_cells = unclear[0][1]
    assert result_cells["no"] == "11" and result_cells["yes"] == "<10"
    assert result_cells["unclear_share"] == "—"  # would tell that 2 said yes
    assert result_cells["reasons"][1] == "11"  # "a word I didn't understand", the second reason
    papers_cells = unclear[1][1]
    assert papers_cells["no"] == "<10" and papers_cells["yes"] == "20"
    assert unclear[0][0].version == feedback.content_generation()


def _with_answers(client: Client, answers: dict[str, Any]) -> Client:
    session = client.session
    session.update(answers)
    session.save()
    return client


def test_the_calibration_table_matches_the_outcomes_reported_per_level(
    admin_client: Client, content: None
) -> None:
    weights, version = check_answers.current_weights()
    probe = Client()
    for number, steps in enumerate(DEBTS, start=1):
        answer_debt(probe, number, steps)
    answers = dict(probe.session.items())
    debts = check_answers.debts(probe.get("/").wsgi_request)
    levels = [check_answers.debt_result(i, d, weights).estimate.level for i, d in enumerate(debts)]
    # (which debt, did a visit happen) × how many borrowers said so
    script = [("1", "happened")] * 12 + [("1", "none")] * 3
    script += [("2", "happened")] * 10 + [("2", "none")] * 10
    for number, (debt, visit) in enumerate(script):
        client = _with_answers(borrower(number), answers)
        ticket = ticket_in(client.get("/feedback/what-happened/").content.decode())
        data = {"ticket": ticket, "debt": debt, "visit": visit}
        assert client.post("/feedback/what-happened/", data).status_code == 200
    expected: dict[str, dict[str, int]] = {}
    for debt, visit in script:
        level = levels[int(debt) - 1]
        expected.setdefault(level, {"happened": 0, "none": 0})[visit] += 1
    response = admin_client.get(DASHBOARD)
    table = {
        row.level: (row, visit_share) for row, _cells, visit_share in response.context["levels"]
    }
    assert set(table) == set(expected)
    for level, said in expected.items():
        row, visit_share = table[level]
        assert row.version == version
        assert row.visits == said["happened"] and row.visit_reports == sum(said.values())
        happened, total = said["happened"], sum(said.values())
        hidden = happened < 10 or 0 < total - happened < 10
        assert visit_share == ("—" if hidden else f"{round(100 * happened / total)}%")
    html = response.content.decode()
    assert "<svg" in html and "<script" not in html.split('id="content-main"')[1]
    shown_shares = [share for _row, share in table.values() if share != "—"]
    assert html.count("<rect ") == len(shown_shares)
    for share in shown_shares:
        assert f">{share}</text>" in html


def test_the_dashboard_is_for_signed_in_staff_only(client: Client, content: None) -> None:
    for path in (DASHBOARD, "/admin/counts.csv"):
        response = client.get(path)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
