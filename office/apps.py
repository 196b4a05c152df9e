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
        from . import extensions
        from .roles import sync_role_permissions

        post_migrate.connect(sync_role_permissions, dispatch_uid="office.sync_role_permissions")
        from .datacache import install_triggers

        post_migrate.connect(install_triggers, sender=self, dispatch_uid="office.data_version")
        extensions.register()
