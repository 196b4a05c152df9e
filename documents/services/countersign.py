"""会签: departments the drafter names sign the outgoing document, each with an opinion,
before the director may sign it off (签发). Parallel, not a chain: office.approvals decides
one step at a time, 会签 has every department sign in any order."""

from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from documents import permissions as can
from documents.models import Countersign, OutgoingDocument
from office.errors import DomainError, TransitionNotAllowed, require_actor
from office.i18n import Message
from office.services import audit, notify

from .access import grant_access

S = OutgoingDocument.Status
C = Countersign.Status


def countersign_set_departments(*, document, departments) -> None:
    """A step of saving the draft (the drafter's service checks the actor): the departments
    named now are asked; one no longer named is dropped with its row."""
    wanted = {department.pk: department for department in departments}
    document.countersigns.exclude(department_id__in=wanted).delete()
    have = set(document.countersigns.values_list("department_id", flat=True))
    Countersign.objects.bulk_create(
        Countersign(document=document, department=department)
        for pk, department in wanted.items()
        if pk not in have
    )


def signers_of(row) -> list:
    return [u for u in (row.department.head, row.delegate) if u is not None and u.is_active]


def countersigns_ask(*, document, by) -> None:
    """A step of submitting the draft: the departments' heads (or those named to sign for
    them) may open it, and are asked to countersign."""
    rows = list(
        document.countersigns.filter(status=C.PENDING).select_related(
            "department__head", "delegate"
        )
    )
    for row in rows:
        signers = signers_of(row)
        grant_access(document=document, users=signers, by=by)
        notify(
            recipients=signers,
            actor=by,
            kind="documents.awaiting_countersign",
            title=_please_countersign(row, document),
            url=document.get_absolute_url(),
        )


def _please_countersign(row, document) -> Message:
    """Written in the recipient's language when shown or sent."""
    return Message(
        gettext_noop("Please countersign for %(department)s: %(title)s"),
        department=row.department.name,
        title=document.title,
    )


def countersigns_reset(*, document) -> int:
    """The draft went back to its drafter: its text may change, so every department signs
    again (the earlier opinions stay in the history)."""
    return document.countersigns.filter(status=C.SIGNED).update(
        status=C.PENDING, opinion="", signed_by=None, signed_at=None
    )


def countersigns_missing(document) -> list[str]:
    rows = document.countersigns.filter(status=C.PENDING).select_related("department")
    return [row.department.name for row in rows]


def _locked(document_id: int, countersign_id: int):
    document = OutgoingDocument.objects.select_for_update().get(pk=document_id)
    row = (
        Countersign.objects.select_for_update(of=("self",))
        .select_related("department")
        .get(pk=countersign_id, document=document)
    )
    return document, row


@transaction.atomic
def countersign_sign(*, document_id: int, countersign_id: int, by, opinion: str) -> Countersign:
    """The department's head (or the person named for it) signs with an opinion (会签意见)."""
    document, row = _locked(document_id, countersign_id)
    require_actor(can.may_countersign(by, row), _("Only the department's head signs for it."))
    if row.is_signed:
        raise TransitionNotAllowed(_("This department has already countersigned."))
    if document.status not in (S.REVIEW, S.SIGNING):
        raise TransitionNotAllowed(_("Only a submitted draft awaiting sign-off is countersigned."))
    if not opinion.strip():
        raise DomainError(_("Write the department's opinion."))
    row.status, row.opinion, row.signed_by, row.signed_at = C.SIGNED, opinion, by, now()
    row.save(update_fields=["status", "opinion", "signed_by", "signed_at"])
    audit(
        actor=by,
        verb="documents.countersigned",
        target=document,
        data={"subject": row.department.name, "reason": opinion[:200]},
    )
    notify(
        recipients=[document.drafted_by],
        actor=by,
        kind="documents.countersigned",
        title=Message(
            gettext_noop("%(department)s countersigned: %(title)s"),
            department=row.department.name,
            title=document.title,
        ),
        body=opinion,
        url=document.get_absolute_url(),
    )
    return row


@transaction.atomic
def countersign_delegate(*, document_id: int, countersign_id: int, by, person) -> Countersign:
    """The head names who signs for the department (the office, where it has no head)."""
    document, row = _locked(document_id, countersign_id)
    require_actor(can.may_name_countersigner(by, row))
    if row.is_signed:
        raise TransitionNotAllowed(_("This department has already countersigned."))
    if document.status not in (S.DRAFT, S.REVIEW, S.SIGNING):
        raise TransitionNotAllowed(_("This document has been signed off already."))
    if not person.is_active:
        raise DomainError(_("This person no longer has an account."))
    row.delegate = person
    row.save(update_fields=["delegate"])
    audit(
        actor=by,
        verb="documents.countersigner_named",
        target=document,
        data={"subject": f"{row.department.name}：{person.display_name}"},
    )
    if document.status != S.DRAFT:
        grant_access(document=document, users=[person], by=by)
        notify(
            recipients=[person],
            actor=by,
            kind="documents.awaiting_countersign",
            title=_please_countersign(row, document),
            url=document.get_absolute_url(),
        )
    return row
