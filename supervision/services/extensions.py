"""Extension requests: the owner asks, the assigner or the director decides."""

import datetime

from django.db import IntegrityError, transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _

from office.errors import DomainError
from office.roles import Role, users_with_role
from office.services import audit, notify
from supervision.models import Extension, Task

from . import schedule
from .tasks import require_text


@transaction.atomic
def extension_request(*, task_id: int, by, new_deadline: datetime.date, reason: str) -> Extension:
    """Ask for a later deadline; one request at a time per item."""
    reason = require_text(reason, _("Please give a reason for the extension."))
    task = Task.objects.select_for_update().get(pk=task_id)
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
    directors = users_with_role(Role.DIRECTOR)
    notify(
        recipients=[task.assigned_by, *directors],
        title=_("Extension requested: %(title)s") % {"title": task.title},
        body=_("New deadline %(date)s. Reason: %(reason)s")
        % {"date": new_deadline.isoformat(), "reason": reason},
        url=task.get_absolute_url(),
        kind="supervision.extension_requested",
        actor=by,
    )
    return extension


@transaction.atomic
def extension_decide(*, extension_id: int, by, approve: bool, note: str = "") -> Extension:
    """Approve (the deadline moves, reminders follow it) or refuse (with a reason)."""
    note = (note or "").strip()
    if not approve and not note:
        raise DomainError(_("Please give a reason for refusing."))
    extension = Extension.objects.select_for_update().get(pk=extension_id)
    task = Task.objects.select_for_update().get(pk=extension.task_id)
    target = Extension.Status.APPROVED if approve else Extension.Status.REFUSED
    extension.require_transition(target, _("This extension request has already been decided."))
    if approve and not task.is_open:
        raise DomainError(_("The item is no longer open."))
    extension.status, extension.decided_by, extension.decided_at = target, by, now()
    extension.decision_note = note
    extension.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    if approve:
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
    return extension
