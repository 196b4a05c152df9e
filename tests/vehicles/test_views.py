"""Pages: who sees a trip (404 for outsiders), who may act (403), bad input, the prefilled
request form, the clash on the dispatch page, the PDF, figures, spreadsheet, calendar."""

import io

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import UserFactory
from tests.pdf import pdf_text
from vehicles import services
from vehicles.models import Trip

from .conftest import at

pytestmark = pytest.mark.django_db


@pytest.fixture
def dispatched(staff, other_staff, dispatcher, pool_car, driver, trip_for):
    trip = trip_for(staff, passengers=[other_staff])
    services.trip_dispatch(trip_id=trip.pk, vehicle=pool_car, driver=driver, by=dispatcher)
    return trip


def test_anonymous_is_sent_to_log_in(client, dispatched):
    response = client.get(dispatched.get_absolute_url())
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["staff", "other", "driver", "hugang", "dispatcher"])
def test_requester_passenger_driver_approver_and_dispatcher_see_the_trip(
    who, dispatched, client_for, django_user_model
):
    response = client_for(django_user_model.objects.get(username=who)).get(
        dispatched.get_absolute_url()
    )
    assert response.status_code == 200
    assert "京A·10001" in response.content.decode()


def test_an_outsider_gets_404_for_the_trip_and_its_pdf(dispatched, client_for):
    outsider = client_for(UserFactory(username="outsider"))
    assert outsider.get(dispatched.get_absolute_url()).status_code == 404
    assert outsider.get(reverse("vehicles:dispatch_pdf", args=[dispatched.pk])).status_code == 404
    assert dispatched.destination not in outsider.get(reverse("vehicles:index")).content.decode()


def test_a_passenger_may_not_open_the_dispatch_page(dispatched, other_staff, client_for, trip_for):
    approved = trip_for(other_staff)
    client = client_for(other_staff)
    assert client.get(reverse("vehicles:dispatch", args=[approved.pk])).status_code == 403
    assert client.get(reverse("vehicles:fleet")).status_code == 403


def test_a_trip_that_ends_before_it_starts_is_refused_and_nothing_saved(staff, client_for):
    response = client_for(staff).post(
        reverse("vehicles:create"),
        {
            "origin": "县政府",
            "destination": "市档案馆",
            "start": at(2, 10).strftime("%Y-%m-%dT%H:%M"),
            "end": at(2, 9).strftime("%Y-%m-%dT%H:%M"),
            "people": 1,
            "purpose": "档案移交",
        },
    )
    assert response.status_code == 200
    assert "返回时间必须晚于出发时间" in response.content.decode()
    assert not Trip.objects.exists()


def test_a_link_from_reception_or_a_meeting_prefills_the_form(staff, client_for):
    day = at(3).date().isoformat()
    response = client_for(staff).get(
        reverse("vehicles:create"),
        {
            "date": day,
            "start": "14:00",
            "end": "17:30",
            "from": "县政府",
            "to": "高铁站",
            "people": "3",
            "purpose": "接站",
            "source": "/reception/",
        },
    )
    page = response.content.decode()
    assert f'value="{day}T14:00"' in page and f'value="{day}T17:30"' in page
    assert 'value="高铁站"' in page and 'value="3"' in page and 'value="/reception/"' in page


