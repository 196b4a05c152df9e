"""Reads, always scoped to the user: a trip is seen by its requester, passengers, driver,
approvers, the dispatcher and the director; anyone else gets 404."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.db.models.functions import Cast
from django.utils.timezone import now

from office.calendar import CalendarEvent
from office.models import ApprovalStep

from . import permissions
from .models import Dispatch, Driver, Trip, Vehicle


def _current_prefetch() -> Prefetch:
    return Prefetch(
        "dispatches",
        queryset=Dispatch.objects.filter(status__in=Dispatch.CURRENT).select_related(
            "vehicle", "driver", "driver__user"
        ),
        to_attr="current_dispatches",
    )


def _approver_of(user) -> Exists:
    return Exists(
        ApprovalStep.objects.filter(
            chain__target_type=ContentType.objects.get_for_model(Trip),
            chain__target_id=Cast(OuterRef("pk"), CharField()),
        ).filter(Q(person=user) | Q(decided_by=user))
    )


def _scope(user) -> Q:
    passenger = Exists(Trip.passengers.through.objects.filter(trip=OuterRef("pk"), user=user))
    driving = Exists(Dispatch.objects.filter(trip=OuterRef("pk"), driver__user=user))
    return Q(requested_by=user) | Q(passenger) | Q(driving) | Q(_approver_of(user))


def trips_for(user) -> QuerySet[Trip]:
    trips = Trip.objects.all()
    if not (user and user.is_authenticated):
        return trips.none()
    if permissions.sees_all(user):
        return trips
    return trips.filter(_scope(user))


def trip_list_for(user, *, status: str = "", mine: bool = False) -> QuerySet[Trip]:
    trips = trips_for(user) if not mine else Trip.objects.filter(_scope(user))
    if status in Trip.Status.values:
        trips = trips.filter(status=status)
    return trips.select_related("requested_by", "department").prefetch_related(_current_prefetch())


def trip_detail_for(user, pk: int) -> Trip:
    """One trip in scope with what its page shows (raises Trip.DoesNotExist)."""
    return (
        trips_for(user)
        .select_related("requested_by", "department", "preferred_vehicle__leader")
        .prefetch_related("passengers", _current_prefetch())
        .get(pk=pk)
    )


def dispatches_of(trip: Trip) -> QuerySet[Dispatch]:
    return trip.dispatches.select_related("vehicle", "driver", "dispatched_by", "stand_in")


def vehicle_clash(*, vehicle, start, end, exclude_trip=None) -> Dispatch | None:
    clashes = Dispatch.objects.filter(
        vehicle=vehicle, status=Dispatch.Status.ACTIVE, start__lt=end, end__gt=start
    )
    if exclude_trip is not None:
        clashes = clashes.exclude(trip=exclude_trip)
    return clashes.select_related("trip__requested_by", "vehicle").order_by("start").first()


def driver_clash(*, driver, start, end, exclude_trip=None) -> Dispatch | None:
    clashes = Dispatch.objects.filter(
        driver=driver, status=Dispatch.Status.ACTIVE, start__lt=end, end__gt=start
    )
    if exclude_trip is not None:
        clashes = clashes.exclude(trip=exclude_trip)
    return clashes.select_related("trip__requested_by", "driver").order_by("start").first()


def _busy(start, end, exclude_trip=None, **match):
    busy = Dispatch.objects.filter(
        status=Dispatch.Status.ACTIVE, start__lt=end, end__gt=start, **match
    )
    return busy.exclude(trip=exclude_trip) if exclude_trip is not None else busy


def free_vehicles(*, start, end, seats: int, exclude_trip=None) -> list[Vehicle]:
    """Cars in service with enough seats and no dispatch in [start, end); the pool's cars
    before the leaders' own, the smallest that fits first."""
    busy = _busy(start, end, exclude_trip, vehicle=OuterRef("pk"))
    return list(
        Vehicle.objects.filter(status=Vehicle.Status.IN_SERVICE, seats__gte=seats)
        .exclude(Exists(busy))
        .select_related("leader")
        .order_by(F("leader").asc(nulls_first=True), "seats", "order", "plate")
    )


