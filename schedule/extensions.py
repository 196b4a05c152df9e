"""What the schedule app declares at the shared core's extension points; apps.py's
ready() calls register(). Each app has this module (docs/ARCHITECTURE.md)."""

from django.utils.translation import gettext_lazy as _

from office import calendar, home, navigation, search
from office.services.audit import register_verbs


def register() -> None:
    from . import search as found
    from . import selectors
    from .views import home_panel

    # Everyone sees the published week (what each may see is a setting per row).
    navigation.register(
        navigation.NavEntry(
            key="schedule", label=_("Leaders' schedule"), url_name="schedule:index", order=33
        )
    )
    calendar.register("schedule", selectors.calendar_events_for)
    # Activities by title or place, scoped as the week page (public / internal / office only).
    search.register("schedule", _("Leaders' schedule"), found.entries, order=35)
    home.register_panel("schedule.today", home_panel, order=15)
    register_verbs(
        {
            "schedule.entry_added": _("Leader's activity added"),
            "schedule.entry_changed": _("Leader's activity changed"),
            "schedule.entry_removed": _("Leader's activity removed"),
            "schedule.leader_added": _("Added to the leaders"),
            "schedule.leader_removed": _("Removed from the leaders"),
            "schedule.week_published": _("Weekly schedule published"),
            "schedule.week_republished": _("Weekly schedule published again"),
        }
    )
