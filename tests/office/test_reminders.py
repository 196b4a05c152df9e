"""Reminders are scheduled idempotently, sent once, cancellable, and vetoable when stale."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils.timezone import now

from office.models import Notification, Reminder
from office.services import reminder_schedule, reminders_cancel
from office.services.reminders import (
    register_reminder_kind,
    reminder_send,
    reminders_send_batch,
)
from office.tasks import dispatch_due_reminders

pytestmark = pytest.mark.django_db


def schedule(target, recipient, minutes=-1, occurrence="d1", kind="test.deadline"):
    return reminder_schedule(
        kind=kind,
        target=target,
        recipient=recipient,
        due_at=now() + timedelta(minutes=minutes),
        title="截止提醒",
        url="/",
        occurrence=occurrence,
    )


def test_scheduling_the_same_occurrence_twice_makes_one_row(clerk):
    first = schedule(clerk, clerk, minutes=10)
    again = schedule(clerk, clerk, minutes=20)
    assert first.pk == again.pk and Reminder.objects.count() == 1
    again.refresh_from_db()
    assert again.due_at > first.due_at  # moved while pending


def test_due_reminder_is_sent_once(clerk):
    reminder = schedule(clerk, clerk)
    assert reminder_send(reminder_id=reminder.pk) is True
    assert reminder_send(reminder_id=reminder.pk) is False
    assert Notification.objects.filter(recipient=clerk, reminder=reminder).count() == 1
    reminder.refresh_from_db()
    assert reminder.status == Reminder.Status.SENT
    # Scheduling a sent occurrence again does not revive it.
    schedule(clerk, clerk)
    assert reminder_send(reminder_id=reminder.pk) is False


def test_not_yet_due_and_cancelled_are_not_sent(clerk):
    future = schedule(clerk, clerk, minutes=30, occurrence="later")
    assert reminder_send(reminder_id=future.pk) is False
    past = schedule(clerk, clerk, occurrence="past")
    assert reminders_cancel(target=clerk, kind="test.deadline") == 2
    assert reminder_send(reminder_id=past.pk) is False
    assert not Notification.objects.exists()


def test_stale_reminder_is_vetoed(clerk):
    register_reminder_kind("test.vetoed", lambda reminder: False)
    reminder = schedule(clerk, clerk, kind="test.vetoed")
    assert reminder_send(reminder_id=reminder.pk) is False
    reminder.refresh_from_db()
    assert reminder.status == Reminder.Status.CANCELLED


def test_dispatch_queues_only_due_rows(clerk, monkeypatch):
    due = schedule(clerk, clerk, occurrence="due")
    schedule(clerk, clerk, minutes=30, occurrence="future")
    queued = []
    monkeypatch.setattr("office.tasks.send_reminders.delay", queued.append)
    assert dispatch_due_reminders() == 1
    assert queued == [[due.pk]]


def test_dispatch_fans_out_every_due_row_in_chunks(clerk, monkeypatch):
    """No cap of 500 a minute: every due row is queued, BATCH_SIZE to a task."""
    monkeypatch.setattr("office.services.reminders.BATCH_SIZE", 3)
    due = [schedule(clerk, clerk, occurrence=f"due{i}").pk for i in range(7)]
    queued = []
    monkeypatch.setattr("office.tasks.send_reminders.delay", queued.append)
    assert dispatch_due_reminders() == 7
    assert [len(chunk) for chunk in queued] == [3, 3, 1]
    assert sorted(pk for chunk in queued for pk in chunk) == sorted(due)


def test_a_batch_run_twice_delivers_each_once(clerk, staff):
    register_reminder_kind("test.gone", lambda reminder: False)
    ids = [schedule(clerk, staff, occurrence=f"o{i}").pk for i in range(5)]
    vetoed = schedule(clerk, staff, kind="test.gone").pk
    assert reminders_send_batch(reminder_ids=[*ids, vetoed]) == 5
    assert reminders_send_batch(reminder_ids=[*ids, vetoed]) == 0
    assert staff.notifications.filter(kind="reminder.test.deadline").count() == 5
    assert Reminder.objects.get(pk=vetoed).status == Reminder.Status.CANCELLED


@pytest.mark.django_db(transaction=True)
def test_a_row_held_by_one_sender_is_skipped_by_another(clerk):
    """SKIP LOCKED: while one transaction holds the row, a second sender returns at once."""
    reminder = schedule(clerk, clerk)
    held, release = threading.Event(), threading.Event()

    def hold():
        from django.db import transaction

        with transaction.atomic():
            Reminder.objects.select_for_update().get(pk=reminder.pk)
            held.set()
            release.wait(10)
        connection.close()

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(10)
    try:
        assert reminder_send(reminder_id=reminder.pk) is False
    finally:
        release.set()
        holder.join()
    assert reminder_send(reminder_id=reminder.pk) is True
    assert Notification.objects.count() == 1


def test_a_cancelled_occurrence_can_be_scheduled_again(clerk):
    reminder = schedule(clerk, clerk, occurrence="d7")
    reminders_cancel(target=clerk)
    again = schedule(clerk, clerk, occurrence="d7")
    assert again.pk == reminder.pk and again.status == Reminder.Status.PENDING
    assert reminder_send(reminder_id=reminder.pk) is True
