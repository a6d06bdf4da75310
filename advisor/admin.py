"""The admin for content editors (legal-aid workers, not programmers).

Every content model gets the same shape: a form grouped into basic fields, one section per
language (简体中文 / English / 繁體中文), source and review, and publishing; list pages
searchable and filterable by status, review state and source tier; actions to mark items
reviewed today, publish and unpublish; a preview rendered like the public site; and
django-simple-history's history page with revert (who changed what, and when).

SavedBundle is deliberately not registered: it holds only borrower ciphertext, and editors
must never see borrower data.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import widgets
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from advisor import admin_views
from advisor.models import (
    STALE_FLAGS,
    BlockedDomain,
    Checklist,
    ChecklistItem,
    CollectorPhrase,
    CourtPaper,
    EscalationStage,
    EstimateVersion,
    Fact,
    HelpChannel,
    Lender,
    LetterTemplate,
    Sourced,
    Status,
    Threshold,
    TrustedDomain,
    content_models,
    today,
)

LANGUAGE_SECTIONS = (
    ("zh_hans", _("简体中文")),
    ("en", "English"),
    ("zh_hant", _("繁體中文（可选）")),
)
SOURCE_FIELDS = (
    "source_title",
    "source_url",
    "source_tier",
    "reviewed_on",
    "checked_against",
    "review_every_days",
    "review_due",
)
PUBLISH_FIELDS = ("status", "valid_from", "valid_until", "updated_at")
SMALL_TEXTAREA = {
    models.TextField: {"widget": widgets.AdminTextareaWidget(attrs={"rows": 5})},
    models.CharField: {"widget": widgets.AdminTextInputWidget(attrs={"class": "vLargeTextField"})},
    # Links without a scheme are taken as https (Django 6 default; silences its warning).
    models.URLField: {"assume_scheme": "https"},
}


def translated_bases(model: type[models.Model]) -> list[str]:
    """Names of the translated texts of a model: ``title`` for title_zh_hans/_en/_zh_hant."""
    return [
        field.name[: -len("_zh_hans")]
        for field in model._meta.concrete_fields
        if field.name.endswith("_zh_hans")
    ]


def content_fieldsets(model: type[models.Model], extra: tuple = ()) -> list[tuple[Any, dict]]:
    bases = translated_bases(model)
    translated = {f"{base}_{suffix}" for base in bases for suffix in ("zh_hans", "en", "zh_hant")}
    stale = dict(STALE_FLAGS)
    skip = translated | set(SOURCE_FIELDS) | set(PUBLISH_FIELDS) | set(stale.values()) | {"id"}
    basic = [
        field.name
        for field in model._meta.concrete_fields
        if field.editable and field.name not in skip
    ]
    fieldsets: list[tuple[Any, dict]] = [(_("基本信息"), {"fields": basic})]
    for suffix, label in LANGUAGE_SECTIONS:
        if bases:
            fields = [f"{base}_{suffix}" for base in bases]
            # The "waits for review" tick sits with the translation it is about.
            fields += [stale[suffix]] if suffix in stale else []
            fieldsets.append((label, {"fields": fields}))
    fieldsets.extend(extra)
    fieldsets.append(
        (
            _("来源与复核"),
            {
                "fields": list(SOURCE_FIELDS),
                "description": _(
                    "每条内容都要写明来源和核实日期，网站会把它们显示在内容旁边。"
                    "重新对照来源核实后，把“最近核实日期”改成今天（或在列表页用“标记为今天已核实”）。"
                ),
            },
        )
    )
    fieldsets.append(
        (
            _("发布"),
            {
                "fields": list(PUBLISH_FIELDS),
                "description": _(
                    "保存为草稿后，可以点右上角的“预览”看看借款人会看到什么，再发布。"
                ),
            },
        )
    )
    return fieldsets


class ReviewStateFilter(admin.SimpleListFilter):
    title = _("复核状态")
    parameter_name = "review"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple]:
        return [("needs", _("待复核")), ("ok", _("未到复核日期"))]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet | None:
        if self.value() == "needs":
            return queryset.filter(review_due__lte=today())
        if self.value() == "ok":
            return queryset.filter(review_due__gt=today())
        return None


class ContentAdmin(SimpleHistoryAdmin):
    """What every content model's admin shares."""

    list_filter: tuple = ("status", ReviewStateFilter, "source_tier")
    list_display_first: tuple = ()  # empty: the item's name and its natural key
    list_display_last: tuple = ("status", "reviewed", "due", "preview_link")
    extra_search_fields: tuple = ()  # empty: its natural key's own fields
    extra_fieldsets: tuple = ()
    readonly_fields: tuple = ("review_due", "updated_at")
    actions = ("mark_reviewed_today", "publish", "unpublish")
    formfield_overrides = SMALL_TEXTAREA
    object_history_list_template = "admin/advisor/object_history_list.html"
    list_per_page = 50
    save_on_top = True

    @property
    def previewable(self) -> bool:
        """Declared by the model (``Sourced.preview_template``)."""
        return bool(self.model.preview_template)

    def _own_key_fields(self) -> tuple[str, ...]:
        """The natural key's fields of this model itself (not its parent's)."""
        return tuple(
            name
            for name in self.model.natural_key_fields
            if not isinstance(self.model._meta.get_field(name), models.ForeignKey)
        )

    def get_list_display(self, request: HttpRequest) -> tuple:
        first = self.list_display_first or ("__str__", *self.model.natural_key_fields)
        last = self.list_display_last
        if not self.previewable:
            last = tuple(name for name in last if name != "preview_link")
        return (*first, *last)

    def get_search_fields(self, request: HttpRequest) -> list[str]:
        texts = [
            f"{base}_{suffix}"
            for base in translated_bases(self.model)
            for suffix in ("zh_hans", "en", "zh_hant")
        ]
        own = self.extra_search_fields or self._own_key_fields()
        return [*own, *texts, "source_title"]

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> list[tuple[Any, dict]]:
        return content_fieldsets(self.model, self.extra_fieldsets)

    # List columns ----------------------------------------------------------------------

    @admin.display(description=_("最近核实"), ordering="reviewed_on")
    def reviewed(self, obj: Sourced) -> str:
        return obj.reviewed_on.isoformat() if obj.reviewed_on else ""

    @admin.display(description=_("应复核日期"), ordering="review_due")
    def due(self, obj: Sourced) -> str:
        """The review date, flagged when it has come."""
        if obj.review_due is None:
            return ""
        if obj.review_due <= today():
            return format_html(
                '<strong class="needs-review">{} {}</strong>',
                obj.review_due.isoformat(),
                gettext("待复核"),
            )
        return obj.review_due.isoformat()

    @admin.display(description=_("预览"))
    def preview_link(self, obj: Sourced) -> str:
        return format_html('<a href="{}">{}</a>', self.preview_url(obj), gettext("预览"))

    # Actions ---------------------------------------------------------------------------

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        # A draft may say something we must never claim; say so now (publishing is refused).
        for name, finding in obj.never_claim_findings():
            self.message_user(
                request,
                gettext("“%(phrase)s”（%(field)s）：%(why)s 改好之前不能发布。")
                % {"phrase": finding.phrase, "field": name, "why": finding.message},
                messages.WARNING,
            )
        for hint in obj.readability_hints():
            self.message_user(request, gettext("易读性提示：") + hint, messages.INFO)

    def _save_each(
        self, request: HttpRequest, queryset: QuerySet, reason: str, **values: Any
    ) -> int:
        count = 0
        for obj in queryset:
            if values.get("status") == Status.PUBLISHED:
                problems = {**obj.source_problems(), **obj.publish_problems()}
                if problems:
                    self.message_user(
                        request,
                        gettext("“%(item)s”没有发布：%(why)s")
                        % {"item": obj, "why": " ".join(problems.values())},
                        messages.ERROR,
                    )
                    continue
            for name, value in values.items():
                setattr(obj, name, value)
            obj._history_user = request.user
            obj._change_reason = reason
            obj.save()
            self.log_change(request, obj, reason)
            count += 1
        return count

    @admin.action(description=_("标记为今天已核实"), permissions=["change"])
    def mark_reviewed_today(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = self._save_each(request, queryset, gettext("标记为今天已核实"), reviewed_on=today())
        self.message_user(
            request,
            ngettext(
                "%(count)d 条内容已标记为今天核实。", "%(count)d 条内容已标记为今天核实。", count
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("发布"), permissions=["change"])
    def publish(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = self._save_each(request, queryset, gettext("发布"), status=Status.PUBLISHED)
        self.message_user(
            request,
            ngettext("%(count)d 条内容已发布。", "%(count)d 条内容已发布。", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("取消发布（改为草稿）"), permissions=["change"])
    def unpublish(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = self._save_each(request, queryset, gettext("取消发布"), status=Status.DRAFT)
        self.message_user(
            request,
            ngettext("%(count)d 条内容已改为草稿。", "%(count)d 条内容已改为草稿。", count)
            % {"count": count},
            messages.SUCCESS,
        )

    # Preview ---------------------------------------------------------------------------

    def _info(self) -> str:
        return f"{self.model._meta.app_label}_{self.model._meta.model_name}"

    def preview_url(self, obj: Sourced) -> str:
        return reverse(f"admin:{self._info()}_preview", args=[obj.pk])

    def get_urls(self) -> list[URLPattern]:
        urls = super().get_urls()
        if not self.previewable:
            return urls
        preview = path(
            "<path:object_id>/preview/",
            self.admin_site.admin_view(self.preview_view),
            name=f"{self._info()}_preview",
        )
        return [preview, *urls]

    def preview_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            raise Http404
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        return admin_views.preview(
            request,
            obj,
            change_url=reverse(f"admin:{self._info()}_change", args=[obj.pk]),
            preview_url=self.preview_url(obj),
        )

    def change_view(
        self,
        request: HttpRequest,
        object_id: str,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        context = dict(extra_context or {})
        if self.previewable:
            context["preview_url"] = reverse(f"admin:{self._info()}_preview", args=[object_id])
        return super().change_view(request, object_id, form_url, context)


@admin.register(TrustedDomain)
class TrustedDomainAdmin(admin.ModelAdmin):
    """The allowlist: published content may link only these sites (and their subdomains)."""

    list_display = ("domain", "kind", "reason", "added_on")
    list_filter = ("kind",)
    search_fields = ("domain", "reason")


@admin.register(BlockedDomain)
class BlockedDomainAdmin(admin.ModelAdmin):
    """Sites that may never be cited: SEO pages, loan advertising, known misinformation."""

    list_display = ("domain", "reason", "added_on")
    search_fields = ("domain", "reason")


@admin.register(Lender)
class LenderAdmin(ContentAdmin):
    list_display_first = (
        "__str__",
        "kind",
        "hotline",
        "hotline_line",
        "hotline_confirmed",
        "order",
    )
    list_filter = ("status", ReviewStateFilter, "source_tier", "kind", "hotline_confirmed")
    extra_search_fields = ("slug", "hotline")
    prepopulated_fields = {"slug": ("name_en",)}


@admin.register(HelpChannel)
class HelpChannelAdmin(ContentAdmin):
    list_display_first = ("__str__", "number", "order")
    extra_search_fields = ("slug", "number")


class ChecklistItemInlineForm(forms.ModelForm):
    """Source fields may stay empty here: a new item then takes its checklist's source."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("source_title", "source_tier"):
            if name in self.fields:
                self.fields[name].required = False


class ChecklistItemInline(admin.TabularInline):
    model = ChecklistItem
    form = ChecklistItemInlineForm
    fields = ("order", "code", "text_zh_hans", "text_en", "red_flag", "status")
    extra = 0
    show_change_link = True
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 40})},
        models.CharField: {"widget": forms.TextInput(attrs={"size": 18})},
    }
    verbose_name = _("条目")
    verbose_name_plural = _(
        "条目（新条目沿用清单的来源；繁体、补充说明和单独的来源请点“修改”打开条目页填写）"
    )


@admin.register(Checklist)
class ChecklistAdmin(ContentAdmin):
    list_display_first = ("__str__", "slug", "item_count")
    extra_search_fields = ("slug",)
    inlines = (ChecklistItemInline,)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        checklist = form.instance
        for item_form in formset.forms:
            item = item_form.instance
            if not item.source_title:
                item.source_title = checklist.source_title
                item.source_url = item.source_url or checklist.source_url
            if not item.source_tier:
                item.source_tier = checklist.source_tier
        super().save_formset(request, form, formset, change)

    @admin.display(description=_("条目数"))
    def item_count(self, obj: Checklist) -> int:
        return obj.items.count()


@admin.register(ChecklistItem)
class ChecklistItemAdmin(ContentAdmin):
    list_display_first = ("__str__", "checklist", "code", "order", "red_flag")
    list_filter = ("status", ReviewStateFilter, "source_tier", "checklist", "red_flag")
    extra_search_fields = ("code",)
    list_select_related = ("checklist",)


@admin.register(Fact)
class FactAdmin(ContentAdmin):
    list_display_first = ("__str__", "topic", "order")
    list_filter = ("status", ReviewStateFilter, "source_tier", "topic")
    extra_search_fields = ("slug",)


@admin.register(CourtPaper)
class CourtPaperAdmin(ContentAdmin):
    list_display_first = ("__str__", "slug", "is_court_paper", "deadline_days", "order")
    list_filter = ("status", ReviewStateFilter, "source_tier", "is_court_paper")
    extra_search_fields = ("slug",)


@admin.register(Threshold)
class ThresholdAdmin(ContentAdmin):
    list_display_first = ("__str__", "slug", "value")
    extra_search_fields = ("slug", "notes")


@admin.register(CollectorPhrase)
class CollectorPhraseAdmin(ContentAdmin):
    list_display_first = ("__str__", "code", "category", "red_flag", "against_rules", "order")
    list_filter = ("status", ReviewStateFilter, "source_tier", "category", "red_flag")
    extra_search_fields = ("code", "keywords")


@admin.register(EscalationStage)
class EscalationStageAdmin(ContentAdmin):
    list_display_first = ("__str__", "code", "order", "typical_from_day")
    extra_search_fields = ("code",)


@admin.register(LetterTemplate)
class LetterTemplateAdmin(ContentAdmin):
    list_display_first = ("__str__", "slug", "order")
    extra_search_fields = ("slug",)
    readonly_fields = ("review_due", "updated_at", "placeholder_help")
    extra_fieldsets = (
        (
            _("占位符说明"),
            {
                "fields": ("placeholder_help",),
                "description": _(
                    "信件正文里只能使用下面列出的占位符（连同方括号原样写）。"
                    "借款人生成信件时，占位符会换成他填写的内容。"
                ),
            },
        ),
    )

    @admin.display(description=_("可以使用的占位符"))
    def placeholder_help(self, obj: LetterTemplate | None) -> str:
        return format_html(
            "<ul>{}</ul>",
            format_html_join("", "<li><code>{}</code> {}</li>", admin_views.letter_placeholders()),
        )


@admin.register(EstimateVersion)
class EstimateVersionAdmin(ContentAdmin):
    list_display_first = ("__str__", "is_active", "updated_at")
    list_filter = ("status", ReviewStateFilter, "source_tier", "is_active")
    extra_search_fields = ("version", "notes")


# Every other content model gets the shared admin as it is: declaring the model is enough.
for _model in content_models():
    if not admin.site.is_registered(_model):
        admin.site.register(_model, ContentAdmin)
