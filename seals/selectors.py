"""Every read of seals, scoped to the user (out of scope -> 404)."""

from django.db.models import IntegerField, Q, QuerySet
from django.db.models.functions import Cast

from office.models import ApprovalStep

from .approvals import RULE
from .models import Seal, SealLoan, SealRequest, SealUse
from .permissions import _active, is_director


def seals_for(user) -> QuerySet[Seal]:
    """The register: every member of staff sees which seals exist, where, and their state."""
    if not _active(user):
        return Seal.objects.none()
    return Seal.objects.select_related("custodian")


def requests_for(user) -> QuerySet[SealRequest]:
    """The requester, the seal's custodian, the director, and the people named in its chain."""
    if not _active(user):
        return SealRequest.objects.none()
    requests = SealRequest.objects.select_related("seal", "requested_by", "document")
    if is_director(user):
        return requests
    in_chain = (
        ApprovalStep.objects.filter(chain__rule=RULE)
        .filter(Q(person=user) | Q(role__in=sorted(user.role_names())))
        .annotate(target=Cast("chain__target_id", IntegerField()))
        .values("target")
    )
    return requests.filter(Q(requested_by=user) | Q(seal__custodian=user) | Q(pk__in=in_chain))


def uses_for(user) -> QuerySet[SealUse]:
    """The use log: the director all of it, a custodian the uses of the seals they keep."""
    if not _active(user):
        return SealUse.objects.none()
    uses = SealUse.objects.select_related("seal", "used_by", "approved_by", "request")
    if is_director(user):
        return uses
    return uses.filter(seal__custodian=user)


def loans_for(user) -> QuerySet[SealLoan]:
    if not _active(user):
        return SealLoan.objects.none()
    loans = SealLoan.objects.select_related("seal", "borrower", "lent_by", "confirmed_by")
    if is_director(user):
        return loans
    return loans.filter(Q(seal__custodian=user) | Q(borrower=user))


def requests_to_apply(user) -> QuerySet[SealRequest]:
    """To-do: approved requests this person is to seal (their own documents, or, for the
    custodian, the paper uses to stamp and record)."""
    if not _active(user):
        return SealRequest.objects.none()
    approved = SealRequest.objects.filter(status=SealRequest.Status.APPROVED)
    return approved.filter(
        Q(requested_by=user, document__isnull=False) | Q(seal__custodian=user)
    ).select_related("seal", "document")


def loans_to_return(user) -> QuerySet[SealLoan]:
    """To-do: for the borrower, the seal to bring back; for the custodian, returns to confirm."""
    if not _active(user):
        return SealLoan.objects.none()
    return (
        SealLoan.objects.filter(status=SealLoan.Status.OUT)
        .filter(Q(borrower=user) | Q(seal__custodian=user))
        .select_related("seal", "borrower")
    )


def use_by_token(token: str) -> SealUse | None:
    """The electronic use a signature names (the verify page), for anyone holding the PDF."""
    if not token:
        return None
    return (
        SealUse.objects.select_related("seal", "used_by", "approved_by", "request__document")
        .filter(token=token, electronic=True)
        .first()
    )


def document_seal_state(document) -> str:
    """Where an outgoing document stands with its seals, across every request on it: "used"
    (sealed), "approved", "pending" (requested), or "" (none open). One query."""
    statuses = set(SealRequest.objects.filter(document=document).values_list("status", flat=True))
    for status in (
        SealRequest.Status.USED,
        SealRequest.Status.APPROVED,
        SealRequest.Status.PENDING,
    ):
        if status in statuses:
            return status
    return ""
