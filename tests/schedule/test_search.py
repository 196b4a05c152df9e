"""The portal search finds the leaders' activities by title or place, scoped as the week page:
the office every entry; staff only published public rows; department heads and leaders also
internal ones; office-only rows the office and the leader concerned."""

import datetime

import pytest
from django.urls import reverse

from office.search import search
from schedule import services
from schedule.models import Visibility
from schedule.selectors import week_of

from .conftest import local

pytestmark = pytest.mark.django_db


def _found(user, term="调研") -> set[str]:
    section = next((s for s in search(user, term) if s.kind.key == "schedule"), None)
    return {hit.title for hit in section.results} if section else set()


def _titles(user) -> set[str]:
    return {title.split("：")[-1] for title in _found(user)}


@pytest.fixture
def week(frozen, county_head, make_entry, clerk):
    today = frozen.date()
    make_entry(county_head, local(today, 9), title="乡村振兴调研", visibility=Visibility.PUBLIC)
    make_entry(county_head, local(today, 14), title="防汛调研", visibility=Visibility.INTERNAL)
    make_entry(
        county_head,
        local(today, 16),
        title="信访调研",
        visibility=Visibility.OFFICE,
        place="县信访局",
    )
    services.week_publish(monday=week_of(today), by=clerk)
    return today


def test_each_sees_what_the_week_page_shows_them(
    week, clerk, staff, head_of_finance, county_head, deputy
):
    assert _titles(clerk) == {"乡村振兴调研", "防汛调研", "信访调研"}
    assert _titles(staff) == {"乡村振兴调研"}
    assert _titles(head_of_finance) == {"乡村振兴调研", "防汛调研"}
    assert _titles(deputy.user) == {"乡村振兴调研", "防汛调研"}
    assert len(_found(county_head.user)) == 3  # his own office-only row too


def test_found_by_place_and_linked_to_the_week(week, staff, clerk, make_entry, county_head):
    make_entry(county_head, local(week, 19), title="座谈", place="县政府三楼会议室")
    services.week_publish(monday=week_of(week), by=clerk)
    section = next(s for s in search(staff, "三楼会议室") if s.kind.key == "schedule")
    assert section.count == 1
    assert section.results[0].url == reverse("schedule:index") + f"?week={week_of(week):%Y-%m-%d}"


def test_an_unpublished_entry_is_found_by_the_office_only(
    frozen, county_head, make_entry, clerk, staff
):
    make_entry(county_head, local(frozen.date() + datetime.timedelta(days=7), 9))
    assert _found(clerk) and not _found(staff)


def test_the_portal_search_page_shows_the_section(week, staff, client_for, settings):
    settings.LANGUAGE_CODE = "zh-hans"
    page = client_for(staff).get(reverse("search"), {"q": "乡村振兴"}).content.decode()
    assert 'data-kind="schedule"' in page and "乡村振兴调研" in page and "防汛" not in page