def free_drivers(*, start, end, exclude_trip=None) -> list[Driver]:
    busy = _busy(start, end, exclude_trip, driver=OuterRef("pk"))
    return list(Driver.objects.filter(active=True).exclude(Exists(busy)).order_by("name"))


def last_odometer(vehicle) -> int | None:
    return (
        Dispatch.objects.filter(vehicle=vehicle, odometer_end__isnull=False)
        .order_by("-completed_at")
        .values_list("odometer_end", flat=True)
        .first()
    )


def trips_to_dispatch(user) -> QuerySet[Trip]:
    """To-do for the dispatcher: approved trips without a car yet."""
    if not permissions.is_dispatcher(user):
        return Trip.objects.none()
    return Trip.objects.filter(status=Trip.Status.APPROVED)


def dispatches_to_complete(user) -> QuerySet[Dispatch]:
    """To-do: trips under way or over whose record (odometer, fuel, tolls) is missing; the
    driver's own, and every one for the dispatcher."""
    if not (user and user.is_authenticated):
        return Dispatch.objects.none()
    due = Dispatch.objects.filter(status=Dispatch.Status.ACTIVE, start__lte=now())
    if not permissions.is_dispatcher(user):
        due = due.filter(driver__user=user)
    return due.select_related("vehicle")


def driver_dispatches(user) -> QuerySet[Dispatch]:
    """A driver's trips in force, the next first (their phone page)."""
    return (
        Dispatch.objects.filter(driver__user=user, status=Dispatch.Status.ACTIVE)
        .select_related("trip__requested_by", "vehicle")
        .order_by("start")
    )


def calendar_events_for(user) -> list[CalendarEvent]:
    """Trips the user travels on or drives, 30 days back to 180 ahead."""
    today = now()
    passenger = Exists(Trip.passengers.through.objects.filter(trip=OuterRef("trip"), user=user))
    dispatches = (
        Dispatch.objects.filter(
            Q(driver__user=user) | Q(passenger),
            status__in=[*Dispatch.CURRENT, Dispatch.Status.CANCELLED],
            start__gte=today - datetime.timedelta(days=30),
            start__lte=today + datetime.timedelta(days=180),
        )
        .select_related("trip", "vehicle", "driver")
        .order_by("start")
    )
    events: dict[int, CalendarEvent] = {}
    for dispatch in dispatches:  # a cancelled dispatch only if the trip has no other
        if dispatch.status == Dispatch.Status.CANCELLED and dispatch.trip_id in events:
            continue
        trip = dispatch.trip
        events[trip.pk] = CalendarEvent(
            uid=trip.calendar_uid,
            start=trip.start,
            end=trip.end,
            summary=f"{trip.destination}（{dispatch.vehicle.plate}）",
            location=trip.origin,
            description=f"{trip.purpose}\n{dispatch.driver.name} {dispatch.driver.phone}",
            url=trip.get_absolute_url(),
            sequence=trip.sequence,
            cancelled=dispatch.status == Dispatch.Status.CANCELLED,
        )
    return list(events.values())


def trips_of_people(user_ids, *, start, end) -> list[tuple[int, Trip]]:
    """(person, trip) for each open or completed trip in [start, end) that one of `user_ids`
    requested or travels on: what a leader's schedule gathers. Unscoped: the caller masks what
    a viewer may not open with trips_for(viewer)."""
    live = [*Trip.OPEN, Trip.Status.COMPLETED]
    window = Q(start__lt=end, end__gt=start, status__in=live)
    pairs = [
        (t.requested_by_id, t) for t in Trip.objects.filter(window, requested_by_id__in=user_ids)
    ]
    seen = {(person, t.pk) for person, t in pairs}
    riding = Trip.passengers.through.objects.filter(
        user_id__in=user_ids,
        trip__start__lt=end,
        trip__end__gt=start,
        trip__status__in=live,
    ).select_related("trip")
    pairs += [(r.user_id, r.trip) for r in riding if (r.user_id, r.trip_id) not in seen]
    return pairs
