from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from office import navigation

        navigation.register(
            navigation.NavEntry(
                key="meetings", label=_("Meetings"), url_name="meetings:index", order=20
            )
        )
