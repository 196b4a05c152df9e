"""Duty journeys on a phone (390 px), in Chinese, as the people click."""

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from duty.models import Handover, IncidentAcknowledgement, SpendRequest
from tests.duty.factories import assign, following_shift, shift_running_now
from tests.factories import UserFactory

pytestmark = pytest.mark.e2e


@pytest.fixture
def current_shift(leader, officer):
    shift = shift_running_now()
    assign(shift, leader, "leader")
    assign(shift, officer, "officer")
    return shift


@pytest.fixture
def next_officer(office_department):
    return UserFactory(username="zhoujie", name="周杰", roles=["duty_officer"])


@pytest.fixture
def incoming_shift(current_shift, next_officer):
    shift = following_shift(current_shift)
    assign(shift, next_officer, "officer")
    return shift


def _fits_phone(page):
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def _open_my_shift(page):
    page.goto("/duty/")
    page.get_by_role("link", name="本班值守").first.click()
    expect(page.locator("#log-panel")).to_be_visible()
    _fits_phone(page)


def test_officer_reports_incident_and_leader_acknowledges(
    browser_page, login, current_shift, officer, leader, director
):
    page = browser_page(phone=True)
    login(page, officer)
    _open_my_shift(page)
    page.get_by_role("link", name="报告事件").click()
    page.get_by_label("等级").select_option(label="特别重大")
    page.get_by_label("标题").fill("机房UPS告警，市电中断")
    page.get_by_label("描述").fill("已启用备用电源")
    page.get_by_role("button", name="报告事件").click()
    expect(page.locator("h1")).to_contain_text("机房UPS告警")
    expect(page.locator("#acknowledgements")).to_contain_text("尚未确认")
    _fits_phone(page)

    leader_page = browser_page(phone=True)
    login(leader_page, leader)
    leader_page.get_by_role("link", name=re.compile("机房UPS告警")).first.click()
    leader_page.get_by_role("button", name="确认收到").click()
    expect(leader_page.locator(".alert-success")).to_contain_text("已确认")
    _fits_phone(leader_page)

    page.reload()
    expect(page.locator("#acknowledgements")).to_contain_text("已确认")
    ack = IncidentAcknowledgement.objects.get(person=leader)
    assert ack.acknowledged_at is not None


def test_officer_files_handover_and_next_officer_accepts(
    browser_page, login, current_shift, incoming_shift, officer, next_officer, time_machine
):
    # 30 minutes before the end: the handover window is open
    time_machine.move_to(current_shift.ends_at - timedelta(minutes=30), tick=True)
    page = browser_page(phone=True)
    login(page, officer)
    _open_my_shift(page)
    page.get_by_label("类别").select_option(label="来电")
    page.get_by_label("摘要").fill("市应急局来电询问防汛安排")
    page.get_by_label("跟进事项").fill("明早报送值守安排表")
    page.get_by_role("button", name="记录日志").click()
    expect(page.locator("#log-panel")).to_contain_text("明早报送值守安排表")
    page.get_by_role("link", name="提交交班").click()
    page.locator("#carried-over summary").click()  # folded on a phone
    expect(page.get_by_text("明早报送值守安排表")).to_be_visible()  # carried over automatically
    page.get_by_label("值班情况").fill("本班值守正常，来电已登记。")
    page.get_by_label("钥匙").fill("值班室钥匙 2 把")
    page.get_by_label("设备").fill("对讲机 3 台")
    page.get_by_role("button", name="提交交班").click()
    expect(page.locator("#handover-status")).to_have_text("待接班")
    _fits_phone(page)

    incoming = browser_page(phone=True)
    login(incoming, next_officer)
    incoming.get_by_role("link", name=re.compile("交接班")).first.click()
    expect(incoming.locator("#handover-summary")).to_contain_text("本班值守正常")
    incoming.get_by_label("备注").fill("钥匙、对讲机已清点")
    incoming.get_by_role("button", name="确认接班").click()
    expect(incoming.locator("#handover-status")).to_have_text("已接班")
    _fits_phone(incoming)
    handover = Handover.objects.get(shift=current_shift)
    assert handover.accepted_by == next_officer and handover.items.count() == 2


def test_spending_above_officer_limit_waits_for_the_leader(
    browser_page, login, current_shift, officer, leader
):
    page = browser_page(phone=True)
    login(page, officer)
    _open_my_shift(page)
    page.get_by_role("link", name="登记开支").click()
    expect(page.locator("#limits")).to_contain_text("500")
    page.get_by_label("金额").fill("12.345")
    page.get_by_label("用途").fill("更换对讲机电池")
    page.get_by_role("button", name="提交").click()
    expect(page.get_by_text("金额最多两位小数")).to_be_visible()
    page.get_by_label("金额").fill("860.00")
    page.get_by_role("button", name="提交").click()
    expect(page.locator("#spend-status")).to_contain_text("待审批")
    expect(page.locator("#spend-approver")).to_contain_text(leader.display_name)
    _fits_phone(page)

    leader_page = browser_page(phone=True)
    login(leader_page, leader)
    leader_page.get_by_role("link", name=re.compile("更换对讲机电池")).first.click()
    leader_page.get_by_role("button", name="批准").click()
    expect(leader_page.locator("#spend-status")).to_contain_text("已批准")
    spend = SpendRequest.objects.get()
    assert spend.status == "approved" and spend.decided_by == leader


