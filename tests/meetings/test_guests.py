"""External guests become expected visitors at reception, once, from a scheduled meeting."""

import datetime

import pytest
from django.urls import reverse

from meetings.models import Guest, Meeting
from meetings.services import meeting_guests_preregister
from office.errors import DomainError, TransitionNotAllowed
from reception.models import Visit

from .factories import MeetingFactory, at

pytestmark = pytest.mark.django_db


@pytest.fixture
def meeting(clerk):
    meeting = MeetingFactory(organiser=clerk, title="信息化建设协调会", start=at(1, 14))
    Guest.objects.create(meeting=meeting, name="周文", organisation="市大数据局")
    Guest.objects.create(meeting=meeting, name="钱强", organisation="市大数据局")
    Guest.objects.create(meeting=meeting, name="孙悦", organisation="华为公司")
    return meeting


def test_one_visit_per_organisation_hosted_by_the_organiser(meeting, clerk):
    assert meeting_guests_preregister(meeting_id=meeting.pk, by=clerk) == 2
    visits = {v.organisation: v for v in Visit.objects.prefetch_related("visitors")}
    assert set(visits) == {"市大数据局", "华为公司"}
    bureau = visits["市大数据局"]
    assert bureau.host == clerk and bureau.status == "expected"
    assert sorted(v.name for v in bureau.visitors.all()) == ["周文", "钱强"]
    assert "信息化建设协调会" in bureau.purpose
    assert bureau.expected_arrival == meeting.start - datetime.timedelta(minutes=30)
    meeting.refresh_from_db()
    assert meeting.guests_preregistered_at is not None


def test_only_once_only_scheduled_and_only_with_guests(meeting, clerk):
    meeting_guests_preregister(meeting_id=meeting.pk, by=clerk)
    with pytest.raises(DomainError):
        meeting_guests_preregister(meeting_id=meeting.pk, by=clerk)
    assert Visit.objects.count() == 2
    draft = MeetingFactory(organiser=clerk, status=Meeting.Status.DRAFT)
    Guest.objects.create(meeting=draft, name="李四", organisation="某单位")
    with pytest.raises(TransitionNotAllowed):
        meeting_guests_preregister(meeting_id=draft.pk, by=clerk)
    lonely = MeetingFactory(organiser=clerk)
    with pytest.raises(DomainError):
        meeting_guests_preregister(meeting_id=lonely.pk, by=clerk)
    assert Visit.objects.count() == 2


def test_organiser_button_and_others_refused(meeting, clerk, staff, client_for):
    url = reverse("meetings:guests_preregister", args=[meeting.pk])
    page = client_for(clerk).get(meeting.get_absolute_url()).content.decode()
    assert "在接待处预约嘉宾来访" in page and url in page
    assert client_for(clerk).get(url).status_code == 405
    # Someone outside the meeting does not even learn it exists.
    assert client_for(staff).post(url).status_code == 404
    response = client_for(clerk).post(url)
    assert response.status_code == 302
    assert Visit.objects.count() == 2
    page = client_for(clerk).get(meeting.get_absolute_url()).content.decode()
    assert 'id="guests-preregistered"' in page and url not in page
    again = client_for(clerk).post(url)
    assert again.status_code == 403 and Visit.objects.count() == 2
