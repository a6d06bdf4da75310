"""Extra admin pages for content editors: needs review, export download, previews.

All of these run inside ``admin_site.admin_view`` (staff login required) and check the
editor's model permissions themselves. Content text is always rendered by the template
engine with autoescaping on; editor text is never compiled as a template, so ``<script>``,
``{{ }}`` and ``{% %}`` in a field show as plain text.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib.auth import get_permission_codename
from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.response import TemplateResponse
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from advisor import contentio
from advisor.models import Sourced, content_models, today
from advisor.rules import letter

PREVIEW_LANGUAGES = (("zh-hans", "简体中文"), ("en", "English"), ("zh-hant", "繁體中文"))


def _can(request: HttpRequest, action: str, model: type[models.Model]) -> bool:
    opts = model._meta
    return request.user.has_perm(f"{opts.app_label}.{get_permission_codename(action, opts)}")


def can_see(request: HttpRequest, model: type[models.Model]) -> bool:
    return _can(request, "view", model) or _can(request, "change", model)


def _url(name: str, *args: Any) -> str:
    try:
        return reverse(f"admin:{name}", args=args)
    except NoReverseMatch:
        return ""


@dataclass(frozen=True)
class ReviewRow:
    kind: str
    obj: Sourced
    days_overdue: int
    change_url: str
    preview_url: str
    problems: tuple[str, ...] = ()  # never-claim phrases, unreadable source: blocks publishing
    hints: tuple[str, ...] = ()  # plain-Chinese hints: never blocking
    stale: tuple[str, ...] = ()  # translations that wait for review after a Simplified edit


STALE_LABELS = {"en": gettext_lazy("英文翻译待复核"), "zh_hant": gettext_lazy("繁体翻译待复核")}


def content_problems(obj: Sourced) -> tuple[str, ...]:
    """What stops this item being published (or saved), in words an editor can act on."""
    return tuple(obj.source_problems().values()) + tuple(obj.publish_problems().values())


def needs_review_rows(request: HttpRequest, on: dt.date | None = None) -> list[ReviewRow]:
    """Every content item the editor may see whose review date has come, whose text says
    something we must never claim (domain-facts §7), or whose translation is stale since the
    Simplified text changed; oldest first, flagged items first."""
    day = on or today()
    rows: list[ReviewRow] = []
    for model in content_models():
        if not can_see(request, model):
            continue
        info = f"{model._meta.app_label}_{model._meta.model_name}"
        for obj in model.objects.all():
            problems = content_problems(obj)
            stale = tuple(str(STALE_LABELS[suffix]) for suffix in obj.stale_languages())
            due = obj.review_due is not None and obj.review_due <= day
            if not (due or problems or stale):
                continue
            rows.append(
                ReviewRow(
                    kind=str(model._meta.verbose_name),
                    obj=obj,
                    days_overdue=(day - obj.review_due).days if due else 0,
                    change_url=_url(f"{info}_change", obj.pk),
                    preview_url=_url(f"{info}_preview", obj.pk),
                    problems=problems,
                    hints=tuple(obj.readability_hints()),
                    stale=stale,
                )
            )
    rows.sort(key=lambda row: (not row.problems, row.obj.review_due, row.kind, str(row.obj)))
    return rows


def dashboard_context(request: HttpRequest) -> dict[str, Any]:
    visible = [model for model in content_models() if can_see(request, model)]
    return {
        "needs_review_count": sum(model.objects.needs_review().count() for model in visible),
        "can_see_content": bool(visible),
        "can_export_content": can_export(request),
        "can_import_content": can_import(request),
    }


def needs_review(request: HttpRequest) -> TemplateResponse:
    from django.contrib import admin

    if not any(can_see(request, model) for model in content_models()):
        raise PermissionDenied
    context = {
        **admin.site.each_context(request),
        "title": _("待复核的内容"),
        "rows": needs_review_rows(request),
        "today": today(),
    }
    return TemplateResponse(request, "admin/advisor/needs_review.html", context)


def can_export(request: HttpRequest) -> bool:
    return all(can_see(request, model) for model in content_models())


def export_download(request: HttpRequest) -> HttpResponse:
    """All content as a JSON file (the same as ``manage.py export_content``)."""
    if not can_export(request):
        raise PermissionDenied
    text = contentio.dumps(contentio.export_content())
    response = HttpResponse(text, content_type="application/json; charset=utf-8")
    filename = f"borrower-help-content-{today().isoformat()}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("内容文件（JSON）"),
        help_text=gettext_lazy("用“下载全部内容”得到的文件。导入前请先下载一份当前内容作备份。"),
        error_messages={"required": gettext_lazy("请选择要导入的文件")},
    )
    replace = forms.BooleanField(
        label=gettext_lazy("删除文件里没有的内容"),
        required=False,
        help_text=gettext_lazy(
            "不勾选：只新增和更新。勾选：网站上有、文件里没有的内容会被删除（可在历史记录里找回）。"
        ),
    )


def can_import(request: HttpRequest, *, replace: bool = False) -> bool:
    actions = ("add", "change", "delete") if replace else ("add", "change")
    return all(_can(request, action, model) for model in content_models() for action in actions)


def import_upload(request: HttpRequest) -> HttpResponse:
    """Upload a JSON export; all rows are imported, or none (the error names the row)."""
    from django.contrib import admin, messages

    if not can_import(request):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        replace = form.cleaned_data["replace"]
        if replace and not can_import(request, replace=True):
            raise PermissionDenied
        try:
            data = json.loads(form.cleaned_data["file"].read().decode("utf-8"))
            counts = contentio.import_content(data, replace=replace)
        except (UnicodeDecodeError, ValueError) as exc:
            # ContentImportError is a ValueError; so are JSON syntax errors.
            form.add_error("file", _("没有导入任何内容：%(reason)s") % {"reason": exc})
        else:
            messages.success(
                request,
                _("导入完成：新增 %(created)d 条，更新 %(updated)d 条，删除 %(deleted)d 条。")
                % counts,
            )
            return redirect("admin:index")
    context = {
        **admin.site.each_context(request),
        "title": _("导入内容"),
        "form": form,
    }
    return TemplateResponse(request, "admin/advisor/import.html", context)


# Letter templates -------------------------------------------------------------------------


def letter_placeholders(language: str | None = None) -> list[tuple[str, str]]:
    """The documented placeholders as (tokens, meaning) for editors."""
    english = (language or translation.get_language() or "").startswith("en")
    return letter.placeholder_list(english=english)


# Previews ---------------------------------------------------------------------------------


def preview(
    request: HttpRequest, obj: Sourced, *, change_url: str, preview_url: str
) -> HttpResponse:
    """The item rendered with the public site's layout, in the chosen language."""
    language = request.GET.get("lang", "zh-hans")
    if language not in dict(PREVIEW_LANGUAGES):
        language = "zh-hans"
    context: dict[str, Any] = {
        "obj": obj,
        "preview_template": obj.preview_template,
        "change_url": change_url,
        "preview_language": language,
        "languages": [
            {"code": code, "name": name, "url": f"{preview_url}?lang={code}"}
            for code, name in PREVIEW_LANGUAGES
        ],
        "texts": [
            (field.verbose_name, obj.t(field.name[: -len("_zh_hans")], language))
            for field in type(obj)._meta.concrete_fields
            if field.name.endswith("_zh_hans")
        ],
    }
    context.update(obj.preview_context(language))
    with translation.override(language):
        return render(request, "admin/advisor/preview.html", context)
