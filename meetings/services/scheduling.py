"""Booking and scheduling: create (once or weekly), change, schedule, mark held.

Room clashes are services.clashes' (the database's exclusion constraint decides); what the
organiser fills in and how it lands on a meeting is services.details'.
"""

import datetime
import uuid

from django.db import IntegrityError, transaction
from django.utils.formats import date_format
from django.utils.timezone import now
from django.utils.translation import gettext as _

from office.errors import DomainError, require_actor
from office.services import audit

from .. import permissions as perms
from .. import selectors
from ..models import Meeting
from . import invitations
from .clashes import RoomTaken, conflict_message, hold_room, is_room_clash, local
from .details import (
    MeetingData,
    apply_details,
    check_times,
    replace_agenda,
    replace_guests,
    sync_attendees,
)
from .rooms import check_room_rules


def meeting_create(
    *, data: MeetingData, by, weeks: int = 1, schedule: bool = True, skip_clashes: bool = False
) -> list[Meeting]:
    """Create a meeting, or one per week for `weeks` weeks; all or none.

    A clash in any occurrence refuses the whole series and names the clashing dates, unless
    `skip_clashes`: then those weeks are left out (series.series_gaps lists them, and
    series.series_readd books one later when the room is free).
    """
    require_actor(perms.can_book(by))
    check_times(data)
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
        if not is_room_clash(exc):
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
        dates = "、".join(date_format(local(s), "Y-m-d") for s, _e in clashing)
        message = (
            _("The series was not booked: the room is taken on %(dates)s.") % {"dates": dates}
            + " "
            + message
        )
    raise DomainError(message)


@transaction.atomic
def _create(*, data: MeetingData, by, slots: list, schedule: bool) -> list[Meeting]:
    if schedule:
        hold_room(data.room.pk if data.room else None)
    series = data.series or (uuid.uuid4() if len(slots) > 1 else None)
    created = []
    for start, end in slots:
        meeting = Meeting(organiser=by, series=series)
        apply_details(meeting, data, start=start, end=end)
        meeting.save()
        replace_agenda(meeting, data.agenda)
        sync_attendees(meeting, data)
        replace_guests(meeting, data.guests)
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
        hold_room(room.pk)
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
            hold_room(meeting.room_id)
            if (
                meeting.room_id
                and selectors.conflicts(
                    room=meeting.room, start=meeting.start, end=meeting.end, exclude_pk=meeting.pk
                ).exists()
            ):
                raise RoomTaken
            schedule_locked(meeting, by=by)
            return meeting
    except (IntegrityError, RoomTaken) as exc:
        if not is_room_clash(exc):
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
    check_times(data)
    try:
        return _update(meeting_id=meeting_id, data=data, by=by)
    except (IntegrityError, RoomTaken) as exc:
        if not is_room_clash(exc):
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
        hold_room(data.room.pk)
    if (
        scheduled
        and data.room is not None
        and selectors.conflicts(
            room=data.room, start=data.start, end=data.end, exclude_pk=meeting.pk
        ).exists()
    ):
        raise RoomTaken
    apply_details(meeting, data, start=data.start, end=data.end)
    if scheduled:
        meeting.sequence += 1
    meeting.save()
    replace_agenda(meeting, data.agenda)
    added, removed = sync_attendees(meeting, data)
    replace_guests(meeting, data.guests)
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
