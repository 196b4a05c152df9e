"""The dispatcher keeps the fleet: adding cars and drivers, audited; a plate twice or a bad
phone number is refused with a message; nobody else may."""

import pytest
from django.urls import reverse

from office.models import AuditEvent
from vehicles.models import Driver, Vehicle

pytestmark = pytest.mark.django_db

CAR = {
    "plate": "京a·20001",
    "kind": "sedan",
    "seats": "4",
    "power": "electric",
    "status": "in_service",
    "order": "0",
}


def test_the_dispatcher_adds_a_car_and_a_plate_twice_is_refused(dispatcher, client_for):
    client = client_for(dispatcher)
    assert client.post(reverse("vehicles:vehicle_create"), CAR).status_code == 302
    car = Vehicle.objects.get()
    assert car.plate == "京A·20001"
    assert AuditEvent.objects.filter(verb="vehicles.vehicle_added").exists()
    again = client.post(reverse("vehicles:vehicle_create"), CAR)
    assert again.status_code == 200 and Vehicle.objects.count() == 1
    assert "车牌号" in again.content.decode() and "is-invalid" in again.content.decode()


def test_a_driver_needs_a_phone_number_of_digits(dispatcher, client_for):
    client = client_for(dispatcher)
    data = {"name": "陈师傅", "licence_class": "B1", "phone": "call me", "active": "on"}
    page = client.post(reverse("vehicles:driver_create"), data)
    assert "电话号码只能包含数字" in page.content.decode()
    assert not Driver.objects.exists()
    data["phone"] = "13800000009"
    assert client.post(reverse("vehicles:driver_create"), data).status_code == 302
    assert Driver.objects.get().name == "陈师傅"


def test_only_the_dispatcher_changes_the_fleet(staff, director, client_for):
    assert client_for(staff).post(reverse("vehicles:vehicle_create"), CAR).status_code == 403
    assert client_for(director).post(reverse("vehicles:vehicle_create"), CAR).status_code == 403
    assert client_for(director).get(reverse("vehicles:fleet")).status_code == 200
    assert not Vehicle.objects.exists()
