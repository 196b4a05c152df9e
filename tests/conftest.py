"""Fixtures every app's tests share: one user per role, an English/Chinese switch, clients."""

import pytest
from django.test import Client

from tests import clock
from tests.factories import DepartmentFactory, UserFactory


def pytest_configure(config):
    # The clock matrix (scripts/clock-matrix.sh) sets PORTAL_CLOCK; see tests/clock.py.
    clock.start_from_environment()


def pytest_report_header(config):
    import os

    value = os.environ.get(clock.ENV)
    return f"clock: shifted to {value} (ticking)" if value else None


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_page_cache():
    # office.datacache keys by the database's write counter, which a rolled-back test does
    # not wind back: each test starts with nothing kept, as a fresh worker does.
    from django.core.cache import caches

    caches["pages"].clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Every role fixture hashes "demo12345"; PBKDF2 costs seconds per test on 2 cores.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _celery_eager(settings):
    # Tasks queued with delay_on_commit run only where a test asks for them
    # (django_capture_on_commit_callbacks(execute=True) with CELERY_TASK_ALWAYS_EAGER).
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def office_department(db):
    return DepartmentFactory(code="office", name="办公室")


def _user(username, roles, department=None):
    return UserFactory(username=username, name=username, roles=roles, department=department)


@pytest.fixture
def director(office_department):
    return _user("director", ["director"], office_department)


@pytest.fixture
def clerk(office_department):
    return _user("clerk", ["clerk"], office_department)


@pytest.fixture
def leader(office_department):
    return _user("leader", ["shift_leader", "duty_officer"], office_department)


@pytest.fixture
def officer(office_department):
    return _user("officer", ["duty_officer"], office_department)


@pytest.fixture
def receptionist(office_department):
    return _user("reception", ["receptionist"], office_department)


@pytest.fixture
def supervisor(office_department):
    return _user("supervisor", ["supervisor"], office_department)


@pytest.fixture
def finance(office_department):
    return _user("finance", ["finance"], office_department)


@pytest.fixture
def staff(db):
    return _user("staff", [], DepartmentFactory(code="finance", name="财务处"))


@pytest.fixture
def other_staff(db):
    return _user("other", [], DepartmentFactory(code="personnel", name="人事处"))


@pytest.fixture
def client_for():
    """client_for(user) -> a test client logged in as that user (Chinese UI)."""

    def make(user):
        client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
        client.force_login(user)
        return client

    return make
