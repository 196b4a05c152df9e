"""Filing, accepting and cancelling supervision items."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.errors import DomainError, TransitionNotAllowed, require_actor
from office.i18n import Message
from office.services import audit, notify
from office.services.approvals import approval_cancel
from supervision import permissions as perms
from supervision.models import Extension, Task, local_today

from . import schedule


def require_text(value: str, message) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(message)
    return value


@transaction.atomic
def task_create_from(
    *,
    source,
    source_kind: str,
    title: str,
    description: str = "",
    owner,
    owner_department=None,
    co_owners=(),
    deadline: datetime.date,
    assigned_by,
    priority: str = "normal",
    report_cycle: str = "none",
    source_label: str = "",
) -> Task:
    """File an item (from a document, a resolution or ad hoc, source=None) and tell the owner.

    source_label names a source that has no record here (e.g. "主任办公会 2026-11-20").
    An item from a record (an instruction, a resolution) is authorised by the service that
    files it; an ad-hoc one (source=None) only by a filer."""
    if source is None:
        require_actor(perms.can_file(assigned_by))
    if source_kind not in Task.SourceKind.values:
        raise DomainError(_("Unknown source of a supervision item."))
    if priority not in Task.Priority.values:
        raise DomainError(_("Unknown priority."))
    if report_cycle not in Task.ReportCycle.values:
        raise DomainError(_("Unknown report cycle."))
    title = require_text(title, _("An item needs a title."))[:200]
    if owner is None:
        raise DomainError(_("An item needs an owner."))
    if deadline is None or deadline < local_today():
        raise DomainError(_("The deadline cannot be in the past."))
    task = Task(
        title=title,
        description=(description or "").strip(),
        source_kind=source_kind,
        owner=owner,
        owner_department=owner_department or owner.department,
        assigned_by=assigned_by,
        deadline=deadline,
        original_deadline=deadline,
        priority=priority,
        report_cycle=report_cycle,
        source_label=(source_label or "").strip()[:300],
    )
    if source is not None:
        task.source_type = ContentType.objects.get_for_model(source)
        task.source_id = source.pk
        task.source_label = str(source)[:300]
    task.save()
    co_owners = [person for person in co_owners if person.pk != owner.pk]
    if co_owners:
        task.co_owners.set(co_owners)
    audit(
        actor=assigned_by,
        verb="supervision.task_created",
        target=task,
        data={"source_kind": source_kind, "deadline": deadline.isoformat(), "owner": owner.pk},
    )
    notify(
        recipients=[owner, *co_owners],
        title=Message(gettext_noop("New supervision item: %(title)s"), title=task.title),
        body=Message(
            gettext_noop("Deadline %(deadline)s, assigned by %(by)s."),
            deadline=deadline.isoformat(),
            by=assigned_by,
        ),
        url=task.get_absolute_url(),
        kind="supervision.task_created",
        actor=assigned_by,
    )
    schedule.reschedule(task)
    return task


def _locked(task_id: int) -> Task:
    return Task.objects.select_for_update().get(pk=task_id)


@transaction.atomic
def task_accept(*, task_id: int, by) -> Task:
    """The owner takes the item on; from now on progress is expected."""
    task = _locked(task_id)
    require_actor(perms.may_handle(by, task))
    # completion_requested -> in_progress is the send-back edge, not an acceptance.
    if task.status != Task.Status.ASSIGNED:
        raise TransitionNotAllowed(_("Only a newly assigned item can be accepted."))
    task.status, task.accepted_at = Task.Status.IN_PROGRESS, now()
    task.save(update_fields=["status", "accepted_at"])
    audit(actor=by, verb="supervision.task_accepted", target=task)
    schedule.reschedule(task)
    return task


@transaction.atomic
def task_cancel(*, task_id: int, by, reason: str) -> Task:
    """The assigner withdraws the item; its reminders stop."""
    reason = require_text(reason, _("Please give a reason for cancelling."))
    task = _locked(task_id)
    require_actor(perms.may_cancel(by, task))
    task.require_transition(
        Task.Status.CANCELLED, _("A completed or cancelled item cannot be cancelled.")
    )
    task.status, task.cancel_reason, task.cancelled_at = Task.Status.CANCELLED, reason, now()
    task.save(update_fields=["status", "cancel_reason", "cancelled_at"])
    for extension in task.extensions.filter(status=Extension.Status.PENDING):
        approval_cancel(target=extension, by=by)  # its step leaves the to-do, reminders stop
    task.extensions.filter(status=Extension.Status.PENDING).update(
        status=Extension.Status.REFUSED, decided_by=by, decided_at=now(), decision_note=reason
    )
    audit(actor=by, verb="supervision.task_cancelled", target=task, data={"reason": reason})
    notify(
        recipients=[task.owner, *task.co_owners.all()],
        title=Message(gettext_noop("Supervision item cancelled: %(title)s"), title=task.title),
        body=reason,
        url=task.get_absolute_url(),
        kind="supervision.task_cancelled",
        actor=by,
    )
    schedule.cancel_all(task)
    return task
