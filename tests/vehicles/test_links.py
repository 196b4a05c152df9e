"""Reception's car arrangements and off-site meetings ask for a trip here: by a link to the
request form, prefilled; the form opens with those values."""

import re
from html import unescape

import pytest
from django.utils.timezone import localtime

from reception.models import Arrangement
from tests.meetings.factories import MeetingFactory
from tests.reception.factories import ArrangementFactory

pytestmark = pytest.mark.django_db


def _link(page: str, anchor: str) -> str:
    return unescape(
        re.search(rf'id="{anchor}" href="([^"]+)"|href="([^"]+)" id="{anchor}"', page)
        .group(0)
        .split('href="')[1]
        .split('"')[0]
    )


def test_a_car_arrangement_links_to_a_prefilled_trip_request(receptionist, client_for):
    arrangement = ArrangementFactory(kind=Arrangement.Kind.CAR, people=3, responsible=receptionist)
    client = client_for(receptionist)
    page = client.get(arrangement.get_absolute_url()).content.decode()
    link = _link(page, "arrangement-trip-request")
    form = client.get(link).content.decode()
    assert 'value="3"' in form
    assert f'value="{arrangement.get_absolute_url()}"' in form


def test_a_meal_arrangement_has_no_car_link(receptionist, client_for):
    arrangement = ArrangementFactory(kind=Arrangement.Kind.MEAL, responsible=receptionist)
    page = client_for(receptionist).get(arrangement.get_absolute_url()).content.decode()
    assert "arrangement-trip-request" not in page


def test_an_off_site_meeting_links_to_a_prefilled_trip_request(staff, client_for):
    meeting = MeetingFactory(room=None, place="市委党校报告厅", organiser=staff)
    client = client_for(staff)
    page = client.get(meeting.get_absolute_url()).content.decode()
    form = client.get(_link(page, "meeting-trip-request")).content.decode()
    assert 'value="市委党校报告厅"' in form
    assert f'value="{localtime(meeting.start):%Y-%m-%dT%H:%M}"' in form
    assert f'value="{localtime(meeting.end):%Y-%m-%dT%H:%M}"' in form


def test_a_meeting_in_a_room_has_no_car_link(staff, client_for):
    meeting = MeetingFactory(organiser=staff)
    page = client_for(staff).get(meeting.get_absolute_url()).content.decode()
    assert "meeting-trip-request" not in page
