"""Trip requests' approval rule: the requester's department head; a leader's own car, asked
for by someone else, by that leader. A leader asking for their own car needs nobody."""

from django.utils.translation import gettext_lazy as _

from office import approvals
from office.approvals import Step

RULE = "vehicles.trip"


def steps_for(trip) -> list[Step]:
    car = trip.preferred_vehicle
    if car is not None and car.leader_id:
        if car.leader_id == trip.requested_by_id:
            return []
        return [Step(_("Leader whose car it is"), person=car.leader)]
    return [Step.department_head(trip.requested_by)]


def _approved(trip, **kwargs) -> None:
    from vehicles.services.trips import trip_chain_approved

    trip_chain_approved(trip, **kwargs)


def _returned(trip, **kwargs) -> None:
    from vehicles.services.trips import trip_chain_returned

    trip_chain_returned(trip, **kwargs)


def _title(trip) -> str:
    from vehicles.services.trips import trip_title

    return trip_title(trip)


approvals.register_rule(
    approvals.Rule(
        key=RULE,
        steps_for=steps_for,
        on_approved=_approved,
        on_returned=_returned,
        title=_title,
        notify_kind="vehicles.trip_approval",
        todo_key="vehicles.trips_to_approve",
        todo_label=_("Trip requests to approve"),
    )
)
