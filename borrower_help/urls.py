from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("advisor.urls")),
]

handler400 = "advisor.views.core.bad_request"
handler403 = "advisor.views.core.permission_denied"
handler404 = "advisor.views.core.page_not_found"
handler500 = "advisor.views.core.server_error"
