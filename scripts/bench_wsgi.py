"""The site's WSGI application plus one bare view, for `make bench` only.

(a) in the benchmark is "a bare Django view returning a short response": the ceiling of this
machine for a request through gunicorn, Django's URL resolver and the site's full middleware
stack (security headers, CSP, request log, ...), with no template, session or database.
(s) is the same view reading the borrower's session: the floor for any personal page.
It lives here, in a separate WSGI module that wraps the real URLconf, so the production app
has no benchmark-only URL and no switch that could turn one on.
"""

from __future__ import annotations

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "borrower_help.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402
from django.http import HttpRequest, HttpResponse  # noqa: E402
from django.urls import include, path  # noqa: E402

BARE_PATH = "__bench__/bare/"
SESSION_PATH = "__bench__/session/"
SITE_URLCONF = settings.ROOT_URLCONF


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain; charset=utf-8")


def bare_with_session(request: HttpRequest) -> HttpResponse:
    answers = request.session.get("bh")
    return HttpResponse("ok" if answers else "no", content_type="text/plain; charset=utf-8")


urlpatterns = [
    path(BARE_PATH, bare),
    path(SESSION_PATH, bare_with_session),
    path("", include(SITE_URLCONF)),
]
settings.ROOT_URLCONF = __name__

application = get_wsgi_application()
