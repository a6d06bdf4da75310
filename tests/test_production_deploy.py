"""The deployment reference (Dockerfile, compose.yaml, nginx, gunicorn) is consistent.

Docker is not available where these tests run, so they check what can be checked without
it: the files parse, every setting they pass is one the app reads, nothing in the serving
path logs a query string or a client's details, and the real nginx, run with the reference
configuration in front of a stand-in app, limits document downloads.
"""

from __future__ import annotations

import ipaddress
import os
import re
import runpy
import ssl
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.helpers import compose
from tests.servers import NGINX, needs_nginx, nginx_config, running_proxy

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_SOURCE = (ROOT / "borrower_help" / "settings.py").read_text()
GUNICORN_ENV = {"GUNICORN_BIND", "WEB_CONCURRENCY", "FORWARDED_ALLOW_IPS"}


def test_compose_runs_two_app_servers_behind_a_proxy_with_postgresql_and_redis() -> None:
    services = compose()["services"]
    assert {"app1", "app2", "db", "redis", "proxy", "release"} <= set(services)
    assert services["db"]["image"].startswith("postgres:15")
    for name in ("app1", "app2"):
        env = services[name]["environment"]
        assert env["DEBUG"] == "0"
        assert env["DATABASE_URL"].startswith("postgres://")
        assert env["REDIS_URL"].startswith("redis://")
        assert env["BEHIND_TLS_PROXY"] == "1"
        assert (
            services[name]["depends_on"]["release"]["condition"] == "service_completed_successfully"
        )
    assert "migrate --noinput" in " ".join(services["release"]["command"])
    assert "./deploy/nginx.conf:/etc/nginx/nginx.conf:ro" in services["proxy"]["volumes"]
    assert set(services) - {"proxy"} == {s for s in services if "ports" not in services[s]}


def test_every_variable_compose_passes_is_one_the_app_or_gunicorn_reads() -> None:
    env = compose()["services"]["app1"]["environment"]
    unknown = [
        name
        for name in env
        if name not in GUNICORN_ENV and not re.search(rf'["\']{name}["\']', SETTINGS_SOURCE)
    ]
    assert unknown == []


def test_gunicorn_uses_sync_workers_and_no_access_log_with_query_strings() -> None:
    config = runpy.run_path(str(ROOT / "deploy" / "gunicorn.conf.py"))
    assert config["worker_class"] == "sync"
    assert config["accesslog"] is None
    assert config["wsgi_app"] == "borrower_help.wsgi:application"
    assert config["bind"].startswith("127.0.0.1:")  # 0.0.0.0 only when the container says so
    assert config["control_socket_disable"] is True


HOOK_RUN = """
import runpy, sys
import django
django.setup()
config = runpy.run_path(sys.argv[1])
before = "advisor.views.plan" in sys.modules
config[sys.argv[2]](object())
print(config["preload_app"], before, "advisor.views.plan" in sys.modules)
"""