def test_bad_prefill_values_are_ignored_with_a_message(staff, client_for):
    response = client_for(staff).get(
        reverse("vehicles:create"),
        {"date": "3000-01-01", "people": "many", "source": "https://evil.example/"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert 'value="https://evil.example/"' not in page  # not kept as where it came from
    assert "无法识别" in page or "忽略" in page


def test_the_dispatch_page_refuses_a_clash_naming_the_free_cars(
    dispatched, dispatcher, other_driver, van, pool_car, client_for, trip_for, other_staff
):
    second = trip_for(other_staff, start=at(1, 10), end=at(1, 11))
    response = client_for(dispatcher).post(
        reverse("vehicles:dispatch", args=[second.pk]),
        {"vehicle": pool_car.pk, "driver": other_driver.pk},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "京A·10001 已派给" in page and "该时段空闲且座位足够的车辆：京A·10002" in page
    assert Trip.objects.get(pk=second.pk).status == Trip.Status.APPROVED


def test_the_dispatch_sheet_pdf_is_chinese_with_the_car_and_driver(dispatched, client_for, staff):
    response = client_for(staff).get(reverse("vehicles:dispatch_pdf", args=[dispatched.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert "派车单" in text and "1 / 2" not in text  # one sheet
    assert "京A·10001" in text and "王师傅" in text and "市档案馆" in text


def test_the_driver_records_the_trip_on_a_phone_and_the_figures_show_it(
    dispatched, driver_user, dispatcher, client_for
):
    with time_machine.travel(at(1, 13), tick=False):
        page = client_for(driver_user).get(reverse("vehicles:complete", args=[dispatched.pk]))
        assert page.status_code == 200
        response = client_for(driver_user).post(
            reverse("vehicles:complete", args=[dispatched.pk]),
            {"odometer_start": "12000", "odometer_end": "12086", "tolls": "20"},
        )
        assert response.status_code == 302
        month = at(1).strftime("%Y-%m")
        stats = client_for(dispatcher).get(reverse("vehicles:statistics"), {"month": month})
        page = stats.content.decode()
        assert 'id="km-chart"' in page and "86" in page
        sheet = client_for(dispatcher).get(reverse("vehicles:statistics_xlsx"), {"month": month})
    rows = list(load_workbook(io.BytesIO(sheet.content)).active.values)
    assert any(row[0] == "京A·10001" and row[2] == 86 for row in rows)


def test_the_trip_list_queries_do_not_grow_with_trips(
    staff,
    dispatcher,
    pool_car,
    van,
    driver,
    other_driver,
    trip_for,
    client_for,
    django_assert_max_num_queries,
):
    client = client_for(dispatcher)
    trip = trip_for(staff)
    services.trip_dispatch(trip_id=trip.pk, vehicle=pool_car, driver=driver, by=dispatcher)
    client.get(reverse("vehicles:index"))
    with django_assert_max_num_queries(12) as few:
        client.get(reverse("vehicles:index"))
    for day in range(2, 8):
        more = trip_for(staff, start=at(day, 9), end=at(day, 10))
        services.trip_dispatch(trip_id=more.pk, vehicle=van, driver=other_driver, by=dispatcher)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(reverse("vehicles:index"))


def test_passengers_and_drivers_find_the_trip_in_their_calendar_feed(
    dispatched, other_staff, driver_user, client
):
    for person in (other_staff, driver_user):
        feed = client.get(reverse("calendar_feed", args=[person.calendar_token]))
        assert "市档案馆" in feed.content.decode()


def test_the_home_page_shows_the_passenger_and_the_driver_their_car(
    dispatched, other_staff, driver_user, client_for
):
    for person in (other_staff, driver_user):
        page = client_for(person).get("/").content.decode()
        assert 'id="home-trips"' in page and "京A·10001" in page and "13800000001" in page


def test_the_head_returns_only_with_a_reason_and_approves_with_a_click(
    staff, head_of_finance, trip_for, client_for
):
    trip = trip_for(staff, approve=False)
    client = client_for(head_of_finance)
    client.post(reverse("vehicles:return", args=[trip.pk]), {"reason": ""})
    assert Trip.objects.get(pk=trip.pk).status == Trip.Status.AWAITING_APPROVAL
    page = client.get(trip.get_absolute_url()).content.decode()
    assert "请填写退回理由" in page
    client.post(reverse("vehicles:approve", args=[trip.pk]))
    assert Trip.objects.get(pk=trip.pk).status == Trip.Status.APPROVED
    assert client_for(staff).post(reverse("vehicles:approve", args=[trip.pk])).status_code == 403
