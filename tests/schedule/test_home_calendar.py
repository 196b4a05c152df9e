"""The home panel (today's leaders' activities as the viewer may see them) and the calendar."""

import datetime

import pytest

from office import calendar
from schedule import services
from schedule.models import Visibility

from .conftest import local

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 12, 2)  # the frozen Wednesday


def test_the_home_panel_shows_today_as_published_to_staff(
    frozen, client_for, county_head, clerk, staff, make_entry
):
    make_entry(county_head, local(TODAY, 9), title="调研秋粮收购")
    make_entry(county_head, local(TODAY, 15), title="私人事务", visibility=Visibility.OFFICE)
    make_entry(county_head, local(TODAY + datetime.timedelta(days=1), 9), title="明天的调研")
    assert "今日领导活动" not in client_for(staff).get("/").content.decode()  # not published
    services.week_publish(monday=datetime.date(2026, 11, 30), by=clerk)
    page = client_for(staff).get("/").content.decode()
    assert "今日领导活动" in page and "调研秋粮收购" in page
    assert "私人事务" not in page and "明天的调研" not in page
    office = client_for(clerk).get("/").content.decode()
    assert "私人事务" in office


def test_a_leaders_entries_are_in_his_calendar_feed(frozen, county_head, deputy, make_entry):
    make_entry(county_head, local(TODAY, 9), title="调研秋粮收购", place="城关镇")
    make_entry(deputy, local(TODAY, 9), title="别人的活动")
    events = list(calendar._sources["schedule"](county_head.user))
    assert [e.summary for e in events] == ["调研：调研秋粮收购"]
    assert events[0].location == "城关镇" and "week=2026-11-30" in events[0].url
