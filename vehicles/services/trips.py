"""Trip requests (用车申请): ask, approve or return through the chain, cancel."""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.errors import DomainError, require_actor
from office.i18n import Message
from office.roles import users_with_role
from office.services import audit, notify, reminders_cancel
from office.services.approvals import approval_cancel, approval_decide, approval_start

from .. import permissions as perms
from ..approvals import RULE
from ..models import Dispatch, Trip, Vehicle


@dataclass
class TripData:
    origin: str
    destination: str
    start: datetime.datetime
    end: datetime.datetime
    purpose: str
    people: int = 1
    passengers: list = field(default_factory=list)
    other_passengers: str = ""
    preferred_vehicle: Vehicle | None = None
    source_url: str = ""


def slot(start, end) -> str:
    start, end = timezone.localtime(start), timezone.localtime(end)
    if start.date() == end.date():
        return f"{date_format(start, 'Y-m-d')} {start:%H:%M}–{end:%H:%M}"
    return f"{date_format(start, 'Y-m-d')} {start:%H:%M}–{date_format(end, 'Y-m-d')} {end:%H:%M}"


def trip_title(trip: Trip) -> str:
    """What inboxes and notices call a trip: where to, when, for whom."""
    return _("Trip %(trip)s, %(slot)s (%(who)s)") % {
        "trip": trip,
        "slot": slot(trip.start, trip.end),
        "who": trip.requested_by,
    }


def travellers(trip: Trip) -> list:
    """The people who lose the car if it goes: the requester and the colleagues travelling."""
    return [trip.requested_by, *trip.passengers.all()]


def _check(data: TripData) -> None:
    if data.end <= data.start:
        raise DomainError(_("The trip must end after it starts."))
    if data.people < 1:
        raise DomainError(_("At least one person travels."))
    if data.people < len(set(data.passengers)):
        raise DomainError(
            _("The number of people (%(n)s) is less than the colleagues named (%(named)s).")
            % {"n": data.people, "named": len(set(data.passengers))}
        )
    car = data.preferred_vehicle
    if car is not None and car.status != Vehicle.Status.IN_SERVICE:
        raise DomainError(_("%(car)s is not in service.") % {"car": car.plate})
    if car is not None and car.seats < data.people:
        raise DomainError(
            _("%(car)s has %(seats)s seats, not enough for %(n)s people.")
            % {"car": car.plate, "seats": car.seats, "n": data.people}
        )


def _dispatchers_told(trip: Trip, by) -> None:
    notify(
        recipients=users_with_role("dispatcher"),
        title=Message(gettext_noop("A trip awaits a car: %(trip)s"), trip=trip_title(trip)),
        body=trip.purpose,
        url=trip.get_absolute_url(),
        kind="vehicles.trip_to_dispatch",
        actor=by,
    )


@transaction.atomic
def trip_request(*, data: TripData, by) -> Trip:
    """Ask for a car; the chain decides, or the dispatcher is asked at once when nobody has
    to approve (a leader taking their own car)."""
    require_actor(perms.may_request(by))
    _check(data)
    trip = Trip.objects.create(
        requested_by=by,
        department=by.department,
        people=data.people,
        other_passengers=data.other_passengers,
        origin=data.origin,
        destination=data.destination,
        start=data.start,
        end=data.end,
        purpose=data.purpose,
        preferred_vehicle=data.preferred_vehicle,
        source_url=data.source_url,
    )
    trip.passengers.set(data.passengers)
    audit(
        actor=by,
        verb="vehicles.trip_requested",
        target=trip,
        data={"start": data.start.isoformat(), "people": data.people},
    )
    if approval_start(rule=RULE, target=trip, by=by) is None:
        trip.status = Trip.Status.APPROVED
        trip.save(update_fields=["status", "updated_at"])
        audit(actor=by, verb="vehicles.trip_approved", target=trip)
        _dispatchers_told(trip, by)
    return trip


def _locked(trip_id: int) -> Trip:
    return (
        Trip.objects.select_for_update(of=("self",)).select_related("requested_by").get(pk=trip_id)
    )


@transaction.atomic
def trip_decide(*, trip_id: int, by, approve: bool, reason: str = "") -> Trip:
    """The current step's approver approves, or returns the request with a reason."""
    trip = _locked(trip_id)
    if approve:
        trip.require_transition(
            Trip.Status.APPROVED, _("Only a trip awaiting approval can be approved.")
        )
    else:
        trip.require_transition(
            Trip.Status.RETURNED, _("Only a trip awaiting approval can be returned.")
        )
    approval_decide(
        target=trip,
        by=by,
        approve=approve,
        reason=reason,
        rule=RULE,
        requested_by=trip.requested_by,
    )
    return trip


def trip_chain_approved(trip: Trip, *, by, chain) -> None:
    """The last step approved (same transaction): the dispatcher is asked for a car."""
    trip.status = Trip.Status.APPROVED
    trip.save(update_fields=["status", "updated_at"])
    audit(actor=by, verb="vehicles.trip_approved", target=trip)
    notify(
        recipients=[trip.requested_by],
        title=Message(gettext_noop("Trip approved: %(trip)s"), trip=trip_title(trip)),
        url=trip.get_absolute_url(),
        kind="vehicles.trip_approved",
        actor=by,
    )
    _dispatchers_told(trip, by)


def trip_chain_returned(trip: Trip, *, by, reason: str, chain) -> None:
    trip.status, trip.return_reason = Trip.Status.RETURNED, reason
    trip.save(update_fields=["status", "return_reason", "updated_at"])
    audit(actor=by, verb="vehicles.trip_returned", target=trip, data={"reason": reason})
    notify(
        recipients=[trip.requested_by],
        title=Message(gettext_noop("Trip request returned: %(trip)s"), trip=trip_title(trip)),
        body=reason,
        url=trip.get_absolute_url(),
        kind="vehicles.trip_returned",
        actor=by,
    )


@transaction.atomic
def trip_cancel(*, trip_id: int, by, reason: str) -> Trip:
    """Call a trip off: its car and driver are free again; whoever was told is told again."""
    trip = _locked(trip_id)
    require_actor(perms.may_cancel(by, trip))
    trip.require_transition(Trip.Status.CANCELLED, _("This trip is already closed."))
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Please say why the trip is cancelled."))
    if trip.status == Trip.Status.AWAITING_APPROVAL:
        approval_cancel(target=trip, by=by)
    dispatch = (
        trip.dispatches.select_for_update(of=("self",))
        .select_related("driver__user", "vehicle")
        .filter(status=Dispatch.Status.ACTIVE)
        .first()
    )
    trip.status, trip.cancel_reason = Trip.Status.CANCELLED, reason
    trip.sequence += 1
    trip.save(update_fields=["status", "cancel_reason", "sequence", "updated_at"])
    audit(actor=by, verb="vehicles.trip_cancelled", target=trip, data={"reason": reason})
    if dispatch is not None:
        dispatch.status = Dispatch.Status.CANCELLED
        dispatch.save(update_fields=["status"])
        reminders_cancel(target=dispatch)
        notify(
            recipients=[*travellers(trip), dispatch.driver.user, *users_with_role("dispatcher")],
            title=Message(gettext_noop("Trip cancelled: %(trip)s"), trip=trip_title(trip)),
            body=reason,
            url=trip.get_absolute_url(),
            kind="vehicles.trip_cancelled",
            actor=by,
        )
    return trip
