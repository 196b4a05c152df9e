"""督办 journey: the director assigns an item, the owner reports progress and requests
completion, a supervisor verifies it; the light and the statistics change with it."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

TITLE = "落实会议室设备更新"


def test_assign_report_complete_verify(browser_page, login, pick, director, staff, supervisor):
    deadline = timezone.localdate() + datetime.timedelta(days=2)

    # The director files the item; it is due in two days, so its light is yellow.
    boss = browser_page()
    login(boss, director)
    boss.locator("#mainnav").get_by_role("link", name="督办", exact=True).click()
    boss.get_by_role("link", name="交办事项").click()
    boss.get_by_label("事项名称").fill(TITLE)
    boss.get_by_label("督办内容").fill("更换第一会议室投影仪和话筒，完成调试。")
    pick(boss, "#id_owner", "staff", "staff · 财务处")  # the people picker
    boss.get_by_label("办结时限").fill(deadline.isoformat())
    boss.get_by_role("button", name="交办").click()
    expect(boss.locator(".alert-success")).to_contain_text("事项已交办")
    expect(boss.locator("#task-light")).to_contain_text("临期")
    expect(boss.locator("#task-title .light-yellow")).to_be_visible()

    # The supervisor's statistics: one open item, nothing due yet.
    checker = browser_page()
    login(checker, supervisor)
    checker.goto("/supervision/statistics/")
    expect(checker.locator("#overall-open")).to_have_text("1")
    expect(checker.locator("#overall-on-time")).to_have_text("0")
    expect(checker.locator("#overall-rate")).to_have_text("—")

    # The owner finds it in the to-do inbox, accepts, reports progress, requests completion.
    owner = browser_page(phone=True)
    login(owner, staff)
    owner.locator("#tab-todo").get_by_role("link", name=TITLE, exact=True).click()
    owner.get_by_role("button", name="接收事项").click()
    expect(owner.locator("#task-title")).to_contain_text("办理中")
    owner.get_by_text("报送进展", exact=True).click()
    owner.get_by_label("进展情况").fill("投影仪已到货，正在安装。")
    owner.get_by_role("button", name="提交进展").click()
    expect(owner.locator("#reports")).to_contain_text("投影仪已到货")
    owner.get_by_text("申请办结", exact=True).click()
    owner.get_by_label("办理结果").fill("设备已全部更换并调试完毕。")
    owner.get_by_role("button", name="提交核验").click()
    expect(owner.locator("#task-title")).to_contain_text("待核验")
    assert owner.evaluate("document.documentElement.scrollWidth") <= 390

    # The supervisor verifies from the to-do inbox; the light goes out.
    checker.goto("/")
    checker.locator("#tab-todo").get_by_role("link", name=TITLE, exact=True).click()
    checker.get_by_role("button", name="核验办结").click()
    expect(checker.locator("#task-title")).to_contain_text("已办结")
    expect(checker.locator("#task-title .light")).to_have_count(0)
    expect(checker.locator("#task-facts")).to_contain_text("按期")

    # ... and the statistics show it completed on time.
    checker.locator("#mainnav").get_by_role("link", name="督办", exact=True).click()
    checker.get_by_role("link", name="统计").click()
    expect(checker.locator("#overall-on-time")).to_have_text("1")
    expect(checker.locator("#overall-rate")).to_have_text("100.0%")
    expect(checker.locator("#overall-open")).to_have_text("0")
    checker.locator("#by-department").get_by_role("link", name="100.0%").click()
    expect(checker.locator("#board")).to_contain_text(TITLE)
    expect(checker).to_have_url(re.compile(r"outcome=due"))
