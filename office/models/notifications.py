from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """An in-app message to one person; e-mail and webhook copies are sent from it."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=60, blank=True)
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("message"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    # The reminder this notification delivers: one-to-one, so a reminder is delivered once.
    reminder = models.OneToOneField(
        "office.Reminder", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # {"title": [...], "body": [...]} as office.i18n.encode_text makes it: the msgids and
    # parameters, rendered in the reader's language. Empty for plain-text notifications, whose
    # title and body are shown as stored (title/body always hold the portal-language text).
    message = models.JSONField(_("message parameters"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at", "-created_at"])]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("notification_open", args=[self.pk])

    def text(self, language: str | None = None) -> tuple[str, str]:
        """Title and body in `language` (the active one when None)."""
        from office.i18n import render_text

        if not self.message:
            return self.title, self.body
        title = render_text(self.message.get("title", []), language)[:200] or self.title
        return title, render_text(self.message.get("body", []), language)

    @property
    def shown_title(self) -> str:
        return self.text()[0]

    @property
    def shown_body(self) -> str:
        return self.text()[1]