def run_hook(conf: str, hook: str) -> list[str]:
    """In a fresh process (in this one the URL conf has long been imported by other tests),
    run a gunicorn hook of ``conf``: preload_app, and whether the views were imported before
    and after it."""
    result = subprocess.run(
        [sys.executable, "-c", HOOK_RUN, str(ROOT / "deploy" / conf), hook],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "borrower_help.settings"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return result.stdout.split()


@pytest.mark.parametrize("conf", ["gunicorn.conf.py", "gunicorn-documents.conf.py"])
def test_a_new_worker_imports_every_view_before_its_first_request(conf: str) -> None:
    assert run_hook(conf, "post_worker_init")[1:] == ["False", "True"]


@pytest.mark.parametrize("conf", ["gunicorn.conf.py", "gunicorn-documents.conf.py"])
def test_the_pool_listens_only_once_the_app_and_every_view_are_loaded(conf: str) -> None:
    # preload_app loads the app in the master before it binds; on_starting (also before the
    # bind) imports the views: a booting pool refuses connections instead of holding them.
    assert run_hook(conf, "on_starting") == ["True", "False", "True"]


def test_the_proxy_log_holds_no_query_string_client_address_or_referer() -> None:
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    log_format = re.search(r"log_format privacy (.*?);", conf, re.S)
    assert log_format
    for variable in (
        "$request ",
        "$request_uri",
        "$args",
        "$query_string",
        "$remote_addr",
        "$http_referer",
        "$http_user_agent",
        "$http_x_forwarded_for",
    ):
        assert variable.strip() not in log_format.group(
            1
        ).split() and variable not in log_format.group(1)
    assert "$uri" in log_format.group(1)
    assert re.search(r"access_log \S+ privacy;", conf)
    assert "server app1:8000" in conf and "server app2:8000" in conf


@needs_nginx
def test_the_nginx_configuration_is_accepted_by_nginx(tmp_path: Path) -> None:
    result = subprocess.run(
        [NGINX, "-t", "-c", str(nginx_config(tmp_path))],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


@pytest.fixture
def proxy(tmp_path: Path) -> Iterator[str]:
    """The real nginx with deploy/nginx.conf in front of a stand-in app, on loopback ports."""
    with running_proxy(tmp_path) as base:
        yield base


def _get(url: str) -> tuple[int, str, str]:
    """Status, Retry-After header and body text."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        with urllib.request.urlopen(url, context=context, timeout=10) as response:
            return response.status, "", response.read().decode()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers.get("Retry-After", ""), error.read().decode()


def _status(url: str) -> int:
    return _get(url)[0]


@needs_nginx
def test_the_proxy_limits_document_downloads_per_client_but_not_pages(proxy: str) -> None:
    pdfs = [_status(f"{proxy}/plan/repayment-plan.pdf") for _ in range(30)]
    assert pdfs[:20] == [200] * 20  # a burst a borrower could make by hand goes through
    assert 429 in pdfs[20:]
    assert _status(f"{proxy}/letters/loan-negotiation/write/") == 429  # same budget
    status, retry_after, body = _get(f"{proxy}/evidence/summary.pdf")
    assert (status, retry_after) == (429, "60")
    assert "请等一分钟再试" in body and "wait a minute" in body
    assert [_status(f"{proxy}/check/result/") for _ in range(30)] == [200] * 30


def test_the_image_builds_static_files_and_runs_gunicorn_as_a_non_root_user() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "collectstatic --noinput" in dockerfile
    assert "compilemessages" in dockerfile
    assert "python -m compileall -q advisor borrower_help" in dockerfile
    assert re.search(r"^USER app$", dockerfile, re.M)
    assert 'CMD ["gunicorn", "-c", "deploy/gunicorn.conf.py"]' in dockerfile
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", "db.sqlite3*", ".env"} <= set(ignored)


def test_documents_run_in_their_own_pool_that_nginx_sends_document_urls_to() -> None:
    services = compose()["services"]
    for name in ("documents1", "documents2"):
        assert services[name]["command"] == ["gunicorn", "-c", "deploy/gunicorn-documents.conf.py"]
        assert services[name]["environment"]["DATABASE_URL"].startswith("postgres://")
        assert services[name]["environment"]["DOCUMENTS_BIND"] == "0.0.0.0:8001"
    config = runpy.run_path(str(ROOT / "deploy" / "gunicorn-documents.conf.py"))
    assert config["worker_class"] == "sync" and config["accesslog"] is None
    assert config["bind"] == "127.0.0.1:8001" and config["timeout"] == 20
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    documents = re.search(r"location ~ \(\\\.pdf\$\|\^/letters.*?\n        \}", conf, re.S)
    assert documents, "no document location"
    assert "proxy_pass http://documents;" in documents.group(0)
    assert "limit_conn documents_in_flight" in documents.group(0)
    for header in ("Host", "X-Forwarded-Proto", "X-Forwarded-For", "X-Request-Start"):
        assert f"proxy_set_header {header} " in documents.group(0)


def _pins(name: str) -> dict[str, str]:
    lines = (ROOT / name).read_text().splitlines()
    return dict(line.split("==", 1) for line in lines if "==" in line and not line.startswith("#"))


def test_the_image_installs_runtime_packages_only_at_the_developers_versions() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "pip install -r requirements.lock" in dockerfile
    assert "install -r requirements-dev.lock" not in dockerfile
    runtime, dev = _pins("requirements.lock"), _pins("requirements-dev.lock")
    assert {"django", "weasyprint", "cryptography"} <= set(runtime)
    assert not {"pytest", "playwright", "hypothesis", "ruff"} & set(runtime)
    assert {"pytest", "playwright"} <= set(dev)
    assert {name: dev.get(name) for name in runtime} == runtime


def test_the_apps_believe_forwarded_addresses_from_the_proxys_own_address_only() -> None:
    document = compose()
    services = document["services"]
    proxy_address = services["proxy"]["networks"]["default"]["ipv4_address"]
    for name in ("app1", "app2", "documents1", "documents2"):
        env = services[name]["environment"]
        assert env["TRUSTED_PROXIES"] == env["FORWARDED_ALLOW_IPS"] == proxy_address
    default = re.fullmatch(r"\$\{PROXY_ADDRESS:-([\d.]+)\}", proxy_address)
    assert default, proxy_address  # one address, never a network or "*"
    pool = document["networks"]["default"]["ipam"]["config"][0]
    subnet = ipaddress.ip_network(re.sub(r"\$\{\w+:-(.*)\}", r"\1", pool["subnet"]))
    dynamic = ipaddress.ip_network(re.sub(r"\$\{\w+:-(.*)\}", r"\1", pool["ip_range"]))
    address = ipaddress.ip_address(default.group(1))
    assert address in subnet and address not in dynamic  # no other container can get it


def test_save_code_attempts_for_everyone_together_wait_in_a_queue_rather_than_being_refused() -> (
    None
):
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    restore = re.search(r"location ~ \^/\(check/resume\|evidence/open\)/\$ \{.*?\}", conf, re.S)
    assert restore, "no save-code location"
    together = re.search(r"limit_req zone=restore_all burst=\d+( nodelay)?;", restore.group(0))
    assert together and not together.group(1)  # no nodelay: over the rate, requests wait


def test_the_last_known_good_content_copy_outlives_a_redeploy() -> None:
    """The content snapshot is what door pages fall back on when the database is down: on a
    named volume it survives `compose up --build`, which replaces the containers."""
    from django.conf import settings

    document = compose()
    dockerfile = (ROOT / "Dockerfile").read_text()
    workdir = re.search(r"^WORKDIR (\S+)$", dockerfile, re.M)
    assert workdir is not None
    in_image = Path(workdir.group(1)) / Path(settings.CONTENT_SNAPSHOT_DIR).relative_to(
        settings.BASE_DIR
    )
    for name in ("release", "app1", "app2", "documents1", "documents2"):
        mounts = [item.split(":")[:2] for item in document["services"][name].get("volumes", [])]
        assert any(
            volume in (document.get("volumes") or {}) and in_image.is_relative_to(target)
            for volume, target in mounts
        ), name
