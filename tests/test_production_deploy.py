"""The deployment reference (Dockerfile, compose.yaml, nginx, gunicorn) is consistent.

Docker is not available where these tests run, so they check what can be checked without
it: the files parse, every setting they pass is one the app reads, and nothing in the
serving path logs a query string or a client's details.
"""

from __future__ import annotations

import re
import runpy
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SETTINGS_SOURCE = (ROOT / "borrower_help" / "settings.py").read_text()
GUNICORN_ENV = {"GUNICORN_BIND", "WEB_CONCURRENCY", "FORWARDED_ALLOW_IPS"}


def compose() -> dict:
    yaml = pytest.importorskip("yaml", reason="PyYAML is needed to read compose.yaml")
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


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


@pytest.mark.skipif(
    shutil.which("nginx") is None, reason="nginx not installed (apt-get install nginx)"
)
def test_the_nginx_configuration_is_accepted_by_nginx(tmp_path: Path) -> None:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl not installed")
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=localhost",
            "-days",
            "1",
            "-keyout",
            tmp_path / "privkey.pem",
            "-out",
            tmp_path / "fullchain.pem",
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )
    conf = (ROOT / "deploy" / "nginx.conf").read_text()
    conf = conf.replace("/etc/nginx/certs", str(tmp_path))
    conf = conf.replace("app1:8000", "127.0.0.1:9").replace("app2:8000", "127.0.0.1:9")
    (tmp_path / "nginx.conf").write_text(conf)
    result = subprocess.run(
        ["nginx", "-t", "-c", str(tmp_path / "nginx.conf")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_the_image_builds_static_files_and_runs_gunicorn_as_a_non_root_user() -> None:
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "collectstatic --noinput" in dockerfile
    assert "compilemessages" in dockerfile
    assert re.search(r"^USER app$", dockerfile, re.M)
    assert 'CMD ["gunicorn", "-c", "deploy/gunicorn.conf.py"]' in dockerfile
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", "db.sqlite3*", ".env"} <= set(ignored)
