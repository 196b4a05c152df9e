"""The people picker: typing pinyin initials finds a person, Enter picks them; people are
grouped by department; the form sends the chosen person."""

import re
from datetime import timedelta

import pytest
from django.utils.timezone import localtime, now
from playwright.sync_api import expect

from reception.models import Visit
from tests.factories import DepartmentFactory, UserFactory

pytestmark = pytest.mark.e2e


def test_initials_find_a_person_and_enter_picks_them(browser_page, login, pick, receptionist):
    archive = DepartmentFactory(code="archive", name="档案室", order=5)
    zhang = UserFactory(username="zhangxm", name="张晓明", department=archive)
    UserFactory(username="zhaoxm", name="赵小梅", department=archive)
    page = browser_page()
    login(page, receptionist)
    page.goto("/reception/visits/new/")
    control = page.locator("#id_host + .ts-wrapper .ts-control")
    expect(control).to_be_visible()  # the select became a picker
    expect(page.locator("#id_host")).to_have_class(re.compile("tomselected"))
    control.click()
    page.keyboard.type("zxm")
    options = page.locator("#id_host-ts-dropdown .option")
    expect(options).to_have_count(2)  # 张晓明 and 赵小梅: both zxm
    expect(page.locator("#id_host-ts-dropdown .optgroup-header")).to_contain_text(["档案室"])
    expect(options.first).to_contain_text("张晓明")  # pinyin order inside the department
    page.keyboard.press("Enter")
    expect(page.locator("#id_host")).to_have_value(str(zhang.pk))
    expect(page.locator(".ts-control .item")).to_contain_text("张晓明")

    page.get_by_label("单位").fill("市档案馆")
    page.get_by_label("来访事由").fill("业务指导")
    start = localtime(now() + timedelta(minutes=5))
    if start.date() != localtime(now()).date():
        start = localtime(now())
    page.get_by_label("预计到达时间").fill(start.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("预计离开时间").fill((start + timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("姓名").fill("周文")
    page.get_by_role("button", name="登记", exact=True).click()
    expect(page.locator(".alert-success")).to_contain_text("来访已登记")
    assert Visit.objects.get().host == zhang


def test_a_multi_picker_takes_several_people_by_keyboard(browser_page, login, pick, director):
    office = DepartmentFactory(code="office", name="办公室")
    li = UserFactory(username="lisi", name="李四", department=office)
    wang = UserFactory(username="wangwu", name="王五", department=office)
    page = browser_page()
    login(page, director)
    page.goto("/supervision/new/")
    pick(page, "#id_co_owners", "ls", "李四")
    pick(page, "#id_co_owners", "ww", "王五")
    selected = page.locator("#id_co_owners option:checked")
    expect(selected).to_have_count(2)
    assert set(selected.evaluate_all("els => els.map(e => e.value)")) == {str(li.pk), str(wang.pk)}
