from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DocumentsConfig(AppConfig):
    name = "documents"
    verbose_name = _("Documents")

    def ready(self):
        from office import navigation

        navigation.register(
            navigation.NavEntry(
                key="documents", label=_("Documents"), url_name="documents:index", order=10
            )
        )
