"""Every write of the vehicles app: trips, dispatch and reassignment, trip records, fleet."""

from .dispatch import clash_message, trip_dispatch, trip_reassign
from .fleet import driver_save, vehicle_save
from .records import trip_complete
from .trips import TripData, trip_cancel, trip_decide, trip_request, trip_title

__all__ = [
    "TripData",
    "clash_message",
    "driver_save",
    "trip_cancel",
    "trip_complete",
    "trip_decide",
    "trip_dispatch",
    "trip_reassign",
    "trip_request",
    "trip_title",
    "vehicle_save",
]
