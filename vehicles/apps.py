from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VehiclesConfig(AppConfig):
    name = "vehicles"
    verbose_name = _("Vehicles")

    def ready(self):
        from . import extensions

        extensions.register()
