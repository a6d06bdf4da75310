"""The admin site content editors use.

Django's admin, with three additions for editors: a "needs review" list of every content
item past its review date (linked and counted on the dashboard), a JSON download of all
content, and Chinese titles. Installed in place of ``django.contrib.admin`` through
``EditorsAdminConfig`` (see INSTALLED_APPS), so ``admin.site`` is this site everywhere.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import URLPattern, URLResolver, path
from django.utils.translation import gettext_lazy as _


class EditorsAdminSite(admin.AdminSite):
    site_header = _("借款人自助 · 内容管理")
    site_title = _("借款人自助 内容管理")
    index_title = _("内容管理首页")

    def get_urls(self) -> list[URLResolver | URLPattern]:
        from advisor import admin_views, dashboard

        extra = [
            path("counts/", self.admin_view(dashboard.counts_page), name="advisor_counts"),
            path("counts.csv", self.admin_view(dashboard.counts_csv), name="advisor_counts_csv"),
            path(
                "needs-review/",
                self.admin_view(admin_views.needs_review),
                name="advisor_needs_review",
            ),
            path(
                "content-import/",
                self.admin_view(admin_views.import_upload),
                name="advisor_content_import",
            ),
            path(
                "content-export/",
                self.admin_view(admin_views.export_download),
                name="advisor_content_export",
            ),
        ]
        return extra + super().get_urls()

    def index(self, request: HttpRequest, extra_context: dict[str, Any] | None = None) -> Any:
        from advisor import admin_views

        context = {**admin_views.dashboard_context(request), **(extra_context or {})}
        response: TemplateResponse | HttpResponse = super().index(request, context)
        return response


class EditorsAdminConfig(AdminConfig):
    default_site = "advisor.admin_site.EditorsAdminSite"
