"""用印申请: request, the seal's chain decides (seals.approvals), then the seal is applied
(an outgoing document: sealed and signed PDF) or stamped on paper; each use logged (SealUse)."""

import hashlib

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from documents.selectors import outgoing_for
from documents.services.official import outgoing_sealed_pdf
from office.errors import DomainError, TransitionNotAllowed, require_actor
from office.i18n import Message
from office.services import audit, notify
from office.services.approvals import approval_cancel, approval_decide, approval_start
from seals import signing
from seals.approvals import RULE
from seals.models import Seal, SealRequest, SealUse
from seals.permissions import may_apply, may_cancel, may_request

DOCUMENT_KINDS = {Seal.Kind.OFFICIAL, Seal.Kind.PARTY}  # the seals an outgoing document takes
SEALABLE = {"signed", "issued"}  # after 签发
OPEN = (SealRequest.Status.PENDING, SealRequest.Status.APPROVED, SealRequest.Status.USED)
MAX_COPIES = 500


@transaction.atomic
def request_create(
    *, by, seal: Seal, purpose: str, copies: int = 1, document=None, upload=None
) -> SealRequest:
    """Ask to use a seal on an outgoing document (after 签发) or on an uploaded file."""
    require_actor(may_request(by))
    seal = Seal.objects.select_for_update().get(pk=seal.pk)
    if seal.status == Seal.Status.RETIRED:
        raise DomainError(_("This seal is retired and can no longer be used."))
    if (document is None) == (upload is None):
        raise DomainError(_("Choose an outgoing document or upload the file to be sealed."))
    if not 1 <= copies <= MAX_COPIES:
        raise DomainError(_("Copies must be between 1 and %(max)s.") % {"max": MAX_COPIES})
    if document is not None:
        document = outgoing_for(by).filter(pk=document.pk).first()
        if document is None:
            raise DomainError(_("That document is not one you can see."))
        if document.status not in SEALABLE:
            raise DomainError(_("An outgoing document is sealed only after it is signed (签发)."))
        if seal.kind not in DOCUMENT_KINDS:
            raise DomainError(_("An outgoing document takes the office or party seal."))
        if not seal.image:
            raise DomainError(_("This seal has no image for electronic use yet."))
        if SealRequest.objects.filter(document=document, seal=seal, status__in=OPEN).exists():
            raise DomainError(_("This document already has a request for this seal."))
    request = SealRequest(
        seal=seal, requested_by=by, purpose=purpose, copies=copies, document=document
    )
    if upload is not None:
        request.upload_name = upload.name[-200:]
        request.upload.save(upload.name[-100:], upload, save=False)
    request.save()
    audit(
        actor=by,
        verb="seals.request_created",
        target=request,
        data={"seal": seal.name, "copies": copies, "subject": request.subject},
    )
    approval_start(rule=RULE, target=request, by=by)
    return request


def _decide(*, request_id: int, by, approve: bool, reason: str) -> SealRequest:
    request = SealRequest.objects.select_for_update().get(pk=request_id)
    target = SealRequest.Status.APPROVED if approve else SealRequest.Status.RETURNED
    request.require_transition(target, _("This request has already been decided."))
    approval_decide(target=request, by=by, approve=approve, reason=reason)
    request.refresh_from_db()
    return request


@transaction.atomic
def request_approve(*, request_id: int, by, reason: str = "") -> SealRequest:
    """Approve the current step of the seal's chain; the last step approves the request."""
    return _decide(request_id=request_id, by=by, approve=True, reason=reason)


@transaction.atomic
def request_return(*, request_id: int, by, reason: str) -> SealRequest:
    """Return the request with a reason (required by the chain)."""
    return _decide(request_id=request_id, by=by, approve=False, reason=reason)


