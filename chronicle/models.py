"""大事记: the year's notable events, each an entry written by hand or suggested by the sweep
from what the other apps record (a document issued, a meeting minuted, an important visit, a
重大 incident) and accepted, edited or discarded by the office."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office.workflow import WorkflowMixin


class Entry(WorkflowMixin, models.Model):
    class Status(models.TextChoices):
        SUGGESTED = "suggested", pgettext_lazy("chronicle", "Suggested")
        ACCEPTED = "accepted", pgettext_lazy("chronicle", "Accepted")
        DISCARDED = "discarded", pgettext_lazy("chronicle", "Discarded")

    class Source(models.TextChoices):
        HAND = "hand", _("Written by hand")
        DOCUMENT = "document", _("Outgoing document issued")
        MINUTES = "minutes", _("Meeting minuted")
        VISIT = "visit", _("Important visit")
        INCIDENT = "incident", _("Serious incident")

    class Importance(models.TextChoices):
        NORMAL = "normal", pgettext_lazy("chronicle importance", "Normal")
        HIGH = "high", pgettext_lazy("chronicle importance", "Important")

    # A decided suggestion stays decided: discarded ones are kept so the sweep never suggests
    # the same event again (the unique constraint below).
    TRANSITIONS = {Status.SUGGESTED: {Status.ACCEPTED, Status.DISCARDED}}

    date = models.DateField(_("date"), db_index=True)
    title = models.CharField(pgettext_lazy("chronicle", "title"), max_length=200)
    body = models.TextField(pgettext_lazy("chronicle", "details"), blank=True)
    importance = models.CharField(
        pgettext_lazy("chronicle", "importance"),
        max_length=10,
        choices=Importance.choices,
        default=Importance.NORMAL,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUGGESTED
    )
    source_kind = models.CharField(
        pgettext_lazy("chronicle", "source"), max_length=10, choices=Source.choices
    )
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source_url = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["date", "pk"]
        constraints = [
            # Each event is suggested once, however often or concurrently the sweep runs.
            models.UniqueConstraint(
                fields=["source_kind", "source_id"],
                condition=Q(source_id__isnull=False),
                name="chronicle_entry_source_once",
            )
        ]
        indexes = [models.Index(fields=["status", "date"], name="chronicle_status_date")]
        verbose_name = _("chronicle entry")
        verbose_name_plural = _("chronicle entries")

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("chronicle:entry", args=[self.pk])

    @property
    def suggested(self) -> bool:
        return self.source_kind != self.Source.HAND
