"""Who may do what with vehicles and trips. `may_*` ask who (the services use them);
`can_*` ask who and when (views and buttons)."""

from office.roles import has_role

from .models import Trip


def is_dispatcher(user) -> bool:
    return has_role(user, "dispatcher")


def sees_all(user) -> bool:
    """The dispatcher and the director see every trip."""
    return has_role(user, "dispatcher", "director")


def may_request(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def may_manage_fleet(user) -> bool:
    return is_dispatcher(user)


def may_dispatch(user) -> bool:
    return is_dispatcher(user)


def is_driver_of(user, trip: Trip) -> bool:
    dispatch = getattr(trip, "current_dispatch", None)
    return bool(
        user
        and user.is_authenticated
        and dispatch is not None
        and dispatch.driver.user_id == user.pk
    )


def may_cancel(user, trip: Trip) -> bool:
    return bool(user and user.is_authenticated) and (
        trip.requested_by_id == user.pk or is_dispatcher(user)
    )


def may_complete(user, trip: Trip) -> bool:
    return is_dispatcher(user) or is_driver_of(user, trip)


def can_dispatch(user, trip: Trip) -> bool:
    return may_dispatch(user) and trip.status == Trip.Status.APPROVED


def can_reassign(user, trip: Trip) -> bool:
    return may_dispatch(user) and trip.status == Trip.Status.DISPATCHED


def can_cancel(user, trip: Trip) -> bool:
    return may_cancel(user, trip) and trip.status in Trip.OPEN


def can_complete(user, trip: Trip) -> bool:
    return may_complete(user, trip) and trip.status == Trip.Status.DISPATCHED
