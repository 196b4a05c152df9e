"""Demo only: put an item's history at plausible past times, relative to the moment of loading.

The demo tells each story through the services (so it is real), which stamps every event with
the loading time; this spreads the events out afterwards, from the day the item was filed to
its end (done, or an hour ago), chases only after the deadline, in office hours, and moves the
record's own times (accepted, reports, notes, extensions, completion) with them."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from office.models import AuditEvent

from .models import Task

NOTE_VERBS = (
    "supervision.chased",
    "supervision.replied",
    "supervision.instruction_added",
    "supervision.comment_added",
)


def _office_hours(moments: list[datetime.datetime], latest: datetime.datetime) -> list:
    """Each moment at its day's 9:30 plus an hour per event that day, never past `latest`."""
    placed, per_day = [], {}
    for moment in moments:
        day = timezone.localdate(moment)
        index = per_day[day] = per_day.get(day, -1) + 1
        naive = datetime.datetime.combine(day, datetime.time(9, 30)) + datetime.timedelta(
            hours=index
        )
        placed.append(min(timezone.make_aware(naive), latest))
    for index in range(1, len(placed)):  # keep the order where the clamp squeezed them
        placed[index] = max(placed[index], placed[index - 1] + datetime.timedelta(minutes=1))
    return placed


def _spread(start, end, count: int) -> list:
    if count <= 0:
        return []
    if count == 1:
        return [end]
    step = (end - start) / (count - 1)
    return [start + step * index for index in range(count)]


def spread_history(task: Task, *, filed: datetime.datetime, end: datetime.datetime) -> None:
    now = timezone.now()
    end = min(end, now - datetime.timedelta(hours=1))
    task_type = ContentType.objects.get_for_model(Task)
    events = list(
        AuditEvent.objects.filter(target_type=task_type, target_id=str(task.pk)).order_by("pk")
    )
    if not events:
        return
    first_chase = next((i for i, e in enumerate(events) if e.verb == "supervision.chased"), None)
    overdue_from = timezone.make_aware(
        datetime.datetime.combine(task.deadline + datetime.timedelta(days=1), datetime.time(9))
    )
    if first_chase is None or overdue_from >= end:
        moments = _spread(filed, end, len(events))
    else:
        before = _spread(filed, min(overdue_from, end), first_chase + 1)[:-1]
        moments = before + _spread(overdue_from, end, len(events) - first_chase)
    moments = [filed, *_office_hours(moments[1:], end)] if len(moments) > 1 else [filed]
    for event, moment in zip(events, moments, strict=True):
        event.created_at = moment
    AuditEvent.objects.bulk_update(events, ["created_at"])
    _move_record(task, events)


def _move_record(task: Task, events: list) -> None:
    at = {}
    for event in events:
        at.setdefault(event.verb, []).append(event.created_at)
    changes = {"created_at": events[0].created_at}
    for verb, field in (
        ("supervision.task_accepted", "accepted_at"),
        ("supervision.completion_requested", "completion_requested_at"),
        ("supervision.completed", "completed_at"),
        ("supervision.task_cancelled", "cancelled_at"),
        ("supervision.escalated", "escalated_at"),
    ):
        if verb in at and getattr(task, field) is not None:
            changes[field] = at[verb][-1]
    reports = list(task.reports.order_by("pk"))
    for report, moment in zip(reports, at.get("supervision.progress_reported", []), strict=False):
        report.created_at = moment
        report.save(update_fields=["created_at"])
    if reports:
        changes["last_report_at"] = reports[-1].created_at
    note_times = sorted(moment for verb in NOTE_VERBS for moment in at.get(verb, []))
    for note, moment in zip(task.notes.order_by("pk"), note_times, strict=False):
        note.created_at = moment
        note.save(update_fields=["created_at"])
    extensions = list(task.extensions.order_by("pk"))
    for extension, moment in zip(
        extensions, at.get("supervision.extension_requested", []), strict=False
    ):
        extension.created_at = moment
        extension.save(update_fields=["created_at"])
    decided = at.get("supervision.extension_approved", []) + at.get(
        "supervision.extension_refused", []
    )
    for extension, moment in zip(
        [e for e in extensions if e.decided_at], sorted(decided), strict=False
    ):
        extension.decided_at = moment
        extension.save(update_fields=["decided_at"])
    for moment in at.get("supervision.split", []):
        task.children.update(created_at=moment)
    Task.objects.filter(pk=task.pk).update(**changes)
