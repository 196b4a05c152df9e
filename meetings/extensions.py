"""What the meetings app declares at the shared core's extension points; apps.py's
ready() calls register(). Each app has this module (docs/ARCHITECTURE.md)."""

from django.utils.translation import gettext_lazy as _

from office import calendar, home, navigation, schedule, todo
from office.services.audit import register_verbs
from office.services.reminders import register_reminder_kind


def _search() -> None:
    """The portal search (office.search): each kind as its own list searches it."""
    from office import search

    from . import search as found

    search.register("meetings", _("Meetings"), found.meetings, 20, list_url="meetings:index")
    search.register("meetings.minutes", _("Minutes"), found.minutes, 21, list_url="meetings:index")


def register() -> None:
    _search()
    from . import approvals, selectors  # noqa: F401  (approvals: the room booking rule and to-do)
    from .services import invitations

    _supervision_sources(selectors)

    navigation.register(
        navigation.NavEntry(
            key="meetings", label=_("Meetings"), url_name="meetings:index", order=20
        )
    )
    todo.register(
        todo.TodoSource(
            key="meetings.invitations",
            bucket=todo.TODO,
            label=_("Invitations awaiting my reply"),
            queryset=selectors.invitations_awaiting,
            date_field="meeting__start",
            due_field="meeting__start",
        )
    )
    todo.register(
        todo.TodoSource(
            key="meetings.minutes_to_draft",
            bucket=todo.TODO,
            label=_("Minutes to write"),
            queryset=selectors.minutes_to_draft,
            date_field="end",
        )
    )
    todo.register(
        todo.TodoSource(
            key="meetings.minutes_to_approve",
            bucket=todo.TODO,
            label=_("Minutes to approve"),
            queryset=selectors.minutes_to_approve,
            date_field="submitted_at",
        )
    )
    calendar.register("meetings", selectors.calendar_events_for)
    register_reminder_kind(invitations.STARTING, invitations.still_starting)
    register_reminder_kind(invitations.MINUTES_DUE_RECORDER, invitations.minutes_still_due)
    register_reminder_kind(invitations.MINUTES_DUE_ORGANISER, invitations.minutes_still_due)
    from .views.home import home_panel

    home.register_panel("meetings.upcoming", home_panel, order=20)
    schedule.every("meetings-sweep-ended", "meetings.tasks.sweep_ended_meetings", 300)
    register_verbs(
        {
            "meeting.created": _("Meeting created"),
            "meeting.scheduled": _("Meeting scheduled, invitations sent"),
            "meeting.changed": _("Meeting changed"),
            "meeting.cancelled": _("Meeting cancelled"),
            "meeting.held": _("Meeting held"),
            "meeting.guests_preregistered": _("Guests pre-registered at reception"),
            "meeting.invitation_accepted": _("Invitation accepted"),
            "meeting.invitation_declined": _("Invitation declined"),
            "meeting.signed_in": _("Signed in"),
            "meeting.attendance_recorded": _("Attendance recorded"),
            "minutes.drafted": _("Minutes drafted"),
            "minutes.saved": _("Minutes saved"),
            "minutes.submitted": _("Minutes submitted"),
            "minutes.returned": _("Minutes returned"),
            "minutes.approved": _("Minutes approved"),
            "meeting.material_added": _("Material added"),
            "meeting.material_removed": _("Material removed"),
            "meeting_room.created": _("Meeting room added"),
            "meeting_room.changed": _("Meeting room changed"),
            "meeting_room.deactivated": _("Meeting room taken out of use"),
            "meeting_room.door_renewed": _("Door display address renewed"),
            "meeting.recorded_afterwards": _("Meeting recorded afterwards"),
            "meeting.room_requested": _("Room booking awaiting approval"),
            "meeting.room_refused": _("Room booking refused"),
        }
    )


def _supervision_sources(selectors) -> None:
    """Items from a resolution: whoever may open its meeting sees them (read only)."""
    from supervision.selectors import register_source

    from .models import Resolution

    register_source(
        Resolution,
        visible=lambda user: Resolution.objects.filter(
            minutes__meeting__in=selectors.meetings_for(user)
        ),
    )
