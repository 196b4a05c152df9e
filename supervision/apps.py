from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    name = "supervision"
    verbose_name = _("Supervision")

    def ready(self):
        from office import navigation
        from office.services.audit import register_verbs
        from office.services.reminders import register_reminder_kind

        from .services import schedule

        # Everyone may own an item, so everyone sees the entry.
        navigation.register(
            navigation.NavEntry(
                key="supervision", label=_("Supervision"), url_name="supervision:index", order=50
            )
        )
        for kind in schedule.KINDS:
            register_reminder_kind(kind, schedule.still_due)
        register_verbs(
            {
                "supervision.task_created": _("Supervision item filed"),
                "supervision.task_accepted": _("Item accepted"),
                "supervision.task_cancelled": _("Item cancelled"),
                "supervision.progress_reported": _("Progress reported"),
                "supervision.completion_requested": _("Completion requested"),
                "supervision.completed": _("Completion verified"),
                "supervision.returned": _("Sent back for more work"),
                "supervision.extension_requested": _("Extension requested"),
                "supervision.extension_approved": _("Extension approved"),
                "supervision.extension_refused": _("Extension refused"),
            }
        )
