"""Extension requests: the owner asks; supervision.approvals' chain (the assigner, or the
director standing in) decides, and its callbacks below make the request's own transition."""

import datetime

from django.db import IntegrityError, transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _

from office.errors import DomainError, require_actor
from office.services import audit, notify
from office.services.approvals import approval_decide, approval_start
from supervision import permissions as perms
from supervision.approvals import RULE
from supervision.models import Extension, Task

from . import schedule
from .tasks import require_text


@transaction.atomic
def extension_request(*, task_id: int, by, new_deadline: datetime.date, reason: str) -> Extension:
    """Ask for a later deadline; one request at a time per item."""
    reason = require_text(reason, _("Please give a reason for the extension."))
    task = Task.objects.select_for_update().get(pk=task_id)
    require_actor(perms.may_handle(by, task))
    if task.status not in (Task.Status.ASSIGNED, Task.Status.IN_PROGRESS):
        raise DomainError(_("An extension can be requested only while the item is being handled."))
    if new_deadline is None or new_deadline <= task.deadline:
        raise DomainError(_("The new deadline must be later than the current one."))
    if task.extensions.filter(status=Extension.Status.PENDING).exists():
        raise DomainError(_("An extension request for this item is already awaiting a decision."))
    try:
        with transaction.atomic():
            extension = Extension.objects.create(
                task=task,
                requested_by=by,
                old_deadline=task.deadline,
                new_deadline=new_deadline,
                reason=reason,
            )
    except IntegrityError as exc:  # a concurrent request won the race
        raise DomainError(
            _("An extension request for this item is already awaiting a decision.")
        ) from exc
    audit(
        actor=by,
        verb="supervision.extension_requested",
        target=task,
        data={"from": task.deadline.isoformat(), "to": new_deadline.isoformat()},
    )
    extension.task = task
    approval_start(rule=RULE, target=extension, by=by)  # notifies and reminds the assigner
    return extension


@transaction.atomic
def extension_decide(*, extension_id: int, by, approve: bool, note: str = "") -> Extension:
    """Decide the chain's step: approve (the deadline moves, reminders follow it) or refuse
    (with a reason). Only the step's approver (the assigner, or a director) may decide."""
    note = (note or "").strip()
    if not approve and not note:
        raise DomainError(_("Please give a reason for refusing."))
    extension = Extension.objects.select_for_update().get(pk=extension_id)
    task = Task.objects.select_for_update().get(pk=extension.task_id)
    extension.task = task  # the callbacks below move this locked row's deadline
    target = Extension.Status.APPROVED if approve else Extension.Status.REFUSED
    extension.require_transition(target, _("This extension request has already been decided."))
    if approve and not task.is_open:
        raise DomainError(_("The item is no longer open."))
    approval_decide(  # rule/requested_by: a request pending from before the chain gets one
        target=extension,
        by=by,
        approve=approve,
        reason=note,
        rule=RULE,
        requested_by=extension.requested_by,
    )
    return extension


def extension_chain_approved(extension: Extension, *, by, chain) -> None:
    """The step approved (callback of the chain, same transaction): the deadline moves."""
    _finish(extension, by=by, approve=True, note=chain.steps.last().reason)


def extension_chain_returned(extension: Extension, *, by, reason: str, chain) -> None:
    """The step returned it: the request is refused with that reason."""
    _finish(extension, by=by, approve=False, note=reason)


def _finish(extension: Extension, *, by, approve: bool, note: str) -> None:
    task = extension.task
    target = Extension.Status.APPROVED if approve else Extension.Status.REFUSED
    extension.status, extension.decided_by, extension.decided_at = target, by, now()
    extension.decision_note = note
    extension.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    if approve:  # the original deadline stays as it was filed
        task.deadline = extension.new_deadline
        task.save(update_fields=["deadline"])
        schedule.deadline_moved(task)
    audit(
        actor=by,
        verb="supervision.extension_approved" if approve else "supervision.extension_refused",
        target=task,
        data={"to": extension.new_deadline.isoformat(), "note": note},
    )
    if approve:
        title = _("Extension approved: %(title)s, new deadline %(date)s")
    else:
        title = _("Extension refused: %(title)s (deadline stays %(date)s)")
    notify(
        recipients=[extension.requested_by, task.owner],
        title=title % {"title": task.title, "date": task.deadline.isoformat()},
        body=note,
        url=task.get_absolute_url(),
        kind="supervision.extension_decided",
        actor=by,
    )
