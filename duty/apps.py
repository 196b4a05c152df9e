from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DutyConfig(AppConfig):
    name = "duty"
    verbose_name = _("Duty")

    def ready(self):
        from office import calendar, navigation
        from office.services.audit import register_verbs
        from office.services.reminders import register_reminder_kind

        from . import todo_sources
        from .permissions import can_view_duty
        from .services import reminders

        navigation.register(
            navigation.NavEntry(
                key="duty", label=_("Duty"), url_name="duty:index", order=40, visible=can_view_duty
            )
        )
        todo_sources.register_all()
        from office.views.home import HOME_PANELS

        from .home import home_panel

        if home_panel not in HOME_PANELS:
            HOME_PANELS.append(home_panel)
        calendar.register("duty", todo_sources.calendar_events)
        register_reminder_kind(reminders.KIND_DAY_BEFORE, reminders.assignment_still_due)
        register_reminder_kind(reminders.KIND_HOUR_BEFORE, reminders.assignment_still_due)
        register_reminder_kind(reminders.KIND_HANDOVER_LATE, reminders.handover_still_due)
        register_reminder_kind(reminders.KIND_HANDOVER_LATE_LEADER, reminders.handover_still_due)
        register_verbs(
            {
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
        )
