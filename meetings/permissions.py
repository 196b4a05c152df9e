"""Who may do what to a meeting. Views and templates ask the same predicates.

Each predicate assumes the meeting is already in the user's scope (selectors.meetings_for);
out-of-scope meetings are 404 before any of these is asked. The `may_*` predicates ask only
who (the services check them and refuse the wrong actor, whatever the state); the `can_*`
ones ask who and when (views and buttons).
"""

from django.utils.timezone import now

from office.roles import has_role

from .models import Meeting, Minutes


def can_manage_rooms(user) -> bool:
    return has_role(user, "clerk", "director") or bool(user.is_superuser)


def can_book(user) -> bool:
    """Every active member of staff may book a room and organise a meeting."""
    return bool(user.is_authenticated and user.is_active)


def may_record_afterwards(user) -> bool:
    """补录: the office's clerks (and the director) enter meetings held without a booking."""
    return has_role(user, "clerk", "director")


def may_approve_booking(user, room) -> bool:
    """A room that needs approval: its named approver, else any clerk (a director always)."""
    if has_role(user, "director"):
        return True
    if room.approver_id:
        return user.pk == room.approver_id
    return has_role(user, "clerk")


def _runs(user, meeting: Meeting) -> bool:
    return user.pk == meeting.organiser_id or has_role(user, "director")


# who


def may_run(user, meeting: Meeting) -> bool:
    """Change, schedule, cancel, pre-register guests: the organiser or a director."""
    return _runs(user, meeting)


def may_record(user, meeting: Meeting) -> bool:
    """Mark held, record attendance: who runs it, or its recorder."""
    return _runs(user, meeting) or user.pk == meeting.recorder_id


def may_write_minutes(user, meeting: Meeting) -> bool:
    return user.pk == meeting.recorder_id


def may_approve_minutes(user, minutes: Minutes) -> bool:
    return user.pk == minutes.meeting.chair_id


def may_manage_materials(user, meeting: Meeting) -> bool:
    return _runs(user, meeting) or user.pk in (meeting.chair_id, meeting.recorder_id)


# who and when


def can_edit_meeting(user, meeting: Meeting) -> bool:
    return _runs(user, meeting) and meeting.status in Meeting.EDITABLE


def can_schedule_meeting(user, meeting: Meeting) -> bool:
    return _runs(user, meeting) and meeting.can_become(Meeting.Status.SCHEDULED)


def can_cancel_meeting(user, meeting: Meeting) -> bool:
    return _runs(user, meeting) and meeting.can_become(Meeting.Status.CANCELLED)


def can_preregister_guests(user, meeting: Meeting) -> bool:
    return (
        _runs(user, meeting)
        and meeting.status == Meeting.Status.SCHEDULED
        and meeting.guests_preregistered_at is None
    )


def can_mark_held(user, meeting: Meeting) -> bool:
    return (
        may_record(user, meeting)
        and meeting.can_become(Meeting.Status.HELD)
        and meeting.start <= now()
    )


def can_record_attendance(user, meeting: Meeting) -> bool:
    """The recorder (or organiser) marks who came, until the minutes are approved."""
    return may_record(user, meeting) and meeting.status in (
        Meeting.Status.SCHEDULED,
        Meeting.Status.HELD,
    )


def can_run_sign_in_screen(user, meeting: Meeting) -> bool:
    return can_record_attendance(user, meeting) or user.pk == meeting.chair_id


def can_reply(user, meeting: Meeting, attendance) -> bool:
    return (
        attendance is not None
        and attendance.user_id == user.pk
        and meeting.status == Meeting.Status.SCHEDULED
        and meeting.end > now()
    )


def can_sign_in(user, meeting: Meeting, attendance) -> bool:
    return (
        attendance is not None
        and attendance.user_id == user.pk
        and meeting.status in (Meeting.Status.SCHEDULED, Meeting.Status.HELD)
    )


def can_write_minutes(user, meeting: Meeting, minutes: Minutes | None) -> bool:
    return (
        may_write_minutes(user, meeting)
        and meeting.status == Meeting.Status.HELD
        and (minutes is None or minutes.status == Minutes.Status.DRAFT)
    )


def can_approve_minutes(user, minutes: Minutes | None) -> bool:
    return (
        minutes is not None
        and minutes.status == Minutes.Status.SUBMITTED
        and may_approve_minutes(user, minutes)
    )


def can_read_minutes(user, meeting: Meeting, minutes: Minutes | None) -> bool:
    """Approved minutes go to everyone in scope; drafts only to the people who make them."""
    if minutes is None:
        return False
    if minutes.status == Minutes.Status.APPROVED:
        return True
    return user.pk in (meeting.recorder_id, meeting.chair_id, meeting.organiser_id) or has_role(
        user, "director"
    )


def can_manage_materials(user, meeting: Meeting) -> bool:
    """The organiser, chair, recorder and director add and remove materials until minuted."""
    return may_manage_materials(user, meeting) and meeting.status in (
        Meeting.Status.DRAFT,
        Meeting.Status.SCHEDULED,
        Meeting.Status.HELD,
    )


def can_record_afterwards(user) -> bool:
    return may_record_afterwards(user)


def can_decide_room_booking(user, meeting: Meeting) -> bool:
    """The current step of the booking's chain: the room's approver (office.approvals)."""
    if meeting.status != Meeting.Status.AWAITING_ROOM:
        return False
    from office.services.approvals import current_step, may_decide

    return may_decide(user, current_step(meeting))
