"""车辆, as people click it, in Chinese: a member of staff asks for a car for two, the head
of the department approves, the dispatcher gives it a car and a driver; a second trip asked
for the same car at the same time is refused, naming the trip in the way and the free cars;
the dispatcher reassigns the first trip with a reason and the passenger finds the notice
with the replacement; the driver records the trip on a phone."""

import datetime

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import expect

from office.models import Department
from tests.factories import UserFactory
from vehicles.models import Driver, Trip, Vehicle

pytestmark = pytest.mark.e2e


def _local(days: int, hour: int) -> str:
    day = timezone.localdate() + datetime.timedelta(days=days)
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))
    return moment.strftime("%Y-%m-%dT%H:%M")


def _request(page, *, destination, start, end, people, passengers=()):
    page.goto("/vehicles/")
    page.locator("#vehicles-nav").get_by_role("link", name="申请用车").click()
    page.get_by_label("出发地").fill("县政府")
    page.get_by_label("目的地").fill(destination)
    page.get_by_label("出发时间").fill(start)
    page.get_by_label("返回时间").fill(end)
    page.get_by_label("人数").fill(str(people))
    if passengers:
        page.locator("#id_passengers").select_option([str(p.pk) for p in passengers])
    page.get_by_label("事由").fill("档案移交")
    page.get_by_role("button", name="提交申请").click()


def test_request_approve_dispatch_clash_reassign(browser_page, login, staff, other_staff):
    head = UserFactory(username="hugang", name="胡刚", department=staff.department)
    Department.objects.filter(pk=staff.department_id).update(head=head)
    dispatcher = UserFactory(username="dispatcher", name="高志远", roles=["dispatcher"])
    driver_user = UserFactory(username="driver", name="王师傅")
    Vehicle.objects.create(plate="京A·10001", seats=4)
    Vehicle.objects.create(plate="京A·10002", kind="mpv", seats=7)
    Driver.objects.create(name="王师傅", user=driver_user, phone="13800000001")
    Driver.objects.create(name="李师傅", phone="13800000002")

    # staff asks for a car for two: herself and a colleague.
    page = browser_page()
    login(page, staff)
    _request(
        page,
        destination="市档案馆",
        start=_local(1, 9),
        end=_local(1, 12),
        people=2,
        passengers=[staff, other_staff],
    )
    expect(page.locator("#trip-status")).to_have_text("待审批")
    trip = Trip.objects.get()

    # The head of the department approves from the trip page.
    boss = browser_page()
    login(boss, head)
    boss.goto(trip.get_absolute_url())
    boss.get_by_role("button", name="批准").click()
    expect(boss.locator("#trip-status")).to_have_text("待派车")

    # The dispatcher gives it the sedan and 王师傅.
    desk = browser_page()
    login(desk, dispatcher)
    desk.goto(trip.get_absolute_url())
    desk.get_by_role("link", name="派车").first.click()
    desk.locator("#id_vehicle").select_option(label="京A·10001（轿车，4座）")
    desk.locator("#id_driver").select_option(label="王师傅")
    desk.get_by_role("button", name="派车", exact=True).click()
    expect(desk.locator("#trip-status")).to_have_text("已派车")
    expect(desk.locator("#current-dispatch")).to_contain_text("京A·10001")

    # A second trip at the same time asks for the same car: refused, with the free cars.
    _request(page, destination="市委党校", start=_local(1, 10), end=_local(1, 11), people=1)
    second = Trip.objects.exclude(pk=trip.pk).get()
    boss.goto(second.get_absolute_url())
    boss.get_by_role("button", name="批准").click()
    desk.goto(f"/vehicles/trips/{second.pk}/dispatch/")
    desk.locator("#id_vehicle").select_option(label="京A·10001（轿车，4座）")
    desk.locator("#id_driver").select_option(label="李师傅")
    desk.get_by_role("button", name="派车", exact=True).click()
    errors = desk.locator(".alert-danger")
    expect(errors).to_contain_text("京A·10001 已派给“县政府 → 市档案馆”")
    expect(errors).to_contain_text("该时段空闲且座位足够的车辆：京A·10002")
    assert second.dispatches.count() == 0

    # The dispatcher reassigns the first trip to the MPV, saying why.
    desk.goto(trip.get_absolute_url())
    desk.get_by_role("link", name="改派").click()
    desk.locator("#id_vehicle").select_option(label="京A·10002（商务车，7座）")
    desk.get_by_label("改派车辆或驾驶员的理由").fill("京A·10001 临时送修")
    desk.get_by_role("button", name="改派并通知乘车人").click()
    expect(desk.locator("#current-dispatch")).to_contain_text("京A·10002")
    expect(desk.locator("#dispatch-history")).to_contain_text("临时送修")

    # The passenger finds the notice with the old car, the new one and the reason.
    passenger = browser_page()
    login(passenger, other_staff)
    passenger.goto("/notifications/")
    notices = passenger.locator("#notification-list")
    expect(notices).to_contain_text("您的用车已改派")
    expect(notices).to_contain_text("京A·10002")

    # The driver records the trip on a phone once it is over.
    with time_machine.travel(timezone.now() + datetime.timedelta(days=2)):
        phone = browser_page(phone=True)
        login(phone, driver_user)
        phone.goto(trip.get_absolute_url())
        phone.get_by_role("link", name="填写行车记录").click()
        phone.get_by_label("出车里程表读数（公里）").fill("12000")
        phone.get_by_label("回场里程表读数（公里）").fill("11990")
        phone.get_by_role("button", name="保存行车记录").click()
        expect(phone.locator("#complete-form")).to_contain_text("回场读数不能小于出车读数")
        phone.get_by_label("回场里程表读数（公里）").fill("12086")
        phone.get_by_role("button", name="保存行车记录").click()
        expect(phone.locator("#trip-status")).to_have_text("已完成")
        expect(phone.locator("#trip-record")).to_contain_text("86 km")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 390
