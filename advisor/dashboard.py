"""The editors' dashboard of the anonymous counts: funnel, unclear pages, outcomes by level.

Every figure under ``MIN_SHOWN`` is shown as "<10", on the page and in the CSV, and a share
only when it cannot give such a figure away (``share_value``): a small number could point
at one borrower. Any staff member may open it (the counts name nobody).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Sum
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from advisor import check_steps, counts
from advisor.feedback import OUTCOME_QUESTIONS, VISIT_HAPPENED
from advisor.models import ClarityCount, LenderKind, OutcomeCount, StepCount, UnclearReason, today
from advisor.rules import estimate

MIN_SHOWN = 10
WINDOWS = (7, 30, 90)
DEFAULT_WINDOW = 30
HIDDEN = "<10"


def shown(n: int) -> str:
    return str(n) if n >= MIN_SHOWN else HIDDEN


def share_value(part: int, whole: int) -> int | None:
    """``part`` of ``whole`` in per cent; None when the share would show a count under
    ``MIN_SHOWN``: the part itself, or the rest of the whole (11 of 13 tells "2")."""
    rest = whole - part
    if part < MIN_SHOWN or whole < MIN_SHOWN or 0 < rest < MIN_SHOWN:
        return None
    return round(100 * part / whole)


def share(part: int, whole: int) -> str:
    value = share_value(part, whole)
    return "—" if value is None else f"{value}%"


# --- the funnel ----------------------------------------------------------------------------


@dataclass
class StepRow:
    journey: str
    step: str
    views: int = 0
    done: int = 0
    made: int = 0
    other: dict[str, int] = field(default_factory=dict)
    went_on: str = "—"  # share of this step's views that reached the next step

    @property
    def completion(self) -> str:
        return share(self.done, self.views)

    def cells(self) -> dict[str, Any]:
        return {
            "views": shown(self.views),
            "done": shown(self.done),
            "made": shown(self.made),
            "other": [(event, shown(n)) for event, n in sorted(self.other.items())],
        }


def declared_order() -> dict[str, list[str]]:
    """Each journey's steps in the order declared (check questions from ``check_steps``)."""
    order: dict[str, list[str]] = defaultdict(list)
    for journey, name in counts.PAGES.values():
        if name == "{slug}" and journey == "check":
            order[journey] += list(check_steps.SLUGS)
        elif "{slug}" not in name:
            order[journey].append(name)
    return order


# Journeys walked one step after another, where "went on to the next step" means something.
LINEAR = {
    "check": ["start", *check_steps.SLUGS, "answers", "result"],
    "plan": ["start", "budget", "debts", "result", "summary"],
}


def funnel(days: int, *, on: dt.date | None = None) -> dict[str, list[StepRow]]:
    since = (on or today()) - dt.timedelta(days=days - 1)
    totals = (
        StepCount.objects.filter(day__gte=since, day__lte=on or today())
        .values("journey", "step", "event")
        .annotate(total=Sum("n"))
    )
    rows: dict[tuple[str, str], StepRow] = {}
    for item in totals:
        key = (item["journey"], item["step"])
        row = rows.setdefault(key, StepRow(*key))
        n = int(item["total"])
        if item["event"] == counts.VIEW:
            row.views = n
        elif item["event"] == counts.DONE:
            row.done = n
        elif item["event"] == counts.MADE:
            row.made = n
        else:
            row.other[item["event"]] = n
    order = declared_order()
    by_journey: dict[str, list[StepRow]] = {}
    for journey in [*order, *sorted({j for j, _s in rows} - set(order))]:
        declared = order.get(journey, [])
        names = declared + sorted(s for j, s in rows if j == journey and s not in declared)
        found = [rows[(journey, name)] for name in names if (journey, name) in rows]
        if found:
            by_journey[journey] = found
    for journey, steps in LINEAR.items():
        for this, following in zip(steps, steps[1:], strict=False):
            if (journey, this) in rows:
                after = rows.get((journey, following))
                rows[(journey, this)].went_on = share(
                    after.views if after else 0, rows[(journey, this)].views
                )
    return by_journey


# --- "was this clear?" -----------------------------------------------------------------------


@dataclass
class ClearRow:
    page: str
    version: str
    yes: int = 0
    no: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def cells(self) -> dict[str, Any]:
        return {
            "yes": shown(self.yes),
            "no": shown(self.no),
            "unclear_share": share(self.no, self.yes + self.no),
            "reasons": [shown(self.reasons.get(code, 0)) for code, _label in UnclearReason.choices],
        }


def unclear_pages() -> list[ClearRow]:
    """Each page and content version, the most often marked unclear first."""
    rows: dict[tuple[str, str], ClearRow] = {}
    for item in ClarityCount.objects.all():
        row = rows.setdefault(
            (item.page, item.content_version), ClearRow(item.page, item.content_version)
        )
        if item.answer == "yes":
            row.yes += item.n
        else:
            row.no += item.n
            if item.reason:
                row.reasons[item.reason] = row.reasons.get(item.reason, 0) + item.n
    return sorted(rows.values(), key=lambda r: (-r.no, r.page, r.version))


# --- outcomes by estimate level (calibration) -------------------------------------------------


