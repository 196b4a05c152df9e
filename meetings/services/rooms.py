"""Meeting rooms: kept by the clerks."""

from django.db import transaction

from office.errors import require_actor
from office.services import audit

from .. import permissions as perms
from ..models import Room


@transaction.atomic
def room_save(*, room: Room, by) -> Room:
    """Create or change a room (a validated, unsaved or changed instance from the form)."""
    require_actor(perms.can_manage_rooms(by))
    created = room.pk is None
    room.save()
    audit(actor=by, verb="meeting_room.created" if created else "meeting_room.changed", target=room)
    return room
