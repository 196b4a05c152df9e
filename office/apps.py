from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class OfficeConfig(AppConfig):
    name = "office"
    verbose_name = _("Office core")

    def ready(self):
        from . import signals  # noqa: F401  (login audit)
        from .db import register_safe_readers

        register_safe_readers()  # a stored 0001-01-01 must not break every page that reads it
        from .roles import grant, sync_role_permissions

        post_migrate.connect(sync_role_permissions, dispatch_uid="office.sync_role_permissions")
        from django.utils.translation import gettext_lazy as _

        from .services.audit import register_verbs

        register_verbs(
            {
                "auth.login": _("Logged in"),
                "auth.logout": _("Logged out"),
                "auth.login_failed": _("Failed login"),
                "user.profile_changed": _("Profile changed"),
                "user.calendar_token_regenerated": _("Calendar address renewed"),
            }
        )
        from .schedule import every

        every("outbox-sweep", "office.tasks.sweep_outbox", 60.0)  # Redis was down: deliver now
        grant("director", "office.view_auditevent")
        grant("supervisor", "office.view_auditevent")
