"""Registration (登记), the decision on acceptance (受理 / 不予受理) and its notice, the purge
of the petitioner's personal data past retention."""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from office.errors import DomainError, require_actor
from office.services import audit, reminders_cancel

from .. import permissions as perms
from .. import rules
from ..models import Petition
from .common import ACCEPT_OVERDUE, locked, schedule_accept_reminder


@dataclass
class PetitionData:
    channel: str
    petitioner_name: str
    title: str
    matter: str
    category: str
    received_on: datetime.date
    petitioner_id_number: str = ""
    petitioner_phone: str = ""
    petitioner_address: str = ""


@transaction.atomic
def petition_register(*, data: PetitionData, by) -> Petition:
    """Register a letter, visit or online petition; acceptance is due within the days allowed."""
    require_actor(perms.may_register(by))
    if data.category not in dict(rules.categories()):
        raise DomainError(_("Choose a category from the list."))
    if data.received_on > timezone.localdate():
        raise DomainError(_("A petition cannot be received in the future."))
    petition = Petition.objects.create(
        channel=data.channel,
        petitioner_name=data.petitioner_name,
        petitioner_id_number=data.petitioner_id_number,
        petitioner_phone=data.petitioner_phone,
        petitioner_address=data.petitioner_address,
        title=data.title,
        matter=data.matter,
        category=data.category,
        received_on=data.received_on,
        accept_by=data.received_on + datetime.timedelta(days=rules.accept_days()),
        registered_by=by,
    )
    # Counts and kinds only: the petitioner's data never goes into the audit trail.
    audit(actor=by, verb="petitions.registered", target=petition, data={"channel": data.channel})
    schedule_accept_reminder(petition)
    return petition


def _decide(petition: Petition, status: str, by) -> None:
    petition.require_transition(status, _("Only a newly registered petition can be decided on."))
    petition.status, petition.decided_at, petition.decided_by = status, timezone.now(), by
    reminders_cancel(target=petition, kind=ACCEPT_OVERDUE)


@transaction.atomic
def petition_accept(*, petition_id: int, by) -> Petition:
    """受理: the handling deadline runs from today (60 days unless the settings say otherwise)."""
    petition = locked(petition_id)
    require_actor(perms.may_decide(by, petition))
    _decide(petition, Petition.Status.ACCEPTED, by)
    petition.deadline = timezone.localdate() + datetime.timedelta(days=rules.handle_days())
    petition.save(update_fields=["status", "decided_at", "decided_by", "deadline", "updated_at"])
    late = timezone.localdate() > petition.accept_by
    audit(actor=by, verb="petitions.accepted", target=petition, data={"late": late})
    return petition


@transaction.atomic
def petition_reject(*, petition_id: int, by, reason: str) -> Petition:
    """不予受理, with the reason the notice gives the petitioner."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Give the reason the petition is not accepted."))
    petition = locked(petition_id)
    require_actor(perms.may_decide(by, petition))
    _decide(petition, Petition.Status.REJECTED, by)
    petition.rejection_reason = reason
    petition.save(
        update_fields=["status", "decided_at", "decided_by", "rejection_reason", "updated_at"]
    )
    audit(actor=by, verb="petitions.rejected", target=petition, data={"reason": reason})
    return petition


@transaction.atomic
def notice_record_sent(*, petition_id: int, by) -> Petition:
    """The 受理告知书 / 不予受理告知书 has gone to the petitioner."""
    petition = locked(petition_id)
    require_actor(perms.may_decide(by, petition))
    if petition.decided_at is None:
        raise DomainError(_("Decide on acceptance before sending the notice."))
    if petition.notice_sent_at is not None:
        raise DomainError(_("The notice has already been recorded as sent."))
    petition.notice_sent_at, petition.notice_sent_by = timezone.now(), by
    petition.save(update_fields=["notice_sent_at", "notice_sent_by", "updated_at"])
    audit(actor=by, verb="petitions.notice_sent", target=petition)
    return petition


@transaction.atomic
def personal_data_purge() -> int:
    """Blank the ID number, phone and address of petitions finished longer ago than the
    retention period; the petitions stay. The audit event records a count only."""
    days = rules.retention_days()
    cutoff = timezone.now() - datetime.timedelta(days=days)
    purged = Petition.objects.filter(
        status__in=Petition.FINISHED, updated_at__lt=cutoff, personal_data_purged_at=None
    ).update(
        petitioner_id_number="",
        petitioner_phone="",
        petitioner_address="",
        personal_data_purged_at=timezone.now(),
    )
    audit(
        actor=None,
        verb="petitions.personal_data_purged",
        data={"count": purged, "retention_days": days},
    )
    return purged
