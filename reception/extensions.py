"""What the reception app declares at the shared core's extension points; apps.py's
ready() calls register(). Each app has this module (docs/ARCHITECTURE.md)."""

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from office import calendar, navigation, presence, schedule, todo
from office.services.audit import register_verbs


def _search() -> None:
    """The portal search (office.search): each kind as its own list searches it."""
    from office import search

    from . import search as found
    from .permissions import sees_all_visits

    search.register(
        "reception.visits",
        _("Visits"),
        found.visits,
        50,
        list_url="reception:log",
        visible=sees_all_visits,
    )


def register() -> None:
    _search()
    from . import rollcall, selectors

    # Visible to everyone: any member of staff can be a host and pre-register visitors.
    navigation.register(
        navigation.NavEntry(
            key="reception", label=_("Reception"), url_name="reception:index", order=30
        )
    )
    todo.register(
        todo.TodoSource(
            key="reception.arriving_today",
            bucket=todo.TODO,
            label=_("My visitors arriving today"),
            queryset=selectors.todo_arriving_today,
            date_field="expected_arrival",
        )
    )
    todo.register(
        todo.TodoSource(
            key="reception.my_arrangements",
            bucket=todo.TODO,
            label=_("Reception arrangements assigned to me"),
            queryset=selectors.todo_my_arrangements,
            date_field="created_at",
            due_field="date",
        )
    )
    todo.register(
        todo.TodoSource(
            key="reception.arrangements_to_approve",
            bucket=todo.TODO,
            label=_("Reception arrangements to approve"),
            queryset=selectors.todo_arrangements_to_approve,
            date_field="created_at",
            due_field="date",
        )
    )
    todo.register(
        todo.TodoSource(
            key="reception.not_checked_out",
            bucket=todo.TODO,
            label=_("Visitors not checked out"),
            queryset=selectors.todo_not_checked_out,
            date_field="flagged_at",
        )
    )
    calendar.register("reception", selectors.calendar_events_for)
    # The evacuation roll call: the visitors inside (duty adds the staff on duty).
    presence.register("reception.visitors", _("Visitors"), rollcall.visitors_inside, order=10)
    register_verbs(
        {
            "reception.visit_registered": _("Visit registered"),
            "reception.visit_walk_in": _("Walk-in registered"),
            "reception.visitor_checked_in": _("Visitor checked in"),
            "reception.visitor_checked_out": _("Visitor checked out"),
            "reception.visit_cancelled": _("Visit cancelled"),
            "reception.visit_changed": _("Visit changed"),
            "reception.visit_no_show": _("Marked as no-show"),
            "reception.visitor_not_checked_out": _("Flagged: not checked out"),
            "reception.id_numbers_purged": _("ID numbers purged"),
            "reception.arrangement_created": _("Arrangement planned"),
            "reception.arrangement_approved": _("Arrangement approved"),
            "reception.arrangement_rejected": _("Arrangement rejected"),
            "reception.arrangement_done": _("Arrangement made"),
            "reception.arrangement_cancelled": _("Arrangement cancelled"),
            "reception.watch_entry_added": _("Added to the watch list"),
            "reception.watch_entry_removed": _("Removed from the watch list"),
            "reception.visitor_added": _("Visitor added"),
            "reception.arrangement_changed": _("Arrangement changed"),
            "reception.roll_call_started": _("Roll call started"),
            "reception.roll_call_safe": _("Marked safe"),
            "reception.roll_call_unmarked": _("Safe mark taken back"),
            "reception.roll_call_closed": _("Roll call closed"),
        }
    )
    # Celery's timezone is Asia/Shanghai: 21:00 is the evening at the front desk.
    schedule.every(
        "reception-end-of-day-sweep",
        "reception.tasks.end_of_day_sweep",
        crontab(hour=21, minute=0),
    )
    schedule.every(
        "reception-purge-id-numbers",
        "reception.tasks.purge_id_numbers",
        crontab(hour=3, minute=30),
    )
