"""Outgoing documents (发文): draft with versions, review, sign-off with numbering, issue."""

from django.db import transaction
from django.db.models import Max
from django.utils.timezone import localdate, now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from documents import permissions as can
from documents.conf import format_number, issuing_office, outgoing_series
from documents.models import Distribution, OutgoingAttachment, OutgoingDocument, OutgoingVersion
from office.errors import DomainError, TransitionNotAllowed, require_actor
from office.i18n import Message
from office.roles import Role, users_with_role
from office.services import audit, notify

from .access import grant_access
from .countersign import (
    countersign_set_departments,
    countersigns_ask,
    countersigns_missing,
    countersigns_reset,
)
from .numbering import next_serial

S = OutgoingDocument.Status

DRAFT_FIELDS = (
    "series",
    "title",
    "kind",
    "urgency",
    "security_level",
    "main_recipients",
    "copy_recipients",
    "body",
    "attachment_note",
    "keywords",
    "copies",
)


def _locked(document_id: int) -> OutgoingDocument:
    return OutgoingDocument.objects.select_for_update().get(pk=document_id)


def _keep_version(document: OutgoingDocument, by) -> OutgoingVersion:
    last = document.versions.aggregate(n=Max("number"))["n"] or 0
    return OutgoingVersion.objects.create(
        document=document, number=last + 1, title=document.title, body=document.body, saved_by=by
    )


@transaction.atomic
def outgoing_create(
    *, by, data: dict, internal_recipients=(), uploads=(), countersign_departments=()
) -> OutgoingDocument:
    """Start a draft (拟稿) in the drafter's department; the first body version is kept.
    `countersign_departments` sign it (会签) before 签发."""
    require_actor(can.can_draft(by))
    if data.get("series") not in outgoing_series():
        raise DomainError(_("Unknown document series."))
    document = OutgoingDocument(
        drafted_by=by,
        department=by.department,
        issuer=issuing_office(),
        **{field: data[field] for field in DRAFT_FIELDS if field in data},
    )
    document.save()
    document.internal_recipients.set(internal_recipients)
    countersign_set_departments(document=document, departments=countersign_departments)
    grant_access(document=document, users=[by])
    for upload in uploads:
        OutgoingAttachment.from_upload(upload, by=by, document=document).save()
    _keep_version(document, by)
    audit(actor=by, verb="documents.outgoing_drafted", target=document)
    return document


@transaction.atomic
def outgoing_update(
    *,
    document_id: int,
    by,
    data: dict,
    internal_recipients=(),
    uploads=(),
    countersign_departments=None,
) -> OutgoingDocument:
    """Save the draft; a changed title or body becomes a new version (old ones are kept)."""
    document = _locked(document_id)
    require_actor(can.may_edit_outgoing(by, document))
    if document.status != S.DRAFT:
        raise DomainError(_("Only a draft can be edited."))
    if data.get("series", document.series) not in outgoing_series():
        raise DomainError(_("Unknown document series."))
    text_changed = (data.get("title"), data.get("body")) != (document.title, document.body)
    for field in DRAFT_FIELDS:
        if field in data:
            setattr(document, field, data[field])
    document.save()
    document.internal_recipients.set(internal_recipients)
    if countersign_departments is not None:
        countersign_set_departments(document=document, departments=countersign_departments)
    for upload in uploads:
        OutgoingAttachment.from_upload(upload, by=by, document=document).save()
    if text_changed:
        _keep_version(document, by)
    audit(actor=by, verb="documents.outgoing_edited", target=document)
    return document


@transaction.atomic
def outgoing_submit(*, document_id: int, by) -> OutgoingDocument:
    """Send the draft for review (核稿)."""
    document = _locked(document_id)
    require_actor(can.may_edit_outgoing(by, document))
    document.require_transition(S.REVIEW, _("Only a draft can be sent for review."))
    if not document.body.strip():
        raise DomainError(_("The draft has no body yet."))
    document.status, document.return_reason = S.REVIEW, ""
    document.save(update_fields=["status", "return_reason", "updated_at"])
    audit(actor=by, verb="documents.outgoing_submitted", target=document)
    countersigns_ask(document=document, by=by)
    head = document.department.head if document.department_id else None
    notify(
        recipients=[head] if head else [],
        actor=by,
        kind="documents.awaiting_review",
        title=Message(gettext_noop("Awaiting your review: %(title)s"), title=document.title),
        url=document.get_absolute_url(),
    )
    return document


