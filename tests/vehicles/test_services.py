"""Trip requests through the chain, dispatch without double booking, reassignment that
tells the people who lose the car, the trip record."""

from decimal import Decimal

import pytest
import time_machine

from office.errors import DomainError, NotAllowed
from office.models import Notification, OutboxMessage
from office.services.approvals import current_step
from vehicles import services
from vehicles.models import Dispatch, Trip, Vehicle

from .conftest import at

pytestmark = pytest.mark.django_db


def test_a_request_waits_for_the_department_head_who_approves_and_the_dispatcher_is_asked(
    staff, head_of_finance, dispatcher, trip_for
):
    trip = trip_for(staff, approve=False, passengers=[staff])
    assert trip.status == Trip.Status.AWAITING_APPROVAL
    assert current_step(trip).person == head_of_finance
    assert Notification.objects.filter(recipient=head_of_finance).exists()
    services.trip_decide(trip_id=trip.pk, by=head_of_finance, approve=True)
    trip.refresh_from_db()
    assert trip.status == Trip.Status.APPROVED
    assert Notification.objects.filter(recipient=dispatcher, kind="vehicles.trip_to_dispatch")


def test_the_requester_cannot_approve_and_a_return_needs_a_reason(staff, head_of_finance, trip_for):
    trip = trip_for(staff, approve=False)
    with pytest.raises(NotAllowed):
        services.trip_decide(trip_id=trip.pk, by=staff, approve=True)
    with pytest.raises(DomainError):
        services.trip_decide(trip_id=trip.pk, by=head_of_finance, approve=False, reason=" ")
    services.trip_decide(trip_id=trip.pk, by=head_of_finance, approve=False, reason="改乘公交")
    trip.refresh_from_db()
    assert (trip.status, trip.return_reason) == (Trip.Status.RETURNED, "改乘公交")
    assert (
        Notification.objects.get(recipient=staff, kind="vehicles.trip_returned").body == "改乘公交"
    )


def test_a_leaders_own_car_is_approved_by_that_leader_and_the_leader_needs_nobody(
    staff, head_of_finance, deputy, deputy_car, dispatcher, trip_for
):
    asked = trip_for(staff, approve=False, preferred_vehicle=deputy_car)
    assert current_step(asked).person == deputy
    own = trip_for(deputy, approve=False, preferred_vehicle=deputy_car)
    assert own.status == Trip.Status.APPROVED


def test_dispatch_tells_the_travellers_and_the_driver(
    staff, other_staff, dispatcher, pool_car, driver, trip_for
):
    trip = trip_for(staff, passengers=[staff, other_staff])
    dispatch = services.trip_dispatch(
        trip_id=trip.pk, vehicle=pool_car, driver=driver, by=dispatcher
    )
    trip.refresh_from_db()
    assert trip.status == Trip.Status.DISPATCHED and dispatch.vehicle == pool_car
    told = set(
        Notification.objects.filter(kind="vehicles.trip_dispatched").values_list(
            "recipient__username", flat=True
        )
    )
    assert told == {"staff", "other", "driver"}
    assert "13800000001" in Notification.objects.filter(recipient=staff).first().body


def test_a_clash_names_the_booking_and_the_free_cars_with_enough_seats(
    staff, other_staff, dispatcher, pool_car, van, driver, other_driver, trip_for
):
    first = trip_for(staff)
    services.trip_dispatch(trip_id=first.pk, vehicle=pool_car, driver=driver, by=dispatcher)
    Vehicle.objects.create(plate="京A·10003", seats=2)
    second = trip_for(other_staff, destination="市委党校", start=at(1, 11), end=at(1, 14), people=3)
    with pytest.raises(DomainError) as caught:
        services.trip_dispatch(
            trip_id=second.pk, vehicle=pool_car, driver=other_driver, by=dispatcher
        )
    message = str(caught.value)
    assert "京A·10001" in message and "市档案馆" in message and "staff" in message
    assert "京A·10002" in message  # the 7-seat van is free and fits three
    assert "京A·10003" not in message  # two seats are too few
    second.refresh_from_db()
    assert second.status == Trip.Status.APPROVED
    assert Dispatch.objects.filter(trip=second).count() == 0


def test_a_driver_clash_names_the_driver_and_who_is_free(
    staff, other_staff, dispatcher, pool_car, van, driver, other_driver, trip_for
):
    first = trip_for(staff)
    services.trip_dispatch(trip_id=first.pk, vehicle=pool_car, driver=driver, by=dispatcher)
    second = trip_for(other_staff, start=at(1, 10), end=at(1, 11))
    with pytest.raises(DomainError) as caught:
        services.trip_dispatch(trip_id=second.pk, vehicle=van, driver=driver, by=dispatcher)
    assert "王师傅" in str(caught.value) and "李师傅" in str(caught.value)