@dataclass
class LevelRow:
    version: str
    level: str
    label: str
    answers: dict[tuple[str, str], int] = field(default_factory=dict)

    @property
    def visits(self) -> int:
        return self.answers.get(VISIT_HAPPENED, 0)

    @property
    def visit_reports(self) -> int:
        question = VISIT_HAPPENED[0]
        return sum(n for (q, _a), n in self.answers.items() if q == question)

    @property
    def visit_share(self) -> int | None:
        return share_value(self.visits, self.visit_reports)

    def cells(self) -> list[str]:
        return [shown(self.answers.get(key, 0)) for key in outcome_columns()]


def outcome_columns() -> list[tuple[str, str]]:
    return [
        (q, code) for q, (_label, choices) in OUTCOME_QUESTIONS.items() for code, _words in choices
    ]


def calibration() -> list[LevelRow]:
    """Per estimate version (newest name last) and level, every outcome answer counted."""
    from advisor.check_answers import LEVEL_LABELS

    rows: dict[tuple[str, str], LevelRow] = {}
    for item in OutcomeCount.objects.all():
        if item.level not in estimate.LEVELS:
            continue
        key = (item.estimate_version, item.level)
        row = rows.setdefault(key, LevelRow(*key, label=str(LEVEL_LABELS[item.level])))
        answer = (item.question, item.answer)
        row.answers[answer] = row.answers.get(answer, 0) + item.n
    return sorted(rows.values(), key=lambda r: (r.version, estimate.LEVELS.index(r.level)))


def by_lender_kind() -> list[tuple[str, str, str, str]]:
    """(lender kind, visits reported happened, reports, share) per lender kind."""
    question, happened = VISIT_HAPPENED
    found: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item in OutcomeCount.objects.filter(question=question):
        found[item.lender_kind][1] += item.n
        if item.answer == happened:
            found[item.lender_kind][0] += item.n
    labels = dict(LenderKind.choices)
    return [
        (str(labels.get(kind, kind)), shown(v), shown(total), share(v, total))
        for kind, (v, total) in sorted(found.items())
    ]


# --- views ------------------------------------------------------------------------------------


def _days(request: HttpRequest) -> int:
    try:
        days = int(request.GET.get("days", DEFAULT_WINDOW))
    except ValueError:
        return DEFAULT_WINDOW
    return days if days in WINDOWS else DEFAULT_WINDOW


CHART_WIDTH, CHART_LABELS, CHART_ROW = 300, 200, 24


def chart(levels: list[LevelRow]) -> dict[str, Any]:
    """The calibration chart's geometry: one bar per version and level (SVG, no script)."""
    bars = []
    for number, row in enumerate(levels):
        value = row.visit_share
        bars.append(
            {
                "label": f"{row.version} · {row.label}",
                "y": number * CHART_ROW + 16,
                "bar_y": number * CHART_ROW + 6,
                "width": None if value is None else value * CHART_WIDTH // 100,
                "end": CHART_LABELS + 5 + (0 if value is None else value * CHART_WIDTH // 100),
                "text": "" if value is None else f"{value}%",
            }
        )
    return {
        "bars": bars,
        "x": CHART_LABELS,
        "width": CHART_LABELS + CHART_WIDTH + 60,
        "height": len(levels) * CHART_ROW + 8,
    }


def counts_page(request: HttpRequest) -> TemplateResponse:
    from django.contrib import admin

    days = _days(request)
    levels = calibration()
    context = {
        **admin.site.each_context(request),
        "title": _("匿名计数"),
        "days": days,
        "windows": WINDOWS,
        "funnel": [
            (journey, [(row, row.cells()) for row in rows])
            for journey, rows in funnel(days).items()
        ],
        "unclear": [(row, row.cells()) for row in unclear_pages()],
        "reasons": [label for _code, label in UnclearReason.choices],
        "outcome_columns": [
            (str(OUTCOME_QUESTIONS[q][0]), str(dict(OUTCOME_QUESTIONS[q][1])[a]))
            for q, a in outcome_columns()
        ],
        "levels": [(row, row.cells(), share(row.visits, row.visit_reports)) for row in levels],
        "chart": chart(levels),
        "kinds": by_lender_kind(),
        "min_shown": MIN_SHOWN,
    }
    return TemplateResponse(request, "admin/advisor/counts.html", context)


def csv_rows(days: int) -> list[list[str]]:
    """Everything the dashboard shows, one figure a row, with the same "<10" rule."""
    rows = [["table", "what", "which", "answer", "count"]]
    for journey, steps in funnel(days).items():
        for step in steps:
            for event, n in (
                (counts.VIEW, step.views),
                (counts.DONE, step.done),
                (counts.MADE, step.made),
                *sorted(step.other.items()),
            ):
                if n:
                    rows.append([f"funnel-{days}d", journey, step.step, event, shown(n)])
    for item in ClarityCount.objects.order_by("page", "content_version", "answer", "reason"):
        rows.append(
            [
                "clear",
                item.page,
                item.content_version,
                f"{item.answer}/{item.reason}".rstrip("/"),
                shown(item.n),
            ]
        )
    for outcome in OutcomeCount.objects.order_by(
        "estimate_version", "level", "lender_kind", "question", "answer"
    ):
        rows.append(
            [
                "outcome",
                f"{outcome.estimate_version}/{outcome.level}",
                outcome.lender_kind,
                f"{outcome.question}/{outcome.answer}",
                shown(outcome.n),
            ]
        )
    return rows


def counts_csv(request: HttpRequest) -> HttpResponse:
    days = _days(request)
    out = io.StringIO()
    csv.writer(out).writerows(csv_rows(days))
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    filename = f"borrower-help-counts-{today().isoformat()}-{days}d.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
