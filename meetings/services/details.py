"""What the organiser fills in (MeetingData), its checks, and writing it onto a meeting:
the part that booking, changing and 补录 (services.afterwards) share."""

import datetime
import uuid
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from office.errors import DomainError

from ..models import AgendaItem, Attendance, Guest, Meeting, Room
from .rooms import check_room_rules


@dataclass
class MeetingData:
    """What the organiser fills in; the same for creating and changing a meeting."""

    title: str
    kind: str
    chair: object
    recorder: object
    start: datetime.datetime
    end: datetime.datetime
    room: Room | None = None
    place: str = ""
    online_link: str = ""
    description: str = ""
    required: list = field(default_factory=list)
    optional: list = field(default_factory=list)
    guests: list[tuple[str, str]] = field(default_factory=list)  # (name, organisation)
    agenda: list[dict] = field(default_factory=list)  # title, presenter, minutes_allotted, ...
    series: uuid.UUID | None = None  # series.series_readd books into an existing series

    def invitees(self) -> dict:
        """user -> required?; the chair and the recorder always attend."""
        people = {user: False for user in self.optional}
        people.update({user: True for user in self.required})
        people[self.chair] = True
        people[self.recorder] = True
        return people

    def seats(self) -> int:
        return len(self.invitees()) + len(self.guests)


def check_times(data: MeetingData, *, rules: bool = True) -> None:
    """`rules` False for 补录: a meeting that already took place breaks no booking rule."""
    if data.end <= data.start:
        raise DomainError(_("The meeting must end after it starts."))
    if not (data.room or data.place or data.online_link):
        raise DomainError(_("Choose a room, or give another place or an online link."))
    if data.room is not None and not data.room.active:
        raise DomainError(_("%(room)s cannot be booked.") % {"room": data.room})
    if data.room is not None and rules:
        check_room_rules(data.room, data.start, data.end)


def apply_details(meeting: Meeting, data: MeetingData, *, start, end) -> None:
    meeting.title, meeting.kind = data.title, data.kind
    meeting.chair, meeting.recorder = data.chair, data.recorder
    meeting.room, meeting.place, meeting.online_link = data.room, data.place, data.online_link
    meeting.start, meeting.end, meeting.description = start, end, data.description


def replace_agenda(meeting: Meeting, agenda: list[dict]) -> None:
    """Update the items in place (their materials stay attached), add or drop the rest."""
    items = list(meeting.agenda_items.order_by("order", "id"))
    for order, values in enumerate(agenda, 1):
        if order <= len(items):
            item = items[order - 1]
            item.order = order
            for name, value in values.items():
                setattr(item, name, value)
            item.save()
        else:
            AgendaItem.objects.create(meeting=meeting, order=order, **values)
    for item in items[len(agenda) :]:
        item.delete()


def replace_guests(meeting: Meeting, guests) -> None:
    meeting.guests.all().delete()
    Guest.objects.bulk_create(
        Guest(meeting=meeting, name=name, organisation=org) for name, org in guests
    )


def sync_attendees(meeting: Meeting, data: MeetingData) -> tuple[list, list]:
    """Make the attendance rows match the invitees; returns (added users, removed users)."""
    wanted = data.invitees()
    existing = {a.user_id: a for a in meeting.attendances.select_related("user")}
    removed = [a.user for uid, a in existing.items() if uid not in {u.pk for u in wanted}]
    meeting.attendances.filter(user__in=removed).delete()
    added = []
    for user, required in wanted.items():
        attendance = existing.get(user.pk)
        if attendance is None:
            Attendance.objects.create(meeting=meeting, user=user, required=required)
            added.append(user)
        elif attendance.required != required:
            attendance.required = required
            attendance.save(update_fields=["required"])
    return added, removed