def test_an_insert_that_hits_the_constraint_still_answers_the_clash(
    staff, other_staff, dispatcher, pool_car, driver, other_driver, trip_for, monkeypatch
):
    """As if a racing dispatch slipped past the check: the database refuses, with words."""
    first = trip_for(staff)
    services.trip_dispatch(trip_id=first.pk, vehicle=pool_car, driver=driver, by=dispatcher)
    second = trip_for(other_staff)
    from vehicles.services import dispatch as module

    monkeypatch.setattr(module, "_free_or_clash", lambda trip, vehicle, driver: None)
    with pytest.raises(DomainError) as caught:
        services.trip_dispatch(
            trip_id=second.pk, vehicle=pool_car, driver=other_driver, by=dispatcher
        )
    assert "京A·10001" in str(caught.value)
    assert Dispatch.objects.filter(status="active").count() == 1


def test_only_the_dispatcher_dispatches(staff, pool_car, driver, trip_for):
    trip = trip_for(staff)
    with pytest.raises(NotAllowed):
        services.trip_dispatch(trip_id=trip.pk, vehicle=pool_car, driver=driver, by=staff)
    trip.refresh_from_db()
    assert trip.status == Trip.Status.APPROVED


def test_reassigning_needs_a_reason_and_tells_the_passenger_the_replacement_at_once(
    staff, other_staff, dispatcher, pool_car, van, driver, other_driver, trip_for
):
    trip = trip_for(staff, passengers=[other_staff])
    services.trip_dispatch(trip_id=trip.pk, vehicle=pool_car, driver=driver, by=dispatcher)
    with pytest.raises(DomainError):
        services.trip_reassign(
            trip_id=trip.pk, vehicle=van, driver=other_driver, by=dispatcher, reason=""
        )
    services.trip_reassign(
        trip_id=trip.pk, vehicle=van, driver=other_driver, by=dispatcher, reason="原车故障"
    )
    notice = Notification.objects.get(recipient=other_staff, kind="vehicles.trip_reassigned")
    assert "京A·10001" in notice.body and "京A·10002" in notice.body and "原车故障" in notice.body
    assert OutboxMessage.objects.filter(task="office.tasks.send_notification_email").exists()
    assert Notification.objects.filter(recipient__username="driver", title__contains="不再")
    assert list(trip.dispatches.values_list("status", flat=True).order_by("pk")) == [
        "replaced",
        "active",
    ]


def test_lending_a_leaders_car_needs_a_reason_and_a_stand_in_and_tells_the_leader(
    county_head, deputy, deputy_car, pool_car, dispatcher, driver, trip_for
):
    """The seeds' case: the deputy's car lent to the county head for the morning."""
    trip = trip_for(county_head, passengers=[county_head])
    with pytest.raises(DomainError) as caught:
        services.trip_dispatch(trip_id=trip.pk, vehicle=deputy_car, driver=driver, by=dispatcher)
    assert "赵副县长" in str(caught.value)
    with pytest.raises(DomainError):
        services.trip_dispatch(
            trip_id=trip.pk, vehicle=deputy_car, driver=driver, by=dispatcher, lend_reason="接待"
        )
    assert not Notification.objects.filter(recipient=deputy, kind="vehicles.car_lent").exists()
    services.trip_dispatch(
        trip_id=trip.pk,
        vehicle=deputy_car,
        driver=driver,
        by=dispatcher,
        lend_reason="县长车辆年检",
        stand_in=pool_car,
    )
    notice = Notification.objects.get(recipient=deputy, kind="vehicles.car_lent")
    assert "京A·00002" in notice.title
    assert "县长车辆年检" in notice.body and "京A·10001" in notice.body


def test_the_trip_record_checks_the_odometer_and_frees_the_car(
    staff, dispatcher, pool_car, driver, driver_user, trip_for
):
    trip = trip_for(staff)
    services.trip_dispatch(trip_id=trip.pk, vehicle=pool_car, driver=driver, by=dispatcher)
    record = {"odometer_start": 1000, "odometer_end": 1080, "tolls": Decimal("15")}
    with pytest.raises(DomainError):
        services.trip_complete(trip_id=trip.pk, by=driver_user, **record)  # not started yet
    with time_machine.travel(at(1, 13), tick=False):
        with pytest.raises(DomainError) as caught:
            services.trip_complete(
                trip_id=trip.pk, by=driver_user, odometer_start=1000, odometer_end=900
            )
        assert "900" in str(caught.value)
        dispatch = services.trip_complete(trip_id=trip.pk, by=driver_user, **record)
    assert dispatch.distance == 80 and dispatch.status == Dispatch.Status.COMPLETED
    trip.refresh_from_db()
    assert trip.status == Trip.Status.COMPLETED


def test_cancelling_a_dispatched_trip_frees_the_car_and_tells_the_driver(
    staff, dispatcher, pool_car, driver, trip_for
):
    trip = trip_for(staff)
    services.trip_dispatch(trip_id=trip.pk, vehicle=pool_car, driver=driver, by=dispatcher)
    with pytest.raises(DomainError):
        services.trip_cancel(trip_id=trip.pk, by=staff, reason="")
    services.trip_cancel(trip_id=trip.pk, by=staff, reason="会议取消")
    assert Notification.objects.filter(recipient__username="driver", kind="vehicles.trip_cancelled")
    again = trip_for(staff)
    services.trip_dispatch(trip_id=again.pk, vehicle=pool_car, driver=driver, by=dispatcher)


