from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScheduleConfig(AppConfig):
    name = "schedule"
    verbose_name = _("Leaders' schedule")

    def ready(self):
        from . import extensions

        extensions.register()
