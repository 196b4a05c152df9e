"""Cancelling a meeting: the invited hear of it, a pending room approval is withdrawn and
the guests' visits at reception are called off."""

from django.db import transaction
from django.utils.translation import gettext as _

from office.errors import DomainError, require_actor
from office.services import audit

from .. import permissions as perms
from ..models import Meeting
from . import invitations


@transaction.atomic
def meeting_cancel(*, meeting_id: int, by, reason: str) -> Meeting:
    """Call a meeting off: its room is free again and everyone invited is told."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
    require_actor(perms.may_run(by, meeting))
    meeting.require_transition(
        Meeting.Status.CANCELLED, _("Only a draft or scheduled meeting can be cancelled.")
    )
    return cancel_locked(meeting, by=by, reason=reason)


def cancel_locked(meeting: Meeting, *, by, reason: str) -> Meeting:
    """Cancel a locked meeting (the caller checked who): the invited hear of it, a pending
    room approval is withdrawn, and the guests' visits at reception are called off."""
    from reception.services import meeting_visits_cancel

    meeting.require_transition(
        Meeting.Status.CANCELLED, _("Only a draft or scheduled meeting can be cancelled.")
    )
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Please say why the meeting is cancelled."))
    was_scheduled = meeting.status == Meeting.Status.SCHEDULED
    if meeting.status == Meeting.Status.AWAITING_ROOM:
        from office.services.approvals import approval_cancel

        approval_cancel(target=meeting, by=by)
    meeting.status, meeting.cancel_reason = Meeting.Status.CANCELLED, reason[:2000]
    meeting.sequence += 1
    meeting.save(update_fields=["status", "cancel_reason", "sequence", "updated_at"])
    audit(actor=by, verb="meeting.cancelled", target=meeting, data={"reason": reason})
    if was_scheduled:
        people = [a.user for a in meeting.attendances.select_related("user")]
        invitations.withdraw(meeting, people, by=by, cancelled=True)
    invitations.cancel_reminders(meeting)
    if meeting.guest_visit_ids:
        meeting_visits_cancel(
            visit_ids=meeting.guest_visit_ids,
            by=by,
            reason=_("The meeting “%(title)s” was cancelled: %(reason)s")
            % {"title": meeting.title, "reason": reason},
        )
    return meeting
