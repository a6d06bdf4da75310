from django.contrib import admin
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language

urlpatterns = [
    path("admin/", admin.site.urls),
    # The language switch is in every page's header. It carries no CSRF token, so that a page
    # without a form of its own sets no CSRF cookie (a trace on a shared phone); a forged
    # request could only change the language, and `next` stays on this site.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    path("", include("advisor.urls")),
]

handler400 = "advisor.views.core.bad_request"
handler403 = "advisor.views.core.permission_denied"
handler404 = "advisor.views.core.page_not_found"
handler500 = "advisor.views.core.server_error"
