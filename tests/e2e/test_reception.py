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


def _soon(minutes: int) -> str:
    moment = localtime(now() + timedelta(minutes=minutes))
    if moment.date() != localtime(now()).date():  # never tomorrow: the board shows today
        moment = localtime(now())
    return moment.strftime("%Y-%m-%dT%H:%M")


def test_visit_from_pre_registration_to_badge(browser_page, login, staff, receptionist):
    host = browser_page()
    login(host, staff)
    host.get_by_role("link", name="接待").first.click()
    host.locator("#reception-nav").get_by_role("link", name="预约访客").click()
    host.get_by_label("单位").fill("市档案馆")
    host.get_by_label("来访事由").fill("档案移交业务指导")
    host.get_by_label("预计到达时间").fill(_soon(5))
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
