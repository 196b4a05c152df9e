"""Dispatch (派车) and reassignment (改派).

The rule that a car or a driver is never booked twice is the database's: the exclusion
constraints on active dispatches. The services lock the car and the driver, check first and
answer with a message naming the clash and the free cars; should a concurrent insert still
hit a constraint, its IntegrityError becomes the same message, never a 500.

A leader's own car lent to someone else needs a reason and a car offered meanwhile, and the
leader is told at once; a reassigned trip's travellers and drivers are told at once, with
the replacement: never a silent swap.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.db import violates
from office.errors import DomainError, TransitionNotAllowed, require_actor
from office.i18n import Message
from office.services import audit, notify, reminder_schedule, reminders_cancel

from .. import permissions as perms
from .. import selectors
from ..models import Dispatch, Driver, Trip, Vehicle
from .trips import slot, travellers, trip_title

CONSTRAINTS = {"dispatch_vehicle_no_overlap", "dispatch_driver_no_overlap"}
RECORD_DUE = "vehicles.record_due"


class _Clash(Exception):
    """The check inside the transaction found the car or the driver taken."""


def _is_clash(exc: Exception) -> bool:
    return isinstance(exc, _Clash) or violates(exc, *CONSTRAINTS)


def _booking(dispatch: Dispatch) -> str:
    return _("“%(trip)s” (%(slot)s, requested by %(who)s)") % {
        "trip": dispatch.trip,
        "slot": slot(dispatch.start, dispatch.end),
        "who": dispatch.trip.requested_by,
    }


def clash_message(*, trip: Trip, vehicle: Vehicle, driver: Driver) -> str:
    """Which booking is in the way, and which cars (enough seats) and drivers are free."""
    start, end = trip.start, trip.end
    parts = []
    car_clash = selectors.vehicle_clash(vehicle=vehicle, start=start, end=end, exclude_trip=trip)
    driver_clash = selectors.driver_clash(driver=driver, start=start, end=end, exclude_trip=trip)
    if car_clash is not None:
        parts.append(
            _("%(car)s is already dispatched for %(what)s.")
            % {"car": vehicle.plate, "what": _booking(car_clash)}
        )
        free = selectors.free_vehicles(start=start, end=end, seats=trip.people, exclude_trip=trip)
        if free:
            parts.append(
                _("Free at that time with enough seats: %(cars)s.")
                % {"cars": "、".join(str(car) for car in free)}
            )
        else:
            parts.append(_("No other car with enough seats is free at that time."))
    if driver_clash is not None:
        parts.append(
            _("%(driver)s is already driving %(what)s.")
            % {"driver": driver.name, "what": _booking(driver_clash)}
        )
        free = selectors.free_drivers(start=start, end=end, exclude_trip=trip)
        if free:
            parts.append(
                _("Drivers free at that time: %(drivers)s.")
                % {"drivers": "、".join(d.name for d in free)}
            )
        else:
            parts.append(_("No other driver is free at that time."))
    if not parts:  # the other booking was withdrawn meanwhile; the constraint still said no
        parts.append(_("The car or the driver was booked for that time by someone else."))
    return " ".join(parts)


def _hold(vehicle_id: int, driver_id: int) -> None:
    """Dispatch one car and one driver at a time: lock their rows (car first, always).

    Two racing inserts against an exclusion constraint can deadlock instead of one getting
    the constraint's error; with the locks the second waits and then sees the first."""
    Vehicle.objects.select_for_update().filter(pk=vehicle_id).values_list("pk").first()
    Driver.objects.select_for_update().filter(pk=driver_id).values_list("pk").first()


def _check_fit(trip: Trip, vehicle: Vehicle, driver: Driver) -> None:
    if vehicle.status != Vehicle.Status.IN_SERVICE:
        raise DomainError(_("%(car)s is not in service.") % {"car": vehicle.plate})
    if vehicle.seats < trip.people:
        raise DomainError(
            _("%(car)s has %(seats)s seats, not enough for %(n)s people.")
            % {"car": vehicle.plate, "seats": vehicle.seats, "n": trip.people}
        )
    if not driver.active:
        raise DomainError(_("%(driver)s is not on the roster.") % {"driver": driver.name})


def _lending(trip: Trip, vehicle: Vehicle) -> bool:
    """Is this a leader's own car going to a trip the leader is not on?"""
    if not vehicle.leader_id:
        return False
    return vehicle.leader_id not in {person.pk for person in travellers(trip)}


