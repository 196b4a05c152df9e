from .dispatch import dispatch_pdf, trip_complete, trip_dispatch, trip_reassign
from .fleet import driver_edit, fleet, vehicle_detail, vehicle_edit
from .stats import statistics, statistics_xlsx
from .trips import index, trip_approve, trip_cancel, trip_create, trip_detail, trip_return

__all__ = [
    "dispatch_pdf",
    "driver_edit",
    "fleet",
    "index",
    "statistics",
    "statistics_xlsx",
    "trip_approve",
    "trip_cancel",
    "trip_complete",
    "trip_create",
    "trip_detail",
    "trip_dispatch",
    "trip_reassign",
    "trip_return",
    "vehicle_detail",
    "vehicle_edit",
]
