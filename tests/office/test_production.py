"""Production settings for real: collectstatic with the manifest storage, gunicorn as a real
process, and pages served with DEBUG=false behind a TLS-terminating proxy."""

import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from django.db import connection

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
HOST = "office.example.org"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _production_env(static_root: Path) -> dict:
    db = connection.settings_dict
    env = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    env.update(
        DEBUG="false",
        SECRET_KEY="production-test-" + "k" * 50,
        ALLOWED_HOSTS=HOST,
        DATABASE_URL=f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        STATIC_ROOT=str(static_root),
        MEDIA_ROOT=str(static_root.parent / "media"),
    )
    return env


@pytest.fixture(scope="module")
def gunicorn(django_db_setup, tmp_path_factory):
    # One collectstatic (it compresses every file) and one server for the module.
    env = _production_env(tmp_path_factory.mktemp("production") / "static")
    collected = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert collected.returncode == 0, collected.stdout + collected.stderr
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "office.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--error-logfile",
            "-",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90  # a loaded 2-core machine boots a worker slowly
        while True:
            try:
                requests.get(base + "/healthz", timeout=10)
                break
            except requests.RequestException:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(process.stdout.read()) from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        process.wait(10)


def _get(base, path, cookies="", **headers):
    # As the proxy forwards it: the public host name, and the scheme the browser used.
    headers = {"Host": HOST, "X-Forwarded-Proto": "https", "Cookie": cookies, **headers}
    return requests.get(base + path, headers=headers, allow_redirects=False, timeout=30)


def test_health_answers_plain_http_by_address_without_redirect(gunicorn):
    response = requests.get(gunicorn + "/healthz", allow_redirects=False, timeout=10)
    assert response.status_code == 200, response.text
    assert response.json()["status"] == "ok"
    assert response.json()["database"] == {"vendor": "postgresql", "ok": True}


def test_login_page_and_hashed_static_files_are_served(gunicorn):
    response = _get(gunicorn, "/accounts/login/", **{"Accept-Language": "zh-hans"})
    assert response.status_code == 200, response.text[:2000]
    assert "登录" in response.text
    assets = re.findall(r'/static/[^"]+\.[0-9a-f]{12}\.(?:css|js)', response.text)
    assert any("bootstrap" in asset for asset in assets), assets
    for asset in assets:
        served = _get(gunicorn, asset)
        assert served.status_code == 200, asset
        assert "max-age=315360000" in served.headers["Cache-Control"]
    # Plain HTTP to a page is sent to HTTPS (the proxy's job is TLS, ours the redirect).
    insecure = requests.get(
        gunicorn + "/accounts/login/", headers={"Host": HOST}, allow_redirects=False, timeout=10
    )
    assert insecure.status_code == 301 and insecure.headers["Location"].startswith("https://")


def test_a_user_logs_in_and_every_app_page_renders(gunicorn, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]  # as served
    user = UserFactory(username="prodcheck", name="生产检查", roles=["director", "clerk"])
    user.set_password("demo12345")
    user.save()
    login = _get(gunicorn, "/accounts/login/")
    csrf = login.cookies["csrftoken"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    posted = requests.post(
        gunicorn + "/accounts/login/",
        data={"username": "prodcheck", "password": "demo12345", "csrfmiddlewaretoken": token},
        headers={
            "Host": HOST,
            "X-Forwarded-Proto": "https",
            "Cookie": f"csrftoken={csrf}",
            "Referer": f"https://{HOST}/accounts/login/",
            "Origin": f"https://{HOST}",
        },
        allow_redirects=False,
        timeout=30,
    )
    assert posted.status_code == 302, posted.text[:2000]
    assert "Secure" in posted.headers["Set-Cookie"]
    session = f"sessionid={posted.cookies['sessionid']}"
    for path in ["/", "/documents/", "/meetings/", "/reception/", "/duty/", "/supervision/"]:
        page = _get(gunicorn, path, cookies=session, **{"Accept-Language": "zh-hans"})
        assert page.status_code == 200, (path, page.text[:2000])
        assert "生产检查" in page.text, path
    missing = _get(gunicorn, "/documents/incoming/999999999/", cookies=session)
    assert missing.status_code == 404