def test_early_handover_refused_and_the_log_stays_open_until_the_end(
    browser_page, login, current_shift, incoming_shift, officer, next_officer, time_machine
):
    time_machine.move_to(current_shift.ends_at - timedelta(hours=3), tick=True)
    page = browser_page(phone=True)
    login(page, officer)
    _open_my_shift(page)
    expect(page.locator("#handover-opens")).to_be_visible()  # no filing yet, and says when
    page.goto(f"/duty/shifts/{current_shift.pk}/handover/")
    expect(page.locator(".alert")).to_contain_text("交接班在班次结束前60分钟")
    assert not Handover.objects.filter(shift=current_shift).exists()

    time_machine.move_to(current_shift.ends_at - timedelta(minutes=40), tick=True)
    _open_my_shift(page)
    page.get_by_role("link", name="提交交班").click()
    page.get_by_label("值班情况").fill("本班值守正常。")
    page.get_by_role("button", name="提交交班").click()
    incoming = browser_page(phone=True)
    login(incoming, next_officer)
    incoming.goto(Handover.objects.get(shift=current_shift).get_absolute_url())
    incoming.get_by_role("button", name="确认接班").click()
    expect(incoming.locator("#handover-status")).to_have_text("已接班")

    # accepted, but the shift has 40 minutes to go: the log and incidents stay open
    _open_my_shift(page)
    page.get_by_label("摘要").fill("交班后市政府来电")
    page.get_by_role("button", name="记录日志").click()
    expect(page.locator("#log-panel")).to_contain_text("交班后市政府来电")
    expect(page.get_by_role("link", name="报告事件")).to_be_visible()
    _fits_phone(page)


def test_major_incident_escalates_to_the_director(
    browser_page, login, current_shift, officer, leader, director, time_machine, settings
):
    from duty.tasks import sweep_incident_escalations

    settings.DUTY_ACK_MINUTES_MAJOR = 15
    time_machine.move_to(current_shift.starts_at + timedelta(hours=1), tick=True)
    page = browser_page(phone=True)
    login(page, officer)
    _open_my_shift(page)
    page.get_by_role("link", name="报告事件").click()
    page.get_by_label("等级").select_option(label="较大")
    page.get_by_label("标题").fill("地下车库进水")
    page.get_by_role("button", name="报告事件").click()
    expect(page.locator("#acknowledgements")).to_contain_text(leader.display_name)
    expect(page.locator("#acknowledgements")).not_to_contain_text(director.display_name)

    # the leader does not acknowledge; the sweep runs 16 minutes later
    time_machine.move_to(current_shift.starts_at + timedelta(hours=1, minutes=16), tick=True)
    assert sweep_incident_escalations() == 1
    assert sweep_incident_escalations() == 0  # once per step

    boss = browser_page(phone=True)
    login(boss, director)
    boss.get_by_role("link", name=re.compile("地下车库进水")).first.click()
    expect(boss.locator("#acknowledgements")).to_contain_text(director.display_name)
    boss.get_by_role("button", name="确认收到").click()
    expect(boss.locator(".alert-success")).to_contain_text("已确认")
    boss.get_by_text("操作记录").click()
    expect(boss.get_by_text("事件逐级上报（未按时确认）")).to_be_visible()
    _fits_phone(boss)


def test_duty_tabs_all_in_sight_at_375_px_and_the_board_refreshes(
    browser_page, login, officer, current_shift, staff, monkeypatch
):
    page = browser_page(phone=True)
    page.set_viewport_size({"width": 375, "height": 812})
    login(page, officer)
    page.goto("/duty/")
    for name in ("交接班", "换班"):
        box = page.locator("#duty-tabs").get_by_role("link", name=name, exact=True).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375, (name, box)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    # 值班公示 for an employee off the duty staff, on a page the phone keeps open
    import importlib

    monkeypatch.setattr(importlib.import_module("duty.views.board"), "BOARD_REFRESH_SECONDS", 1)
    everyone = browser_page(phone=True)
    everyone.set_viewport_size({"width": 375, "height": 812})
    login(everyone, staff)
    expect(everyone.locator("#duty-board")).to_contain_text(officer.display_name)
    everyone.get_by_role("link", name="常开查看").click()
    with everyone.expect_response(
        lambda r: "/duty/board/" in r.url and r.request.headers.get("hx-request") == "true"
    ):
        pass  # htmx asks again by itself
    expect(everyone.locator("#duty-board")).to_contain_text(officer.display_name)
    assert everyone.evaluate("document.documentElement.scrollWidth") <= 375
