"""End to end through a real Celery worker and a real Redis: a due reminder is delivered
exactly once when two beat ticks overlap, and when the worker is killed mid-task."""

import os
import signal
import subprocess
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils.timezone import now

from office.models import Notification, Reminder
from office.services import reminder_schedule
from tests import clock

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored"),
]

ROOT = Path(__file__).resolve().parents[2]


def start_worker(queue_db: int, pause: float = 0.0) -> subprocess.Popen:
    env = clock.subprocess_environment(os.environ)
    env.update(
        DATABASE_URL=_database_url(),
        REDIS_URL=_redis_url(queue_db),
        CELERY_TASK_ALWAYS_EAGER="false",
        OFFICE_REMINDER_TEST_PAUSE=str(pause),
    )
    return subprocess.Popen(
        clock.python_command(
            "-m",
            "celery",
            "-A",
            "office",
            "worker",
            "--pool=solo",
            "--loglevel=INFO",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
        ),
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def _database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def _redis_url(queue_db: int) -> str:
    # A Redis database of its own, so a developer's running worker never takes these tasks.
    return settings.REDIS_URL.rsplit("/", 1)[0] + f"/{queue_db}"


def dispatch_through_broker(queue_db: int) -> None:
    """One beat tick: the real dispatch task run through the broker, as beat would."""
    from office.celery import app

    with app.connection_for_write(_redis_url(queue_db)) as conn:
        app.send_task("office.tasks.dispatch_due_reminders", connection=conn)


def wait_for(predicate, timeout=40.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def flush(queue_db):
    import redis

    redis.Redis.from_url(_redis_url(queue_db)).flushdb()


def stop(worker):
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(5)
    return worker.stdout.read() if worker.stdout else ""


@pytest.fixture
def due_reminder(clerk):
    return reminder_schedule(
        kind="test.deadline",
        target=clerk,
        recipient=clerk,
        due_at=now() - timedelta(minutes=1),
        title="督办事项即将到期",
        occurrence="2026-11-30",
    )


def test_overlapping_beat_ticks_deliver_once(due_reminder, clerk):
    queue_db = 11
    flush(queue_db)
    worker = start_worker(queue_db)
    try:
        for _ in range(3):  # three ticks in a row, as when beat catches up after a pause
            dispatch_through_broker(queue_db)
        sent = wait_for(lambda: Reminder.objects.get(pk=due_reminder.pk).status == "sent")
        time.sleep(2)  # let the duplicate tasks run too
    finally:
        log = stop(worker)
    assert sent, log
    assert Notification.objects.filter(reminder=due_reminder).count() == 1, log
    assert Notification.objects.filter(recipient=clerk).count() == 1, log


def test_worker_killed_mid_task_then_next_tick_delivers_once(due_reminder, clerk):
    queue_db = 12
    flush(queue_db)
    slow = start_worker(queue_db, pause=30)
    try:
        dispatch_through_broker(queue_db)
        # Wait until the slow worker holds the row lock inside reminder_send.
        assert wait_for(lambda: _row_locked(due_reminder.pk)), "worker never claimed the row"
        os.killpg(slow.pid, signal.SIGKILL)  # the machine dies mid-task
        slow.wait(10)
    finally:
        stop(slow)
    assert Reminder.objects.get(pk=due_reminder.pk).status == "pending"
    assert not Notification.objects.exists()

    flush(queue_db)  # the unacked message would only come back after the visibility timeout
    fresh = start_worker(queue_db)
    try:
        dispatch_through_broker(queue_db)  # the next beat tick
        dispatch_through_broker(queue_db)
        sent = wait_for(lambda: Reminder.objects.get(pk=due_reminder.pk).status == "sent")
        time.sleep(2)
    finally:
        log = stop(fresh)
    assert sent, log
    assert Notification.objects.filter(reminder=due_reminder).count() == 1, log


def _row_locked(reminder_id: int) -> bool:
    """True while another session holds the reminder's row lock (SKIP LOCKED sees nothing)."""
    from django.db import transaction

    with transaction.atomic():
        return (
            not Reminder.objects.select_for_update(skip_locked=True).filter(pk=reminder_id).exists()
        )
