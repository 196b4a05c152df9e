"""办会, as the people click it, in Chinese: the clerk books a room and invites people, a
second booking of the slot is refused with the message, an attendee accepts, the recorder
writes minutes with two resolutions, the chair approves, two supervision items appear and
the minutes PDF opens."""

import datetime
import io
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from meetings import tasks
from meetings.models import Meeting
from tests.meetings.factories import RoomFactory

pytestmark = pytest.mark.e2e


def _local(days: int, hour: int) -> datetime.datetime:
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _book(page, *, title, room, chair, recorder, attendees):
    page.goto("/meetings/new/")
    page.get_by_label("会议名称").fill(title)
    page.get_by_label("开始时间").fill(_local(2, 9).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("结束时间").fill(_local(2, 10).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("会议室", exact=True).select_option(label=str(room))
    # the people picker (Tom Select) stands over each select; the form posts the select
    page.locator("#id_chair").select_option(value=str(chair.pk), force=True)
    page.locator("#id_recorder").select_option(value=str(recorder.pk), force=True)
    page.locator("#id_required_attendees").select_option([str(u.pk) for u in attendees], force=True)
    page.get_by_label("议题").first.fill("审议年度预算执行情况")
    page.get_by_role("button", name="预订并发送邀请").click()


def test_booking_to_supervised_resolutions(
    browser_page, login, clerk, director, staff, live_server
):
    room = RoomFactory(name="第一会议室", building="行政楼", capacity=20)
    RoomFactory(name="第二会议室", building="行政楼", capacity=20)

    # The clerk books a room and invites people.
    page = browser_page()
    login(page, clerk)
    _book(
        page, title="预算执行分析会", room=room, chair=director, recorder=clerk, attendees=[staff]
    )
    expect(page.locator("h1")).to_contain_text("预算执行分析会")
    expect(page.locator("h1")).to_contain_text("已安排")
    expect(page.locator("#attendees")).to_contain_text("staff")

    # A second booking of the same slot is refused, naming the meeting and a free room.
    _book(page, title="另一个会议", room=room, chair=director, recorder=clerk, attendees=[])
    errors = page.locator("#meeting-form")
    expect(errors).to_contain_text("已被“预算执行分析会”")
    expect(errors).to_contain_text("第二会议室")
    assert Meeting.objects.count() == 1
    meeting = Meeting.objects.get()

    # An attendee accepts (on a phone).
    phone = browser_page(phone=True)
    login(phone, staff)
    phone.goto(meeting.get_absolute_url())
    phone.get_by_role("button", name="接受").click()
    expect(phone.locator("#reply")).to_contain_text("已接受")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    page.goto(meeting.get_absolute_url())
    expect(page.locator("#attendees")).to_contain_text("已接受")

    # The meeting takes place (time passes; the sweep marks it held).
    Meeting.objects.filter(pk=meeting.pk).update(start=_local(-1, 9), end=_local(-1, 10))
    assert tasks.mark_meeting_held(meeting.pk)

    # The recorder writes minutes with two resolutions and submits them.
    page.goto(meeting.get_absolute_url())
    page.get_by_role("link", name="撰写会议纪要").click()
    page.get_by_label("会议概述").fill("会议听取了财务处关于预算执行情况的汇报。")
    page.get_by_label("讨论情况").fill("与会人员认为执行进度偏慢。")
    page.get_by_label("议定事项").fill("加快预算执行进度。")
    rows = page.locator(".resolution-row")
    for index, (text, deadline) in enumerate(
        [("制定预算执行整改方案", 10), ("清理结转结余资金", 20)]
    ):
        row = rows.nth(index)
        row.get_by_label("决定事项").fill(text)
        row.locator("select").select_option(value=str(staff.pk), force=True)
        row.get_by_label("完成时限").fill(
            (timezone.localdate() + datetime.timedelta(days=deadline)).isoformat()
        )
    page.get_by_role("button", name="提交主持人审定").click()
    expect(page.locator(".alert-success")).to_contain_text("已提交主持人审定")

    # The chair approves; two supervision items appear with their lights.
    chair = browser_page()
    login(chair, director)
    chair.goto(meeting.get_absolute_url())
    chair.get_by_role("link", name="会议纪要", exact=True).click()
    chair.get_by_role("button", name="审定会议纪要").click()
    expect(chair.locator("h1")).to_contain_text("已形成纪要")
    resolutions = chair.locator("#resolutions tbody tr")
    expect(resolutions).to_have_count(2)
    expect(chair.locator("#supervision-items .light")).to_have_count(2)
    expect(chair.locator("#resolutions")).to_contain_text("制定预算执行整改方案")

    # The minutes PDF opens, in Chinese.
    from pypdf import PdfReader

    chair.get_by_role("link", name="会议纪要", exact=True).click()
    pdf_link = chair.get_by_role("link", name="PDF")
    response = chair.request.get(live_server.url + pdf_link.get_attribute("href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.body())).pages)
    assert "会议纪要" in text and "清理结转结余资金" in text
    expect(chair).to_have_url(re.compile(r"/meetings/\d+/minutes/"))


def test_attendee_signs_in_from_the_room_screen_on_a_phone(
    browser_page, login, clerk, director, staff
):
    from meetings.models import Attendance

    room = RoomFactory(name="党组会议室", building="行政楼", capacity=20)
    meeting = Meeting.objects.create(
        title="安全生产专题会",
        organiser=clerk,
        chair=director,
        recorder=clerk,
        room=room,
        status="scheduled",
        start=timezone.now() - datetime.timedelta(minutes=5),
        end=timezone.now() + datetime.timedelta(hours=1),
    )
    for person in (director, clerk, staff):
        Attendance.objects.create(meeting=meeting, user=person)

    # The recorder puts the sign-in screen up in the room.
    screen = browser_page()
    login(screen, clerk)
    screen.goto(meeting.get_absolute_url())
    screen.get_by_role("link", name="签到屏").click()
    expect(screen.locator(".qr svg")).to_be_visible()
    link = screen.locator("a.text-break, p.text-break a").first.get_attribute("href")

    # The attendee scans it with a phone and signs in.
    phone = browser_page(phone=True)
    login(phone, staff)
    phone.goto(link)
    phone.get_by_role("button", name="签到").click()  # answered in place (htmx)
    expect(phone.locator("#sign-in-card [role=status]")).to_contain_text("签到成功")
    expect(phone.locator("#signed-in-at")).to_be_visible()
    phone.goto(meeting.get_absolute_url())
    expect(phone.locator(f"#attendee-{staff.pk} .presence")).to_contain_text("签到")

    # The booking board stays readable at phone width.
    phone.goto("/meetings/board/?view=day")
    expect(phone.locator(".board-day")).to_contain_text("安全生产专题会")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    screen.reload()
    expect(screen.locator("#signed-in")).to_contain_text("staff")


def test_recorded_afterwards_reaches_approved_minutes_with_two_items(
    browser_page, login, clerk, director, staff, live_server
):
    from supervision.models import Task

    page = browser_page()
    login(page, clerk)
    page.goto("/meetings/")
    page.get_by_role("link", name="补录会议").click()
    page.get_by_label("会议名称").fill("与市领导电话会商")
    page.get_by_label("开始时间").fill(_local(-1, 9).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("结束时间").fill(_local(-1, 10).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("其他地点").fill("主任办公室（电话会议）")
    # the people picker (Tom Select) stands over each select; the form posts the select
    page.locator("#id_chair").select_option(value=str(director.pk), force=True)
    page.locator("#id_recorder").select_option(value=str(clerk.pk), force=True)
    page.locator("#id_present").select_option([str(director.pk), str(staff.pk)], force=True)
    page.get_by_role("button", name="补录为已召开").click()
    expect(page.locator("#recorded-afterwards")).to_be_visible()
    meeting = Meeting.objects.get(recorded_afterwards=True)
    page.get_by_role("link", name="撰写会议纪要").click()
    page.get_by_label("会议概述").fill("会商春节值班衔接。")
    rows = page.locator(".resolution-row")
    deadline = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    for index, text in enumerate(["报送值班表", "建立信息互通机制"]):
        row = rows.nth(index)
        row.get_by_label("决定事项").fill(text)
        row.locator("select").select_option(value=str(staff.pk), force=True)
        row.get_by_label("完成时限").fill(deadline)
    page.get_by_role("button", name="提交主持人审定").click()
    chair = browser_page()
    login(chair, director)
    chair.goto(f"/meetings/{meeting.pk}/minutes/")
    expect(chair.locator("#minutes-afterwards")).to_be_visible()
    chair.get_by_role("button", name="审定会议纪要").click()
    expect(chair.locator("#resolutions")).to_contain_text("报送值班表")
    expect(chair.locator("#supervision-items li")).to_have_count(2)
    expect(chair.locator("#supervision-items")).to_contain_text("建立信息互通机制")
    assert Task.objects.filter(source_kind="resolution").count() == 2


def test_accepting_updates_the_attendee_table_without_reload(
    browser_page, login, clerk, director, staff, live_server
):
    from meetings.models import Attendance
    from tests.meetings.factories import MeetingFactory

    meeting = MeetingFactory(
        organiser=clerk, chair=director, recorder=clerk, start=_local(2, 9), end=_local(2, 10)
    )
    for person in (staff, director, clerk):
        Attendance.objects.create(meeting=meeting, user=person)
    page = browser_page()
    login(page, staff)
    page.goto(meeting.get_absolute_url())
    expect(page.locator("#reply-counts")).to_contain_text("3人待回复")
    page.evaluate("window.__same_page = 1")
    page.get_by_role("button", name="拒绝").click()  # no reason: asked for one, in place
    expect(page.locator("#reply .invalid-feedback, #reply .text-danger").first).to_be_visible()
    page.get_by_role("button", name="接受").click()
    expect(page.locator("#reply-message")).to_be_visible()
    expect(page.locator("#reply-counts")).to_contain_text("1人接受")
    expect(page.locator(f"#attendee-{staff.pk} .reply")).to_contain_text("已接受")
    assert page.evaluate("window.__same_page") == 1  # no reload


def test_door_page_shows_the_next_meeting(browser_page, live_server, clerk):
    from tests.meetings.factories import MeetingFactory

    room = RoomFactory(name="第三会议室", building="行政楼", capacity=10)
    MeetingFactory(room=room, title="机密会议", start=_local(1, 14), end=_local(1, 15))
    page = browser_page()
    page.goto(f"/meetings/rooms/{room.pk}/door/{room.display_token}/")
    expect(page.locator("#door-next")).to_contain_text(_local(1, 14).strftime("%m-%d 14:00"))
    expect(page.locator("body")).not_to_contain_text("机密会议")
