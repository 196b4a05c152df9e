"""Reads, always scoped to the user: out-of-scope meetings simply are not there (404)."""

import datetime

from django.db.models import BooleanField, Exists, OuterRef, Q, QuerySet, Value
from django.utils import timezone
from django.utils.timezone import now

from office.calendar import CalendarEvent
from office.roles import has_role

from .models import AgendaItem, Attendance, Meeting, Minutes, Room


def _invited(user) -> Exists:
    return Exists(Attendance.objects.filter(meeting=OuterRef("pk"), user=user))


def _scope(user) -> Q:
    """Invitees, organiser, chair and recorder see a meeting; the director sees them all."""
    return Q(organiser=user) | Q(chair=user) | Q(recorder=user) | Q(_invited(user))


def meetings_for(user) -> QuerySet[Meeting]:
    meetings = Meeting.objects.all()
    if not user.is_authenticated:
        return meetings.none()
    if has_role(user, "director"):
        return meetings
    return meetings.filter(_scope(user))


def meeting_list_for(user, *, status: str = "", when: str = "", q: str = "") -> QuerySet[Meeting]:
    """The meeting list: upcoming first by default, with what each row shows in one query."""
    meetings = meetings_for(user).select_related("room", "organiser", "chair")
    if status in Meeting.Status.values:
        meetings = meetings.filter(status=status)
    if when == "past":
        meetings = meetings.filter(end__lt=now()).order_by("-start", "-id")
    elif when == "upcoming":
        meetings = meetings.filter(end__gte=now()).order_by("start", "id")
    else:
        meetings = meetings.order_by("-start", "-id")
    if q:
        on_agenda = AgendaItem.objects.filter(meeting=OuterRef("pk"), title__icontains=q)
        meetings = meetings.filter(Q(title__icontains=q) | Q(Exists(on_agenda)))
    return meetings


def meeting_detail_for(user, pk: int) -> Meeting:
    """One meeting in scope, with everything its page shows (raises Meeting.DoesNotExist)."""
    return meetings_for(user).select_related("room", "organiser", "chair", "recorder").get(pk=pk)


def booking_awaiting(user, pk: int) -> Meeting | None:
    """A booking of a room that needs approval, when `user` decides its current step."""
    from office.approvals import steps_awaiting

    from .approvals import RULE

    step = steps_awaiting(user, rule=RULE).filter(chain__target_id=str(pk)).first()
    if step is None:
        return None
    return (
        Meeting.objects.filter(pk=pk, status=Meeting.Status.AWAITING_ROOM)
        .select_related("room", "organiser", "chair", "recorder")
        .first()
    )


def attendances_of(meeting: Meeting) -> QuerySet[Attendance]:
    return meeting.attendances.select_related("user", "user__department").order_by(
        "-required", "user__username"
    )


def minutes_of(meeting: Meeting) -> Minutes | None:
    return Minutes.objects.filter(meeting=meeting).select_related("meeting").first()


def bookings_between(user, start: datetime.datetime, end: datetime.datetime):
    """Every room's active bookings in [start, end); `visible` says whether the user may
    see what the meeting is (others see only that the room is taken, and by whom)."""
    bookings = Meeting.objects.filter(
        status__in=Meeting.ACTIVE, room__isnull=False, start__lt=end, end__gt=start
    ).select_related("organiser")
    if has_role(user, "director"):
        visible = Value(True, output_field=BooleanField())
    else:
        visible = Exists(Meeting.objects.filter(_scope(user), pk=OuterRef("pk")))
    return bookings.annotate(visible=visible).order_by("start")


def conflicts(*, room: Room, start, end, exclude_pk: int | None = None) -> QuerySet[Meeting]:
    """Active meetings in `room` that overlap [start, end)."""
    clashes = Meeting.objects.filter(
        room=room, status__in=Meeting.ACTIVE, start__lt=end, end__gt=start
    )
    if exclude_pk:
        clashes = clashes.exclude(pk=exclude_pk)
    return clashes.select_related("organiser").order_by("start")


def free_rooms(*, start, end, seats: int, exclude_room: Room | None = None) -> list[Room]:
    """Bookable rooms with enough seats and nothing active in [start, end)."""
    busy = Meeting.objects.filter(
        room=OuterRef("pk"), status__in=Meeting.ACTIVE, start__lt=end, end__gt=start
    )
    rooms = Room.objects.filter(active=True, capacity__gte=seats).exclude(Exists(busy))
    if exclude_room is not None:
        rooms = rooms.exclude(pk=exclude_room.pk)
    return list(rooms.order_by("capacity", "order", "name")[:5])


