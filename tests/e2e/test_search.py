"""The header's search box: 会议 typed once finds documents, meetings, items and the duty log,
each group with its count and a link to its own list filtered by the term."""

import re

import pytest
from django.utils.timezone import now
from playwright.sync_api import expect

from duty.models import LogEntry
from tests.documents.factories import IncomingFactory
from tests.duty.factories import make_shift
from tests.meetings.factories import MeetingFactory
from tests.supervision.factories import TaskFactory

pytestmark = pytest.mark.e2e


def test_header_search_finds_a_term_in_four_kinds(browser_page, login, director, clerk, officer):
    IncomingFactory(title="关于召开防汛工作会议的通知", registered_by=clerk)
    MeetingFactory(title="季度工作会议", organiser=clerk, chair=director)
    TaskFactory(title="落实会议决定", assigned_by=director)
    LogEntry.objects.create(
        shift=make_shift(),
        occurred_at=now(),
        kind="other",
        summary="会议室空调报修",
        author=officer,
    )

    page = browser_page()
    login(page, director)
    box = page.get_by_role("searchbox", name="全站搜索")
    box.fill("会议")
    box.press("Enter")

    results = page.locator("#search-results")
    for kind, title in [
        ("documents.incoming", "关于召开防汛工作会议的通知"),
        ("meetings", "季度工作会议"),
        ("supervision", "落实会议决定"),
        ("duty.log", "会议室空调报修"),
    ]:
        group = results.locator(f'[data-kind="{kind}"]')
        expect(group.locator(".badge")).to_have_text("1")
        expect(group).to_contain_text(title)
    expect(page.locator("#search-summary")).to_contain_text("“会议”共找到")

    # Each group leads to its own list, filtered by the term.
    results.locator('[data-kind="documents.incoming"]').get_by_role(
        "link", name="在列表中查看全部"
    ).click()
    expect(page).to_have_url(re.compile(r"/documents/incoming/\?q="))
    expect(page.locator("main")).to_contain_text("关于召开防汛工作会议的通知")


def test_staff_find_a_published_public_activity_of_the_leaders_but_not_an_internal_one(
    browser_page, login, clerk, staff
):
    import datetime

    from django.utils import timezone

    from schedule import services
    from schedule.models import Entry, Leader, Visibility
    from schedule.selectors import week_of
    from tests.factories import UserFactory

    leader = Leader.objects.create(user=UserFactory(username="wangxz", name="王县长"), order=1)
    start = timezone.now().replace(microsecond=0)
    for title, visibility in [("乡村振兴调研", Visibility.PUBLIC), ("防汛检查调研", "internal")]:
        Entry.objects.create(
            leader=leader,
            title=title,
            place="城关镇",
            start=start,
            end=start + datetime.timedelta(hours=1),
            visibility=visibility,
            created_by=clerk,
        )
    services.week_publish(monday=week_of(timezone.localdate(start)), by=clerk)

    page = browser_page()
    login(page, staff)
    box = page.get_by_role("searchbox", name="全站搜索")
    box.fill("城关镇")
    box.press("Enter")
    section = page.locator("#search-results section[data-kind='schedule']")
    expect(section).to_contain_text("乡村振兴调研")
    expect(section).not_to_contain_text("防汛检查调研")
    section.get_by_role("link", name=re.compile("乡村振兴调研")).click()
    expect(page.locator("body")).to_contain_text("乡村振兴调研")