def request_chain_approved(request: SealRequest, *, by, chain) -> None:
    """The chain's last step approved (its callback, same transaction)."""
    request.status, request.decided_by, request.decided_at = (
        SealRequest.Status.APPROVED,
        by,
        now(),
    )
    request.save(update_fields=["status", "decided_by", "decided_at"])
    audit(actor=by, verb="seals.request_approved", target=request)
    notify(
        recipients=[request.requested_by, request.seal.custodian],
        title=Message(gettext_noop("Seal request approved: %(request)s"), request=request),
        url=request.get_absolute_url(),
        kind="seals.request",
        actor=by,
    )


def request_chain_returned(request: SealRequest, *, by, reason: str, chain) -> None:
    request.status, request.decided_by, request.decided_at = (
        SealRequest.Status.RETURNED,
        by,
        now(),
    )
    request.return_reason = reason[:2000]
    request.save(update_fields=["status", "decided_by", "decided_at", "return_reason"])
    audit(actor=by, verb="seals.request_returned", target=request, data={"reason": reason})
    notify(
        recipients=[request.requested_by],
        title=Message(gettext_noop("Seal request returned: %(request)s"), request=request),
        body=reason,
        url=request.get_absolute_url(),
        kind="seals.request",
        actor=by,
    )


@transaction.atomic
def request_cancel(*, request_id: int, by) -> SealRequest:
    """The requester withdraws a request not yet sealed; its chain is withdrawn too."""
    request = SealRequest.objects.select_for_update().get(pk=request_id)
    require_actor(may_cancel(by, request), _("Only the requester can withdraw a request."))
    request.require_transition(
        SealRequest.Status.CANCELLED, _("Only a request not yet sealed can be withdrawn.")
    )
    approval_cancel(target=request, by=by)
    request.status = SealRequest.Status.CANCELLED
    request.save(update_fields=["status"])
    audit(actor=by, verb="seals.request_cancelled", target=request)
    return request


@transaction.atomic
def request_apply(*, request_id: int, by) -> SealUse:
    """Use the seal as approved, once: an outgoing document gets its sealed 红头文件 PDF,
    signed (PAdES) by the organisation; a paper use is the custodian's stamping. Logged."""
    request = SealRequest.objects.select_for_update().get(pk=request_id)
    require_actor(may_apply(by, request))
    request.require_transition(
        SealRequest.Status.USED, _("The seal is applied only through an approved request.")
    )
    seal = Seal.objects.select_for_update().get(pk=request.seal_id)
    if seal.status == Seal.Status.RETIRED:
        raise TransitionNotAllowed(_("This seal is retired and can no longer be used."))
    use = SealUse(
        seal=seal,
        request=request,
        used_by=by,
        used_at=now(),
        subject=f"{request.subject} · {request.purpose}"[:300],
        copies=request.copies,
        approved_by=request.decided_by,
        electronic=bool(request.document_id),
    )
    if request.document_id:
        if not seal.image:
            raise DomainError(_("This seal has no image for electronic use yet."))
        if not signing.is_configured():
            raise DomainError(_("The organisation's signing certificate is not configured."))
        use.token = SealUse.new_token()
        with seal.image.open("rb") as handle:
            png = handle.read()
        pdf = outgoing_sealed_pdf(
            document=request.document, seal_png=png, diameter_mm=seal.diameter_mm
        )
        signed = signing.sign_pdf(pdf, token=use.token)
        use.sha256 = hashlib.sha256(signed).hexdigest()
        use.sealed_pdf.save(f"{use.token}.pdf", ContentFile(signed), save=False)
    elif seal.status == Seal.Status.LENT_OUT:
        raise TransitionNotAllowed(_("The seal is lent out: it can be stamped when it is back."))
    use.save()
    request.status = SealRequest.Status.USED
    request.save(update_fields=["status"])
    audit(
        actor=by,
        verb="seals.used",
        target=request,
        data={"seal": seal.name, "copies": use.copies, "electronic": use.electronic},
    )
    notify(
        recipients=[request.requested_by, seal.custodian],
        title=Message(gettext_noop("Sealed: %(request)s"), request=request),
        url=request.get_absolute_url(),
        kind="seals.used",
        actor=by,
    )
    return use