def _check_lending(trip: Trip, vehicle: Vehicle, lend_reason: str, stand_in) -> None:
    if not _lending(trip, vehicle):
        return
    if not lend_reason:
        raise DomainError(
            _("%(car)s is %(leader)s's own car: say why it is lent for this trip.")
            % {"car": vehicle.plate, "leader": vehicle.leader}
        )
    if stand_in is None:
        raise DomainError(
            _("Choose the car offered to %(leader)s meanwhile.") % {"leader": vehicle.leader}
        )
    free = selectors.free_vehicles(start=trip.start, end=trip.end, seats=1, exclude_trip=trip)
    if stand_in == vehicle or stand_in not in free:
        raise DomainError(
            _("%(car)s is not free at that time to stand in.") % {"car": stand_in.plate}
        )


def _tell_leader(dispatch: Dispatch, by) -> None:
    trip, vehicle = dispatch.trip, dispatch.vehicle
    body = _(
        "From %(slot)s your car %(car)s drives %(who)s: %(trip)s.\nReason: %(reason)s\n"
        "Meanwhile %(stand_in)s is offered to you; the dispatcher %(dispatcher)s books it."
    ) % {
        "slot": slot(trip.start, trip.end),
        "car": vehicle.plate,
        "who": trip.requested_by,
        "trip": trip,
        "reason": dispatch.lend_reason,
        "stand_in": dispatch.stand_in,
        "dispatcher": by,
    }
    notify(
        recipients=[vehicle.leader],
        title=Message(
            gettext_noop("Your car %(car)s is lent out, %(slot)s"),
            car=vehicle.plate,
            slot=slot(trip.start, trip.end),
        ),
        body=body,
        url=trip.get_absolute_url(),
        kind="vehicles.car_lent",
        actor=by,
    )


def _driver_line(dispatch: Dispatch) -> str:
    return _("%(car)s, driver %(driver)s (%(phone)s)") % {
        "car": dispatch.vehicle,
        "driver": dispatch.driver.name,
        "phone": dispatch.driver.phone,
    }


def _create(trip: Trip, *, vehicle, driver, by, note, lend_reason, stand_in) -> Dispatch:
    dispatch = Dispatch.objects.create(
        trip=trip,
        vehicle=vehicle,
        driver=driver,
        start=trip.start,
        end=trip.end,
        note=note,
        lend_reason=lend_reason if _lending(trip, vehicle) else "",
        stand_in=stand_in if _lending(trip, vehicle) else None,
        dispatched_by=by,
    )
    if dispatch.driver.user_id:
        reminder_schedule(
            kind=RECORD_DUE,
            target=dispatch,
            recipient=dispatch.driver.user,
            due_at=trip.end + timedelta(hours=1),
            title=Message(gettext_noop("Please record the trip: %(trip)s"), trip=trip_title(trip)),
            body=Message(gettext_noop("Odometer, fuel or charge, tolls.")),
            url=trip.get_absolute_url(),
            occurrence="record",
        )
    if dispatch.lend_reason:
        _tell_leader(dispatch, by)
    return dispatch


def _run(step, *, trip_id: int, vehicle: Vehicle, driver: Driver):
    """Run `step` in its own transaction; a clash, ours or the constraint's, is a message."""
    try:
        with transaction.atomic():
            return step()
    except (IntegrityError, _Clash) as exc:
        if not _is_clash(exc):
            raise
        trip = Trip.objects.get(pk=trip_id)
        raise DomainError(clash_message(trip=trip, vehicle=vehicle, driver=driver)) from exc


def _locked(trip_id: int) -> Trip:
    return (
        Trip.objects.select_for_update(of=("self",)).select_related("requested_by").get(pk=trip_id)
    )


def _free_or_clash(trip: Trip, vehicle: Vehicle, driver: Driver) -> None:
    _hold(vehicle.pk, driver.pk)
    window = {"start": trip.start, "end": trip.end, "exclude_trip": trip}
    if selectors.vehicle_clash(vehicle=vehicle, **window) or selectors.driver_clash(
        driver=driver, **window
    ):
        raise _Clash


