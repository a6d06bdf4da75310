# Borrower Help. Two commands do everything on a fresh machine:
#   make run    set up and serve the site on http://127.0.0.1:8000 (PORT=8001 make run for another port)
#   make test   set up and run the whole test suite
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON_SYSTEM ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := .tools/bin/uv
UV_VERSION := 0.13.9
STAMP := $(VENV)/.installed-stamp
PORT ?= 8000
# DEBUG is off unless set (settings.py); development commands run with it on.
MANAGE := DEBUG=$${DEBUG:-1} $(PY) manage.py

.PHONY: help
help:
	@echo "make run        set up, migrate, load content and serve on http://127.0.0.1:$(PORT)"
	@echo "make test       set up and run the whole test suite (SQLite)"
	@echo "make lint       ruff check + format check"
	@echo "make typecheck  mypy with django-stubs over advisor/ and borrower_help/ (strict for the pure modules)"
	@echo "make format     ruff format + autofix"
	@echo "make messages   extract and compile translations"
	@echo "make lock       re-resolve requirements.lock (runtime) and requirements-dev.lock from pyproject.toml"
	@echo "make serve      production-like local run: gunicorn + whitenoise, DEBUG off, http://127.0.0.1:$(PORT)"
	@echo "make test-postgres  the test suite against a throw-away PostgreSQL cluster (CI runs both)"
	@echo "make bench      load test (wrk) on SQLite and on PostgreSQL with two app processes"
	@echo "make faults     fault run: PostgreSQL, Redis, two gunicorn pools, nginx; prints what borrowers saw"
	@echo "make bench-pdf  plan page and plan PDF against the size of the plan (lenders x months)"
	@echo "make bench-phone the one-debt check on an emulated 3G phone: waiting, round trips, bytes"
	@echo "make lighthouse Lighthouse (mobile) on home, a question, the result and the plan page"
	@echo "make editors    create/reset the content editors group (USERS=\"alice bob\" adds staff users)"

$(UV):
	$(PYTHON_SYSTEM) -m venv .tools
	.tools/bin/pip install -q --disable-pip-version-check "uv==$(UV_VERSION)"

$(STAMP): requirements-dev.lock | $(UV)
	test -x $(PY) || $(UV) venv -q --python $(PYTHON_SYSTEM) $(VENV)
	# Bytecode is compiled once, here. Without it (uv's default, with PYTHONDONTWRITEBYTECODE
	# set) every new process compiles each module it imports: an app worker took about 0.7 s
	# longer to start and answer its first page.
	$(UV) pip sync -q --compile-bytecode --python $(PY) requirements-dev.lock
	touch $@

.PHONY: install
install: $(STAMP)

.PHONY: lock
lock: | $(UV)
	$(UV) pip compile -q pyproject.toml --extra dev --python-version 3.11 -o requirements-dev.lock
	$(UV) pip compile -q pyproject.toml --python-version 3.11 -c requirements-dev.lock -o requirements.lock

.PHONY: system-deps
system-deps:
	scripts/system-deps

node_modules/.installed-stamp: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

.PHONY: node
node: node_modules/.installed-stamp

# Compiled catalogs (.mo) are build products, never committed.
.PHONY: compile-messages
compile-messages: $(STAMP)
	$(MANAGE) build_hant_catalog -v 0
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

.PHONY: messages
messages: $(STAMP)
	$(MANAGE) makemessages -l en --ignore=.venv --ignore=node_modules --ignore=.tools --ignore=staticfiles --ignore=tools --no-obsolete
	$(MANAGE) build_hant_catalog -v 0
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v 0

.PHONY: setup
setup: system-deps $(STAMP) compile-messages
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) load_content
	$(MANAGE) create_editors_group -v 0

.PHONY: run
run: setup
	$(MANAGE) runserver 127.0.0.1:$(PORT)

# The 10 slowest tests are printed at the end of every run.
.PHONY: test
test: system-deps $(STAMP) node compile-messages
	$(MANAGE) makemigrations --check --dry-run -v 0
	$(VENV)/bin/pytest --durations=10 $(PYTEST_ARGS)

.PHONY: lint
lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

.PHONY: typecheck
typecheck: $(STAMP)
	DEBUG=$${DEBUG:-1} $(VENV)/bin/mypy

.PHONY: format
format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Content editors: a group with content permissions only (no users, no borrower data).
.PHONY: editors
editors: $(STAMP)
	$(MANAGE) migrate --noinput -v 0
	$(MANAGE) create_editors_group $(if $(USERS),--add $(USERS))

# Production-like local run (see README, "Deployment"): DEBUG off, hashed + compressed static
# files, gunicorn sync workers on 127.0.0.1 only, with plain-http overrides for loopback.
.PHONY: serve
serve: system-deps $(STAMP) compile-messages
	PORT=$(PORT) scripts/serve

# The whole suite against a real PostgreSQL server (a throw-away cluster under .pg/, stopped
# afterwards even on failure). Browser tests are left to `make test`: they drive the same views.
.PHONY: test-postgres
test-postgres: system-deps $(STAMP) node compile-messages
	scripts/system-deps postgres
	scripts/pg run -- $(VENV)/bin/pytest -m "not browser" --durations=10 $(PYTEST_ARGS)

# Load test, not a timed test: figures go to artifacts/bench-<timestamp>.txt/.json.
.PHONY: bench
bench: system-deps $(STAMP) compile-messages
	scripts/system-deps bench postgres
	$(PY) scripts/bench.py $(BENCH_ARGS)

# Growth of the plan page and its PDF with lenders × months (in-process CPU, bytes, pages).
.PHONY: bench-pdf
bench-pdf: system-deps $(STAMP) compile-messages
	$(PY) scripts/bench_pdf.py $(BENCH_ARGS)

# The guided check on an emulated 3G phone (Playwright + Debian Chromium, DevTools throttling);
# not a test. Figures go to artifacts/bench-phone-<timestamp>.txt.
.PHONY: bench-phone
bench-phone: system-deps $(STAMP) compile-messages
	$(PY) scripts/bench_phone.py $(BENCH_ARGS)

# Lighthouse 12.8.2 (pinned in tools/lighthouse) with Debian Chromium; not part of `make test`.
# Serves the app production-like on 127.0.0.1, prints the four scores per page and writes
# the reports to artifacts/lighthouse/.
tools/lighthouse/node_modules/.installed-stamp: tools/lighthouse/package.json tools/lighthouse/package-lock.json
	cd tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error
	touch $@

.PHONY: lighthouse
lighthouse: system-deps $(STAMP) compile-messages tools/lighthouse/node_modules/.installed-stamp
	CHROME_PATH=/usr/bin/chromium $(PY) scripts/lighthouse.py

# Fault run, not a test: starts real PostgreSQL, Redis, the page and document gunicorn pools and
# nginx (deploy/nginx.conf) on loopback, breaks one part at a time and prints a table (fault,
# what borrowers saw, answers lost, recovery time). Under 10 minutes; stops all it started.
.PHONY: faults
faults: system-deps $(STAMP) compile-messages
	scripts/system-deps faults
	$(PY) scripts/faults.py $(FAULTS_ARGS)
