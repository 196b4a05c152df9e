"""Vehicles fixtures: a dispatcher, two leaders with their own cars, a pool car, drivers,
and trips in the state a test needs (made through the services)."""

import datetime

import pytest
from django.utils import timezone

from office.models import Department
from tests.factories import UserFactory
from vehicles import services
from vehicles.models import Driver, Trip, Vehicle


def at(days: int = 1, hour: int = 9, minute: int = 0) -> datetime.datetime:
    """An aware local time `days` from today at hour:minute (Asia/Shanghai)."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@pytest.fixture
def dispatcher(office_department):
    return UserFactory(
        username="dispatcher", name="高志远", roles=["dispatcher"], department=office_department
    )


@pytest.fixture
def head_of_finance(staff):
    head = UserFactory(username="hugang", name="胡刚", department=staff.department)
    Department.objects.filter(pk=staff.department_id).update(head=head)
    staff.refresh_from_db()
    return head


@pytest.fixture
def county_head(db):
    return UserFactory(username="xianzhang", name="李县长")


@pytest.fixture
def deputy(db):
    return UserFactory(username="fuxianzhang", name="赵副县长")


@pytest.fixture
def deputy_car(deputy):
    return Vehicle.objects.create(plate="京A·00002", kind="sedan", seats=4, leader=deputy)


@pytest.fixture
def pool_car(db):
    return Vehicle.objects.create(plate="京A·10001", kind="sedan", seats=4)


@pytest.fixture
def van(db):
    return Vehicle.objects.create(plate="京A·10002", kind="mpv", seats=7)


@pytest.fixture
def driver_user(db):
    return UserFactory(username="driver", name="王师傅")


@pytest.fixture
def driver(driver_user):
    return Driver.objects.create(name="王师傅", user=driver_user, phone="13800000001")


@pytest.fixture
def other_driver(db):
    return Driver.objects.create(name="李师傅", phone="13800000002")


@pytest.fixture
def trip_for(head_of_finance):
    """trip_for(user, **changes) -> an approved trip tomorrow 09:00–12:00 (its chain done)."""

    def make(user, *, approve=True, passengers=(), **changes):
        values = {
            "origin": "县政府",
            "destination": "市档案馆",
            "start": at(1, 9),
            "end": at(1, 12),
            "purpose": "档案移交",
            "people": max(1, len(passengers)),
            "passengers": list(passengers),
        }
        values.update(changes)
        trip = services.trip_request(data=services.TripData(**values), by=user)
        if approve and trip.status == Trip.Status.AWAITING_APPROVAL:
            from office.services.approvals import current_step

            step = current_step(trip)
            approver = step.person or UserFactory(username="boss", roles=[step.role])
            services.trip_decide(trip_id=trip.pk, by=approver, approve=True)
            trip.refresh_from_db()
        return trip

    return make
