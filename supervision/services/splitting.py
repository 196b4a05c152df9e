"""Splitting (分解) an item into sub-items for its co-owners; the parent waits for them."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.errors import DomainError, require_actor
from office.i18n import Message
from office.services import audit, notify
from supervision import permissions as perms
from supervision.models import Task, local_today

from . import schedule
from .tasks import require_text


def parts_unverified(task: Task) -> int:
    """Sub-items not yet verified (cancelled ones do not hold the parent up)."""
    return task.children.exclude(status__in=Task.FINISHED).count()


def require_parts_verified(task: Task) -> None:
    left = parts_unverified(task)
    if left:
        raise DomainError(
            _(
                "This item is split: it can be completed only once every sub-item is verified "
                "(%(count)s not yet verified)."
            )
            % {"count": left}
        )


@transaction.atomic
def task_split(*, task_id: int, by, parts: list[dict]) -> list[Task]:
    """parts: [{"owner": co-owner, "title": str, "deadline": date}], each its own item."""
    task = Task.objects.select_for_update().get(pk=task_id)
    require_actor(perms.may_split(by, task))
    if task.status not in (Task.Status.ASSIGNED, Task.Status.IN_PROGRESS):
        raise DomainError(_("An item can be split only while it is being handled."))
    if not parts:
        raise DomainError(_("Give at least one sub-item."))
    co_owners = {person.pk: person for person in task.co_owners.all()}
    made = []
    for part in parts:
        owner, deadline = part.get("owner"), part.get("deadline")
        title = require_text(part.get("title", ""), _("Each sub-item needs a title."))[:200]
        if owner is None or owner.pk not in co_owners:
            raise DomainError(_("A sub-item goes to one of the item's co-owners."))
        if not isinstance(deadline, datetime.date) or deadline < local_today():
            raise DomainError(_("A sub-item's deadline cannot be in the past."))
        if deadline > task.deadline:
            raise DomainError(
                _("A sub-item's deadline cannot be later than the item's (%(date)s).")
                % {"date": task.deadline.isoformat()}
            )
        child = Task.objects.create(
            parent=task,
            title=title,
            description=task.description,
            source_kind=task.source_kind,
            source_type_id=task.source_type_id,
            source_id=task.source_id,
            source_label=task.source_label,
            owner=owner,
            owner_department=owner.department,
            assigned_by=by,
            deadline=deadline,
            original_deadline=deadline,
            priority=task.priority,
        )
        audit(
            actor=by,
            verb="supervision.task_created",
            target=child,
            data={"parent": task.pk, "deadline": deadline.isoformat(), "owner": owner.pk},
        )
        notify(
            recipients=[owner],
            title=Message(gettext_noop("New supervision sub-item: %(title)s"), title=child.title),
            body=Message(
                gettext_noop("Part of “%(parent)s”, deadline %(deadline)s."),
                parent=task.title,
                deadline=deadline.isoformat(),
            ),
            url=child.get_absolute_url(),
            kind="supervision.task_created",
            actor=by,
        )
        schedule.reschedule(child)
        made.append(child)
    audit(
        actor=by,
        verb="supervision.split",
        target=task,
        data={"subject": "、".join(child.title for child in made), "parts": len(made)},
    )
    return made
