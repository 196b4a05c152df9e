"""补录: a meeting entered afterwards is held, with who was present; only clerks, only the past."""

import pytest
from django.urls import reverse

from meetings import services
from meetings.models import Attendance, Meeting
from office.errors import DomainError, NotAllowed

from .factories import at

pytestmark = pytest.mark.usefixtures("english")


def test_clerk_records_a_past_meeting_held_with_who_was_present(meeting_data, clerk, staff):
    data = meeting_data(start=at(-1, 9), end=at(-1, 10), required=[], guests=[])
    meeting = services.meeting_record_afterwards(data=data, present=[staff], by=clerk)
    assert meeting.status == Meeting.Status.HELD and meeting.recorded_afterwards
    row = meeting.attendances.get(user=staff)
    assert row.presence == Attendance.Presence.PRESENT and row.signed_in_at is None
    services.minutes_save(
        meeting_id=meeting.pk, by=clerk, summary="会商。", items={}, resolutions=[]
    )  # minutes as usual


def test_afterwards_refuses_a_meeting_not_yet_over_and_non_clerks(meeting_data, clerk, staff):
    with pytest.raises(DomainError, match="already have ended"):
        services.meeting_record_afterwards(data=meeting_data(), present=[staff], by=clerk)
    past = meeting_data(start=at(-1, 9), end=at(-1, 10))
    with pytest.raises(NotAllowed):
        services.meeting_record_afterwards(data=past, present=[staff], by=staff)
    assert not Meeting.objects.exists()


def test_afterwards_page_accepts_the_past_only_there(client_for, clerk, director, staff, room):
    client = client_for(clerk)
    fields = {
        "title": "电话会商",
        "kind": "coordination",
        "start": at(-1, 9).strftime("%Y-%m-%dT%H:%M"),
        "end": at(-1, 10).strftime("%Y-%m-%dT%H:%M"),
        "place": "主任办公室",
        "chair": director.pk,
        "recorder": clerk.pk,
        "present": [director.pk, staff.pk],
        "agenda-TOTAL_FORMS": 0,
        "agenda-INITIAL_FORMS": 0,
        "weeks": 1,
    }
    response = client.post(reverse("meetings:record_afterwards"), fields)
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert 'id="recorded-afterwards"' in page
    booked = client.post(reverse("meetings:create"), {**fields, "title": "另一个"})
    assert "不能早于现在" in booked.content.decode() or booked.status_code == 200
    assert Meeting.objects.count() == 1
    assert client_for(staff).get(reverse("meetings:record_afterwards")).status_code == 403
