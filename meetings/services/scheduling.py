"""Booking and scheduling: create (once or weekly), change, schedule, cancel, mark held.

The room rule is the database's: the exclusion constraint meeting_room_no_overlap. The
services check first so the user gets a friendly message; when two people race for the same
slot the constraint decides and its IntegrityError becomes the same DomainError.
"""

import datetime
import uuid
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import now
from django.utils.translation import gettext as _

from office.errors import DomainError, require_actor
from office.services import audit

from .. import permissions as perms
from .. import selectors
from ..models import AgendaItem, Attendance, Guest, Meeting, Room
from . import invitations
from .rooms import check_room_rules

CONSTRAINT = "meeting_room_no_overlap"


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


def _local(value: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(value)


def _slot(start, end) -> str:
    start, end = _local(start), _local(end)
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


class _RoomTaken(Exception):
    """The friendly check inside the transaction found the room taken."""


def _is_room_clash(exc: Exception) -> bool:
    """Our own check, or the exclusion constraint when a concurrent booking won the race."""
    if isinstance(exc, _RoomTaken):
        return True
    diag = getattr(exc.__cause__, "diag", None)
    return getattr(diag, "constraint_name", None) == CONSTRAINT


def _check_times(data: MeetingData, *, rules: bool = True) -> None:
    """`rules` False for 补录: a meeting that already took place breaks no booking rule."""
    if data.end <= data.start:
        raise DomainError(_("The meeting must end after it starts."))
    if not (data.room or data.place or data.online_link):
        raise DomainError(_("Choose a room, or give another place or an online link."))
    if data.room is not None and not data.room.active:
        raise DomainError(_("%(room)s cannot be booked.") % {"room": data.room})
    if data.room is not None and rules:
        check_room_rules(data.room, data.start, data.end)


def meeting_create(
    *, data: MeetingData, by, weeks: int = 1, schedule: bool = True, skip_clashes: bool = False
) -> list[Meeting]:
    """Create a meeting, or one per week for `weeks` weeks; all or none.

    A clash in any occurrence refuses the whole series and names the clashing dates, unless
    `skip_clashes`: then those weeks are left out (series.series_gaps lists them, and
    series.series_readd books one later when the room is free).
    """
    require_actor(perms.can_book(by))
    _check_times(data)
    if not 1 <= weeks <= 52:
        raise DomainError(_("A meeting can repeat for 1 to 52 weeks."))
    slots = [
        (data.start + datetime.timedelta(weeks=i), data.end + datetime.timedelta(weeks=i))
        for i in range(weeks)
    ]
    for start, end in slots[1:]:
        if data.room is not None:
            check_room_rules(data.room, start, end)
    if data.room is not None and schedule:
        clashing = [
            (start, end)
            for start, end in slots
            if selectors.conflicts(room=data.room, start=start, end=end).exists()
        ]
        if clashing and skip_clashes and weeks > 1 and len(clashing) < len(slots):
            slots = [slot for slot in slots if slot not in clashing]
        elif clashing:
            _raise_series_clash(data, clashing, weeks, by)
    try:
        return _create(data=data, by=by, slots=slots, schedule=schedule)
    except IntegrityError as exc:
        if not _is_room_clash(exc):
            raise
        clashing = [
            (start, end)
            for start, end in slots
            if selectors.conflicts(room=data.room, start=start, end=end).exists()
        ]
        _raise_series_clash(data, clashing or slots[:1], weeks, by)


def _raise_series_clash(data: MeetingData, clashing: list, weeks: int, by) -> None:
    start, end = clashing[0]
    message = conflict_message(room=data.room, start=start, end=end, seats=data.seats(), by=by)
    if weeks > 1:
        dates = "、".join(date_format(_local(s), "Y-m-d") for s, _e in clashing)
        message = (
            _("The series was not booked: the room is taken on %(dates)s.") % {"dates": dates}
            + " "
            + message
        )
    raise DomainError(message)


def _hold_room(room_id: int | None) -> None:
    """Book one room at a time: lock its row for the rest of the transaction.

    Two concurrent inserts that break an exclusion constraint can wait for each other and
    PostgreSQL then aborts one with a deadlock instead of the constraint's error; in turn
    the second booking sees the first and gets the friendly clash message.
    """
    if room_id is not None:
        Room.objects.select_for_update().filter(pk=room_id).values_list("pk").first()


@transaction.atomic
def _create(*, data: MeetingData, by, slots: list, schedule: bool) -> list[Meeting]:
    if schedule:
        _hold_room(data.room.pk if data.room else None)
    series = data.series or (uuid.uuid4() if len(slots) > 1 else None)
    created = []
    for start, end in slots:
        meeting = Meeting(organiser=by, series=series)
        _apply(meeting, data, start=start, end=end)
        meeting.save()
        _replace_agenda(meeting, data.agenda)
        _sync_attendees(meeting, data)
        _replace_guests(meeting, data.guests)
        audit(
            actor=by,
            verb="meeting.created",
            target=meeting,
            data={"start": start.isoformat(), "series": str(series) if series else ""},
        )
        created.append(meeting)
    if schedule:
        for meeting in created:
            schedule_locked(meeting, by=by)
    return created


def _apply(meeting: Meeting, data: MeetingData, *, start, end) -> None:
    meeting.title, meeting.kind = data.title, data.kind
    meeting.chair, meeting.recorder = data.chair, data.recorder
    meeting.room, meeting.place, meeting.online_link = data.room, data.place, data.online_link
    meeting.start, meeting.end, meeting.description = start, end, data.description


def _replace_agenda(meeting: Meeting, agenda: list[dict]) -> None:
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


def _replace_guests(meeting: Meeting, guests) -> None:
    meeting.guests.all().delete()
    Guest.objects.bulk_create(
        Guest(meeting=meeting, name=name, organisation=org) for name, org in guests
    )


def _sync_attendees(meeting: Meeting, data: MeetingData) -> tuple[list, list]:
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


def schedule_locked(meeting: Meeting, *, by, approved: bool = False) -> None:
    """Send a locked draft out. A room that needs approval is only requested (the chain's
    approval calls this again with `approved`); its approver books it directly."""
    room = meeting.room
    if (
        room is not None
        and room.needs_approval
        and not approved
        and not perms.may_approve_booking(by, room)
    ):
        from office.services.approvals import approval_start

        from ..approvals import RULE

        meeting.require_transition(
            Meeting.Status.AWAITING_ROOM, _("Only a draft meeting can be scheduled.")
        )
        meeting.status = Meeting.Status.AWAITING_ROOM
        meeting.save(update_fields=["status", "updated_at"])
        audit(actor=by, verb="meeting.room_requested", target=meeting)
        approval_start(rule=RULE, target=meeting, by=by)
        return
    if approved and room is not None:
        _hold_room(room.pk)
        clash = selectors.conflicts(
            room=room, start=meeting.start, end=meeting.end, exclude_pk=meeting.pk
        )
        if clash.exists():
            raise DomainError(
                conflict_message(
                    room=room,
                    start=meeting.start,
                    end=meeting.end,
                    seats=meeting.attendances.count(),
                    by=by,
                    exclude_pk=meeting.pk,
                )
            )
    meeting.require_transition(
        Meeting.Status.SCHEDULED, _("Only a draft meeting can be scheduled.")
    )
    meeting.status = Meeting.Status.SCHEDULED
    meeting.save(update_fields=["status", "updated_at"])
    audit(actor=by, verb="meeting.scheduled", target=meeting)
    people = [a.user for a in meeting.attendances.select_related("user")]
    invitations.invite(meeting, people, by=by)
    invitations.schedule_start_reminders(meeting)


def meeting_schedule(*, meeting_id: int, by) -> Meeting:
    """Send a draft out: it takes its room and the invitations go."""
    try:
        with transaction.atomic():
            meeting = (
                Meeting.objects.select_for_update(of=("self",))
                .select_related("room")
                .get(pk=meeting_id)
            )
            require_actor(perms.may_run(by, meeting))
            _hold_room(meeting.room_id)
            if (
                meeting.room_id
                and selectors.conflicts(
                    room=meeting.room, start=meeting.start, end=meeting.end, exclude_pk=meeting.pk
                ).exists()
            ):
                raise _RoomTaken
            schedule_locked(meeting, by=by)
            return meeting
    except (IntegrityError, _RoomTaken) as exc:
        if not _is_room_clash(exc):
            raise
        seats = meeting.attendances.count() + meeting.guests.count()
        raise DomainError(
            conflict_message(
                room=meeting.room,
                start=meeting.start,
                end=meeting.end,
                seats=seats,
                by=by,
                exclude_pk=meeting.pk,
            )
        ) from exc


def meeting_update(*, meeting_id: int, data: MeetingData, by) -> Meeting:
    """Change a draft or scheduled meeting; people who are invited hear of it (new SEQUENCE)."""
    _check_times(data)
    try:
        return _update(meeting_id=meeting_id, data=data, by=by)
    except (IntegrityError, _RoomTaken) as exc:
        if not _is_room_clash(exc):
            raise
        raise DomainError(
            conflict_message(
                room=data.room,
                start=data.start,
                end=data.end,
                seats=data.seats(),
                by=by,
                exclude_pk=meeting_id,
            )
        ) from exc


@transaction.atomic
def _update(*, meeting_id: int, data: MeetingData, by) -> Meeting:
    meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
    require_actor(perms.may_run(by, meeting))
    if meeting.status not in Meeting.EDITABLE:
        raise DomainError(_("Only draft or scheduled meetings can be changed."))
    scheduled = meeting.status == Meeting.Status.SCHEDULED
    moved_in = data.room is not None and data.room.pk != meeting.room_id
    if scheduled and moved_in and data.room.needs_approval:
        if not perms.may_approve_booking(by, data.room):
            raise DomainError(
                _("%(room)s needs its approver's approval: cancel this booking and book it anew.")
                % {"room": data.room}
            )
    if scheduled and data.room is not None:
        _hold_room(data.room.pk)
    if (
        scheduled
        and data.room is not None
        and selectors.conflicts(
            room=data.room, start=data.start, end=data.end, exclude_pk=meeting.pk
        ).exists()
    ):
        raise _RoomTaken
    _apply(meeting, data, start=data.start, end=data.end)
    if scheduled:
        meeting.sequence += 1
    meeting.save()
    _replace_agenda(meeting, data.agenda)
    added, removed = _sync_attendees(meeting, data)
    _replace_guests(meeting, data.guests)
    audit(actor=by, verb="meeting.changed", target=meeting)
    if scheduled:
        kept = [a.user for a in meeting.attendances.select_related("user") if a.user not in added]
        invitations.invite(meeting, added, by=by)
        invitations.announce_change(meeting, kept, by=by)
        invitations.withdraw(meeting, removed, by=by)
        invitations.schedule_start_reminders(meeting)
    return meeting


@transaction.atomic
def meeting_mark_held(*, meeting_id: int, by) -> Meeting:
    """The meeting took place: the minutes are now due (reminders to recorder, organiser).

    by=None is the system: the sweep that marks ended meetings held."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting_id)
    if by is not None:
        require_actor(perms.may_record(by, meeting))
    meeting.require_transition(
        Meeting.Status.HELD, _("Only a scheduled meeting can be marked as held.")
    )
    if meeting.start > now():
        raise DomainError(_("The meeting has not started yet."))
    meeting.status = Meeting.Status.HELD
    meeting.save(update_fields=["status", "updated_at"])
    audit(actor=by, verb="meeting.held", target=meeting)
    invitations.schedule_minutes_reminders(meeting)
    return meeting


def ended_meeting_ids() -> list[int]:
    """Scheduled meetings that are over: the periodic sweep marks them held."""
    return list(
        Meeting.objects.filter(status=Meeting.Status.SCHEDULED, end__lte=now()).values_list(
            "pk", flat=True
        )[:500]
    )
