"""When it gets serious: court papers, after a visit, for relatives, "what did they say?".

All four pages are plain links and forms. The deadline calculator is a GET form (a kind of
paper and the day it was served; nothing personal). "What did they say?" reads typed text
from a POST and answers it directly: the text is matched (advisor.rules.phrases) and dropped. It is
never written to the session, the database or a log, and never put in a URL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_safe

from advisor import content, counts, ics
from advisor.forms.base import SiteForm
from advisor.models import CollectorPhrase, CourtPaper
from advisor.pdf import pdf_response, render_pdf
from advisor.png import png_response, render_png
from advisor.rules import deadlines, phrases
from advisor.rules.hant import to_traditional

BAD_SERVED = {
    "empty": _("请填写收到（签收）文书的日期"),
    "format": _("请按“年-月-日”填写日期，例如 2026-03-01"),
    "future": _("收到的日期不能晚于今天"),
    "old": _("这个日期超过一年了，请检查年份；已经过期的期限请直接问法院（12368）"),
}


def _channels() -> dict[str, Any]:
    by_number = {channel.number: channel for channel in content.help_channels()}
    return {
        "court_line": by_number.get("12368"),
        "legal_line": by_number.get("12348"),
        "police": by_number.get("110"),
        "complaints": by_number.get("12378"),
        "nuisance": by_number.get("12321"),
    }


# --- court and legal papers -------------------------------------------------------------


def _asked(request: HttpRequest) -> QueryDict:
    """The deadline form's answers. Its forms post, so the date typed stays out of the address
    (the browser's history); an address with them still answers."""
    return request.POST if request.method == "POST" else request.GET


def _is_final(request: HttpRequest) -> bool:
    """The borrower ticked that the paper says it is final (本判决为终审判决, small claims)."""
    return _asked(request).get("final") == "1"


def _deadline_for(
    request: HttpRequest, papers: list[CourtPaper]
) -> tuple[CourtPaper | None, Any, str]:
    """(the paper asked about, its Deadline or None, an error message or "").

    A judgment or ruling that says it is final (small claims, 民事诉讼法 Art. 165) cannot be
    appealed, so no appeal date is counted for it, whatever the paper's usual period. A period
    outside the calculator's range (a row saved before the admin bounded it) is shown as "no
    fixed period": the paper's own text still says what applies.
    """
    asked = _asked(request)
    by_slug = {paper.slug: paper for paper in papers}
    chosen = by_slug.get(asked.get("kind", ""))
    days = chosen.deadline_days if chosen is not None else None
    if (
        chosen is None
        or days is None
        or not deadlines.is_period(days)
        or "served" not in asked
        or _is_final(request)
    ):
        return chosen, None, ""
    today = timezone.localdate()
    try:
        served = deadlines.parse_served(asked.get("served", ""), today=today)
    except deadlines.BadDate as problem:
        return chosen, None, str(BAD_SERVED[str(problem)])
    return chosen, deadlines.deadline(served, days, today=today), ""


@require_http_methods(["GET", "HEAD", "POST"])
def papers(request: HttpRequest) -> HttpResponse:
    found = content.court_papers()
    chosen, due, error = _deadline_for(request, found)
    if chosen is not None and due is not None:
        counts.step("papers", f"deadline:{chosen.slug}", "calculated")
    context = {
        "papers": found,
        "timed": [paper for paper in found if deadlines.is_period(paper.deadline_days)],
        "chosen": chosen,
        "due": due,
        "served_error": error,
        "served_value": _asked(request).get("served", "")[:20],
        # The card image's address in WeChat (an <img>, so never in the browser's history).
        "ics_query": urlencode({"kind": chosen.slug, "served": due.served.isoformat()})
        if chosen is not None and due is not None
        else "",
        "final": _is_final(request) and chosen is not None,
        "today": timezone.localdate(),
        "facts": content.facts("papers"),
        **_channels(),
    }
    return render(request, "advisor/serious/papers.html", context)


def reminder_calendar(paper: CourtPaper, due: deadlines.Deadline, *, stamp: dt.datetime) -> bytes:
    """One event on the last day, with alarms REMIND_DAYS_BEFORE days and one day before."""

    title = paper.t("title")
    summary = gettext("最后一天：%(paper)s") % {"paper": title}
    details = "\n".join(
        [
            gettext("收到（签收）日期：%(day)s") % {"day": due.served.isoformat()},
            paper.t("deadline_rule"),
            gettext("先用12368或“人民法院在线服务”核实文书是真的。以法院通知为准。"),
        ]
    )
    cal = ics.new_calendar("Court deadline")
    ics.add_event(
        cal,
        uid=f"deadline-{paper.slug}-{due.served:%Y%m%d}",
        day=due.last_day,
        summary=summary,
        description=details,
        stamp=stamp,
        remind_days_before=(deadlines.REMIND_DAYS_BEFORE, 1),
    )
    return cal.to_ical()


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def papers_ics(request: HttpRequest) -> HttpResponse:
    chosen, due, _error = _deadline_for(request, content.court_papers())
    if chosen is None or due is None:
        return redirect("advisor-papers")
    stamp = dt.datetime.now(dt.UTC).replace(microsecond=0)
    response = HttpResponse(
        reminder_calendar(chosen, due, stamp=stamp), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="court-deadline.ics"'
    response["Cache-Control"] = "no-store"
    return response


def _card_view(
    request: HttpRequest, make: Callable[[dict[str, Any]], HttpResponse]
) -> HttpResponse:
    """The court-deadline card as a document, or back to the calculator without a deadline."""
    chosen, due, _error = _deadline_for(request, content.court_papers())
    if chosen is None or due is None:
        query = request.GET.urlencode()
        return redirect(reverse("advisor-papers") + (f"?{query}" if query else ""))
    return make({"chosen": chosen, "due": due, "today": timezone.localdate()})


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def papers_pdf(request: HttpRequest) -> HttpResponse:
    return _card_view(
        request,
        lambda context: pdf_response(
            render_pdf("pdf/court_deadline.html", context, request), "court-deadline.pdf"
        ),
    )


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def papers_png(request: HttpRequest) -> HttpResponse:
    return _card_view(
        request,
        lambda context: png_response(render_png("pdf/court_deadline.html", context, request)),
    )


# --- after a visit, for relatives --------------------------------------------------------


@require_safe
def after_visit(request: HttpRequest) -> HttpResponse:
    checklist, steps = content.checklist("after-visit")
    context = {
        "facts": content.facts("after_visit"),
        "checklist": checklist,
        "steps": steps,
        **_channels(),
    }
    return render(request, "advisor/serious/after_visit.html", context)


@require_safe
def for_family(request: HttpRequest) -> HttpResponse:
    checklist, steps = content.checklist("relatives")
    context = {
        "facts": content.facts("relatives"),
        "checklist": checklist,
        "steps": steps,
        "share_url": request.build_absolute_uri(reverse("advisor-for-family")),
        "small_loans": content.fact("outcome-small-loan-complaints"),
        **_channels(),
    }
    return render(request, "advisor/serious/for_family.html", context)


# --- what did they say? ------------------------------------------------------------------


class SaidForm(SiteForm):
    said = forms.CharField(
        label=_("把对方的话写下来"),
        help_text=_("可以只写几个词。这段话不会被保存，也不会记进任何日志。"),
        max_length=phrases.MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "off", "spellcheck": "false"}),
        error_messages={
            "required": _("请写下对方说的话，或者从上面的列表里选一句"),
            "max_length": _("请写短一些（不超过2000字）"),
        },
    )


