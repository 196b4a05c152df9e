"""Redis down while people work: the request still answers, nothing is saved twice, and the
outbox sweep delivers every queued e-mail and export once the broker is back."""

import time

import pytest
from django.core import mail
from django.urls import reverse
from kombu.exceptions import OperationalError

from meetings.models import Attendance, Meeting
from office import outbox
from office.models import GeneratedFile, Notification, OutboxMessage
from office.services import notify
from tests.meetings.factories import RoomFactory, at

pytestmark = pytest.mark.django_db


@pytest.fixture
def broker_down(monkeypatch):
    """Every publish fails as kombu fails when Redis refuses the connection."""

    def refuse(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:63799. Connection refused.")

    monkeypatch.setattr("office.tasks.deliver.apply_async", refuse)
    return monkeypatch


def _booking(room, chair, recorder, invited):
    return {
        "title": "预算编制专题会",
        "kind": "topical",
        "start": at(2, 14).strftime("%Y-%m-%dT%H:%M"),
        "end": at(2, 15).strftime("%Y-%m-%dT%H:%M"),
        "room": room.pk,
        "chair": chair.pk,
        "recorder": recorder.pk,
        "required_attendees": [p.pk for p in invited],
        "weeks": 1,
        "agenda-TOTAL_FORMS": 0,
        "agenda-INITIAL_FORMS": 0,
    }


def sweep_with_broker_back(broker_down, capture):
    broker_down.undo()
    with capture(execute=True):
        return outbox.sweep()


def test_meeting_booked_while_redis_is_down_redirects_and_invites_once_redis_is_back(
    broker_down, client_for, clerk, director, staff, django_capture_on_commit_callbacks
):
    post = _booking(RoomFactory(), director, clerk, [staff])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(clerk).post(reverse("meetings:create"), post)
    meeting = Meeting.objects.get()  # saved once: the user has no reason to press again
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    assert not mail.outbox
    waiting = OutboxMessage.objects.filter(task="meetings.tasks.send_meeting_email")
    assert waiting.count() == 2  # director (chair) and staff; the organiser books it
    assert all(m.dispatched_at is None and "Connection refused" in m.last_error for m in waiting)

    sent = sweep_with_broker_back(broker_down, django_capture_on_commit_callbacks)
    assert sent == 2
    invited = set(
        Attendance.objects.filter(meeting=meeting)
        .exclude(user=clerk)
        .values_list("user__email", flat=True)
    )
    assert sorted(m.to[0] for m in mail.outbox) == sorted(invited)
    assert all(m.attachments[0][0] == "meeting.ics" for m in mail.outbox)
    assert not OutboxMessage.objects.filter(done_at__isnull=True).exists()

    with django_capture_on_commit_callbacks(execute=True):
        assert outbox.sweep() == 0  # the next minute's sweep finds nothing to do
    assert len(mail.outbox) == 2


@pytest.mark.parametrize(
    ("name", "who", "data"),
    [
        ("documents:archive_catalogue_pdf", "clerk", {}),
        ("duty:roster_pdf", "leader", {}),
    ],
)
def test_export_asked_for_while_redis_is_down_is_built_once_redis_is_back(
    name, who, data, broker_down, client_for, request, django_capture_on_commit_callbacks
):
    client = client_for(request.getfixturevalue(who))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse(name), data)
    export = GeneratedFile.objects.get()
    assert response.status_code == 302 and response["Location"] == export.get_absolute_url()
    assert export.status == "pending"

    sweep_with_broker_back(broker_down, django_capture_on_commit_callbacks)
    export.refresh_from_db()
    assert export.status == "ready" and export.file.read().startswith(b"%PDF")
    assert GeneratedFile.objects.count() == 1


def test_a_message_published_twice_takes_effect_once(
    clerk, staff, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        [notification] = notify(recipients=[staff], title="来文待阅", actor=clerk)
    assert not mail.outbox  # nothing leaves before the commit
    message = OutboxMessage.objects.get(task="office.tasks.send_notification_email")
    assert message.args == [notification.pk]
    for callback in callbacks:
        callback()
    outbox.publish([message.pk])  # the sweep thought the broker had lost it
    assert outbox.deliver(message_id=message.pk) is False
    assert [m.to for m in mail.outbox] == [[staff.email]]
    message.refresh_from_db()
    assert message.done_at is not None and message.attempts == 2
    assert Notification.objects.get().emailed_at is not None


def test_a_failing_task_stays_undone_and_is_retried_after_the_delay(
    settings, monkeypatch, clerk, staff, time_machine
):
    time_machine.move_to("2026-12-01T14:30:00+08:00", tick=False)
    settings.OFFICE_OUTBOX_RETRY_SECONDS = 300
    notify(recipients=[staff], title="来文待阅", actor=clerk)
    message = OutboxMessage.objects.get()
    monkeypatch.setattr("office.tasks.send_mail", _smtp_down)
    outbox.publish([message.pk])  # eager: the worker runs it now, and the SMTP server is away
    message.refresh_from_db()
    assert message.done_at is None and "SMTP" in message.last_error
    assert outbox.undone_ids() == []  # handed over just now: not again yet
    time_machine.shift(301)
    assert outbox.undone_ids() == [message.pk]


def _smtp_down(**kwargs):
    from smtplib import SMTPServerDisconnected

    raise SMTPServerDisconnected("SMTP server gone")


def test_a_publish_to_an_unreachable_broker_fails_fast_without_raising(
    settings, monkeypatch, clerk, staff, other_staff
):
    from office.celery import app

    monkeypatch.setattr(outbox, "_paused_until", 0.0)
    notify(recipients=[staff, other_staff], title="来文待阅", actor=clerk)
    message, second = OutboxMessage.objects.order_by("pk")
    settings.CELERY_TASK_ALWAYS_EAGER = False
    previous = app.conf.broker_url
    app.conf.broker_url = "redis://127.0.0.1:9/0"  # the discard port: nothing listens
    try:
        started = time.monotonic()
        assert outbox.publish([message.pk]) == 0
        assert outbox.publish([second.pk]) == 0  # the next one leaves it to the sweep at once
        elapsed = time.monotonic() - started
    finally:
        app.conf.broker_url = previous
    assert elapsed < 5
    message.refresh_from_db()
    assert message.dispatched_at is None and message.last_error
    assert outbox.undone_ids() == [message.pk, second.pk]


def test_after_a_broker_error_the_next_publishes_do_not_wait_for_it(
    settings, monkeypatch, clerk, staff, other_staff
):
    """Twenty invitations while Redis is unreachable cost one connection timeout, not twenty."""
    monkeypatch.setattr(outbox, "_paused_until", 0.0)
    settings.CELERY_TASK_ALWAYS_EAGER = False
    tried = []

    def hang_then_refuse(*args, **kwargs):
        tried.append(args)
        raise OperationalError("timed out")

    monkeypatch.setattr("office.tasks.deliver.apply_async", hang_then_refuse)
    notify(recipients=[staff, other_staff], title="来文待阅", actor=clerk)
    ids = list(OutboxMessage.objects.values_list("pk", flat=True))
    assert [outbox.publish([pk]) for pk in ids] == [0, 0]
    assert len(tried) == 1
    assert outbox.undone_ids() == sorted(ids)


def test_the_sweep_runs_every_minute():
    from django.conf import settings

    assert settings.CELERY_BEAT_SCHEDULE["outbox-sweep"] == {
        "task": "office.tasks.sweep_outbox",
        "schedule": 60.0,
    }
