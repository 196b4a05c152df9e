"""What the vehicles app declares at the shared core's extension points; apps.py's
ready() calls register(). Each app has this module (docs/ARCHITECTURE.md)."""

from django.utils.translation import gettext_lazy as _

from office import calendar, home, navigation, todo
from office.services.audit import register_verbs
from office.services.reminders import register_reminder_kind


def _record_still_due(reminder) -> bool:
    from .models import Dispatch

    return Dispatch.objects.filter(pk=reminder.target_id, status=Dispatch.Status.ACTIVE).exists()


def register() -> None:
    from . import approvals, selectors  # noqa: F401  (approvals: the rule and its to-do)
    from .services.dispatch import RECORD_DUE

    # Everyone may ask for a car.
    navigation.register(
        navigation.NavEntry(
            key="vehicles", label=_("Vehicles"), url_name="vehicles:index", order=35
        )
    )
    todo.register(
        todo.TodoSource(
            key="vehicles.trips_to_dispatch",
            bucket=todo.TODO,
            label=_("Trips awaiting a car"),
            queryset=selectors.trips_to_dispatch,
            date_field="updated_at",
            due_field="start",
        )
    )
    todo.register(
        todo.TodoSource(
            key="vehicles.trips_to_record",
            bucket=todo.TODO,
            label=_("Trips to record (odometer, fuel, tolls)"),
            queryset=selectors.dispatches_to_complete,
            date_field="start",
            due_field="end",
        )
    )
    calendar.register("vehicles", selectors.calendar_events_for)
    from .views.home import home_panel

    home.register_panel("vehicles.my_cars", home_panel, order=25)
    register_reminder_kind(RECORD_DUE, _record_still_due)
    register_verbs(
        {
            "vehicles.trip_requested": _("Trip requested"),
            "vehicles.trip_approved": _("Trip approved"),
            "vehicles.trip_returned": _("Trip request returned"),
            "vehicles.trip_cancelled": _("Trip cancelled"),
            "vehicles.trip_dispatched": _("Car dispatched"),
            "vehicles.trip_reassigned": _("Car reassigned"),
            "vehicles.trip_completed": _("Trip recorded"),
            "vehicles.vehicle_added": _("Vehicle added"),
            "vehicles.vehicle_changed": _("Vehicle changed"),
            "vehicles.driver_added": _("Driver added"),
            "vehicles.driver_changed": _("Driver changed"),
        }
    )
