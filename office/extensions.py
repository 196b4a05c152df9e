"""Where the shared core plugs into its own extension points, in the same shape as every
app's extensions.py; `OfficeConfig.ready()` calls register()."""

from celery.schedules import crontab
from django.utils.translation import gettext_lazy as _

from office import schedule
from office.roles import grant
from office.services.audit import register_verbs


def register() -> None:
    register_verbs(
        {
            "auth.login": _("Logged in"),
            "auth.logout": _("Logged out"),
            "auth.login_failed": _("Failed login"),
            "user.profile_changed": _("Profile changed"),
            "user.calendar_token_regenerated": _("Calendar address renewed"),
            "approval.started": _("Sent for approval"),
            "approval.approved": _("Approved at a step"),
            "approval.returned": _("Returned at a step"),
            "approval.cancelled": _("Approval withdrawn"),
        }
    )
    schedule.every("outbox-sweep", "office.tasks.sweep_outbox", 60.0)  # Redis was down: deliver
    schedule.every(
        "office-generated-files", "office.tasks.sweep_generated_files", crontab(minute=17)
    )
    grant("director", "office.view_auditevent")
    grant("supervisor", "office.view_auditevent")