def trip_dispatch(
    *,
    trip_id: int,
    vehicle: Vehicle,
    driver: Driver,
    by,
    note: str = "",
    lend_reason: str = "",
    stand_in: Vehicle | None = None,
) -> Dispatch:
    """The dispatcher gives an approved trip a car and a driver; the travellers and the
    driver are told who drives what."""
    lend_reason = (lend_reason or "").strip()

    def step() -> Dispatch:
        trip = _locked(trip_id)
        require_actor(perms.may_dispatch(by))
        if trip.status != Trip.Status.APPROVED:  # dispatched -> dispatched is trip_reassign
            raise TransitionNotAllowed(_("Only an approved trip can be given a car."))
        _check_fit(trip, vehicle, driver)
        _free_or_clash(trip, vehicle, driver)
        _check_lending(trip, vehicle, lend_reason, stand_in)
        dispatch = _create(
            trip,
            vehicle=vehicle,
            driver=driver,
            by=by,
            note=note,
            lend_reason=lend_reason,
            stand_in=stand_in,
        )
        trip.status = Trip.Status.DISPATCHED
        trip.sequence += 1
        trip.save(update_fields=["status", "sequence", "updated_at"])
        audit(
            actor=by,
            verb="vehicles.trip_dispatched",
            target=trip,
            data={"subject": _driver_line(dispatch), "reason": dispatch.lend_reason},
        )
        notify(
            recipients=[*travellers(trip), driver.user],
            title=Message(
                gettext_noop("Car for %(trip)s: %(car)s"), trip=trip_title(trip), car=vehicle.plate
            ),
            body=_driver_line(dispatch),
            url=trip.get_absolute_url(),
            kind="vehicles.trip_dispatched",
            actor=by,
        )
        return dispatch

    return _run(step, trip_id=trip_id, vehicle=vehicle, driver=driver)


def trip_reassign(
    *,
    trip_id: int,
    vehicle: Vehicle,
    driver: Driver,
    by,
    reason: str,
    note: str = "",
    lend_reason: str = "",
    stand_in: Vehicle | None = None,
) -> Dispatch:
    """Give a dispatched trip another car or driver, saying why: the travellers hear at once
    which car replaces which, and both drivers are told."""
    reason, lend_reason = (reason or "").strip(), (lend_reason or "").strip()

    def step() -> Dispatch:
        trip = _locked(trip_id)
        require_actor(perms.may_dispatch(by))
        if trip.status != Trip.Status.DISPATCHED:
            raise TransitionNotAllowed(_("Only a trip with a car can be reassigned."))
        if not reason:
            raise DomainError(_("Please say why the trip gets another car or driver."))
        old = (
            trip.dispatches.select_for_update(of=("self",))
            .select_related("vehicle", "driver__user")
            .get(status=Dispatch.Status.ACTIVE)
        )
        if old.vehicle_id == vehicle.pk and old.driver_id == driver.pk:
            raise DomainError(_("That is the car and the driver it already has."))
        _check_fit(trip, vehicle, driver)
        _free_or_clash(trip, vehicle, driver)
        _check_lending(trip, vehicle, lend_reason, stand_in)
        old.status, old.replaced_reason = Dispatch.Status.REPLACED, reason
        old.save(update_fields=["status", "replaced_reason"])
        reminders_cancel(target=old)
        new = _create(
            trip,
            vehicle=vehicle,
            driver=driver,
            by=by,
            note=note,
            lend_reason=lend_reason,
            stand_in=stand_in,
        )
        trip.sequence += 1
        trip.save(update_fields=["sequence", "updated_at"])
        change = _("%(old)s is replaced by %(new)s.") % {
            "old": _driver_line(old),
            "new": _driver_line(new),
        }
        audit(
            actor=by,
            verb="vehicles.trip_reassigned",
            target=trip,
            data={"subject": change, "reason": reason},
        )
        body = change + "\n" + _("Reason: %(reason)s") % {"reason": reason}
        notify(
            recipients=[*travellers(trip), driver.user],
            title=Message(gettext_noop("Your car has changed: %(trip)s"), trip=trip_title(trip)),
            body=body,
            url=trip.get_absolute_url(),
            kind="vehicles.trip_reassigned",
            actor=by,
        )
        if old.driver_id != driver.pk:
            notify(
                recipients=[old.driver.user],
                title=Message(gettext_noop("You no longer drive %(trip)s"), trip=trip_title(trip)),
                body=body,
                url=trip.get_absolute_url(),
                kind="vehicles.trip_reassigned",
                actor=by,
            )
        return new

    return _run(step, trip_id=trip_id, vehicle=vehicle, driver=driver)
