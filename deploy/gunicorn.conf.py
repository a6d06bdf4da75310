"""gunicorn settings for Borrower Help (used by `make serve`, `make bench` and the Dockerfile).

Sync workers, one per CPU core by default: pages are short, CPU-bound template renders, and on
a 2-core machine `-w 2` sync was both the fastest and the steadiest choice (README,
"Benchmarks"). Every value can be overridden on the command line or by the environment.

gunicorn's own access log stays OFF on purpose: its default line holds the query string and
the Referer, which could carry a borrower's details. Django's RequestLogMiddleware writes the
one line per request instead (method, path without query string, status, duration).
"""

import os

wsgi_app = "borrower_help.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
# Behind the reverse proxy, trust its X-Forwarded-* headers (set FORWARDED_ALLOW_IPS to the
# proxy's address; the default trusts only the local machine).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# No control socket: its default path is shared by every gunicorn of the same user, so a
# second instance (two app processes on one machine) would clash with the first.
control_socket_disable = True
# Worker heartbeat files in memory where available (slow disks in containers).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
# Load the app (Django, every view) in the master before it listens: a worker it forks is
# ready at once, and until then nothing listens, so the proxy sends nothing to a booting worker
# (it tries the other app server, or answers with its own calm page). Code changes need a
# restart, not a HUP, which is how deploys restart anyway.
preload_app = True


def on_starting(server: object) -> None:
    """Import every view (the URL conf) in the master, after the app and before listening."""
    _import_views()


def _import_views() -> None:
    from django.urls import get_resolver

    get_resolver().url_patterns  # noqa: B018 (the property imports the views)


def post_worker_init(worker: object) -> None:
    """Import every view (the URL conf) before the worker takes its first request.

    Django imports the URL conf, and with it every view module, on the first request. The
    master has done it already (on_starting, preload_app), so this costs nothing; it stays
    for a run without preloading. It needs neither the database nor the cache.
    """
    _import_views()
