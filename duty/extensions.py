"""What the duty app declares at the shared core's extension points; apps.py's
ready() calls register(). Each app has this module (docs/ARCHITECTURE.md)."""

from django.utils.translation import gettext_lazy as _

from office import calendar, exports, home, navigation, schedule, todo
from office.services.audit import register_verbs
from office.services.reminders import register_reminder_kind


def _search() -> None:
    """The portal search (office.search): each kind as its own list searches it."""
    from office import search

    from . import search as found
    from .permissions import can_view_duty

    search.register(
        "duty.log", _("Duty log"), found.log, 40, list_url="duty:log_list", visible=can_view_duty
    )


def register() -> None:
    _search()
    from office import presence

    from . import approvals, selectors
    from . import exports as builders
    from .home import board_panel, home_panel
    from .permissions import can_view_duty
    from .services import reminders

    navigation.register(
        navigation.NavEntry(
            key="duty", label=_("Duty"), url_name="duty:index", order=40, visible=can_view_duty
        )
    )
    for key, label, queryset, date_field in [
        (
            "duty.handovers_to_file",
            _("Handover to file"),
            selectors.handovers_to_file,
            "ends_at",
        ),
        (
            "duty.handovers_to_accept",
            _("Handover to accept"),
            selectors.handovers_to_accept,
            "filed_at",
        ),
        (
            "duty.swaps_to_answer",
            _("Shift swap asked of me"),
            selectors.swaps_to_answer,
            "created_at",
        ),
        (
            "duty.swaps_to_decide",
            _("Shift swap to approve"),
            selectors.swaps_to_decide,
            "accepted_at",
        ),
        (
            "duty.incidents_to_acknowledge",
            _("Incident to acknowledge"),
            selectors.incidents_to_acknowledge,
            "created_at",
        ),
    ]:
        todo.register(
            todo.TodoSource(
                key=key, bucket=todo.TODO, label=label, queryset=queryset, date_field=date_field
            )
        )
    approvals.register()  # the spending chain and its to-do source
    home.register_panel("duty.shifts", home_panel, order=40)
    home.register_panel("duty.board", board_panel, order=41)  # 值班公示, for everyone
    schedule.every("duty-incident-escalations", "duty.tasks.sweep_incident_escalations", 60)
    calendar.register("duty", selectors.calendar_events_for)
    # The evacuation roll call (reception) lists who is on duty now.
    presence.register("duty.on_duty", _("Staff on duty"), people_on_duty, order=20)
    exports.register_builder("duty.roster_pdf", builders.roster_pdf)
    register_reminder_kind(reminders.KIND_DAY_BEFORE, reminders.assignment_still_due)
    register_reminder_kind(reminders.KIND_HOUR_BEFORE, reminders.assignment_still_due)
    register_reminder_kind(reminders.KIND_HANDOVER_LATE, reminders.handover_still_due)
    register_reminder_kind(reminders.KIND_HANDOVER_LATE_LEADER, reminders.handover_still_due)
    register_verbs(VERBS)


def people_on_duty(at):
    """office.presence provider: the leaders and officers of every shift on at `at`."""
    from office.presence import Present

    from .selectors import duty_board

    people = []
    for row in duty_board(at):
        if row.current is None:
            continue
        shift = row.current
        for assignment in shift.assignments.all():
            people.append(
                Present(
                    key=f"user:{assignment.person_id}",
                    name=assignment.person.display_name,
                    role=assignment.get_role_display(),
                    detail=f"{shift.post.name} · {shift.template}",
                )
            )
    return people


VERBS = {
    "duty.assignment_added": _("Put on the roster"),
    "duty.assignment_removed": _("Taken off the roster"),
    "duty.roster_generated": _("Roster generated"),
    "duty.post_created": _("Duty post created"),
    "duty.template_created": _("Shift template created"),
    "duty.swap_requested": _("Swap requested"),
    "duty.swap_accepted": _("Swap accepted by colleague"),
    "duty.swap_declined": _("Swap declined"),
    "duty.swap_cancelled": _("Swap withdrawn"),
    "duty.swap_approved": _("Swap approved"),
    "duty.swap_rejected": _("Swap rejected"),
    "duty.log_added": _("Log entry added"),
    "duty.follow_up_done": _("Follow-up done"),
    "duty.follow_up_back": _("Follow-up handed back"),
    "duty.incident_alerted": _("Incident alert sent"),
    "duty.incident_escalated": _("Incident escalated (not acknowledged in time)"),
    "duty.reminders_chosen": _("Shift reminders chosen"),
    "duty.incident_reported": _("Incident reported"),
    "duty.incident_acknowledged": _("Incident acknowledged"),
    "duty.incident_resolved": _("Incident resolved"),
    "duty.spend_requested": _("Spending recorded"),
    "duty.spend_approved": _("Spending approved"),
    "duty.spend_rejected": _("Spending rejected"),
    "duty.handover_filed": _("Handover filed"),
    "duty.handover_corrected": _("Handover corrected"),
    "duty.handover_accepted": _("Handover accepted"),
    "duty.handover_disputed": _("Handover disputed"),
}
