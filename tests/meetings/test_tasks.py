"""Task bodies called directly: the sweep, the e-mail, the reminders' veto at send time."""

from django.core import mail
from django.utils.timezone import now

from meetings import tasks
from meetings.models import Attendance, Meeting
from office.models import Notification, Reminder
from office.services.reminders import reminder_send

from .factories import MeetingFactory, at


def test_sweep_marks_ended_meetings_held_once(db):
    ended = MeetingFactory(start=at(-1, 9), end=at(-1, 10))
    running = MeetingFactory(start=at(0, 0), end=at(1, 0))
    assert tasks.sweep_ended_meetings() == 1
    ended.refresh_from_db()
    running.refresh_from_db()
    assert (ended.status, running.status) == ("held", "scheduled")
    assert tasks.mark_meeting_held(ended.pk) is False  # safe to run twice
    assert Reminder.objects.filter(kind="meetings.minutes_due_recorder").count() == 1


def test_email_task_skips_people_no_longer_invited(staff):
    meeting = MeetingFactory()
    assert tasks.send_meeting_email(meeting.pk, staff.pk, "REQUEST") is False
    Attendance.objects.create(meeting=meeting, user=staff)
    assert tasks.send_meeting_email(meeting.pk, staff.pk, "REQUEST") is True
    assert mail.outbox[-1].attachments[0][0] == "meeting.ics"


def test_start_reminder_is_vetoed_when_the_meeting_moved(staff):
    meeting = MeetingFactory(start=at(1, 9))
    Attendance.objects.create(meeting=meeting, user=staff)
    from meetings.services.invitations import schedule_start_reminders

    schedule_start_reminders(meeting)
    Meeting.objects.filter(pk=meeting.pk).update(sequence=1)  # changed since
    reminder = Reminder.objects.get(recipient=staff)
    Reminder.objects.filter(pk=reminder.pk).update(due_at=now())
    assert reminder_send(reminder_id=reminder.pk) is False
    assert not Notification.objects.filter(recipient=staff).exists()


def test_minutes_reminder_is_vetoed_once_submitted(db):
    meeting = MeetingFactory(start=at(-1, 9), end=at(-1, 10))
    from meetings import services

    services.meeting_mark_held(meeting_id=meeting.pk, by=None)
    Reminder.objects.update(due_at=now())
    reminder = Reminder.objects.get(kind="meetings.minutes_due_recorder")
    assert reminder_send(reminder_id=reminder.pk) is True
    organiser = Reminder.objects.get(kind="meetings.minutes_due_organiser")
    from meetings.models import Minutes

    Minutes.objects.create(meeting=meeting, status="submitted")
    assert reminder_send(reminder_id=organiser.pk) is False
