"""The monthly circular 督办通报, rendered to a PDF file."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def circular_path(instance, filename: str) -> str:
    return f"supervision/circulars/{instance.month:%Y-%m}-{instance.pk}-{filename}"


class Circular(models.Model):
    """The monthly circular 督办通报 as rendered (in Celery: it can run to many pages)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Being prepared")
        RENDERING = "rendering", _("Being prepared")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    month = models.DateField(_("month"), unique=True, help_text=_("First day of the month."))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    file = models.FileField(_("file"), upload_to=circular_path, blank=True, max_length=200)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested at"))
    rendered_at = models.DateTimeField(_("rendered at"), null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)  # a worker's render under way

    class Meta:
        ordering = ["-month"]
        verbose_name = _("circular")
        verbose_name_plural = _("circulars")

    def __str__(self) -> str:
        return f"督办通报 {self.month:%Y-%m}"

    def get_absolute_url(self) -> str:
        return reverse("supervision:circular_pdf", args=[self.month.year, self.month.month])

    @property
    def filename(self) -> str:
        return f"督办通报{self.month:%Y年%m月}.pdf"

    @property
    def in_progress(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.RENDERING)
