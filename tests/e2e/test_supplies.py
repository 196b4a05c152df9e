"""办公用品, as people click it, in Chinese: a member of staff asks for paper and pens, the
head of the department approves, the storekeeper issues them and the stock goes down; a
second requisition for more paper than is left is refused with the shortfall named and
nothing issued."""

import pytest
from playwright.sync_api import expect

from office.models import Department
from supplies import services
from supplies.models import Item, Requisition, StockLevel, Store
from supplies.services import Line
from tests.factories import UserFactory

pytestmark = pytest.mark.e2e


def _request(page, lines, purpose):
    page.goto("/supplies/")
    page.locator("#supplies-nav").get_by_role("link", name="申请领用").click()
    page.get_by_label("库房").select_option(label="一号库房")
    page.get_by_label("事由").fill(purpose)
    for n, (label, quantity) in enumerate(lines, start=1):
        page.locator(f"#id_item_{n}").select_option(label=label)
        page.locator(f"#id_quantity_{n}").fill(str(quantity))
    page.get_by_role("button", name="提交申请").click()


def test_request_approve_issue_and_short_stock_refused(browser_page, login, staff):
    head = UserFactory(username="hugang", name="胡刚", department=staff.department)
    Department.objects.filter(pk=staff.department_id).update(head=head)
    keeper = UserFactory(username="storekeeper", name="罗小梅", roles=["storekeeper"])
    store = Store.objects.create(name="一号库房")
    paper = Item.objects.create(name="复印纸", spec="A4 70g", unit="包", threshold=2)
    pens = Item.objects.create(name="签字笔", spec="0.5mm", unit="支", threshold=5)
    services.stock_receive(store=store, lines=[Line(paper, 10), Line(pens, 20)], by=keeper)

    # Staff asks for three packs of paper and five pens.
    page = browser_page()
    login(page, staff)
    _request(page, [("复印纸（A4 70g）", 3), ("签字笔（0.5mm）", 5)], "季度报表打印")
    expect(page.locator("#record-status")).to_have_text("待审批")
    first = Requisition.objects.get()

    # The head of the department approves it from its page.
    boss = browser_page()
    login(boss, head)
    boss.goto(first.get_absolute_url())
    boss.get_by_role("button", name="批准").click()
    expect(boss.locator("#record-status")).to_have_text("待发放")

    # The storekeeper issues it: the stock list shows 7 packs and 15 pens.
    desk = browser_page()
    login(desk, keeper)
    desk.goto(first.get_absolute_url())
    desk.get_by_role("button", name="出库发放").click()
    expect(desk.locator("#record-status")).to_have_text("已发放")
    desk.locator("#supplies-nav").get_by_role("link", name="库存").click()
    expect(desk.locator('#stock-list tr[data-item="复印纸"] .stock-quantity')).to_contain_text("7")
    expect(desk.locator('#stock-list tr[data-item="签字笔"] .stock-quantity')).to_contain_text("15")

    # A second requisition asks for more paper than is left: refused, nothing issued.
    _request(page, [("复印纸（A4 70g）", 8), ("签字笔（0.5mm）", 1)], "年鉴印制")
    second = Requisition.objects.exclude(pk=first.pk).get()
    boss.goto(second.get_absolute_url())
    boss.get_by_role("button", name="批准").click()
    desk.goto(second.get_absolute_url())
    desk.get_by_role("button", name="出库发放").click()
    error = desk.locator(".alert-danger")
    expect(error).to_contain_text("库存不足，未发放任何物品")
    expect(error).to_contain_text("复印纸（A4 70g）：申领8包，库存7")
    expect(desk.locator("#record-status")).to_have_text("待发放")
    assert StockLevel.objects.get(item=pens).quantity == 15


def test_the_storekeeper_edits_a_catalogue_entry(browser_page, login):
    keeper = UserFactory(username="storekeeper", name="罗小梅", roles=["storekeeper"])
    store = Store.objects.create(name="一号库房")
    paper = Item.objects.create(name="复印纸", spec="A4 70g", unit="包", threshold=2)
    services.stock_receive(store=store, lines=[Line(paper, 10)], by=keeper)

    page = browser_page()
    login(page, keeper)
    page.goto("/supplies/")
    page.locator("#stock-list").get_by_role("link", name="复印纸").click()
    page.get_by_label("库存预警值").fill("-3")
    page.get_by_role("button", name="保存").click()
    expect(page.locator("#item-form")).to_be_visible()  # refused, the form again
    page.get_by_label("库存预警值").fill("20")
    page.get_by_label("单位").fill("箱")
    page.get_by_label("在用").uncheck()
    page.get_by_role("button", name="保存").click()
    row = page.locator("#stock-list tr[data-item='复印纸']")
    expect(row).to_contain_text("已停用")
    expect(row).to_contain_text("箱")
    paper.refresh_from_db()
    assert (paper.threshold, paper.active) == (20, False)
