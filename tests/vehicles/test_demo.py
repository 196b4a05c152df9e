import pytest

from office import demo as office_demo
from office.models import Notification
from vehicles import demo
from vehicles.models import Dispatch, Trip

pytestmark = pytest.mark.django_db


def test_the_demo_has_trips_in_every_state_and_the_lent_car_case_and_runs_twice():
    office_demo.seed(lambda message: None)
    demo.seed(lambda message: None)
    count = Trip.objects.count()
    demo.seed(lambda message: None)
    assert Trip.objects.count() == count
    assert set(Trip.objects.values_list("status", flat=True)) == set(Trip.Status.values)
    assert Dispatch.objects.filter(status=Dispatch.Status.REPLACED).exists()
    lent = Dispatch.objects.get(
        status="active", vehicle__plate="京A·00002", trip__requested_by__username="xianzhang"
    )
    assert lent.lend_reason and lent.stand_in is not None
    assert Notification.objects.filter(recipient__username="fuxianzhang", kind="vehicles.car_lent")
    assert Dispatch.objects.filter(status="completed").count() == 7
