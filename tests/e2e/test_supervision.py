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


def test_a_supervisor_chases_a_red_item_and_the_owner_replies(
    browser_page, login, clerk, staff, supervisor
):
    from supervision.models import Task
    from tests.supervision.factories import TaskFactory, in_days

    TaskFactory(
        title="整改消防通道堵塞问题", assigned_by=clerk, owner=staff,
        status=Task.Status.IN_PROGRESS, deadline=in_days(-3), original_deadline=in_days(-3),
    )  # fmt: skip

    # The supervisor finds it red on the board and chases the owner.
    checker = browser_page()
    login(checker, supervisor)
    checker.goto("/supervision/?light=red")
    checker.locator("#board").get_by_role("link", name="整改消防通道堵塞问题").click()
    expect(checker.locator("#task-light")).to_contain_text("逾期")
    checker.locator("#chase-form textarea").fill("已逾期三天，请说明原因并于周五前办结。")
    checker.locator("#chase-form").get_by_role("button", name="催办").click()
    expect(checker.locator(".alert-success")).to_contain_text("已催办")
    expect(checker.locator("#chase-count")).to_have_text("已催办 1 次")
    expect(checker.locator("#time-nodes")).to_contain_text("催办")

    # The owner, on a phone, is told and answers with an explanation.
    owner = browser_page(phone=True)
    login(owner, staff)
    owner.goto("/notifications/")
    owner.get_by_role("link", name=re.compile("第 1 次催办")).first.click()
    expect(owner.locator("#notes")).to_contain_text("请说明原因")
    owner.locator("#reply-form textarea").fill("施工单位材料未到，已协调周四进场。")
    owner.get_by_role("button", name="提交情况说明").click()
    expect(owner.locator(".alert-success")).to_contain_text("情况说明已记入")
    assert owner.evaluate("document.documentElement.scrollWidth") <= 390

    # The explanation is part of the record the supervisor sees.
    checker.reload()
    expect(checker.locator("#notes .note-reply")).to_contain_text("施工单位材料未到")
    expect(checker.locator("#time-nodes")).to_contain_text("情况说明")


def test_a_split_item_completes_only_after_its_sub_items_are_verified(
    browser_page, login, clerk, staff, other_staff, supervisor
):
    from supervision.models import Task
    from tests.supervision.factories import TaskFactory, in_days

    parent = TaskFactory(
        title="创建节约型机关", assigned_by=clerk, owner=staff, co_owners=[other_staff],
        status=Task.Status.IN_PROGRESS, deadline=in_days(20), original_deadline=in_days(20),
    )  # fmt: skip

    # The owner splits it: one part for the co-owner, with its own deadline.
    owner = browser_page()
    login(owner, staff)
    owner.goto(parent.get_absolute_url())
    owner.get_by_text("分解给协办人", exact=True).click()
    owner.locator("#id_split-owner_0").select_option(index=1)
    owner.locator("#id_split-title_0").fill("制定节能实施方案")
    owner.locator("#id_split-deadline_0").fill(in_days(10).isoformat())
    owner.locator("#split-form").get_by_role("button", name="分解").click()
    expect(owner.locator(".alert-success")).to_contain_text("已分解为 1 个事项")
    expect(owner.locator("#sub-items")).to_contain_text("制定节能实施方案")

    # Completion is refused while the part is open, with the reason.
    owner.get_by_text("申请办结", exact=True).click()
    owner.get_by_label("办理结果").fill("已完成。")
    owner.get_by_role("button", name="提交核验").click()
    expect(owner.locator(".alert-danger")).to_contain_text("所有分解事项核验后才能办结")
    expect(owner.locator("#task-title")).to_contain_text("办理中")

    # The co-owner does the part; the supervisor verifies it.
    helper = browser_page(phone=True)
    login(helper, other_staff)
    helper.goto(parent.get_absolute_url())
    helper.locator("#sub-items").get_by_role("link", name="制定节能实施方案").click()
    expect(helper.locator("#split-parent")).to_contain_text("创建节约型机关")
    helper.get_by_role("button", name="接收事项").click()
    helper.get_by_text("申请办结", exact=True).click()
    helper.get_by_label("办理结果").fill("实施方案已印发。")
    helper.get_by_role("button", name="提交核验").click()
    expect(helper.locator("#task-title")).to_contain_text("待核验")
    checker = browser_page()
    login(checker, supervisor)
    checker.goto(helper.url)
    checker.get_by_role("button", name="核验办结").click()
    expect(checker.locator("#task-title")).to_contain_text("已办结")

    # Now the parent can be completed and verified.
    owner.goto(parent.get_absolute_url())
    owner.get_by_text("申请办结", exact=True).click()
    owner.get_by_label("办理结果").fill("各分解事项均已完成。")
    owner.get_by_role("button", name="提交核验").click()
    expect(owner.locator("#task-title")).to_contain_text("待核验")
    checker.goto(parent.get_absolute_url())
    checker.get_by_role("button", name="核验办结").click()
    expect(checker.locator("#task-title")).to_contain_text("已办结")
