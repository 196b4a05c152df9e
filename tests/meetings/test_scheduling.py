"""Booking: the room rule (friendly check + exclusion constraint), series, invitations."""

import datetime
import threading

import pytest
from django.core import mail
from django.db import IntegrityError, connection
from icalendar import Calendar

from meetings import services
from meetings.models import Attendance, Meeting
from office.errors import DomainError
from office.models import Notification, Reminder

from .factories import MeetingFactory, RoomFactory, at


def _ics(message) -> Calendar:
    name, content, mimetype = message.attachments[0]
    assert name == "meeting.ics" and mimetype.startswith("text/calendar")
    return Calendar.from_ical(content)


def test_booking_invites_everyone_in_app_and_by_mail_with_an_ics(
    meeting_data, clerk, staff, director, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        [meeting] = services.meeting_create(data=meeting_data(), by=clerk)
    assert meeting.status == Meeting.Status.SCHEDULED
    # The chair and the recorder always attend; the organiser does not invite herself by mail.
    assert set(meeting.attendances.values_list("user__username", flat=True)) == {
        "staff",
        "director",
        "clerk",
    }
    assert Notification.objects.filter(recipient=staff, kind="meetings.invitation").exists()
    to_staff = [m for m in mail.outbox if m.to == [staff.email]]
    assert len(to_staff) == 1 and "主任办公会" in to_staff[0].subject
    calendar = _ics(to_staff[0])
    assert calendar["method"] == "REQUEST"
    [event] = calendar.walk("VEVENT")
    assert str(event["summary"]) == "主任办公会" and int(event["sequence"]) == 0
    assert not [m for m in mail.outbox if m.to == [clerk.email]]
    assert meeting.guests.get().organisation == "市财政局"
    assert meeting.agenda_items.get().title == "研究年度工作要点"
    # Everyone is reminded 30 minutes before.
    reminder = Reminder.objects.get(kind="meetings.starting", recipient=staff)
    assert reminder.due_at == meeting.start - datetime.timedelta(minutes=30)


def test_a_draft_does_not_hold_the_room(meeting_data, clerk):
    services.meeting_create(data=meeting_data(), by=clerk, schedule=False)
    [other] = services.meeting_create(data=meeting_data(title="另一个会"), by=clerk)
    assert other.status == Meeting.Status.SCHEDULED


def test_an_overlapping_booking_names_the_meeting_and_suggests_free_rooms(
    meeting_data, clerk, room
):
    RoomFactory(name="第二会议室", capacity=30)
    RoomFactory(name="小会议室", capacity=2)  # too small for four people
    services.meeting_create(data=meeting_data(), by=clerk)
    later = meeting_data(title="预算会", start=at(1, 10), end=at(1, 11))
    with pytest.raises(DomainError) as caught:
        services.meeting_create(data=later, by=clerk)
    message = str(caught.value)
    assert "主任办公会" in message and "第二会议室" in message and "小会议室" not in message
    assert Meeting.objects.count() == 1


def test_back_to_back_meetings_fit(meeting_data, clerk):
    services.meeting_create(data=meeting_data(), by=clerk)
    services.meeting_create(data=meeting_data(start=at(1, 10, 30), end=at(1, 11)), by=clerk)
    assert Meeting.objects.filter(status="scheduled").count() == 2


def test_the_clash_is_not_named_to_someone_who_may_not_see_it(meeting_data, clerk, other_staff):
    services.meeting_create(data=meeting_data(), by=clerk)
    with pytest.raises(DomainError) as caught:
        services.meeting_create(
            data=meeting_data(chair=other_staff, recorder=other_staff, required=[]),
            by=other_staff,
        )
    assert "主任办公会" not in str(caught.value) and "clerk" in str(caught.value)


def test_the_database_refuses_an_overlap_even_without_the_service(room):
    MeetingFactory(room=room, start=at(2, 9), end=at(2, 10))
    with pytest.raises(IntegrityError, match="meeting_room_no_overlap"):
        MeetingFactory(room=room, start=at(2, 9, 30), end=at(2, 11))


def test_cancelled_meetings_free_the_room(room):
    MeetingFactory(room=room, start=at(2, 9), end=at(2, 10), status="cancelled")
    MeetingFactory(room=room, start=at(2, 9), end=at(2, 10))


def test_weekly_series_creates_one_meeting_per_week(meeting_data, clerk):
    created = services.meeting_create(data=meeting_data(), by=clerk, weeks=4)
    assert len(created) == 4
    assert len({m.series for m in created}) == 1
    assert [m.start for m in created] == [at(1 + 7 * i, 9) for i in range(4)]
    assert all(m.attendances.count() == 3 for m in created)


def test_a_clash_in_any_week_refuses_the_whole_series_naming_the_dates(meeting_data, clerk, room):
    MeetingFactory(room=room, title="季度评审会", start=at(15, 9, 30), end=at(15, 10))
    with pytest.raises(DomainError) as caught:
        services.meeting_create(data=meeting_data(), by=clerk, weeks=4)
    assert at(15, 9).strftime("%Y-%m-%d") in str(caught.value)
    assert Meeting.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_people_booking_the_same_slot_at_once_one_wins(meeting_data, clerk, director):
    """Both pass the friendly check; the constraint lets one through and the other gets
    the same message, nothing half-saved."""
    barrier = threading.Barrier(2)
    results = {}
    original = services.scheduling._create

    def slow_create(**kwargs):
        barrier.wait(timeout=10)  # both have passed the friendly check
        return original(**kwargs)

    def book(user, title):
        try:
            services.meeting_create(data=meeting_data(title=title), by=user)
            results[title] = "ok"
        except DomainError as exc:
            results[title] = str(exc)
        finally:
            connection.close()

    services.scheduling._create = slow_create
    try:
        threads = [
            threading.Thread(target=book, args=(clerk, "甲会议")),
            threading.Thread(target=book, args=(director, "乙会议")),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
    finally:
        services.scheduling._create = original
    assert sorted(results.values()).count("ok") == 1, results
    winner = next(title for title, result in results.items() if result == "ok")
    loser_message = next(result for result in results.values() if result != "ok")
    assert winner in loser_message  # both may see it: they are chair / recorder of both
    assert list(Meeting.objects.values_list("title", flat=True)) == [winner]


def test_changing_a_scheduled_meeting_sends_a_new_sequence_and_cancels_the_removed(
    meeting_data, clerk, staff, other_staff, django_capture_on_commit_callbacks
):
    [meeting] = services.meeting_create(data=meeting_data(), by=clerk)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_update(
            meeting_id=meeting.pk,
            data=meeting_data(start=at(1, 14), end=at(1, 15), required=[other_staff]),
            by=clerk,
        )
    meeting.refresh_from_db()
    assert meeting.sequence == 1
    by_person = {m.to[0]: _ics(m) for m in mail.outbox}
    assert by_person[staff.email]["method"] == "CANCEL"
    assert by_person[other_staff.email]["method"] == "REQUEST"
    [event] = by_person["director@example.com"].walk("VEVENT")
    assert int(event["sequence"]) == 1
    # The old reminders are gone; new ones follow the new time.
    pending = Reminder.objects.filter(kind="meetings.starting", status="pending")
    assert {r.due_at for r in pending} == {at(1, 13, 30)}
    assert not pending.filter(recipient=staff).exists()


def test_cancelling_sends_method_cancel_and_drops_reminders(
    meeting_data, clerk, staff, django_capture_on_commit_callbacks
):
    [meeting] = services.meeting_create(data=meeting_data(), by=clerk)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.meeting_cancel(meeting_id=meeting.pk, by=clerk, reason="与市里会议冲突")
    calendar = _ics(next(m for m in mail.outbox if m.to == [staff.email]))
    assert calendar["method"] == "CANCEL"
    [event] = calendar.walk("VEVENT")
    assert str(event["status"]) == "CANCELLED" and int(event["sequence"]) == 1
    assert not Reminder.objects.filter(status="pending").exists()
    assert Notification.objects.filter(recipient=staff, kind="meetings.cancelled").exists()


def test_declining_needs_a_reason_and_tells_the_organiser(meeting_data, clerk, staff):
    [meeting] = services.meeting_create(data=meeting_data(), by=clerk)
    with pytest.raises(DomainError):
        services.invitation_reply(meeting_id=meeting.pk, user=staff, response="declined")
    services.invitation_reply(
        meeting_id=meeting.pk, user=staff, response="declined", reason="外出培训"
    )
    attendance = Attendance.objects.get(meeting=meeting, user=staff)
    assert (attendance.response, attendance.reason) == ("declined", "外出培训")
    assert Notification.objects.filter(recipient=clerk, kind="meetings.declined").exists()
    # Someone who declined is not reminded.
    assert not Reminder.objects.filter(recipient=staff, status="pending").exists()


def test_sign_in_needs_the_screen_token_an_invitation_and_the_right_time(staff, other_staff):
    meeting = MeetingFactory(start=at(0, 0, 0), end=at(1, 0, 0))  # all of today
    Attendance.objects.create(meeting=meeting, user=staff)
    with pytest.raises(DomainError):
        services.sign_in(meeting_id=meeting.pk, user=staff, token="wrong")
    with pytest.raises(DomainError):
        services.sign_in(meeting_id=meeting.pk, user=other_staff, token=meeting.sign_in_token)
    services.sign_in(meeting_id=meeting.pk, user=staff, token=meeting.sign_in_token)
    attendance = Attendance.objects.get(meeting=meeting, user=staff)
    assert attendance.presence == "signed_in" and attendance.signed_in_at is not None
    later = MeetingFactory(start=at(3, 9), end=at(3, 10))
    Attendance.objects.create(meeting=later, user=staff)
    with pytest.raises(DomainError):
        services.sign_in(meeting_id=later.pk, user=staff, token=later.sign_in_token)


def test_marking_held_schedules_minutes_reminders_recorder_then_organiser(db, settings):
    settings.MEETINGS_MINUTES_DUE_HOURS = 24
    meeting = MeetingFactory(start=at(-1, 9), end=at(-1, 10))
    services.meeting_mark_held(meeting_id=meeting.pk, by=meeting.organiser)
    recorder = Reminder.objects.get(kind="meetings.minutes_due_recorder")
    organiser = Reminder.objects.get(kind="meetings.minutes_due_organiser")
    assert recorder.recipient == meeting.recorder and organiser.recipient == meeting.organiser
    assert recorder.due_at == meeting.end + datetime.timedelta(hours=12)
    assert organiser.due_at == meeting.end + datetime.timedelta(hours=24)
    # Submitting stops them.
    services.minutes_save(
        meeting_id=meeting.pk, by=meeting.recorder, summary="", items={}, resolutions=[]
    )
    services.minutes_submit(meeting_id=meeting.pk, by=meeting.recorder)
    assert not Reminder.objects.filter(status="pending").exists()


def test_moving_a_meeting_onto_a_taken_slot_is_refused_and_nothing_changes(meeting_data, clerk):
    services.meeting_create(data=meeting_data(title="先订的会"), by=clerk)
    [later] = services.meeting_create(
        data=meeting_data(title="后订的会", start=at(1, 14), end=at(1, 15)), by=clerk
    )
    with pytest.raises(DomainError, match="先订的会"):
        services.meeting_update(
            meeting_id=later.pk, data=meeting_data(title="后订的会(改)"), by=clerk
        )
    later.refresh_from_db()
    assert (later.title, later.start, later.sequence) == ("后订的会", at(1, 14), 0)
