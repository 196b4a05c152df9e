from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    name = "supervision"
    verbose_name = _("Supervision")

    def ready(self):
        from office import navigation

        navigation.register(
            navigation.NavEntry(
                key="supervision", label=_("Supervision"), url_name="supervision:index", order=50
            )
        )
