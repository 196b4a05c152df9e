"""补录: a meeting that took place without a booking (a phone call with the leaders, an
on-site meeting) is entered afterwards, held, with who was there; then minutes as usual."""

from django.db import IntegrityError, transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _

from office.errors import DomainError, require_actor
from office.services import audit

from .. import permissions as perms
from .. import selectors
from ..models import Attendance, Meeting
from .clashes import conflict_message, hold_room, is_room_clash
from .details import (
    MeetingData,
    apply_details,
    check_times,
    replace_agenda,
    replace_guests,
    sync_attendees,
)


def meeting_record_afterwards(*, data: MeetingData, present: list, by) -> Meeting:
    """Enter a held meeting: no invitations go out; the people present are marked present
    by the recorder, everyone else on the list is not recorded yet."""
    require_actor(
        perms.may_record_afterwards(by), _("Only the office's clerks record meetings afterwards.")
    )
    check_times(data, rules=False)
    if data.end > now():
        raise DomainError(_("A meeting recorded afterwards must already have ended."))
    if not present:
        raise DomainError(_("Say who was present."))
    try:
        return _record(data=data, present=present, by=by)
    except IntegrityError as exc:
        if not is_room_clash(exc):
            raise
        raise DomainError(
            conflict_message(
                room=data.room, start=data.start, end=data.end, seats=data.seats(), by=by
            )
        ) from exc


@transaction.atomic
def _record(*, data: MeetingData, present: list, by) -> Meeting:
    if data.room is not None:
        hold_room(data.room.pk)
        if selectors.conflicts(room=data.room, start=data.start, end=data.end).exists():
            raise DomainError(
                conflict_message(
                    room=data.room, start=data.start, end=data.end, seats=data.seats(), by=by
                )
            )
    data.required = list(dict.fromkeys([*data.required, *present]))
    meeting = Meeting(organiser=by, status=Meeting.Status.HELD, recorded_afterwards=True)
    apply_details(meeting, data, start=data.start, end=data.end)
    meeting.save()
    replace_agenda(meeting, data.agenda)
    sync_attendees(meeting, data)
    replace_guests(meeting, data.guests)
    # marked by the recorder, not scanned: no sign-in time
    meeting.attendances.filter(user__in=present).update(presence=Attendance.Presence.PRESENT)
    audit(
        actor=by,
        verb="meeting.recorded_afterwards",
        target=meeting,
        data={"start": data.start.isoformat(), "present": len(present)},
    )
    return meeting
