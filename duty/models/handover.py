"""The handover report (交接班) filed at the end of a shift."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office.workflow import WorkflowMixin

from .log import Incident, LogEntry
from .roster import Shift


class Handover(WorkflowMixin):
    class Status(models.TextChoices):
        FILED = "filed", pgettext_lazy("duty", "Awaiting acceptance")
        ACCEPTED = "accepted", pgettext_lazy("duty", "Accepted")
        DISPUTED = "disputed", pgettext_lazy("duty", "Disputed")

    # A disputed handover may still be accepted once cleared up; the dispute note stays.
    TRANSITIONS = {
        Status.FILED: {Status.ACCEPTED, Status.DISPUTED},
        Status.DISPUTED: {Status.ACCEPTED},
    }

    shift = models.OneToOneField(Shift, on_delete=models.PROTECT, related_name="handover")
    incoming_shift = models.ForeignKey(
        Shift, null=True, blank=True, on_delete=models.PROTECT, related_name="incoming_handovers"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.FILED
    )
    summary = models.TextField(pgettext_lazy("duty", "summary"))
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    filed_at = models.DateTimeField(_("filed at"))
    late = models.BooleanField(_("filed after the shift ended"), default=False)
    carried_incidents = models.ManyToManyField(Incident, blank=True, related_name="+")
    carried_entries = models.ManyToManyField(LogEntry, blank=True, related_name="+")
    dispute_note = models.TextField(_("dispute note"), blank=True)
    disputed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    disputed_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    acceptance_note = models.TextField(_("acceptance note"), blank=True)

    class Meta:
        ordering = ["-filed_at"]
        verbose_name = _("handover")
        verbose_name_plural = _("handovers")

    def __str__(self) -> str:
        # needs shift__post and shift__template select_related
        return _("Handover %(shift)s") % {"shift": self.shift}

    def get_absolute_url(self) -> str:
        return reverse("duty:handover_detail", args=[self.pk])


class HandoverItem(models.Model):
    """One line of the checklist of things handed over."""

    class Kind(models.TextChoices):
        KEY = "key", pgettext_lazy("duty", "Key")
        EQUIPMENT = "equipment", pgettext_lazy("duty", "Equipment")
        DOCUMENT = "document", pgettext_lazy("duty", "Document")
        OTHER = "other", pgettext_lazy("duty", "Other")

    handover = models.ForeignKey(Handover, on_delete=models.CASCADE, related_name="items")
    kind = models.CharField(pgettext_lazy("duty", "kind"), max_length=10, choices=Kind.choices)
    description = models.CharField(pgettext_lazy("duty", "item"), max_length=120)
    handed_over = models.BooleanField(_("handed over"), default=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.description}"
