"""Reminders of an item, through the shared exactly-once reminders.

Occurrences never repeat once cancelled (a cancelled row is never revived): the deadline
reminder is keyed by the deadline (extensions only move it later), the report reminder by
the moment the last report was due from, the overdue one by the day.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_noop

from office.conf import setting
from office.i18n import Message
from office.roles import Role, users_with_role
from office.services import audit, reminder_schedule, reminders_cancel
from supervision import conf
from supervision.models import Task, local_today

DEADLINE, REPORT, OVERDUE, ESCALATION = (
    "supervision.deadline",
    "supervision.report",
    "supervision.overdue",
    "supervision.escalation",
)
KINDS = (DEADLINE, REPORT, OVERDUE, ESCALATION)
# Reminders make sense only while the item is with its owner.
WITH_OWNER = (Task.Status.ASSIGNED, Task.Status.IN_PROGRESS)


def days_before() -> int:
    return conf.remind_days_before()


def escalate_after_days() -> int:
    return conf.escalate_after_days()


def reminder_hour() -> int:
    return setting("SUPERVISION_REMINDER_HOUR", 9, int)


def at_reminder_hour(day: datetime.date) -> datetime.datetime:
    naive = datetime.datetime.combine(day, datetime.time(reminder_hour()))
    return timezone.make_aware(naive)


def next_report_due(task: Task) -> datetime.date | None:
    """The day the next progress report is due, or None without a report cycle."""
    if task.report_cycle == Task.ReportCycle.NONE:
        return None
    base = timezone.localdate(task.last_report_at or task.accepted_at or task.created_at)
    if task.report_cycle == Task.ReportCycle.WEEKLY:
        return base + datetime.timedelta(days=7)
    month = base.month % 12 + 1
    year = base.year + (base.month == 12)
    for day in (base.day, 30, 29, 28):  # 31 Jan -> 28/29 Feb
        try:
            return base.replace(year=year, month=month, day=day)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def reschedule(task: Task) -> None:
    """(Re)schedule the deadline and progress-report reminders of an open item."""
    if task.status not in WITH_OWNER:
        return
    url = task.get_absolute_url()
    remind_on = task.deadline - datetime.timedelta(days=days_before())
    if at_reminder_hour(remind_on) > timezone.now():
        reminder_schedule(
            kind=DEADLINE,
            target=task,
            recipient=task.owner,
            due_at=at_reminder_hour(remind_on),
            title=Message(
                gettext_noop("Supervision item due on %(deadline)s: %(title)s"),
                deadline=task.deadline.isoformat(),
                title=task.title,
            ),
            url=url,
            occurrence=task.deadline.isoformat(),
        )
    due = next_report_due(task)
    if due is not None and due <= task.deadline:
        base = task.last_report_at or task.accepted_at or task.created_at
        reminder_schedule(
            kind=REPORT,
            target=task,
            recipient=task.owner,
            due_at=at_reminder_hour(due),
            title=Message(gettext_noop("A progress report is due: %(title)s"), title=task.title),
            url=url,
            occurrence=f"report:{base.isoformat()}",
        )


def report_filed(task: Task) -> None:
    """A report came in: the due one is answered, the next cycle starts now."""
    reminders_cancel(target=task, kind=REPORT)
    reschedule(task)


def deadline_moved(task: Task) -> None:
    """A new deadline starts the ladder again (each step keyed by the deadline)."""
    for kind in (DEADLINE, OVERDUE, ESCALATION):
        reminders_cancel(target=task, kind=kind)
    if task.escalated_at is not None:
        task.escalated_at = None
        task.save(update_fields=["escalated_at"])
    reschedule(task)


def cancel_all(task: Task) -> None:
    reminders_cancel(target=task)


def remind_overdue(task: Task) -> None:
    """Daily while overdue: tell the owner; after N overdue days, tell the director once."""
    today = local_today()
    if task.status not in WITH_OWNER or task.deadline >= today:
        return
    url = task.get_absolute_url()
    overdue_days = (today - task.deadline).days
    reminder_schedule(
        kind=OVERDUE,
        target=task,
        recipient=task.owner,
        due_at=at_reminder_hour(today),
        title=Message(
            gettext_noop("Overdue by %(days)s days: %(title)s"), days=overdue_days, title=task.title
        ),
        url=url,
        occurrence=today.isoformat(),
    )
    if overdue_days >= conf.chase_after_days():
        from .chasing import ladder_chase

        ladder_chase(task, overdue_days=overdue_days)  # owner and department head, once
    if overdue_days >= escalate_after_days():
        directors = users_with_role(Role.DIRECTOR)
        for director in directors:
            reminder_schedule(
                kind=ESCALATION,
                target=task,
                recipient=director,
                due_at=timezone.now(),
                title=Message(
                    gettext_noop("Overdue by %(days)s days: %(title)s (owner %(owner)s)"),
                    days=overdue_days,
                    title=task.title,
                    owner=task.owner,
                ),
                url=url,
                occurrence=f"escalation:{task.deadline.isoformat()}",
            )
        if task.escalated_at is None:  # the month's circular names it
            task.escalated_at = timezone.now()
            task.save(update_fields=["escalated_at"])
            audit(
                actor=None,
                verb="supervision.escalated",
                target=task,
                data={"days": overdue_days},
            )


def still_due(reminder) -> bool:
    """Veto at send time: the item was finished, submitted or its deadline moved."""
    task = Task.objects.filter(pk=reminder.target_id).only("status", "deadline").first()
    if task is None or task.status not in WITH_OWNER:
        return False
    if reminder.kind == DEADLINE:
        return reminder.occurrence == task.deadline.isoformat()
    if reminder.kind == ESCALATION:
        return reminder.occurrence == f"escalation:{task.deadline.isoformat()}"
    if reminder.kind == OVERDUE:
        return task.deadline < local_today()
    return True


def overdue_task_ids() -> list[int]:
    """Items still with their owner after the deadline (the daily sweep's rows)."""
    return list(
        Task.objects.filter(status__in=WITH_OWNER, deadline__lt=local_today())
        .order_by("deadline", "pk")
        .values_list("pk", flat=True)
    )


@transaction.atomic
def overdue_remind(*, task_id: int) -> bool:
    """Schedule today's overdue reminder (and the escalation) for one item; idempotent."""
    task = Task.objects.select_for_update().filter(pk=task_id).first()
    if task is None:
        return False
    remind_overdue(task)
    return True
