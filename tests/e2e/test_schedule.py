"""领导活动安排, as people click it, in Chinese: the clerk adds a 调研 for the county head that
clashes with a meeting he chairs, is warned naming the meeting, saves anyway, publishes the
week; a member of staff on a phone sees the published week (not the office-only entry) and
downloads its PDF."""

import datetime
import io

import pdfplumber
import pytest
from django.utils import timezone
from playwright.sync_api import expect

from schedule.models import Entry, Leader, Visibility
from schedule.selectors import week_of
from tests.factories import UserFactory
from tests.meetings.factories import MeetingFactory

pytestmark = pytest.mark.e2e


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_clash_warning_publish_and_staff_read_the_week(browser_page, login, clerk, staff, tmp_path):
    head = Leader.objects.create(user=UserFactory(username="wangxz", name="王县长"), title="县长")
    tuesday = week_of(timezone.localdate()) + datetime.timedelta(days=8)  # next week: clock-safe
    MeetingFactory(
        chair=head.user,
        organiser=clerk,
        title="防汛工作专题会",
        start=_at(tuesday, 9),
        end=_at(tuesday, 11),
    )
    Entry.objects.create(
        leader=head,
        title="私人事务",
        start=_at(tuesday, 15),
        end=_at(tuesday, 16),
        visibility=Visibility.OFFICE,
        created_by=clerk,
    )

    page = browser_page()
    login(page, clerk)
    page.goto("/schedule/")
    page.get_by_role("link", name="添加活动").click()
    page.get_by_label("领导").select_option(str(head.pk))
    page.get_by_label("类型").select_option("research")
    page.get_by_label("活动内容").fill("调研秋粮收购")
    page.get_by_label("日期").fill(tuesday.isoformat())
    page.get_by_label("开始时间").fill("10:00")
    page.get_by_label("结束时间").fill("12:00")
    page.get_by_label("地点").fill("城关镇")
    page.get_by_label("可见范围").select_option("public")
    page.get_by_role("button", name="保存").click()
    warning = page.locator("#clash-warning")
    expect(warning).to_contain_text("防汛工作专题会")
    expect(warning).to_contain_text("09:00")
    assert not Entry.objects.filter(title="调研秋粮收购").exists()
    page.get_by_label("时间冲突，仍然保存").check()
    page.get_by_role("button", name="保存").click()
    monday = tuesday - datetime.timedelta(days=1)
    expect(page.locator("#week-range")).to_contain_text(monday.isoformat())
    expect(page.locator("#clash-count")).to_be_visible()
    expect(page.locator("#week")).to_contain_text("调研秋粮收购")
    page.get_by_role("button", name="发布本周安排").click()
    expect(page.locator("#plan-status")).to_contain_text("已发布，第1版")

    phone = browser_page(phone=True)
    login(phone, staff)
    phone.goto("/schedule/")
    phone.get_by_role("link", name="下一周").click()
    week = phone.locator("#week")
    expect(week).to_contain_text("调研秋粮收购")
    expect(week).to_contain_text("王县长")
    expect(week).not_to_contain_text("私人事务")
    expect(week).not_to_contain_text("防汛工作专题会")  # staff may not open that meeting
    with phone.expect_download() as download:
        phone.locator("#week-pdf").click()
    pdf_path = tmp_path / "week.pdf"
    download.value.save_as(pdf_path)
    with pdfplumber.open(io.BytesIO(pdf_path.read_bytes())) as pdf:
        text = pdf.pages[0].extract_text()
    assert "领导一周活动安排" in text and "调研秋粮收购" in text and "私人事务" not in text
