"""The host pre-registers a visitor; the receptionist (on a phone) finds them with the live
search and checks them in; the host sees the notification; check-out; the badge PDF opens."""

import io
import re
from datetime import timedelta

import pytest
from django.utils.timezone import localtime, now
from playwright.sync_api import expect
from pypdf import PdfReader

from reception.models import Visit

pytestmark = pytest.mark.e2e


def _soon(minutes: int, *, latest: str = "23:59") -> str:
    """Now + minutes, but never tomorrow (the board shows today): late in the evening the
    time stops at `latest` (an arrival asks for an earlier latest than its departure)."""
    current = localtime(now())
    hour, minute = map(int, latest.split(":"))
    cap = current.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return min(current + timedelta(minutes=minutes), cap).strftime("%Y-%m-%dT%H:%M")


def test_visit_from_pre_registration_to_badge(browser_page, login, staff, receptionist):
    host = browser_page()
    login(host, staff)
    host.get_by_role("link", name="接待").first.click()
    host.locator("#reception-nav").get_by_role("link", name="预约访客").click()
    host.get_by_label("单位").fill("市档案馆")
    host.get_by_label("来访事由").fill("档案移交业务指导")
    host.get_by_label("预计到达时间").fill(_soon(5, latest="23:58"))
    host.get_by_label("预计离开时间").fill(_soon(90))
    host.get_by_label("姓名").fill("周文")
    host.get_by_label("电话").fill("1391234")  # one digit short of a phone number
    host.get_by_role("button", name="登记", exact=True).click()
    expect(host.locator("#visit-form")).to_contain_text("请输入手机号")
    host.get_by_label("电话").fill("13912345678")
    host.get_by_role("button", name="登记", exact=True).click()
    expect(host.locator(".alert-success")).to_contain_text("来访已登记")
    expect(host.locator("#visit-status")).to_have_text("待到访")
    visit = Visit.objects.get()

    desk = browser_page(phone=True)
    login(desk, receptionist)
    desk.goto("/reception/")
    desk.get_by_label("按姓名、电话或单位搜索").fill("周文")
    row = desk.locator("#board-expected tr", has_text="周文")
    expect(row).to_be_visible()
    expect(desk.locator("#board-expected tbody tr")).to_have_count(1)
    row.get_by_role("link", name="签到").click()
    desk.get_by_label("证件牌号").fill("A08")
    desk.get_by_role("button", name="签到").click()
    expect(desk.locator(".alert-success")).to_contain_text("周文 已签到，证件牌 A08")
    assert desk.evaluate("document.documentElement.scrollWidth") <= 390

    host.goto("/notifications/")
    expect(host.locator("#notification-list")).to_contain_text("您的访客 周文 已到达")

    inside = desk.locator("#board-inside tr", has_text="周文")
    inside.get_by_role("button", name="签离").click()
    expect(desk.locator(f"#visitor-{visit.visitors.get().pk}")).to_contain_text("已离开")

    desk.goto(visit.get_absolute_url())
    expect(desk.locator("#visit-status")).to_have_text("已离开")
    pdf_link = desk.get_by_role("link", name="打印访客证（PDF）")
    response = desk.request.get(pdf_link.get_attribute("href"))
    assert response.headers["content-type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.body())).pages[0].extract_text()
    assert "周文" in text and "市档案馆" in text and "A08" in text
    with desk.expect_popup() as popup:
        pdf_link.click()
    expect(popup.value).to_have_url(re.compile(r"/reception/visits/\d+/badges\.pdf$"))


def test_a_walk_in_is_registered_and_checked_in_in_one_step(
    browser_page, login, pick, receptionist, staff
):
    desk = browser_page()
    login(desk, receptionist)
    desk.goto("/reception/walk-in/")
    desk.get_by_label("姓名").fill("郑飞")
    desk.get_by_label("电话").fill("13700001111")
    desk.get_by_label("单位").fill("快递公司")
    pick(desk, "#id_host", "staff", "staff")
    desk.get_by_label("来访事由").fill("送达文件")
    desk.get_by_label("证件牌号").fill("W01")
    desk.get_by_role("button", name="登记并签到").click()
    expect(desk.locator(".alert-success")).to_contain_text("郑飞 已签到，证件牌 W01")
    expect(desk.locator("#visit-status")).to_have_text("已到访")  # no second check-in step
    expect(desk.locator("#visitors")).to_contain_text("W01")
    visit = Visit.objects.get()
    assert visit.walk_in and visit.host == staff and visit.visitors.get().is_inside


def test_the_roll_call_lists_the_visitor_and_the_duty_officer_and_marks_them_safe(
    browser_page, login, receptionist, officer, staff
):
    from reception import services
    from tests.duty.factories import assign, shift_running_now
    from tests.reception.factories import visit_with

    visit = visit_with(host=staff)
    services.visitor_check_in(
        visitor_id=visit.visitors.get().pk, badge_number="A08", by=receptionist
    )
    assign(shift_running_now(), officer)

    page = browser_page()
    login(page, officer)  # the duty room runs the drill
    page.goto("/reception/")
    page.locator("#reception-nav").get_by_role("link", name="紧急清点").click()
    visitors = page.locator("#inside-1")
    expect(visitors).to_contain_text("张明")
    expect(visitors).to_contain_text("A08")
    expect(visitors).to_contain_text(f"接待人：{staff.display_name}")
    expect(page.locator("#inside-2")).to_contain_text("officer")
    expect(page.locator("#inside-2")).to_contain_text("总值班室")

    page.get_by_role("button", name="开始演练清点").click()
    expect(page.locator(".alert-success")).to_contain_text("紧急清点已开始")
    expect(page.locator("#count-missing")).to_have_text("2")
    page.evaluate("window.notReloaded = true")
    row = page.locator("tr", has_text="张明")
    row.get_by_role("button", name="确认安全").click()
    expect(row).to_contain_text("已确认安全")
    expect(page.locator("#count-safe")).to_have_text("1")
    expect(page.locator("#roll-call-message")).to_contain_text("张明 已确认安全")
    page.locator("tr", has_text="officer").get_by_role("button", name="确认安全").click()
    expect(page.locator("#count-safe")).to_have_text("2")
    expect(page.locator("#count-missing")).to_have_text("0")
    assert page.evaluate("window.notReloaded") is True  # marked in place, no reload

    page.get_by_role("button", name="结束清点").click()
    expect(page.locator("#roll-call-result")).to_contain_text("2人中2人确认安全")
    expect(page.locator("#roll-call-status")).to_have_text("已结束")
