# Borrower Help: one image for the app servers and the release (migrate) step.
# Reference for a deployment with compose.yaml (app x2, PostgreSQL, Redis, nginx); see README,
# "Deployment". Build: docker build -t borrower-help .
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1

# gettext: compiled translations; Noto CJK + Pango + HarfBuzz subsetting: PDFs with Chinese text.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      gettext fontconfig fonts-noto-cjk libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Runtime packages only, at the same versions as development and CI (requirements-dev.lock
# adds the test and lint tools).
COPY requirements.lock ./
RUN pip install -r requirements.lock

COPY . .

# The app's bytecode, compiled once in the image (pip already compiled the packages): with
# PYTHONDONTWRITEBYTECODE each worker would otherwise compile every app module as it starts.
RUN python -m compileall -q advisor borrower_help

# Build products, made once in the image: compiled catalogs and hashed, compressed static
# files (whitenoise serves them). The key below only lets settings load during the build;
# the real SECRET_KEY comes from the environment at run time.
RUN DEBUG=0 SECRET_KEY=build-time-only-not-used-at-run-time \
      sh -c 'python manage.py build_hant_catalog -v 0 \
        && python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0 \
        && python manage.py collectstatic --noinput -v 0'

RUN useradd --system --uid 10001 --home /app app \
    && mkdir -p /app/var && chown app /app/var
# var/: the last-known-good content copy (writable by the app only; compose keeps it on a volume).
USER app

ENV DEBUG=0 \
    GUNICORN_BIND=0.0.0.0:8000 \
    WEB_CONCURRENCY=2
EXPOSE 8000

# Plain http inside the network: the health check says it came through the TLS proxy
# (BEHIND_TLS_PROXY=1) and uses the first allowed host, so no HTTPS redirect is answered.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD python -c "import os, urllib.request as u; host = os.environ.get('ALLOWED_HOSTS', 'localhost').split(',')[0]; u.urlopen(u.Request('http://127.0.0.1:8000/healthz', headers={'Host': host, 'X-Forwarded-Proto': 'https'}), timeout=4)"

CMD ["gunicorn", "-c", "deploy/gunicorn.conf.py"]