PICK_ONE = _("请先在列表里选一句最像的话，或者在下面把原话写下来")


def _patterns(items: list[CollectorPhrase]) -> list[phrases.Pattern]:
    """Each phrase's keywords, plus their Traditional Chinese forms for zh-hant input."""
    out = []
    for item in items:
        words = item.keyword_list
        variants = [*words, *(to_traditional(word) for word in words)]
        out.append(phrases.Pattern(item.code, tuple(dict.fromkeys(variants)), item.order))
    return out


def _said_context(items: list[CollectorPhrase], **extra: Any) -> dict[str, Any]:
    return {"phrases": items, **_channels(), **extra}


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def said(request: HttpRequest) -> HttpResponse:
    items = content.collector_phrases()
    by_code = {item.code: item for item in items}
    if request.method == "POST":
        form = SaidForm(request.POST)
        matches: list[CollectorPhrase] = []
        if form.is_valid():
            found = phrases.match(form.cleaned_data["said"], _patterns(items))
            matches = [by_code[m.code] for m in found]
        context = _said_context(
            items, form=form, matches=matches, typed=form.is_valid(), picked=None
        )
        return render(request, "advisor/serious/said.html", context)
    picked = by_code.get(request.GET.get("code", ""))
    context = _said_context(
        items,
        form=SaidForm(),
        matches=[picked] if picked else [],
        typed=False,
        picked=picked,
        # "看看是什么意思" pressed with nothing chosen: say so rather than show nothing.
        pick_error=PICK_ONE if "code" in request.GET and picked is None else "",
    )
    return render(request, "advisor/serious/said.html", context)


urlpatterns = [
    path("papers/", papers, name="advisor-papers"),
    path("papers/court-deadline.ics", papers_ics, name="advisor-papers-ics"),
    path("papers/court-deadline.pdf", papers_pdf, name="advisor-papers-pdf"),
    path("papers/court-deadline.png", papers_png, name="advisor-papers-png"),
    path("after-visit/", after_visit, name="advisor-after-visit"),
    path("for-family/", for_family, name="advisor-for-family"),
    path("what-they-said/", said, name="advisor-said"),
]
