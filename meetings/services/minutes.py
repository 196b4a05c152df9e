"""Minutes: the recorder drafts and submits, the chair approves or returns them.

Approval turns every resolution into a supervision item at once and distributes the
minutes to the attendees.
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.utils.timezone import localtime, now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.errors import DomainError, require_actor
from office.i18n import Message
from office.services import audit, notify

from .. import permissions as perms
from ..models import AgendaItem, Meeting, Minutes, Resolution
from .invitations import cancel_minutes_reminders


@dataclass
class ResolutionData:
    content: str
    owner: object
    deadline: datetime.date


@transaction.atomic
def minutes_save(
    *,
    meeting_id: int,
    by,
    summary: str,
    items: dict[int, tuple[str, str]],
    resolutions: list[ResolutionData],
) -> Minutes:
    """Save the recorder's draft: per agenda item discussion and decisions, and resolutions."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
    require_actor(perms.may_write_minutes(by, meeting))
    if meeting.status != Meeting.Status.HELD:
        raise DomainError(_("Minutes can be written once the meeting has been held."))
    minutes, created = Minutes.objects.select_for_update().get_or_create(meeting=meeting)
    if minutes.status != Minutes.Status.DRAFT:
        raise DomainError(_("Submitted minutes cannot be changed."))
    minutes.summary = summary
    minutes.save(update_fields=["summary"])
    for item in AgendaItem.objects.filter(meeting=meeting, pk__in=items):
        item.discussion, item.decisions = items[item.pk]
        item.save(update_fields=["discussion", "decisions"])
    minutes.resolutions.all().delete()
    Resolution.objects.bulk_create(
        Resolution(minutes=minutes, order=i, content=r.content, owner=r.owner, deadline=r.deadline)
        for i, r in enumerate(resolutions, 1)
    )
    audit(actor=by, verb="minutes.saved" if not created else "minutes.drafted", target=meeting)
    return minutes


@transaction.atomic
def minutes_submit(*, meeting_id: int, by) -> Minutes:
    """The recorder hands the minutes to the chair; the due-reminders stop."""
    minutes = (
        Minutes.objects.select_for_update().select_related("meeting").get(meeting_id=meeting_id)
    )
    require_actor(perms.may_write_minutes(by, minutes.meeting))
    minutes.require_transition(
        Minutes.Status.SUBMITTED, _("Only minutes being drafted can be submitted.")
    )
    minutes.status, minutes.submitted_at, minutes.return_reason = (
        Minutes.Status.SUBMITTED,
        now(),
        "",
    )
    minutes.save(update_fields=["status", "submitted_at", "return_reason"])
    audit(actor=by, verb="minutes.submitted", target=minutes.meeting)
    cancel_minutes_reminders(minutes.meeting)
    notify(
        recipients=[minutes.meeting.chair],
        title=Message(gettext_noop("Minutes to approve: %(title)s"), title=minutes.meeting.title),
        url=minutes.get_absolute_url(),
        kind="meetings.minutes_submitted",
        actor=by,
    )
    return minutes


@transaction.atomic
def minutes_return(*, minutes_id: int, by, reason: str) -> Minutes:
    """The chair sends the minutes back to the recorder with a reason."""
    minutes = Minutes.objects.select_for_update().select_related("meeting").get(pk=minutes_id)
    require_actor(perms.may_approve_minutes(by, minutes))
    minutes.require_transition(
        Minutes.Status.DRAFT, _("Only minutes awaiting approval can be returned.")
    )
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Please say what needs to change."))
    minutes.status, minutes.return_reason = Minutes.Status.DRAFT, reason
    minutes.save(update_fields=["status", "return_reason"])
    audit(actor=by, verb="minutes.returned", target=minutes.meeting, data={"reason": reason})
    notify(
        recipients=[minutes.meeting.recorder],
        title=Message(gettext_noop("Minutes returned: %(title)s"), title=minutes.meeting.title),
        body=reason,
        url=minutes.get_absolute_url(),
        kind="meetings.minutes_returned",
        actor=by,
    )
    return minutes


@transaction.atomic
def minutes_approve(*, minutes_id: int, by) -> Minutes:
    """Approve the minutes: one supervision item per resolution, minutes go to attendees."""
    from supervision.services import task_create_from

    minutes = Minutes.objects.select_for_update().select_related("meeting").get(pk=minutes_id)
    require_actor(perms.may_approve_minutes(by, minutes))
    minutes.require_transition(
        Minutes.Status.APPROVED, _("Only minutes awaiting approval can be approved.")
    )
    meeting = Meeting.objects.select_for_update().get(pk=minutes.meeting_id)
    meeting.require_transition(
        Meeting.Status.MINUTED, _("Only the minutes of a held meeting can be approved.")
    )
    minutes.status, minutes.approved_by, minutes.approved_at = Minutes.Status.APPROVED, by, now()
    minutes.save(update_fields=["status", "approved_by", "approved_at"])
    meeting.status = Meeting.Status.MINUTED
    meeting.save(update_fields=["status", "updated_at"])
    for resolution in minutes.resolutions.select_related("owner", "owner__department"):
        task_create_from(
            source=resolution,
            source_kind="resolution",
            title=resolution.content,
            description=_("Decided at “%(title)s” on %(date)s.")
            % {"title": meeting.title, "date": f"{localtime(meeting.start):%Y-%m-%d}"},
            owner=resolution.owner,
            owner_department=resolution.owner.department,
            deadline=resolution.deadline,
            assigned_by=by,
            source_label=f"{meeting.title} {localtime(meeting.start):%Y-%m-%d}",
        )
    audit(actor=by, verb="minutes.approved", target=meeting)
    cancel_minutes_reminders(meeting)
    people = [a.user for a in meeting.attendances.select_related("user")]
    notify(
        recipients=[*people, meeting.organiser],
        title=Message(gettext_noop("Minutes: %(title)s"), title=meeting.title),
        body=Message(gettext_noop("The minutes were approved by %(chair)s."), chair=by),
        url=minutes.get_absolute_url(),
        kind="meetings.minutes_published",
        actor=by,
    )
    return minutes
