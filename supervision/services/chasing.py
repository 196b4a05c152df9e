"""Chasing (催办), the owner's explanation (情况说明), comments and instructions (批示)."""

from django.db import IntegrityError, transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.approvals import Step
from office.errors import DomainError, require_actor
from office.i18n import Message
from office.services import audit, notify
from supervision import permissions as perms
from supervision.models import Note, Task

from .tasks import require_text

MAX_TEXT = 2000


def _text(text: str, message) -> str:
    text = require_text(text, message)
    if len(text) > MAX_TEXT:
        raise DomainError(_("Please keep it under %(n)s characters.") % {"n": MAX_TEXT})
    return text


def _sees(user, task: Task) -> bool:
    """An overseer acts only on items the one visibility rule shows them (not a 秘密 one)."""
    from supervision.selectors import tasks_for

    return tasks_for(user).filter(pk=task.pk).exists()


def _send_chase(task: Task, note: Note, *, recipients, by) -> None:
    count = task.notes.filter(kind=Note.Kind.CHASE).count()
    notify(
        recipients=recipients,
        title=Message(
            gettext_noop("Chased (%(count)s): %(title)s, due %(deadline)s"),
            count=count,
            title=task.title,
            deadline=task.deadline.isoformat(),
        ),
        body=note.text,
        url=task.get_absolute_url(),
        kind="supervision.chased",
        actor=by,
        email=True,
        webhook=True,
    )


@transaction.atomic
def task_chase(*, task_id: int, by, text: str) -> Note:
    """A supervisor or the director presses the owner (and co-owners): in-app, mail, robot."""
    text = _text(text, _("Please write what you chase for."))
    task = Task.objects.select_for_update().get(pk=task_id)
    require_actor(perms.may_chase(by, task) and _sees(by, task))
    if not task.is_open:
        raise DomainError(_("Only an open item can be chased."))
    note = Note.objects.create(task=task, kind=Note.Kind.CHASE, author=by, text=text)
    audit(actor=by, verb="supervision.chased", target=task, data={"text": text[:200]})
    _send_chase(task, note, recipients=[task.owner, *task.co_owners.all()], by=by)
    return note


def tasks_chase(*, task_ids: list[int], by, text: str) -> list[Note]:
    """Chase several items from the board at once; items already finished are skipped."""
    text = _text(text, _("Please write what you chase for."))
    notes = []
    with transaction.atomic():
        for task in Task.objects.filter(pk__in=task_ids, status__in=Task.OPEN).order_by("pk"):
            notes.append(task_chase(task_id=task.pk, by=by, text=text))
    if not notes:
        raise DomainError(_("Choose at least one open item to chase."))
    return notes


def ladder_chase(task: Task, *, overdue_days: int) -> Note | None:
    """The ladder's red step: one chase per deadline, to the owner and the department head."""
    step = f"red:{task.deadline.isoformat()}"
    if task.notes.filter(step=step).exists():
        return None
    text = _("Overdue by %(days)s days: please finish it or explain the delay.") % {
        "days": overdue_days
    }
    try:
        with transaction.atomic():
            note = Note.objects.create(task=task, kind=Note.Kind.CHASE, text=text, step=step)
    except IntegrityError:  # another sweep chased first
        return None
    head = Step.department_head(task.owner)
    heads = [head.person] if head.person else []
    audit(actor=None, verb="supervision.chased", target=task, data={"text": text, "step": step})
    _send_chase(task, note, recipients=[task.owner, *heads], by=None)
    return note


@transaction.atomic
def note_reply(*, task_id: int, by, text: str) -> Note:
    """The owner's (or a co-owner's) explanation, answering the latest chase."""
    text = _text(text, _("Please write your explanation."))
    task = Task.objects.select_for_update().get(pk=task_id)
    require_actor(perms.may_report(by, task))
    if not task.is_open:
        raise DomainError(_("The item is no longer open."))
    chase = task.notes.filter(kind=Note.Kind.CHASE).order_by("-created_at", "-pk").first()
    note = Note.objects.create(
        task=task, kind=Note.Kind.REPLY, author=by, text=text, reply_to=chase
    )
    audit(actor=by, verb="supervision.replied", target=task, data={"text": text[:200]})
    chasers = {chase.author} if chase and chase.author else set()
    notify(
        recipients=[task.assigned_by, *chasers],
        title=Message(gettext_noop("Explanation on %(title)s"), title=task.title),
        body=text,
        url=task.get_absolute_url(),
        kind="supervision.replied",
        actor=by,
        email=False,
    )
    return note


@transaction.atomic
def note_add(*, task_id: int, by, kind: str, text: str) -> Note:
    """A comment or an instruction (批示) by a supervisor or the director on an open item."""
    if kind not in (Note.Kind.COMMENT, Note.Kind.INSTRUCTION):
        raise DomainError(_("Unknown kind of note."))
    text = _text(text, _("Please write the comment or instruction."))
    task = Task.objects.select_for_update().get(pk=task_id)
    require_actor(perms.may_instruct(by, task) and _sees(by, task))
    if not task.is_open:
        raise DomainError(_("The item is no longer open."))
    note = Note.objects.create(task=task, kind=kind, author=by, text=text, created_at=now())
    audit(
        actor=by,
        verb=f"supervision.{kind}_added",
        target=task,
        data={"text": text[:200]},
    )
    notify(
        recipients=[task.owner, *task.co_owners.all()],
        title=Message(
            gettext_noop("%(kind)s on %(title)s"), kind=note.get_kind_display(), title=task.title
        ),
        body=text,
        url=task.get_absolute_url(),
        kind=f"supervision.{kind}",
        actor=by,
    )
    return note
