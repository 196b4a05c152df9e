"""Query counts: the list, the booking board, the detail page and the to-do inbox do not
grow with the number of meetings."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from meetings.models import Attendance, Meeting
from office import todo

from .factories import AgendaItemFactory, MeetingFactory, RoomFactory, at


@pytest.fixture(autouse=True)
def _tuesday_morning(time_machine):
    # The list shows what is still to come and the board this week: both depend on the hour
    # and the weekday, so the meetings _fill() makes are placed on a known morning.
    time_machine.move_to(datetime.datetime(2026, 12, 1, 7, 0, tzinfo=ZoneInfo("Asia/Shanghai")))


def _fill(n: int, staff, clerk):
    rooms = [RoomFactory() for _ in range(3)]
    for i in range(n):
        meeting = MeetingFactory(
            room=rooms[i % 3],
            organiser=clerk,
            chair=clerk,
            recorder=clerk,
            start=at(i // 6, 8 + (i % 6) // 3 * 2),
            end=at(i // 6, 9 + (i % 6) // 3 * 2),
        )
        Attendance.objects.create(meeting=meeting, user=staff)
        AgendaItemFactory(meeting=meeting)


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        reverse("meetings:index"),
        reverse("meetings:index") + "?when=all&q=议题",
        reverse("meetings:board"),
        reverse("meetings:board") + "?view=day",
    ],
)
def test_pages_do_not_grow_with_meetings(client_for, staff, clerk, url, django_assert_num_queries):
    client = client_for(staff)
    _fill(3, staff, clerk)
    small = _count(client, url)
    _fill(30, staff, clerk)
    with django_assert_num_queries(small):
        client.get(url)


def test_detail_does_not_grow_with_attendees(client_for, clerk, django_assert_num_queries):
    from tests.factories import UserFactory

    meeting = MeetingFactory(organiser=clerk, chair=clerk, recorder=clerk, start=at(1, 9))
    client = client_for(clerk)
    for _ in range(2):
        Attendance.objects.create(meeting=meeting, user=UserFactory())
    client.get(meeting.get_absolute_url())  # warm the content-type cache
    small = _count(client, meeting.get_absolute_url())
    for _ in range(15):
        Attendance.objects.create(meeting=meeting, user=UserFactory())
        AgendaItemFactory(meeting=meeting)
    with django_assert_num_queries(small):
        client.get(meeting.get_absolute_url())


def test_todo_sources_count_in_constant_queries(staff, clerk, django_assert_num_queries):
    def inbox_queries():
        with CaptureQueriesContext(connection) as queries:
            inbox = todo.inbox_for(staff)
        return len(queries), inbox

    _fill(2, staff, clerk)
    todo.inbox_for(staff)  # warm caches (content types) other sources may use
    small, inbox = inbox_queries()
    assert inbox["todo"]["count"] >= 2
    _fill(20, staff, clerk)
    with django_assert_num_queries(small):
        todo.inbox_for(staff)


def test_todo_lists_invitations_and_minutes(staff, clerk, director):
    meeting = MeetingFactory(organiser=clerk, chair=director, recorder=clerk, title="招标评审会")
    Attendance.objects.create(meeting=meeting, user=staff)
    titles = [item.title for item in todo.inbox_for(staff)["todo"]["items"]]
    assert "招标评审会" in titles
    Meeting.objects.filter(pk=meeting.pk).update(status="held", start=at(-1, 9), end=at(-1, 10))
    assert "招标评审会" in [i.title for i in todo.inbox_for(clerk)["todo"]["items"]]
    assert "招标评审会" not in [i.title for i in todo.inbox_for(staff)["todo"]["items"]]
    meeting.refresh_from_db()
    from meetings.models import Minutes

    Minutes.objects.create(meeting=meeting, status="submitted")
    assert "招标评审会" in [i.title for i in todo.inbox_for(director)["todo"]["items"]]
    assert "招标评审会" not in [i.title for i in todo.inbox_for(clerk)["todo"]["items"]]


def test_calendar_feed_lists_my_meetings(client, staff, clerk):
    from icalendar import Calendar

    meeting = MeetingFactory(organiser=clerk, title="周例会", start=at(1, 9))
    Attendance.objects.create(meeting=meeting, user=staff)
    MeetingFactory(title="别人的会议", start=at(1, 9))
    declined = MeetingFactory(title="已拒绝的会议", start=at(2, 9))
    Attendance.objects.create(meeting=declined, user=staff, response="declined")
    response = client.get(f"/calendar/{staff.calendar_token}.ics")
    events = Calendar.from_ical(response.content).walk("VEVENT")
    assert [str(e["summary"]) for e in events] == ["周例会"]
    assert events[0]["dtstart"].dt == meeting.start - datetime.timedelta(0)