@pytest.mark.parametrize(
    "status, step, allowed",
    [
        ("awaiting_approval", "dispatch", False),
        ("approved", "dispatch", True),
        ("dispatched", "dispatch", False),
        ("approved", "reassign", False),
        ("approved", "complete", False),
        ("cancelled", "cancel", False),
        ("completed", "cancel", False),
    ],
)
def test_transitions(status, step, allowed, staff, dispatcher, pool_car, driver, trip_for):
    trip = trip_for(staff)
    Trip.objects.filter(pk=trip.pk).update(status=status)
    calls = {
        "dispatch": lambda: services.trip_dispatch(
            trip_id=trip.pk, vehicle=pool_car, driver=driver, by=dispatcher
        ),
        "reassign": lambda: services.trip_reassign(
            trip_id=trip.pk, vehicle=pool_car, driver=driver, by=dispatcher, reason="x"
        ),
        "complete": lambda: services.trip_complete(
            trip_id=trip.pk, by=dispatcher, odometer_start=1, odometer_end=2
        ),
        "cancel": lambda: services.trip_cancel(trip_id=trip.pk, by=dispatcher, reason="x"),
    }
    if allowed:
        calls[step]()
    else:
        with pytest.raises(DomainError):
            calls[step]()
        assert Trip.objects.get(pk=trip.pk).status == status


@pytest.mark.django_db(transaction=True)
def test_two_dispatchers_giving_the_same_car_at_once_one_wins_the_other_is_told(
    staff, other_staff, dispatcher, pool_car, driver, other_driver, trip_for
):
    """Both pass the form; the car's lock orders them and the second sees the first."""
    import threading

    from django.db import connection

    first, second = trip_for(staff), trip_for(other_staff)
    barrier, results = threading.Barrier(2), {}

    def give(trip, person):
        try:
            barrier.wait(timeout=10)
            services.trip_dispatch(trip_id=trip.pk, vehicle=pool_car, driver=person, by=dispatcher)
            results[trip.pk] = "ok"
        except DomainError as exc:
            results[trip.pk] = str(exc)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=give, args=(first, driver)),
        threading.Thread(target=give, args=(second, other_driver)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert list(results.values()).count("ok") == 1, results
    loser = next(text for text in results.values() if text != "ok")
    assert "京A·10001" in loser
    assert Dispatch.objects.filter(status="active").count() == 1


def test_the_driver_is_reminded_to_record_the_trip_until_it_is_recorded(
    staff, dispatcher, pool_car, van, driver, driver_user, trip_for
):
    from office.models import Reminder

    trip = trip_for(staff)
    services.trip_dispatch(trip_id=trip.pk, vehicle=pool_car, driver=driver, by=dispatcher)
    reminder = Reminder.objects.get(kind="vehicles.record_due", recipient=driver_user)
    assert reminder.due_at == at(1, 13)
    services.trip_reassign(
        trip_id=trip.pk, vehicle=van, driver=driver, by=dispatcher, reason="换大车"
    )
    assert Reminder.objects.filter(kind="vehicles.record_due", status="pending").count() == 1
    with time_machine.travel(at(1, 12, 30), tick=False):
        services.trip_complete(trip_id=trip.pk, by=driver_user, odometer_start=10, odometer_end=20)
    assert not Reminder.objects.filter(kind="vehicles.record_due", status="pending").exists()


def test_the_seeds_case_the_deputys_booked_car_cannot_be_taken_silently(
    county_head, deputy, deputy_car, pool_car, van, dispatcher, driver, other_driver, trip_for
):
    """The deputy's own trip holds his car: lending it for the county head's morning is
    refused naming the deputy's trip; only a reassignment with a reason frees it, and the
    deputy hears at once which car he gets instead."""
    own = trip_for(deputy, passengers=[deputy], preferred_vehicle=deputy_car, start=at(1, 10))
    services.trip_dispatch(trip_id=own.pk, vehicle=deputy_car, driver=driver, by=dispatcher)
    borrowed = trip_for(county_head, passengers=[county_head], start=at(1, 8, 30))
    with pytest.raises(DomainError) as caught:
        services.trip_dispatch(
            trip_id=borrowed.pk,
            vehicle=deputy_car,
            driver=other_driver,
            by=dispatcher,
            lend_reason="县长专车年检",
            stand_in=van,
        )
    assert "京A·00002" in str(caught.value) and "赵副县长" in str(caught.value)
    services.trip_reassign(
        trip_id=own.pk, vehicle=pool_car, driver=driver, by=dispatcher, reason="县长借用专车"
    )
    notice = Notification.objects.get(recipient=deputy, kind="vehicles.trip_reassigned")
    assert "京A·10001" in notice.body and "县长借用专车" in notice.body
    services.trip_dispatch(
        trip_id=borrowed.pk,
        vehicle=deputy_car,
        driver=other_driver,
        by=dispatcher,
        lend_reason="县长专车年检",
        stand_in=van,
    )
    assert Notification.objects.filter(recipient=deputy, kind="vehicles.car_lent").exists()
