"""Progress reports and the completion review."""

from django.db import transaction
from django.utils import timezone
from django.utils.timezone import now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.errors import DomainError, TransitionNotAllowed, require_actor
from office.i18n import Message
from office.roles import Role, users_with_role
from office.services import audit, notify
from supervision import permissions as perms
from supervision.models import ProgressReport, ReportAttachment, Task

from . import schedule
from .splitting import require_parts_verified
from .tasks import require_text


@transaction.atomic
def progress_report_add(*, task_id: int, by, text: str, files=()) -> ProgressReport:
    """The owner or a co-owner says how far it has got; attachments are validated uploads."""
    text = require_text(text, _("Please describe the progress."))
    task = Task.objects.select_for_update().get(pk=task_id)
    require_actor(perms.may_report(by, task))
    if task.status not in (Task.Status.ASSIGNED, Task.Status.IN_PROGRESS):
        raise DomainError(_("Progress can be reported only while the item is being handled."))
    report = ProgressReport.objects.create(task=task, author=by, text=text)
    for upload in files:
        ReportAttachment.from_upload(upload, by=by, report=report).save()
    task.last_report_at = report.created_at
    task.save(update_fields=["last_report_at"])
    audit(
        actor=by,
        verb="supervision.progress_reported",
        target=task,
        data={"report": report.pk, "attachments": len(files)},
    )
    notify(
        recipients=[task.assigned_by],
        title=Message(gettext_noop("Progress on %(title)s"), title=task.title),
        body=text[:500],
        url=task.get_absolute_url(),
        kind="supervision.progress_reported",
        actor=by,
        email=False,
    )
    schedule.report_filed(task)
    return report


@transaction.atomic
def task_completion_request(*, task_id: int, by, result: str) -> Task:
    """The owner says it is done; a supervisor will check."""
    result = require_text(result, _("Please describe the result."))
    task = Task.objects.select_for_update().get(pk=task_id)
    require_actor(perms.may_handle(by, task))
    task.require_transition(
        Task.Status.COMPLETION_REQUESTED,
        _("Completion can be requested only for an item in progress."),
    )
    require_parts_verified(task)
    task.status, task.result, task.completion_requested_at = (
        Task.Status.COMPLETION_REQUESTED,
        result,
        now(),
    )
    task.save(update_fields=["status", "result", "completion_requested_at"])
    audit(actor=by, verb="supervision.completion_requested", target=task)
    supervisors = users_with_role(Role.SUPERVISOR)
    notify(
        recipients=[*supervisors, task.assigned_by],
        title=Message(gettext_noop("Completion to verify: %(title)s"), title=task.title),
        body=result[:500],
        url=task.get_absolute_url(),
        kind="supervision.completion_requested",
        actor=by,
    )
    return task


@transaction.atomic
def task_completion_verify(*, task_id: int, by) -> Task:
    """A supervisor confirms the result; on time means submitted by the (extended) deadline."""
    task = Task.objects.select_for_update().get(pk=task_id)
    require_actor(perms.may_review(by, task))
    task.require_transition(
        Task.Status.COMPLETED, _("Only an item whose completion was requested can be verified.")
    )
    require_parts_verified(task)
    submitted_on = timezone.localdate(task.completion_requested_at)
    task.status, task.completed_at, task.verified_by = Task.Status.COMPLETED, now(), by
    task.on_time = submitted_on <= task.deadline
    task.save(update_fields=["status", "completed_at", "verified_by", "on_time"])
    audit(actor=by, verb="supervision.completed", target=task, data={"on_time": task.on_time})
    notify(
        recipients=[task.owner, task.assigned_by, *task.co_owners.all()],
        title=Message(gettext_noop("Supervision item completed: %(title)s"), title=task.title),
        url=task.get_absolute_url(),
        kind="supervision.completed",
        actor=by,
        email=False,
    )
    schedule.cancel_all(task)
    return task


@transaction.atomic
def task_completion_return(*, task_id: int, by, reason: str) -> Task:
    """A supervisor sends the item back to the owner with the reason."""
    reason = require_text(reason, _("Please give a reason for sending it back."))
    task = Task.objects.select_for_update().get(pk=task_id)
    require_actor(perms.may_review(by, task))
    if task.status != Task.Status.COMPLETION_REQUESTED:
        raise TransitionNotAllowed(
            _("Only an item whose completion was requested can be sent back.")
        )
    task.status, task.return_reason, task.completion_requested_at = (
        Task.Status.IN_PROGRESS,
        reason,
        None,
    )
    task.save(update_fields=["status", "return_reason", "completion_requested_at"])
    audit(actor=by, verb="supervision.returned", target=task, data={"reason": reason})
    notify(
        recipients=[task.owner],
        title=Message(gettext_noop("Sent back: %(title)s"), title=task.title),
        body=reason,
        url=task.get_absolute_url(),
        kind="supervision.returned",
        actor=by,
    )
    schedule.reschedule(task)
    return task
