"""信访, as people click it, in Chinese: the petition officer registers a letter, accepts it
and opens the 受理告知书, records it sent and assigns the petition to a department; the head of
the department replies; the officer records the petitioner's satisfaction. A colleague of
another department who opens the petition gets 404."""

import pytest
from playwright.sync_api import expect

from office.models import Department
from petitions.models import Petition
from tests.factories import DepartmentFactory, UserFactory

pytestmark = pytest.mark.e2e


def test_letter_registered_accepted_assigned_replied_satisfaction(
    browser_page, login, office_department, staff
):
    officer = UserFactory(
        username="petitions",
        name="谢文博",
        roles=["petition_officer"],
        department=office_department,
    )
    land = DepartmentFactory(code="land", name="自然资源局")
    head = UserFactory(username="landhead", name="刘局长", department=land)
    Department.objects.filter(pk=land.pk).update(head=head)

    page = browser_page()
    login(page, officer)
    page.goto("/petitions/")
    page.locator("#petitions-nav").get_by_role("link", name="登记信访件").click()
    page.locator("#id_channel").select_option("letter")
    page.get_by_label("信访人").fill("张晓明")
    page.locator("#id_petitioner_id_number").fill("11010519491231002X")
    page.locator("#id_petitioner_phone").fill("13812345678")
    page.get_by_label("事由").fill("宅基地界址纠纷")
    page.get_by_label("反映事项").fill("邻居占用宅基地，请求处理。")
    page.locator("#id_category").select_option("land")
    page.locator("#petition-form").get_by_role("button").click()
    expect(page.locator("#petition-status")).to_have_text("已登记")
    petition = Petition.objects.get()

    page.get_by_role("button", name="受理", exact=True).click()
    expect(page.locator("#petition-status")).to_have_text("已受理")
    pdf = page.request.get(page.locator("#notice-pdf").get_attribute("href"))
    assert pdf.status == 200 and pdf.headers["content-type"] == "application/pdf"
    page.get_by_role("button", name="登记告知书已送达").click()
    expect(page.locator("#notice-state")).to_contain_text("已送达")

    page.locator("#id_department").select_option(str(land.pk), force=True)
    page.locator("#assign-form").get_by_role("button", name="转办").click()
    expect(page.locator("#petition-status")).to_have_text("办理中")
    expect(page.locator(".light")).to_be_visible()

    # The head of the department sees the petitioner masked and replies.
    desk = browser_page()
    login(desk, head)
    desk.goto(petition.get_absolute_url())
    expect(desk.locator("#petitioner")).to_contain_text("张**")
    expect(desk.locator("#petitioner")).not_to_contain_text("13812345678")
    desk.get_by_label("处理意见").fill("经现场核实，已调解，恢复原界址。")
    desk.get_by_role("button", name="提交处理意见").click()
    expect(desk.locator("#petition-status")).to_have_text("已答复")

    page.goto(petition.get_absolute_url())
    expect(page.locator("#reply")).to_contain_text("恢复原界址")
    page.locator("#satisfaction-form").get_by_label("基本满意").check()
    page.locator("#satisfaction-form").get_by_role("button", name="登记").click()
    expect(page.locator("#petition-status")).to_have_text("已办结")
    expect(page.locator("#satisfaction")).to_have_text("基本满意")

    # Someone of another department: 404.
    outsider = browser_page()
    login(outsider, staff)
    response = outsider.goto(petition.get_absolute_url())
    assert response.status == 404


def test_the_department_head_finds_the_petition_from_the_menu(browser_page, login):
    from petitions import services
    from tests.petitions.conftest import data

    officer = UserFactory(username="petitions", name="谢文博", roles=["petition_officer"])
    land = DepartmentFactory(code="land", name="自然资源局")
    head = UserFactory(username="landhead", name="刘局长", department=land)
    Department.objects.filter(pk=land.pk).update(head=head)
    petition = services.petition_register(data=data(title="宅基地界址纠纷"), by=officer)
    services.petition_accept(petition_id=petition.pk, by=officer)
    services.petition_assign(petition_id=petition.pk, by=officer, department=land)

    page = browser_page()
    login(page, head)
    page.goto("/")
    page.locator("#mainnav").get_by_role("link", name="信访").click()
    expect(page.locator("#handling-note")).to_contain_text("待本部门办理答复的信访件")
    page.locator("#petition-list").get_by_role("link", name="宅基地界址纠纷").click()
    expect(page.locator("#reply-form")).to_be_visible()
