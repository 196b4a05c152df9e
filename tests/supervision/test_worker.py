"""Through a real Celery worker and Redis: the overdue sweep fans out and schedules each
item's reminder once however often it runs, and the circular renders in the worker."""

import pytest
from django.utils import timezone

from office.models import Reminder
from supervision.models import Circular
from supervision.statistics import month_start
from tests.office.test_reminders_worker import _redis_url, flush, start_worker, stop, wait_for
from tests.supervision.factories import TaskFactory, in_days

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.filterwarnings("ignore::celery.exceptions.AlwaysEagerIgnored"),
]

QUEUE_DB = 15  # the office's worker tests use 11 and 12


def send(task_name: str, *args) -> None:
    from office.celery import app

    with app.connection_for_write(_redis_url(QUEUE_DB)) as conn:
        app.send_task(task_name, args=args, connection=conn)


def test_sweep_and_circular_through_a_worker(monkeypatch, tmp_path, staff, supervisor, director):
    overdue = [
        TaskFactory(owner=staff, deadline=in_days(-days), status="in_progress")
        for days in (1, 2, 6)
    ]
    TaskFactory(owner=staff, deadline=in_days(3))
    circular = Circular.objects.create(
        month=month_start(timezone.localdate()), requested_by=supervisor,
        requested_at=timezone.now(),
    )  # fmt: skip
    monkeypatch.setenv("MEDIA_ROOT", str(tmp_path / "media"))
    flush(QUEUE_DB)
    worker = start_worker(QUEUE_DB)
    try:
        send("supervision.tasks.sweep_overdue")
        send("supervision.tasks.sweep_overdue")  # the next hour's run
        send("supervision.tasks.render_circular", circular.pk)
        overdue_rows = Reminder.objects.filter(kind="supervision.overdue")
        scheduled = wait_for(lambda: overdue_rows.count() == 3)
        rendered = wait_for(lambda: Circular.objects.get(pk=circular.pk).status == "ready", 90)
    finally:
        log = stop(worker)
    assert scheduled and rendered, log
    assert {int(r.target_id) for r in overdue_rows} == {task.pk for task in overdue}
    assert Reminder.objects.filter(kind="supervision.escalation").count() == 1  # 6 days late
    stored = Circular.objects.get(pk=circular.pk).file.name
    assert (tmp_path / "media" / stored).read_bytes().startswith(b"%PDF")