@transaction.atomic
def outgoing_review(*, document_id: int, by, note: str = "") -> OutgoingDocument:
    """核稿 passed: on to the director for sign-off."""
    document = _locked(document_id)
    require_actor(can.is_reviewer_for(by, document))
    document.require_transition(S.SIGNING, _("Only a draft in review can pass review."))
    document.status, document.reviewed_by, document.reviewed_at = S.SIGNING, by, now()
    document.review_note = note
    document.save(
        update_fields=["status", "reviewed_by", "reviewed_at", "review_note", "updated_at"]
    )
    audit(actor=by, verb="documents.outgoing_reviewed", target=document, data={"note": note})
    notify(
        recipients=users_with_role(Role.DIRECTOR),
        actor=by,
        kind="documents.awaiting_signoff",
        title=Message(gettext_noop("Awaiting your sign-off: %(title)s"), title=document.title),
        url=document.get_absolute_url(),
    )
    return document


@transaction.atomic
def outgoing_return(*, document_id: int, by, reason: str) -> OutgoingDocument:
    """Back to draft from review or sign-off; the reason is kept on the record and in history."""
    document = _locked(document_id)
    require_actor(can.may_return_outgoing(by, document))
    document.require_transition(
        S.DRAFT, _("Only a document in review or sign-off can be returned.")
    )
    if not reason.strip():
        raise DomainError(_("Give a reason for returning it."))
    step = document.status
    document.status, document.return_reason = S.DRAFT, reason
    document.save(update_fields=["status", "return_reason", "updated_at"])
    countersigns_reset(document=document)
    audit(
        actor=by,
        verb="documents.outgoing_returned",
        target=document,
        data={"reason": reason, "step": step},
    )
    notify(
        recipients=[document.drafted_by],
        actor=by,
        kind="documents.returned",
        title=Message(gettext_noop("Returned to you: %(title)s"), title=document.title),
        body=reason,
        url=document.get_absolute_url(),
    )
    return document


@transaction.atomic
def outgoing_sign(*, document_id: int, by, note: str = "") -> OutgoingDocument:
    """签发: the director signs off and the document gets its number, atomically, gap-free per
    series and year (the counter is locked until this transaction commits)."""
    document = _locked(document_id)
    require_actor(can.is_director(by))
    document.require_transition(S.SIGNED, _("Only a document awaiting sign-off can be signed."))
    prefix = outgoing_series().get(document.series)
    if prefix is None:
        raise DomainError(_("Unknown document series."))
    missing = countersigns_missing(document)
    if missing:
        raise TransitionNotAllowed(
            _("It cannot be signed off before every department has countersigned: %(missing)s.")
            % {"missing": "、".join(missing)}
        )
    year = localdate().year
    serial = next_serial(series=f"outgoing:{document.series}", year=year)
    document.year, document.serial = year, serial
    document.number = format_number(prefix, year, serial)
    document.status, document.signed_by, document.signed_at = S.SIGNED, by, now()
    document.sign_note = note
    document.save(
        update_fields=[
            "year",
            "serial",
            "number",
            "status",
            "signed_by",
            "signed_at",
            "sign_note",
            "updated_at",
        ]
    )
    audit(
        actor=by,
        verb="documents.outgoing_signed",
        target=document,
        data={"number": document.number},
    )
    notify(
        recipients=[document.drafted_by],
        actor=by,
        kind="documents.signed",
        title=Message(
            gettext_noop("Signed: %(number)s %(title)s"),
            number=document.number,
            title=document.title,
        ),
        url=document.get_absolute_url(),
    )
    return document


@transaction.atomic
def outgoing_issue(*, document_id: int, by) -> OutgoingDocument:
    """印发: deliver to the internal recipients' inboxes and record the distribution."""
    document = _locked(document_id)
    require_actor(can.is_clerk(by))
    document.require_transition(S.ISSUED, _("Only a signed document can be issued."))
    recipients = list(document.internal_recipients.filter(is_active=True))
    document.status, document.issued_by, document.issued_at = S.ISSUED, by, now()
    document.save(update_fields=["status", "issued_by", "issued_at", "updated_at"])
    Distribution.objects.bulk_create(
        [Distribution(document=document, recipient=user) for user in recipients],
        ignore_conflicts=True,
    )
    grant_access(document=document, users=recipients, by=by)
    audit(
        actor=by,
        verb="documents.outgoing_issued",
        target=document,
        data={"recipients": len(recipients)},
    )
    notify(
        recipients=recipients,
        actor=by,
        kind="documents.issued",
        title=Message(
            gettext_noop("Issued to you: %(number)s %(title)s"),
            number=document.number,
            title=document.title,
        ),
        url=document.get_absolute_url(),
    )
    return document


def distribution_mark_read(*, document, user) -> bool:
    """Opening an issued document marks the reader's copy read; True if it was unread."""
    return bool(
        Distribution.objects.filter(document=document, recipient=user, read_at__isnull=True).update(
            read_at=now()
        )
    )
