"""Reminders through the shared exactly-once rows: scheduled, moved, cancelled, vetoed."""

import datetime

import pytest
from django.utils import timezone

from office.models import Notification, Reminder
from office.services.reminders import reminder_send
from supervision.services import (
    extension_decide,
    extension_request,
    progress_report_add,
    task_accept,
    task_cancel,
    task_completion_request,
    task_completion_verify,
    task_create_from,
)
from supervision.services.schedule import next_report_due
from supervision.tasks import sweep_overdue
from tests.supervision.factories import TaskFactory, in_days

pytestmark = pytest.mark.django_db

P = Reminder.Status.PENDING


def pending(task, kind=None):
    rows = Reminder.objects.filter(target_id=str(task.pk), status=P)
    return rows.filter(kind=kind) if kind else rows


def file(owner, by, **extra):
    fields = {"source": None, "source_kind": "adhoc", "title": "完善应急预案", "owner": owner,
              "deadline": in_days(10), "assigned_by": by}  # fmt: skip
    fields.update(extra)
    return task_create_from(**fields)


def test_deadline_reminder_days_before_is_a_setting(settings, clerk, staff):
    settings.SUPERVISION_REMIND_DAYS_BEFORE = 4
    task = file(staff, clerk)
    reminder = pending(task, "supervision.deadline").get()
    assert timezone.localtime(reminder.due_at).date() == in_days(6)
    assert timezone.localtime(reminder.due_at).hour == 9


def test_no_deadline_reminder_in_the_past(clerk, staff):
    task = file(staff, clerk, deadline=in_days(1))
    assert not pending(task, "supervision.deadline").exists()


def test_report_cycle_schedules_and_moves_with_each_report(clerk, staff):
    task = file(staff, clerk, report_cycle="weekly", deadline=in_days(30))
    first = pending(task, "supervision.report").get()
    assert timezone.localtime(first.due_at).date() == in_days(7)
    task_accept(task_id=task.pk, by=staff)
    progress_report_add(task_id=task.pk, by=staff, text="第一周进展")
    progress_report_add(task_id=task.pk, by=staff, text="同一天再报一次")
    reports = pending(task, "supervision.report")
    assert reports.count() == 1  # the answered ones are cancelled, one is waiting
    assert timezone.localtime(reports.get().due_at).date() == in_days(7)


def test_monthly_cycle_handles_month_ends():
    task = TaskFactory.build(
        report_cycle="monthly",
        created_at=timezone.make_aware(datetime.datetime(2026, 1, 31, 10)),
    )
    assert next_report_due(task) == datetime.date(2026, 2, 28)


def test_extension_approval_moves_the_deadline_reminder(clerk, staff, director):
    task = file(staff, clerk)
    old = pending(task, "supervision.deadline").get()
    extension = extension_request(
        task_id=task.pk, by=staff, new_deadline=in_days(20), reason="需要征求意见"
    )
    extension_decide(extension_id=extension.pk, by=director, approve=True)
    old.refresh_from_db()
    assert old.status == Reminder.Status.CANCELLED
    new = pending(task, "supervision.deadline").get()
    assert new.occurrence == in_days(20).isoformat()


def test_refusal_keeps_the_deadline(clerk, staff):
    task = file(staff, clerk)
    extension = extension_request(
        task_id=task.pk, by=staff, new_deadline=in_days(20), reason="需要征求意见"
    )
    extension_decide(extension_id=extension.pk, by=clerk, approve=False, note="时间紧迫")
    task.refresh_from_db()
    assert task.deadline == in_days(10)
    assert pending(task, "supervision.deadline").get().occurrence == in_days(10).isoformat()
    assert Notification.objects.filter(recipient=staff, kind="supervision.extension_decided")


@pytest.mark.parametrize("finish", ["complete", "cancel"])
def test_finishing_cancels_pending_reminders(clerk, staff, supervisor, finish):
    task = file(staff, clerk, report_cycle="weekly", deadline=in_days(30))
    assert pending(task).count() == 2
    if finish == "cancel":
        task_cancel(task_id=task.pk, by=clerk, reason="不再需要")
    else:
        task_accept(task_id=task.pk, by=staff)
        task_completion_request(task_id=task.pk, by=staff, result="完成")
        task_completion_verify(task_id=task.pk, by=supervisor)
    assert not pending(task).exists()


def test_a_due_reminder_for_a_submitted_item_is_vetoed(clerk, staff):
    task = file(staff, clerk)
    task_accept(task_id=task.pk, by=staff)
    task_completion_request(task_id=task.pk, by=staff, result="完成")
    reminder = pending(task, "supervision.deadline").get()
    Reminder.objects.filter(pk=reminder.pk).update(due_at=timezone.now())
    assert reminder_send(reminder_id=reminder.pk) is False
    assert not Notification.objects.filter(kind="reminder.supervision.deadline").exists()


def test_due_reminder_is_sent_once(clerk, staff):
    task = file(staff, clerk)
    reminder = pending(task, "supervision.deadline").get()
    Reminder.objects.filter(pk=reminder.pk).update(due_at=timezone.now())
    assert reminder_send(reminder_id=reminder.pk) is True
    assert reminder_send(reminder_id=reminder.pk) is False
    assert (
        Notification.objects.filter(recipient=staff, kind="reminder.supervision.deadline").count()
        == 1
    )


def test_overdue_sweep_daily_and_escalation(settings, staff, clerk, director):
    settings.SUPERVISION_ESCALATE_AFTER_DAYS = 3
    fresh = TaskFactory(owner=staff, assigned_by=clerk, deadline=in_days(-1), status="in_progress")
    old = TaskFactory(owner=staff, assigned_by=clerk, deadline=in_days(-4))
    TaskFactory(owner=staff, deadline=in_days(-4), status="completion_requested")
    TaskFactory(owner=staff, deadline=in_days(5))
    assert sweep_overdue() == 2
    assert sweep_overdue() == 2  # a second run (the next hour) adds nothing
    today = timezone.localdate().isoformat()
    for task in (fresh, old):
        assert pending(task, "supervision.overdue").get().occurrence == today
    assert not pending(fresh, "supervision.escalation").exists()
    escalation = pending(old, "supervision.escalation").get()
    assert escalation.recipient == director


def test_escalation_is_vetoed_after_an_extension(staff, clerk, director, settings):
    settings.SUPERVISION_ESCALATE_AFTER_DAYS = 1
    task = TaskFactory(owner=staff, assigned_by=clerk, deadline=in_days(-2), status="in_progress")
    sweep_overdue()
    escalation = pending(task, "supervision.escalation").get()
    extension = extension_request(task_id=task.pk, by=staff, new_deadline=in_days(5), reason="等待")
    extension_decide(extension_id=extension.pk, by=director, approve=True)
    escalation.refresh_from_db()
    assert escalation.status == Reminder.Status.CANCELLED
    assert not pending(task, "supervision.overdue").exists()
