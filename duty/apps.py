from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DutyConfig(AppConfig):
    name = "duty"
    verbose_name = _("Duty")

    def ready(self):
        from office import navigation

        navigation.register(
            navigation.NavEntry(key="duty", label=_("Duty"), url_name="duty:index", order=40)
        )
