"""Duty log entries and incidents: far-off times are refused; stored ones break no page."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from duty.models import Incident, LogEntry

FAR = ["0001-01-01T00:00", "9999-12-31T23:59", "1970-01-01T08:00"]


@pytest.mark.parametrize("when", FAR)
def test_log_entry_with_a_far_time_shows_the_form(shift, officer, client_for, when):
    response = client_for(officer).post(
        reverse("duty:log_add", args=[shift.pk]),
        {"occurred_at": when, "kind": "phone", "summary": "来电"},
    )
    assert response.status_code == 200 and "之间的日期" in response.content.decode()
    assert not LogEntry.objects.exists()


@pytest.mark.parametrize("when", FAR)
def test_incident_with_a_far_time_shows_the_form(shift, officer, client_for, when):
    response = client_for(officer).post(
        reverse("duty:incident_add", args=[shift.pk]),
        {"occurred_at": when, "severity": "general", "title": "漏水"},
    )
    assert response.status_code == 200 and "之间的日期" in response.content.decode()
    assert not Incident.objects.exists()


@pytest.mark.parametrize(
    "when",
    [
        datetime.datetime(1, 1, 1, tzinfo=ZoneInfo("Asia/Shanghai")),
        datetime.datetime(9999, 12, 31, 23, 59, tzinfo=ZoneInfo("Asia/Shanghai")),
    ],
)
def test_stored_far_times_break_no_page(shift, officer, leader, client_for, when):
    LogEntry.objects.create(
        shift=shift, occurred_at=when, kind="phone", summary="旧日志", author=officer
    )
    incident = Incident.objects.create(
        shift=shift, occurred_at=when, title="旧事件", severity="general", reported_by=officer
    )
    client = client_for(leader)
    for page in [
        reverse("duty:shift_detail", args=[shift.pk]),
        reverse("duty:log_list"),
        reverse("duty:incident_detail", args=[incident.pk]),
    ]:
        response = client.get(page)
        assert response.status_code == 200, page
        assert "旧" in response.content.decode(), page


def test_roster_generation_for_december_9999_is_a_form_error(director, leader, officer, client_for):
    from duty.models import Shift
    from tests.duty.factories import PostFactory, day_template

    response = client_for(director).post(
        reverse("duty:roster_generate"),
        {
            "post": PostFactory(name="总值班室").pk,
            "templates": [day_template().pk],
            "first_day": "9999-12-01",
            "last_day": "9999-12-31",
            "leaders": [leader.pk],
            "officers": [officer.pk],
            "officers_per_shift": 1,
        },
    )
    assert response.status_code == 200 and "之间的日期" in response.content.decode()
    assert not Shift.objects.exists()
