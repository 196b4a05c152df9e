"""Replies to invitations, sign-in at the meeting and the recorder's attendance list."""

import datetime
import secrets

from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.errors import DomainError, NotAllowed, require_actor
from office.i18n import Message
from office.services import audit, notify

from .. import conf
from .. import permissions as perms
from ..models import Attendance, Meeting
from .invitations import schedule_start_reminders


@transaction.atomic
def invitation_reply(*, meeting_id: int, user, response: str, reason: str = "") -> Attendance:
    """Accept or decline (with a reason); the organiser sees it and is told of declines."""
    attendance = (
        Attendance.objects.select_for_update()
        .select_related("meeting", "meeting__organiser")
        .filter(meeting_id=meeting_id, user=user)
        .first()
    )
    if attendance is None:
        raise NotAllowed(_("You are not on the list of attendees of this meeting."))
    meeting = attendance.meeting
    if meeting.status != Meeting.Status.SCHEDULED or meeting.end <= now():
        raise DomainError(_("This meeting no longer takes replies."))
    if response not in (Attendance.Response.ACCEPTED, Attendance.Response.DECLINED):
        raise DomainError(_("Please accept or decline."))
    reason = (reason or "").strip()
    if response == Attendance.Response.DECLINED and not reason:
        raise DomainError(_("Please say why you cannot attend."))
    attendance.response, attendance.reason, attendance.responded_at = response, reason, now()
    attendance.save(update_fields=["response", "reason", "responded_at"])
    audit(
        actor=user, verb=f"meeting.invitation_{response}", target=meeting, data={"reason": reason}
    )
    if response == Attendance.Response.DECLINED:
        notify(
            recipients=[meeting.organiser],
            title=Message(
                gettext_noop("%(person)s declined: %(title)s"), person=user, title=meeting.title
            ),
            body=reason,
            url=meeting.get_absolute_url(),
            kind="meetings.declined",
            actor=user,
            email=False,
        )
    schedule_start_reminders(meeting)
    return attendance


def sign_in_window(meeting: Meeting) -> tuple[datetime.datetime, datetime.datetime]:
    return meeting.start - datetime.timedelta(minutes=conf.sign_in_opens_minutes()), meeting.end


@transaction.atomic
def sign_in(*, meeting_id: int, user, token: str) -> Attendance:
    """签到 from the QR code on the room screen: only invitees, only around the meeting."""
    meeting = Meeting.objects.get(pk=meeting_id)
    # compared as bytes: compare_digest refuses non-ASCII str (a forged token is just wrong)
    given = str(token or "").encode("utf-8", "replace")
    if not secrets.compare_digest(given, meeting.sign_in_token.encode()):
        raise DomainError(_("This sign-in link is not valid. Please scan the code again."))
    attendance = Attendance.objects.select_for_update().filter(meeting=meeting, user=user).first()
    if attendance is None:
        raise NotAllowed(_("You are not on the list of attendees of this meeting."))
    opens, closes = sign_in_window(meeting)
    if meeting.status not in (Meeting.Status.SCHEDULED, Meeting.Status.HELD) or not (
        opens <= now() <= closes
    ):
        raise DomainError(
            _("Sign-in is open from %(minutes)s minutes before the start until the end.")
            % {"minutes": conf.sign_in_opens_minutes()}
        )
    if attendance.presence != Attendance.Presence.SIGNED_IN:
        attendance.presence, attendance.signed_in_at = Attendance.Presence.SIGNED_IN, now()
        attendance.absence_reason = ""
        attendance.save(update_fields=["presence", "signed_in_at", "absence_reason"])
        audit(actor=user, verb="meeting.signed_in", target=meeting)
    return attendance


# What the recorder may mark; 签到 (signed_in) comes only from scanning the code.
MARKS = (
    Attendance.Presence.UNKNOWN,
    Attendance.Presence.PRESENT,
    Attendance.Presence.EXCUSED,
    Attendance.Presence.ABSENT,
    Attendance.Presence.OBSERVER,
)


@transaction.atomic
def attendance_record(
    *, meeting_id: int, by, presence: dict[int, str], reasons: dict[int, str] | None = None
) -> int:
    """The recorder marks present / excused (with a reason) / absent / sat in; returns how
    many rows changed. A scanned sign-in stays one unless the recorder marks otherwise."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
    require_actor(perms.may_record(by, meeting))
    if meeting.status not in (Meeting.Status.SCHEDULED, Meeting.Status.HELD):
        raise DomainError(_("Attendance can no longer be changed."))
    reasons = reasons or {}
    changed = 0
    for attendance in meeting.attendances.select_for_update().select_related("user"):
        value = presence.get(attendance.user_id)
        reason = (reasons.get(attendance.user_id) or "").strip()[:300]
        if value is None:
            continue
        if value == attendance.presence and (
            value != Attendance.Presence.EXCUSED
            or not reason
            or reason == attendance.absence_reason
        ):
            continue
        if value not in MARKS:
            raise DomainError(_("Unknown attendance value."))
        if value == Attendance.Presence.EXCUSED:
            reason = reason or attendance.reason  # the reason they gave when declining
            if not reason:
                raise DomainError(
                    _("Please give the reason why %(person)s is excused.")
                    % {"person": attendance.user}
                )
        attendance.presence = value
        attendance.absence_reason = reason if value == Attendance.Presence.EXCUSED else ""
        # marked by the recorder: not a sign-in, so no sign-in time (it was never scanned)
        attendance.signed_in_at = None
        attendance.save(update_fields=["presence", "signed_in_at", "absence_reason"])
        changed += 1
    if changed:
        audit(actor=by, verb="meeting.attendance_recorded", target=meeting, data={"rows": changed})
    return changed
