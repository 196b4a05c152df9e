"""Room bookings that need approval (MRBS / Indico): the room's approver, else any clerk."""

from django.utils.translation import gettext_lazy as _

from office import approvals
from office.approvals import Step

RULE = "meetings.room_booking"


def steps_for(meeting) -> list[Step]:
    room = meeting.room
    if room is not None and room.approver_id:
        return [Step(_("Room approver"), person=room.approver, role="director")]
    return [Step.of_role("clerk", label=_("Room approver"))]


def _title(meeting) -> str:
    return _("Room booking: %(room)s, %(title)s") % {"room": meeting.room, "title": meeting.title}


def _approved(meeting, **kwargs) -> None:
    from meetings.services.rooms import room_booking_approved

    room_booking_approved(meeting, **kwargs)


def _returned(meeting, **kwargs) -> None:
    from meetings.services.rooms import room_booking_returned

    room_booking_returned(meeting, **kwargs)


approvals.register_rule(
    approvals.Rule(
        key=RULE,
        steps_for=steps_for,
        on_approved=_approved,
        on_returned=_returned,
        title=_title,
        notify_kind="meetings.room_booking_approval",
        todo_label=_("Room bookings to approve"),
    )
)
