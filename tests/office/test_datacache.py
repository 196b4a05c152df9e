"""office.datacache: a page's work is kept until the next write to the database (any write:
a service, a bulk update, raw SQL) or the next minute, per user and language."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from office import datacache
from office.models import Notification
from supervision.models import Task
from tests.supervision.factories import TaskFactory

pytestmark = pytest.mark.django_db

AT = timezone.make_aware(datetime.datetime(2026, 12, 1, 9, 0, 10))


@pytest.fixture
def frozen():
    with time_machine.travel(AT, tick=False) as traveller:
        yield traveller


def _counting():
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    return calls, compute


def test_every_table_bumps_the_version_and_sessions_do_not(clerk):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM information_schema.tables t WHERE table_schema = 'public' "
            "AND table_type = 'BASE TABLE' AND NOT EXISTS (SELECT 1 FROM pg_trigger g JOIN "
            "pg_class c ON c.oid = g.tgrelid WHERE c.relname = t.table_name AND g.tgname = %s) "
            "AND table_name NOT LIKE 'axes%%' AND table_name NOT IN "
            "('django_session', 'django_migrations')",
            [datacache.TRIGGER],
        )
        assert cursor.fetchone()[0] == 0
    before = datacache.data_version()
    Notification.objects.create(recipient=clerk, title="一条")
    assert datacache.data_version() > before
    with connection.cursor() as cursor:
        cursor.execute("UPDATE django_session SET expire_date = expire_date")
    after_session = datacache.data_version()
    Notification.objects.filter(recipient=clerk).update(title="改")  # no signals, still seen
    assert datacache.data_version() > after_session


def test_a_value_is_kept_until_a_write(frozen, clerk):
    Notification.objects.create(recipient=clerk, title="起点")  # the counter has started
    calls, compute = _counting()
    assert datacache.cached(("t", 1), compute) == 1
    with CaptureQueriesContext(connection) as queries:
        assert datacache.cached(("t", 1), compute) == 1
    assert len(queries) == 1  # only the version
    assert datacache.cached(("t", 2), compute) == 2  # another key (user, language ...)
    TaskFactory()
    assert datacache.cached(("t", 1), compute) == 3


def test_a_value_is_kept_no_longer_than_the_minute(frozen, clerk):
    Notification.objects.create(recipient=clerk, title="起点")
    calls, compute = _counting()
    datacache.cached(("t",), compute)
    frozen.shift(datetime.timedelta(seconds=49))
    assert datacache.cached(("t",), compute) == 1
    frozen.shift(datetime.timedelta(seconds=2))  # 09:01:01
    assert datacache.cached(("t",), compute) == 2


def test_home_shows_a_new_item_at_once_and_is_served_kept(frozen, client_for, staff, director):
    client = client_for(staff)
    client.get("/")
    with CaptureQueriesContext(connection) as kept:
        client.get("/")
    task = TaskFactory(owner=staff, assigned_by=director, title="刚交办的事项")
    with CaptureQueriesContext(connection) as fresh:
        page = client.get("/").content.decode()
    assert "刚交办的事项" in page and len(kept) < len(fresh)
    Task.objects.filter(pk=task.pk).update(title="改过名的事项")  # a bulk update, no signal
    assert "改过名的事项" in client.get("/").content.decode()


def test_statistics_and_room_board_follow_writes(frozen, client_for, supervisor, staff, director):
    client = client_for(supervisor)
    assert client.get("/supervision/statistics/").context["stats"]["overall"].total == 0
    TaskFactory(owner=staff, assigned_by=director)
    assert client.get("/supervision/statistics/").context["stats"]["overall"].total == 1
    board = client.get("/meetings/board/", {"date": "2026-12-01"})
    assert board.status_code == 200


def test_a_kept_form_carries_a_token_good_for_each_browser(frozen, supervisor, staff, director):
    import re

    from supervision.models import Note

    task = TaskFactory(owner=staff, assigned_by=director, title="要催的事项")
    browsers = []  # one person, two browsers: two CSRF secrets (logging in is a write)
    for _browser in range(2):
        browsers.append(Client(HTTP_ACCEPT_LANGUAGE="zh-hans", enforce_csrf_checks=True))
        browsers[-1].force_login(supervisor)
    pages = []
    for client in browsers:  # the second is served what the first left
        html = client.get("/supervision/").content.decode()
        form = html[html.index('id="bulk-chase"') :]  # the kept part's own token
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        pages.append((client, token))
    for client, token in pages:
        response = client.post(
            "/supervision/chase/",
            {"csrfmiddlewaretoken": token, "items": [task.pk], "text": "请尽快办理"},
        )
        assert response.status_code == 302
    assert Note.objects.filter(task=task, kind=Note.Kind.CHASE).count() == 2


def test_what_one_user_was_served_is_never_served_to_another(frozen, supervisor, director, clerk):
    from tests.documents.factories import IncomingFactory
    from tests.supervision.test_visibility import _from

    secret = IncomingFactory(security_level="secret", registered_by=clerk, access=[clerk, director])
    _from(secret, title="机密来文的事项", owner=clerk, assigned_by=director)
    clients = {}
    for person in (director, supervisor):  # both logged in first: logging in is a write
        clients[person.username] = client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
        client.force_login(person)
    for path in ("/supervision/", "/", "/documents/incoming/", "/documents/search/?q=机密"):
        seen_by_director = clients[director.username].get(path).content.decode()
        seen_by_supervisor = clients[supervisor.username].get(path).content.decode()
        assert "机密来文的事项" not in seen_by_supervisor, path
        if path == "/supervision/":
            assert "机密来文的事项" in seen_by_director
