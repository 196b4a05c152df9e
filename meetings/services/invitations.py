"""Telling people: invitations with an .ics, updates, cancellations, and reminders.

Called inside the services' transactions; e-mails go from Celery after commit.
"""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import now
from django.utils.translation import gettext_noop

from office.i18n import Message, when
from office.outbox import enqueue
from office.services import notify, reminder_schedule, reminders_cancel

from .. import conf
from ..models import Attendance, Meeting, Minutes

STARTING = "meetings.starting"
MINUTES_DUE_RECORDER = "meetings.minutes_due_recorder"
MINUTES_DUE_ORGANISER = "meetings.minutes_due_organiser"


def when_and_where(meeting: Meeting) -> Message:
    """Written in the reader's language when shown or sent: 星期三 / Wednesday."""
    start, end = timezone.localtime(meeting.start), timezone.localtime(meeting.end)
    return Message(
        gettext_noop("%(date)s %(start)s–%(end)s, %(place)s"),
        date=when(start, "Y-m-d l"),
        start=f"{start:%H:%M}",
        end=f"{end:%H:%M}",
        place=meeting.location,
    )


def _mail(meeting: Meeting, people, method: str) -> None:
    for person in people:
        if person.email and person.is_active:
            enqueue("meetings.tasks.send_meeting_email", meeting.pk, person.pk, method)


def invite(meeting: Meeting, people, *, by) -> None:
    """In-app invitation and an e-mail with the .ics (METHOD:REQUEST)."""
    if not people:
        return
    notify(
        recipients=people,
        title=Message(gettext_noop("Meeting invitation: %(title)s"), title=meeting.title),
        body=when_and_where(meeting),
        url=meeting.get_absolute_url(),
        kind="meetings.invitation",
        actor=by,
        email=False,  # the invitation e-mail with its .ics goes from send_meeting_email
    )
    _mail(meeting, [p for p in people if p.pk != by.pk], "REQUEST")


def announce_change(meeting: Meeting, people, *, by) -> None:
    """The meeting changed: a new SEQUENCE replaces the event in everyone's calendar."""
    if not people:
        return
    notify(
        recipients=people,
        title=Message(gettext_noop("Meeting changed: %(title)s"), title=meeting.title),
        body=when_and_where(meeting),
        url=meeting.get_absolute_url(),
        kind="meetings.changed",
        actor=by,
        email=False,
    )
    _mail(meeting, [p for p in people if p.pk != by.pk], "REQUEST")


def withdraw(meeting: Meeting, people, *, by, cancelled: bool = False) -> None:
    """Uninvited, or the meeting is off: METHOD:CANCEL removes it from their calendars."""
    if not people:
        return
    if cancelled:
        title = gettext_noop("Meeting cancelled: %(title)s")
    else:
        title = gettext_noop("No longer invited: %(title)s")
    body = [when_and_where(meeting)]
    if cancelled and meeting.cancel_reason:
        body.append(Message(gettext_noop("Reason: %(reason)s"), reason=meeting.cancel_reason))
    notify(
        recipients=people,
        title=Message(title, title=meeting.title),
        body=body,
        url=meeting.get_absolute_url() if cancelled else "",
        kind="meetings.cancelled",
        actor=by,
        email=False,
    )
    _mail(meeting, [p for p in people if p.pk != by.pk], "CANCEL")


def schedule_start_reminders(meeting: Meeting) -> None:
    """Remind everyone who has not declined, N minutes before the start (per SEQUENCE)."""
    reminders_cancel(target=meeting, kind=STARTING)
    due_at = meeting.start - datetime.timedelta(minutes=conf.reminder_minutes_before())
    if due_at <= now():
        return
    attendees = meeting.attendances.exclude(response=Attendance.Response.DECLINED)
    for attendance in attendees.select_related("user"):
        reminder_schedule(
            kind=STARTING,
            target=meeting,
            recipient=attendance.user,
            due_at=due_at,
            title=Message(gettext_noop("Meeting soon: %(title)s"), title=meeting.title),
            body=when_and_where(meeting),
            url=meeting.get_absolute_url(),
            occurrence=f"seq{meeting.sequence}",
        )


def cancel_reminders(meeting: Meeting) -> None:
    reminders_cancel(target=meeting)


def schedule_minutes_reminders(meeting: Meeting) -> None:
    """Halfway to the deadline the recorder is reminded; at the deadline, the organiser."""
    hours = conf.minutes_due_hours()
    deadline = meeting.end + datetime.timedelta(hours=hours)
    due = date_format(timezone.localtime(deadline), "Y-m-d H:i")
    url = meeting.get_absolute_url()
    reminder_schedule(
        kind=MINUTES_DUE_RECORDER,
        target=meeting,
        recipient=meeting.recorder,
        due_at=meeting.end + datetime.timedelta(hours=hours / 2),
        title=Message(gettext_noop("Minutes due: %(title)s"), title=meeting.title),
        body=Message(gettext_noop("Please submit the minutes by %(due)s."), due=due),
        url=url,
        occurrence="minutes",
    )
    reminder_schedule(
        kind=MINUTES_DUE_ORGANISER,
        target=meeting,
        recipient=meeting.organiser,
        due_at=deadline,
        title=Message(gettext_noop("Minutes overdue: %(title)s"), title=meeting.title),
        body=Message(
            gettext_noop("The recorder %(recorder)s has not submitted the minutes due at %(due)s."),
            recorder=meeting.recorder,
            due=due,
        ),
        url=url,
        occurrence="minutes",
    )


def cancel_minutes_reminders(meeting: Meeting) -> None:
    reminders_cancel(target=meeting, kind=MINUTES_DUE_RECORDER)
    reminders_cancel(target=meeting, kind=MINUTES_DUE_ORGANISER)


def still_starting(reminder) -> bool:
    """Veto at send time: the meeting is still on and the person has not declined."""
    meeting = Meeting.objects.filter(pk=reminder.target_id).first()
    return (
        meeting is not None
        and meeting.status == Meeting.Status.SCHEDULED
        and f"seq{meeting.sequence}" == reminder.occurrence
        and not meeting.attendances.filter(
            user_id=reminder.recipient_id, response=Attendance.Response.DECLINED
        ).exists()
    )


def minutes_still_due(reminder) -> bool:
    return (
        Meeting.objects.filter(pk=reminder.target_id, status=Meeting.Status.HELD)
        .exclude(minutes__status__in=[Minutes.Status.SUBMITTED, Minutes.Status.APPROVED])
        .exists()
    )
