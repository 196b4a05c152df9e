from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SealsConfig(AppConfig):
    name = "seals"
    verbose_name = _("Seals")

    def ready(self):
        from . import extensions

        extensions.register()
