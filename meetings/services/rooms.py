"""Meeting rooms: kept by the clerks. Room rules, approval of bookings, deactivation."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.errors import DomainError, require_actor
from office.i18n import Message
from office.services import audit, notify

from .. import permissions as perms
from .. import selectors
from ..models import Meeting, Room, new_sign_in_token


@transaction.atomic
def room_save(*, room: Room, by) -> Room:
    """Create or change a room (a validated, unsaved or changed instance from the form)."""
    require_actor(perms.can_manage_rooms(by))
    created = room.pk is None
    room.save()
    audit(actor=by, verb="meeting_room.created" if created else "meeting_room.changed", target=room)
    return room


@transaction.atomic
def room_door_renew(*, room_id: int, by) -> Room:
    """A new secret address for the room's door display; the old one stops working at once
    (a tablet lost or replaced, the address passed round)."""
    require_actor(perms.can_manage_rooms(by))
    room = Room.objects.select_for_update().get(pk=room_id)
    room.display_token = new_sign_in_token()
    room.save(update_fields=["display_token"])
    audit(actor=by, verb="meeting_room.door_renewed", target=room)
    return room


def check_room_rules(room: Room, start: datetime.datetime, end: datetime.datetime) -> None:
    """Bookable hours and how far ahead: a clear message naming the rule that is broken."""
    local_start, local_end = timezone.localtime(start), timezone.localtime(end)
    if room.opens_at or room.closes_at:
        opens = room.opens_at or datetime.time(0, 0)
        closes = room.closes_at or datetime.time(23, 59)
        outside = (
            local_start.date() != local_end.date()
            or local_start.time() < opens
            or local_end.time() > closes
        )
        if outside:
            raise DomainError(
                _("%(room)s can be booked only between %(opens)s and %(closes)s.")
                % {"room": room, "opens": f"{opens:%H:%M}", "closes": f"{closes:%H:%M}"}
            )
    if room.max_days_ahead is not None:
        last = timezone.localdate() + datetime.timedelta(days=room.max_days_ahead)
        if local_start.date() > last:
            raise DomainError(
                _("%(room)s can be booked at most %(days)s days ahead (until %(date)s).")
                % {"room": room, "days": room.max_days_ahead, "date": f"{last:%Y-%m-%d}"}
            )


def upcoming_meetings(room: Room):
    """What a room's deactivation is about: not yet over, not off."""
    return (
        Meeting.objects.filter(room=room, status__in=Meeting.UPCOMING, end__gt=timezone.now())
        .select_related("organiser")
        .order_by("start")
    )


@transaction.atomic
def room_deactivate(
    *, room_id: int, by, cancel_meetings: bool, reason: str = "", move_to: Room | None = None
) -> int:
    """The room takes no more bookings; its upcoming meetings are cancelled with notice to
    everyone invited (and their guests' visits), moved to `move_to` (all or none, everyone
    invited told), or kept; returns how many were cancelled or moved."""
    from .cancelling import cancel_locked

    require_actor(perms.can_manage_rooms(by))
    room = Room.objects.select_for_update().get(pk=room_id)
    reason = (reason or "").strip()
    if cancel_meetings and not reason:
        raise DomainError(_("Please say why the meetings are cancelled; everyone invited is told."))
    room.active = False
    room.save(update_fields=["active"])
    changed = 0
    if cancel_meetings:
        text = _("%(room)s is no longer available: %(reason)s") % {"room": room, "reason": reason}
        for meeting in upcoming_meetings(room).select_for_update(of=("self",)):
            cancel_locked(meeting, by=by, reason=text)
            changed += 1
    elif move_to is not None:
        changed = _move_all(room, move_to, by=by)
    audit(
        actor=by,
        verb="meeting_room.deactivated",
        target=room,
        data={
            "reason": reason,
            "cancelled" if cancel_meetings else "moved": changed,
            "moved_to": move_to.pk if move_to is not None and not cancel_meetings else None,
        },
    )
    return changed


def _move_all(room: Room, target: Room, *, by) -> int:
    """Every upcoming meeting of `room` into `target`, or none: the first that cannot move
    stops it with a message naming the meeting (the caller's transaction keeps nothing)."""
    from . import invitations
    from .clashes import hold_room

    target = Room.objects.select_for_update().get(pk=target.pk)
    if target.pk == room.pk or not target.active:
        raise DomainError(_("%(room)s cannot be booked.") % {"room": target})
    if target.needs_approval and not perms.may_approve_booking(by, target):
        raise DomainError(
            _("%(room)s needs its approver's approval; ask them, or choose another room.")
            % {"room": target}
        )
    hold_room(target.pk)
    meetings = list(
        upcoming_meetings(room)
        .select_for_update(of=("self",))
        .prefetch_related("attendances__user", "guests")
    )
    for meeting in meetings:
        when = f"{timezone.localtime(meeting.start):%m-%d %H:%M}"
        if meeting.status == Meeting.Status.AWAITING_ROOM:
            raise DomainError(
                _("%(meeting)s (%(when)s) awaits approval of its booking: decide it first.")
                % {"meeting": meeting.title, "when": when}
            )
        people = [attendance.user for attendance in meeting.attendances.all()]
        seats = len(people) + len(meeting.guests.all())
        if seats > target.capacity:
            raise DomainError(
                _("%(meeting)s (%(when)s) has %(n)s people; %(room)s seats %(seats)s.")
                % {
                    "meeting": meeting.title,
                    "when": when,
                    "n": seats,
                    "room": target,
                    "seats": target.capacity,
                }
            )
        if selectors.conflicts(room=target, start=meeting.start, end=meeting.end).exists():
            raise DomainError(
                _("%(room)s is taken at %(when)s (%(meeting)s): nothing was moved.")
                % {"room": target, "when": when, "meeting": meeting.title}
            )
        meeting.room = target
        if meeting.status == Meeting.Status.SCHEDULED:
            meeting.sequence += 1
        meeting.save(update_fields=["room", "sequence"])
        audit(actor=by, verb="meeting.changed", target=meeting, data={"room": str(target)})
        if meeting.status == Meeting.Status.SCHEDULED:
            invitations.announce_change(meeting, people, by=by)
    return len(meetings)


def room_booking_approved(meeting: Meeting, *, by, chain) -> None:
    """The room's approver said yes: the meeting takes its room and the invitations go."""
    from .scheduling import schedule_locked

    meeting = (
        Meeting.objects.select_for_update(of=("self",)).select_related("room").get(pk=meeting.pk)
    )
    schedule_locked(meeting, by=by, approved=True)


def room_booking_returned(meeting: Meeting, *, by, reason: str, chain) -> None:
    """The room's approver said no: the meeting is a draft again and the organiser is told."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    meeting.require_transition(Meeting.Status.DRAFT, _("This booking no longer awaits approval."))
    meeting.status = Meeting.Status.DRAFT
    meeting.save(update_fields=["status", "updated_at"])
    audit(actor=by, verb="meeting.room_refused", target=meeting, data={"reason": reason})
    notify(
        recipients=[meeting.organiser],
        title=Message(gettext_noop("Room booking refused: %(title)s"), title=meeting.title),
        body=reason,
        url=meeting.get_absolute_url(),
        kind="meetings.room_refused",
        actor=by,
    )