def invitations_awaiting(user) -> QuerySet[Attendance]:
    """To-do: invitations to upcoming scheduled meetings that the user has not answered."""
    return Attendance.objects.filter(
        user=user,
        response=Attendance.Response.PENDING,
        meeting__status=Meeting.Status.SCHEDULED,
        meeting__end__gt=now(),
    ).select_related("meeting")


def minutes_to_draft(user) -> QuerySet[Meeting]:
    """To-do: held meetings whose minutes the user records and has not yet submitted."""
    return Meeting.objects.filter(recorder=user, status=Meeting.Status.HELD).exclude(
        minutes__status__in=[Minutes.Status.SUBMITTED, Minutes.Status.APPROVED]
    )


def minutes_to_approve(user) -> QuerySet[Minutes]:
    return Minutes.objects.filter(
        meeting__chair=user, status=Minutes.Status.SUBMITTED
    ).select_related("meeting")


def calendar_events_for(user) -> list[CalendarEvent]:
    """The user's meetings from 30 days ago to 180 days ahead, for the calendar feed."""
    today = now()
    meetings = (
        Meeting.objects.filter(
            _scope(user),
            status__in=[*Meeting.ACTIVE, Meeting.Status.CANCELLED],
            start__gte=today - datetime.timedelta(days=30),
            start__lte=today + datetime.timedelta(days=180),
        )
        .exclude(
            Exists(
                Attendance.objects.filter(
                    meeting=OuterRef("pk"), user=user, response=Attendance.Response.DECLINED
                )
            )
        )
        .select_related("room")
    )
    return [calendar_event(meeting) for meeting in meetings]


def calendar_event(meeting: Meeting) -> CalendarEvent:
    return CalendarEvent(
        uid=meeting.calendar_uid,
        start=meeting.start,
        end=meeting.end,
        summary=meeting.title,
        location=meeting.location,
        description=meeting.description,
        url=meeting.get_absolute_url(),  # made absolute by office.calendar
        sequence=meeting.sequence,
        cancelled=meeting.status == Meeting.Status.CANCELLED,
    )


def door_display(room: Room) -> dict:
    """The tablet at the door: today's bookings, the one on now and the next one (no
    titles: the corridor is not the meeting's audience)."""
    moment = now()
    today = timezone.localdate()
    midnight = timezone.make_aware(datetime.datetime.combine(today, datetime.time()))
    active = Meeting.objects.filter(room=room, status__in=Meeting.ACTIVE).select_related(
        "organiser__department"
    )
    today_list = list(
        active.filter(start__lt=midnight + datetime.timedelta(days=1), end__gt=midnight).order_by(
            "start"
        )
    )
    current = next((m for m in today_list if m.start <= moment < m.end), None)
    upcoming = active.filter(start__gt=moment).order_by("start").first()
    return {"today": today_list, "current": current, "next": upcoming, "now": moment}


def meetings_of_people(user_ids, *, start, end) -> list[tuple[int, Meeting]]:
    """(person, meeting) for each meeting in [start, end) that one of `user_ids` chairs or is
    invited to and has not declined: what a leader's schedule gathers. Unscoped: the caller
    masks what a viewer may not open with meetings_for(viewer)."""
    window = Q(start__lt=end, end__gt=start, status__in=Meeting.ACTIVE)
    pairs = [
        (m.chair_id, m)
        for m in Meeting.objects.filter(window, chair_id__in=user_ids).select_related("room")
    ]
    attending = (
        Attendance.objects.filter(
            user_id__in=user_ids, meeting__start__lt=end, meeting__end__gt=start
        )
        .filter(meeting__status__in=Meeting.ACTIVE)
        .exclude(response=Attendance.Response.DECLINED)
        .select_related("meeting", "meeting__room")
    )
    seen = {(person, m.pk) for person, m in pairs}
    pairs += [(a.user_id, a.meeting) for a in attending if (a.user_id, a.meeting_id) not in seen]
    return pairs


def minuted_for_chronicle(since) -> QuerySet[Minutes]:
    """Minutes approved since `since`, with their meeting (the chronicle's sweep suggests each
    minuted meeting once)."""
    return (
        Minutes.objects.filter(status=Minutes.Status.APPROVED, approved_at__gte=since)
        .select_related("meeting")
        .order_by("approved_at", "pk")
    )
