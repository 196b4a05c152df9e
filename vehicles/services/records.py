"""The trip record (行车记录): odometer readings, fuel or charge, tolls; the trip is done."""

from decimal import Decimal

from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _

from office.errors import DomainError, require_actor
from office.services import audit, reminders_cancel

from .. import permissions as perms
from .. import selectors
from ..models import Dispatch, Trip


@transaction.atomic
def trip_complete(
    *,
    trip_id: int,
    by,
    odometer_start: int,
    odometer_end: int,
    fuel_litres: Decimal | None = None,
    charge_kwh: Decimal | None = None,
    energy_cost: Decimal = Decimal("0"),
    tolls: Decimal = Decimal("0"),
) -> Dispatch:
    """The driver (or the dispatcher) records the trip once it has started; the car is free
    from then on."""
    trip = Trip.objects.select_for_update(of=("self",)).get(pk=trip_id)
    dispatch = (
        trip.dispatches.select_for_update(of=("self",))
        .select_related("vehicle", "driver")
        .filter(status=Dispatch.Status.ACTIVE)
        .first()
    )
    trip.current_dispatches = [dispatch] if dispatch else []
    require_actor(perms.may_complete(by, trip))
    trip.require_transition(Trip.Status.COMPLETED, _("Only a trip with a car can be recorded."))
    if trip.start > now():
        raise DomainError(_("The trip has not started yet."))
    if odometer_end < odometer_start:
        raise DomainError(
            _(
                "The odometer on return (%(end)s km) cannot be below the reading at departure "
                "(%(start)s km)."
            )
            % {"end": odometer_end, "start": odometer_start}
        )
    last = selectors.last_odometer(dispatch.vehicle)
    if last is not None and odometer_start < last:
        raise DomainError(
            _("%(car)s last came back with %(last)s km; the reading at departure cannot be lower.")
            % {"car": dispatch.vehicle.plate, "last": last}
        )
    for amount in (fuel_litres, charge_kwh, energy_cost, tolls):
        if amount is not None and amount < 0:
            raise DomainError(_("Amounts cannot be negative."))
    dispatch.odometer_start, dispatch.odometer_end = odometer_start, odometer_end
    dispatch.fuel_litres, dispatch.charge_kwh = fuel_litres, charge_kwh
    dispatch.energy_cost, dispatch.tolls = energy_cost or 0, tolls or 0
    dispatch.status, dispatch.completed_at = Dispatch.Status.COMPLETED, now()
    dispatch.save()
    reminders_cancel(target=dispatch)
    trip.status = Trip.Status.COMPLETED
    trip.save(update_fields=["status", "updated_at"])
    audit(
        actor=by,
        verb="vehicles.trip_completed",
        target=trip,
        data={"subject": _("%(km)s km") % {"km": dispatch.distance}},
    )
    return dispatch
