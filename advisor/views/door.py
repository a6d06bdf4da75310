"""At the door: the visitor checklist, rights, the scam checker, the evidence log, the door card.

Every step is a plain link or form (POST -> redirect -> GET); htmx only swaps the result in
place. Checklist ticks live in the session area "door"; the evidence log lives only encrypted
under the save code (advisor.evidence).
"""

from __future__ import annotations

import contextlib
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from advisor import content, counts, evidence, session, tracker
from advisor.forms.door import EvidenceEntryForm, TicksForm
from advisor.http import HtmxHttpRequest
from advisor.pdf import pdf_response, render_pdf
from advisor.png import png_response, render_png
from advisor.rules import door
from advisor.views.savecode import code_once, restore, started

AREA = "door"


# --- helpers -----------------------------------------------------------------------------


def _channels() -> dict[str, Any]:
    by_number = {channel.number: channel for channel in content.help_channels()}
    return {
        "channels": content.help_channels(),
        "police": by_number.get("110"),
        "antifraud": by_number.get("96110"),
        "complaints": by_number.get("12378"),
    }


def _door_checklist() -> tuple[Any, list[Any], list[Any]]:
    checklist, items = content.checklist("door")
    steps = [item for item in items if not item.red_flag]
    flags = [item for item in items if item.red_flag]
    return checklist, steps, flags


def _ticks(request: HttpRequest, key: str, codes: list[str]) -> list[str]:
    stored = session.load(request, AREA).get(key, [])
    return door.clean_codes(stored if isinstance(stored, list) else [], codes)


def _store_ticks(request: HttpRequest, key: str, codes: list[str]) -> None:
    data = session.load(request, AREA)
    data[key] = codes
    session.store(request, AREA, data)


def _door_result(request: HttpRequest) -> dict[str, Any]:
    _, steps, flags = _door_checklist()
    codes = [item.code for item in steps + flags]
    ticked = _ticks(request, "ticked", codes)
    result = door.door_verdict(ticked, [item.code for item in flags])
    seen = [item for item in flags if item.code in result.red_flags]
    return {"result": result, "verdict": result.verdict.value, "seen_flags": seen, "ticked": ticked}


# --- the visitor page --------------------------------------------------------------------


@require_safe
def visitor(request: HttpRequest) -> HttpResponse:
    checklist, steps, flags = _door_checklist()
    context = {
        "checklist": checklist,
        "steps": steps,
        "flags": flags,
        "lenders": content.lenders(),
        "facts": content.facts("door"),
        "night_now": door.is_night(timezone.localtime()),
        "lenders_after": door.CONFIRMED_BY_LENDER,  # the step the lender list is shown under
        **_door_result(request),
        **_channels(),
    }
    return render(request, "advisor/door/visitor.html", context)


@require_POST
def visitor_check(request: HtmxHttpRequest) -> HttpResponse:
    _, steps, flags = _door_checklist()
    codes = [item.code for item in steps + flags]
    form = TicksForm(request.POST, codes=codes)
    ticked = form.cleaned_data["ticked"] if form.is_valid() else []
    _store_ticks(request, "ticked", door.clean_codes(ticked, codes))
    shown = _door_result(request)
    counts.step("door", "verdict", shown["verdict"])
    if request.htmx:
        return render(request, "advisor/door/_result.html", {**shown, **_channels()})
    return redirect("advisor-visitor-result")


@require_safe
def visitor_result(request: HttpRequest) -> HttpResponse:
    return render(request, "advisor/door/result.html", {**_door_result(request), **_channels()})


@require_POST
def visitor_reset(request: HttpRequest) -> HttpResponse:
    _store_ticks(request, "ticked", [])
    return redirect("advisor-visitor")


# --- door card -----------------------------------------------------------------------------


def _card_context() -> dict[str, Any]:
    _, steps, _flags = _door_checklist()
    confirmed = [
        lender for lender in content.lenders() if lender.shown_hotline or lender.listed_hotline
    ]
    return {"steps": steps, "lenders": confirmed, "printed_on": timezone.localdate(), **_channels()}


@require_safe
def door_card(request: HttpRequest) -> HttpResponse:
    return render(request, "advisor/door/card.html", _card_context())


@require_safe
def door_card_pdf(request: HttpRequest) -> HttpResponse:
    size = "a4" if request.GET.get("size") == "a4" else "a6"
    pdf = render_pdf(f"pdf/doorcard_{size}.html", _card_context(), request)
    return pdf_response(pdf, f"door-card-{size}.pdf")


@require_safe
def door_card_png(request: HttpRequest) -> HttpResponse:
    return png_response(render_png("pdf/doorcard_a6.html", _card_context(), request))


# --- rights ---------------------------------------------------------------------------------


@require_safe
def rights(request: HttpRequest) -> HttpResponse:
    context = {
        "limits": content.facts("rights_limits"),
        "outcomes": content.facts("rights_outcomes"),
        "credit": content.facts("credit"),
        **_channels(),
    }
    return render(request, "advisor/door/rights.html", context)


# --- scam checker ----------------------------------------------------------------------------


@require_safe
def scam(request: HttpRequest) -> HttpResponse:
    checklist, items = content.checklist("scam")
    ticked = _ticks(request, "scam", [item.code for item in items])
    context = {
        "checklist": checklist,
        "items": items,
        "ticked": ticked,
        "facts": content.facts("scam"),
        **_scam_result(request),
    }
    return render(request, "advisor/door/scam.html", context)


def _scam_result(request: HttpRequest) -> dict[str, Any]:
    _, items = content.checklist("scam")
    ticked = _ticks(request, "scam", [item.code for item in items])
    return {"seen": [item for item in items if item.code in ticked], **_channels()}


