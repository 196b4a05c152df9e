"""转办/交办 to a department, its reply (处理意见), the one extension, the petitioner's
satisfaction and the review (复查) asked within the days allowed, once."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.errors import DomainError, TransitionNotAllowed, require_actor
from office.i18n import Message
from office.roles import users_with_role
from office.services import audit, notify, reminders_cancel
from office.services.approvals import approval_start

from .. import permissions as perms
from .. import rules
from ..approvals import RULE
from ..models import Extension, Petition
from .common import DUE_SOON, OVERDUE, locked, schedule_deadline_reminders


@transaction.atomic
def petition_assign(
    *, petition_id: int, by, department, assignee=None, deadline=None, instructions: str = ""
) -> Petition:
    """转办/交办: the department handles it by the deadline (at most the rule's days from
    acceptance); its head and the person assigned are told and reminded."""
    petition = locked(petition_id)
    require_actor(perms.may_decide(by, petition))
    petition.require_transition(
        Petition.Status.ASSIGNED, _("Only an accepted petition can be assigned.")
    )
    latest = petition.decided_at.astimezone(timezone.get_current_timezone()).date()
    latest += datetime.timedelta(days=rules.handle_days())
    deadline = deadline or latest
    if deadline > latest:
        raise DomainError(
            _("The deadline can be at most %(days)s days after acceptance (%(date)s).")
            % {"days": rules.handle_days(), "date": latest.isoformat()}
        )
    if deadline < timezone.localdate():
        raise DomainError(_("The deadline cannot be in the past."))
    if assignee is not None and assignee.department_id != department.pk:
        raise DomainError(_("The person handling it must belong to the department."))
    petition.status, petition.department, petition.assignee = (
        Petition.Status.ASSIGNED,
        department,
        assignee,
    )
    petition.deadline, petition.instructions, petition.assigned_at = (
        deadline,
        instructions,
        timezone.now(),
    )
    petition.save()
    audit(
        actor=by,
        verb="petitions.assigned",
        target=petition,
        data={"subject": str(department), "deadline": deadline.isoformat()},
    )
    notify(
        recipients=[department.head, assignee],
        title=Message(
            gettext_noop("A petition for your department to handle by %(date)s: %(petition)s"),
            date=deadline.isoformat(),
            petition=str(petition),
        ),
        url=petition.get_absolute_url(),
        kind="petitions.assigned",
        actor=by,
    )
    schedule_deadline_reminders(petition)
    return petition


@transaction.atomic
def petition_reply(*, petition_id: int, by, reply: str) -> Petition:
    """The department's 处理意见; petition staff then answer the petitioner."""
    reply = (reply or "").strip()
    if not reply:
        raise DomainError(_("Write the department's reply."))
    petition = locked(petition_id)
    require_actor(perms.may_reply(by, petition))
    petition.require_transition(
        Petition.Status.REPLIED, _("Only a petition being handled can be replied to.")
    )
    petition.status, petition.reply = Petition.Status.REPLIED, reply
    petition.replied_at, petition.replied_by = timezone.now(), by
    petition.save(update_fields=["status", "reply", "replied_at", "replied_by", "updated_at"])
    reminders_cancel(target=petition, kind=DUE_SOON)
    reminders_cancel(target=petition, kind=OVERDUE)
    late = timezone.localdate() > petition.deadline
    audit(actor=by, verb="petitions.replied", target=petition, data={"late": late})
    notify(
        recipients=users_with_role("petition_officer"),
        title=Message(gettext_noop("The department replied: %(petition)s"), petition=str(petition)),
        url=petition.get_absolute_url(),
        kind="petitions.replied",
        actor=by,
    )
    return petition


@transaction.atomic
def extension_request(*, petition_id: int, by, days: int, reason: str) -> Extension:
    """Ask the director for more time: once per petition, at most the rule's days."""
    petition = locked(petition_id)
    require_actor(perms.may_request_extension(by, petition))
    if petition.status != Petition.Status.ASSIGNED:
        raise TransitionNotAllowed(_("Only a petition being handled can be extended."))
    if (
        petition.extended_days
        or petition.extensions.exclude(status=Extension.Status.REFUSED).exists()
    ):
        raise DomainError(
            _(
                "This petition's deadline has already been extended (or an extension awaits "
                "the director): the regulation allows one extension only."
            )
        )
    limit = rules.extension_max_days()
    if not 1 <= days <= limit:
        raise DomainError(_("An extension is of 1 to %(days)s days.") % {"days": limit})
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Give the reason more time is needed."))
    extension = Extension.objects.create(
        petition=petition, days=days, reason=reason, requested_by=by
    )
    audit(actor=by, verb="petitions.extension_requested", target=petition, data={"days": days})
    approval_start(rule=RULE, target=extension, by=by)
    return extension


