"""Circulation (传阅): send to readers with reasons, read with a comment, chase."""

from datetime import timedelta

from django.db import transaction
from django.db.models import F
from django.utils.timezone import now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from documents import permissions as can
from documents.conf import read_chase_hours
from documents.models import Circulation, IncomingDocument
from office.errors import DomainError, NotAllowed, require_actor
from office.i18n import Message
from office.services import audit, notify, reminder_schedule, reminders_cancel

from .access import grant_access

S = IncomingDocument.Status
CHASE_KIND = "documents.circulation_unread"


def circulation_still_due(reminder) -> bool:
    """Reminder veto: the slip was read, or the document closed, meanwhile."""
    slip = Circulation.objects.select_related("document").filter(pk=reminder.target_id).first()
    return bool(slip and slip.read_at is None and slip.document.status in IncomingDocument.OPEN)


@transaction.atomic
def circulation_send(*, document_id: int, by, readers) -> list[Circulation]:
    """Send the document to readers, each with a reason: [(user, reason), ...]."""
    document = IncomingDocument.objects.select_for_update().get(pk=document_id)
    require_actor(can.is_office(by))
    if document.status not in (S.INSTRUCTED, S.HANDLING):
        raise DomainError(_("Only an instructed document can be circulated."))
    already = set(document.circulations.values_list("reader_id", flat=True))
    wanted = {}
    for user, reason in readers:
        if user.pk not in already:
            wanted[user.pk] = (user, reason)
    if not wanted:
        raise DomainError(_("Choose at least one reader who has not had it yet."))
    slips = [
        Circulation.objects.create(document=document, reader=user, reason=reason, sent_by=by)
        for user, reason in wanted.values()
    ]
    if document.status == S.INSTRUCTED:
        document.status = S.HANDLING
        document.save(update_fields=["status", "updated_at"])
    grant_access(document=document, users=[u for u, _r in wanted.values()], by=by)
    due = now() + timedelta(hours=read_chase_hours())
    for slip in slips:
        reminder_schedule(
            kind=CHASE_KIND,
            target=slip,
            recipient=slip.reader,
            due_at=due,
            title=Message(gettext_noop("Still to read: %(title)s"), title=document.title),
            url=document.get_absolute_url(),
            occurrence="first",
        )
        notify(
            recipients=[slip.reader],
            actor=by,
            kind="documents.circulation",
            title=Message(gettext_noop("For your reading: %(title)s"), title=document.title),
            body=slip.reason,
            url=document.get_absolute_url(),
        )
    audit(
        actor=by,
        verb="documents.circulated",
        target=document,
        data={"readers": [u.display_name for u, _r in wanted.values()]},
    )
    return slips


@transaction.atomic
def circulation_mark_read(*, document_id: int, reader, comment: str = "") -> Circulation:
    """The reader has read it (阅), with an optional comment (阅批意见)."""
    slip = (
        Circulation.objects.select_for_update()
        .select_related("document")
        .filter(document_id=document_id, reader=reader)
        .first()
    )
    if slip is None:
        raise NotAllowed(_("This document was not circulated to you."))
    if slip.read_at is not None:
        raise DomainError(_("You have already marked it read."))
    if slip.document.status not in IncomingDocument.OPEN:
        raise DomainError(_("This document is closed."))
    slip.read_at, slip.comment = now(), comment
    slip.save(update_fields=["read_at", "comment"])
    reminders_cancel(target=slip)
    audit(
        actor=reader,
        verb="documents.circulation_read",
        target=slip.document,
        data={"comment": comment[:200]},
    )
    return slip


@transaction.atomic
def circulation_chase(*, document_id: int, by) -> int:
    """催办: remind every reader who has not read it yet; returns how many."""
    document = IncomingDocument.objects.select_for_update().get(pk=document_id)
    require_actor(can.is_office(by))
    if document.status != S.HANDLING:
        raise DomainError(_("Only a document in circulation can be chased."))
    unread = list(document.circulations.filter(read_at__isnull=True).select_related("reader"))
    if not unread:
        raise DomainError(_("Everyone has read it."))
    Circulation.objects.filter(pk__in=[s.pk for s in unread]).update(
        chased_at=now(), chase_count=F("chase_count") + 1
    )
    notify(
        recipients=[s.reader for s in unread],
        actor=by,
        kind="documents.chase",
        title=Message(gettext_noop("Reminder, please read: %(title)s"), title=document.title),
        url=document.get_absolute_url(),
    )
    audit(
        actor=by,
        verb="documents.circulation_chased",
        target=document,
        data={"readers": [s.reader.display_name for s in unread]},
    )
    return len(unread)
