"""Circulation (传阅): one slip per reader of an incoming document."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Circulation(models.Model):
    document = models.ForeignKey(
        "documents.IncomingDocument", on_delete=models.CASCADE, related_name="circulations"
    )
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reader"),
        on_delete=models.PROTECT,
        related_name="document_circulations",
    )
    reason = models.CharField(pgettext_lazy("documents", "reason"), max_length=200, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    sent_at = models.DateTimeField(pgettext_lazy("documents", "sent at"), auto_now_add=True)
    read_at = models.DateTimeField(pgettext_lazy("documents", "read at"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    chased_at = models.DateTimeField(_("last chased at"), null=True, blank=True)
    chase_count = models.PositiveIntegerField(_("times chased"), default=0)

    class Meta:
        ordering = ["sent_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["document", "reader"], name="circulation_once")
        ]
        indexes = [models.Index(fields=["reader", "read_at"], name="circulation_reader_unread")]
        verbose_name = _("circulation")
        verbose_name_plural = _("circulations")

    def __str__(self) -> str:
        return f"{self.document.number} {self.document.title}"

    def get_absolute_url(self) -> str:
        return reverse("documents:incoming_detail", args=[self.document_id])
