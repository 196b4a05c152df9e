"""Room clashes: the friendly message, telling a clash from other errors, holding a room.

The room rule is the database's: the exclusion constraint meeting_room_no_overlap. The
services check first so the user gets a friendly message; when two people race for the same
slot the constraint decides and its IntegrityError becomes the same DomainError.
"""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from office.db import violates

from .. import selectors
from ..models import Room

CONSTRAINT = "meeting_room_no_overlap"


def local(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value)


def _slot(start, end) -> str:
    start, end = local(start), local(end)
    return f"{date_format(start, 'Y-m-d')} {start:%H:%M}–{end:%H:%M}"


def conflict_message(*, room: Room, start, end, seats: int, by, exclude_pk=None) -> str:
    """Which meeting is in the way (by title if `by` may see it) and which rooms are free."""
    clash = selectors.conflicts(room=room, start=start, end=end, exclude_pk=exclude_pk).first()
    if clash is None:
        what = _("another booking")
    elif selectors.meetings_for(by).filter(pk=clash.pk).exists():
        what = _("“%(title)s” (%(slot)s, organised by %(organiser)s)") % {
            "title": clash.title,
            "slot": _slot(clash.start, clash.end),
            "organiser": clash.organiser,
        }
    else:
        what = _("a meeting organised by %(organiser)s (%(slot)s)") % {
            "organiser": clash.organiser,
            "slot": _slot(clash.start, clash.end),
        }
    message = _("%(room)s is already booked for %(what)s.") % {"room": room, "what": what}
    free = selectors.free_rooms(start=start, end=end, seats=seats, exclude_room=room)
    if free:
        names = "、".join(
            _("%(room)s (%(seats)s seats)") % {"room": r, "seats": r.capacity} for r in free
        )
        return (
            message + " " + _("Free at that time with enough seats: %(rooms)s.") % {"rooms": names}
        )
    return message + " " + _("No other room with enough seats is free at that time.")


class RoomTaken(Exception):
    """The friendly check inside the transaction found the room taken."""


def is_room_clash(exc: Exception) -> bool:
    """Our own check, or the exclusion constraint when a concurrent booking won the race."""
    return isinstance(exc, RoomTaken) or violates(exc, CONSTRAINT)


def hold_room(room_id: int | None) -> None:
    """Book one room at a time: lock its row for the rest of the transaction.

    Two concurrent inserts that break an exclusion constraint can wait for each other and
    PostgreSQL then aborts one with a deadlock instead of the constraint's error; in turn
    the second booking sees the first and gets the friendly clash message.
    """
    if room_id is not None:
        Room.objects.select_for_update().filter(pk=room_id).values_list("pk").first()