@require_POST
def scam_check(request: HtmxHttpRequest) -> HttpResponse:
    _, items = content.checklist("scam")
    codes = [item.code for item in items]
    form = TicksForm(request.POST, codes=codes)
    ticked = form.cleaned_data["ticked"] if form.is_valid() else []
    _store_ticks(request, "scam", door.clean_codes(ticked, codes))
    if request.htmx:
        return render(request, "advisor/door/_scam_result.html", _scam_result(request))
    return redirect("advisor-scam-result")


@require_safe
def scam_result(request: HttpRequest) -> HttpResponse:
    return render(request, "advisor/door/scam_result.html", _scam_result(request))


# --- evidence log ---------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def evidence_log(request: HttpRequest) -> HttpResponse:
    if not evidence.has_log(request):
        had_code = bool(session.save_code(request))
        return render(request, "advisor/door/evidence_start.html", {"expired": had_code})
    phrases = {item.code: item for item in content.collector_phrases()}
    choices = [(code, item.label) for code, item in phrases.items()]
    picked = request.GET.get("phrase", "")
    initial = {"kind": "call", "phrase": picked} if picked in phrases else {}
    form = EvidenceEntryForm(request.POST or None, phrases=choices, initial=initial)
    if request.method == "POST" and form.is_valid():
        evidence.add(
            request,
            when=form.moment,
            kind=form.cleaned_data["kind"],
            who=form.cleaned_data["who"],
            what=form.cleaned_data["what"],
            attachments=form.cleaned_data["attachments"],
            phrase=form.cleaned_data.get("phrase", ""),
        )
        return redirect("advisor-evidence")
    entries = [
        (entry, phrases[entry.phrase].label if entry.phrase in phrases else "")
        for entry in evidence.entries(request)
    ]
    context = {
        "form": form,
        "entries": entries,
        "lenders": content.lenders(),
    }
    return render(request, "advisor/door/evidence.html", context)


@require_POST
def evidence_start(request: HttpRequest) -> HttpResponse:
    new_code = evidence.start(request)
    return started(request, new_code, here="advisor-evidence", code_page="advisor-evidence-code")


@never_cache
@require_safe
def evidence_code(request: HttpRequest) -> HttpResponse:
    """Shows the save code once, right after it was made."""
    return code_once(request, back="advisor-evidence")


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def evidence_open(request: HttpRequest) -> HttpResponse:
    return restore(
        request,
        template="advisor/door/evidence_open.html",
        context={},
        opened=lambda _request, _bundle: reverse("advisor-evidence"),
    )


@require_POST
def evidence_delete(request: HttpRequest, entry_id: str) -> HttpResponse:
    with contextlib.suppress(evidence.NoLog):
        evidence.remove(request, entry_id)
    return redirect("advisor-evidence")


@require_POST
def evidence_forget(request: HttpRequest) -> HttpResponse:
    """Stop using the log on this device (the data stays, openable with the code)."""
    response = redirect("advisor-evidence")
    session.forget_save_code(response)
    return response


def _summary_context(request: HttpRequest) -> dict[str, Any]:
    try:
        entries = evidence.entries(request)
    except evidence.NoLog:
        raise Http404 from None
    # Posted by the export form, so the lender's name stays out of the address (history).
    chosen = request.POST if request.method == "POST" else request.GET
    to = chosen.get("to", "")
    if to not in ("12378", "local_regulator"):
        to = "lender"
    lender = content.lender(chosen.get("lender", "")) if to == "lender" else None
    followed = [item for item in tracker.load_lenders(request) if item.steps]
    if lender is not None:
        followed = [item for item in followed if item.lender == lender.slug]
    return {
        "entries": entries,
        "followed": followed,
        "to": to,
        "lender": lender,
        "night_count": sum(1 for e in entries if door.is_night(e.when)),
        "third_party_count": sum(1 for e in entries if e.kind == "third_party"),
        "visit_count": sum(1 for e in entries if e.kind == "visit"),
        "printed_on": timezone.localdate(),
        **_channels(),
    }


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def evidence_summary(request: HttpRequest) -> HttpResponse:
    return render(request, "advisor/door/evidence_summary.html", _summary_context(request))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def evidence_pdf(request: HttpRequest) -> HttpResponse:
    pdf = render_pdf("pdf/evidence_summary.html", _summary_context(request), request)
    return pdf_response(pdf, "evidence-summary.pdf")


urlpatterns = [
    path("visitor/", visitor, name="advisor-visitor"),
    path("visitor/check/", visitor_check, name="advisor-visitor-check"),
    path("visitor/result/", visitor_result, name="advisor-visitor-result"),
    path("visitor/reset/", visitor_reset, name="advisor-visitor-reset"),
    path("visitor/card/", door_card, name="advisor-door-card"),
    path("visitor/card.pdf", door_card_pdf, name="advisor-door-card-pdf"),
    path("visitor/card.png", door_card_png, name="advisor-door-card-png"),
    path("rights/", rights, name="advisor-rights"),
    path("scam/", scam, name="advisor-scam"),
    path("scam/check/", scam_check, name="advisor-scam-check"),
    path("scam/result/", scam_result, name="advisor-scam-result"),
    path("evidence/", evidence_log, name="advisor-evidence"),
    path("evidence/start/", evidence_start, name="advisor-evidence-start"),
    path("evidence/code/", evidence_code, name="advisor-evidence-code"),
    path("evidence/open/", evidence_open, name="advisor-evidence-open"),
    path("evidence/forget/", evidence_forget, name="advisor-evidence-forget"),
    path("evidence/<slug:entry_id>/delete/", evidence_delete, name="advisor-evidence-delete"),
    path("evidence/summary/", evidence_summary, name="advisor-evidence-summary"),
    path("evidence/summary.pdf", evidence_pdf, name="advisor-evidence-pdf"),
]
