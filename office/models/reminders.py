from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Reminder(models.Model):
    """A message due at a time. The row is the sent-record: unique per
    (kind, target, recipient, occurrence), claimed with SKIP LOCKED, sent once."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        SENT = "sent", _("sent")
        CANCELLED = "cancelled", _("cancelled")

    kind = models.CharField(_("kind"), max_length=60)
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    target_id = models.CharField(max_length=64)
    target = GenericForeignKey("target_type", "target_id")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminders"
    )
    occurrence = models.CharField(
        _("occurrence"), max_length=60, help_text=_("Which instance, e.g. a date.")
    )
    due_at = models.DateTimeField(_("due at"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("message"), blank=True)
    url = models.CharField(_("link"), max_length=500, blank=True)
    message = models.JSONField(_("message parameters"), default=dict, blank=True)  # as Notification
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "target_type", "target_id", "recipient", "occurrence"],
                name="reminder_once_per_occurrence",
            )
        ]
        indexes = [
            models.Index(
                fields=["due_at"],
                name="reminder_pending_due",
                condition=models.Q(status="pending"),
            )
        ]
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")

    def __str__(self) -> str:
        return f"{self.kind} → {self.recipient_id} @ {self.due_at:%Y-%m-%d %H:%M}"