def extension_chain_approved(extension: Extension, *, by, chain) -> None:
    """The director approved: the deadline moves, the reminders with it."""
    petition = locked(extension.petition_id)
    extension.status, extension.decided_at = Extension.Status.APPROVED, timezone.now()
    extension.save(update_fields=["status", "decided_at"])
    petition.deadline += datetime.timedelta(days=extension.days)
    petition.extended_days = extension.days
    petition.save(update_fields=["deadline", "extended_days", "updated_at"])
    audit(
        actor=by,
        verb="petitions.extended",
        target=petition,
        data={"days": extension.days, "deadline": petition.deadline.isoformat()},
    )
    if petition.status == Petition.Status.ASSIGNED:
        schedule_deadline_reminders(petition)


def extension_chain_returned(extension: Extension, *, by, chain, reason: str) -> None:
    extension.status, extension.decided_at = Extension.Status.REFUSED, timezone.now()
    extension.save(update_fields=["status", "decided_at"])
    audit(
        actor=by,
        verb="petitions.extension_refused",
        target=extension.petition,
        data={"reason": reason},
    )


@transaction.atomic
def satisfaction_record(*, petition_id: int, by, satisfaction: str) -> Petition:
    """The petitioner's answer to the reply closes the petition (a review may still follow)."""
    if satisfaction not in Petition.Satisfaction.values:
        raise DomainError(_("Choose how satisfied the petitioner is."))
    petition = locked(petition_id)
    require_actor(perms.may_decide(by, petition))
    petition.require_transition(
        Petition.Status.CLOSED, _("Only a replied petition takes the petitioner's satisfaction.")
    )
    petition.status, petition.satisfaction = Petition.Status.CLOSED, satisfaction
    petition.closed_at = timezone.now()
    petition.save(update_fields=["status", "satisfaction", "closed_at", "updated_at"])
    audit(actor=by, verb="petitions.satisfaction", target=petition, data={"subject": satisfaction})
    return petition


def review_window_end(petition: Petition) -> datetime.date:
    replied = petition.replied_at.astimezone(timezone.get_current_timezone()).date()
    return replied + datetime.timedelta(days=rules.review_days())


@transaction.atomic
def review_request(*, petition_id: int, by, reason: str) -> Petition:
    """复查: asked within the rule's days after the reply, once; due within the same days."""
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Give the petitioner's reason for asking a review."))
    petition = locked(petition_id)
    require_actor(perms.may_decide(by, petition))
    if petition.review_requested_at is not None:
        raise DomainError(
            _("This petition has been reviewed once already; there is no second review.")
        )
    petition.require_transition(
        Petition.Status.REVIEWING, _("A review can be asked only after the reply.")
    )
    end = review_window_end(petition)
    if timezone.localdate() > end:
        raise DomainError(
            _("A review had to be asked within %(days)s days of the reply (by %(date)s).")
            % {"days": rules.review_days(), "date": end.isoformat()}
        )
    today = timezone.localdate()
    petition.status, petition.review_reason = Petition.Status.REVIEWING, reason
    petition.review_requested_at = timezone.now()
    petition.review_deadline = today + datetime.timedelta(days=rules.review_days())
    petition.save()
    audit(actor=by, verb="petitions.review_requested", target=petition)
    return petition


@transaction.atomic
def review_record(*, petition_id: int, by, result: str) -> Petition:
    """The review's conclusion (复查意见): final."""
    result = (result or "").strip()
    if not result:
        raise DomainError(_("Write the review's conclusion."))
    petition = locked(petition_id)
    require_actor(perms.is_staff(by) or perms.is_director(by))
    petition.require_transition(Petition.Status.REVIEWED, _("No review is under way."))
    petition.status, petition.review_result = Petition.Status.REVIEWED, result
    petition.reviewed_at, petition.reviewed_by = timezone.now(), by
    petition.save(
        update_fields=["status", "review_result", "reviewed_at", "reviewed_by", "updated_at"]
    )
    audit(actor=by, verb="petitions.reviewed", target=petition)
    return petition
