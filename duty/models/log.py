"""The duty log and incidents kept during a shift."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office.workflow import WorkflowMixin

from .roster import Shift


class FollowUpOutcome(models.TextChoices):
    DONE = "done", pgettext_lazy("duty", "Done")
    HANDED_BACK = "handed_back", pgettext_lazy("duty", "Handed back")


class LogEntry(models.Model):
    Outcome = FollowUpOutcome

    class Kind(models.TextChoices):
        PHONE = "phone", pgettext_lazy("duty", "Phone call")
        VISITOR = "visitor", pgettext_lazy("duty", "Visitor")
        INCIDENT = "incident", pgettext_lazy("duty", "Incident")
        INSTRUCTION = "instruction", pgettext_lazy("duty", "Instruction")
        OTHER = "other", pgettext_lazy("duty", "Other")

    shift = models.ForeignKey(Shift, on_delete=models.PROTECT, related_name="log_entries")
    occurred_at = models.DateTimeField(_("time"))
    kind = models.CharField(pgettext_lazy("duty", "kind"), max_length=12, choices=Kind.choices)
    summary = models.CharField(pgettext_lazy("duty", "summary"), max_length=500)
    follow_up = models.CharField(_("follow-up"), max_length=500, blank=True)
    follow_up_done_at = models.DateTimeField(_("follow-up done at"), null=True, blank=True)
    follow_up_outcome = models.CharField(
        _("follow-up outcome"), max_length=12, choices=FollowUpOutcome.choices, blank=True
    )
    follow_up_done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        # A context: Django's admin has its own "log entry" (日志记录), and it would win.
        verbose_name = pgettext_lazy("duty", "log entry")
        verbose_name_plural = pgettext_lazy("duty", "log entries")
        indexes = [models.Index(fields=["-occurred_at", "-id"], name="duty_log_recent")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.summary[:40]}"

    def get_absolute_url(self) -> str:
        return reverse("duty:shift_detail", args=[self.shift_id]) + f"#log-{self.pk}"

    @property
    def follow_up_pending(self) -> bool:
        return bool(self.follow_up) and self.follow_up_done_at is None


class Incident(WorkflowMixin):
    class Severity(models.TextChoices):
        """The grades offices use (一般、较大、重大、特别重大); each has its escalation chain."""

        GENERAL = "general", pgettext_lazy("incident grade", "General")
        MAJOR = "major", pgettext_lazy("incident grade", "Major")
        SERIOUS = "serious", pgettext_lazy("incident grade", "Serious")
        CRITICAL = "critical", pgettext_lazy("incident grade", "Particularly serious")

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("duty", "Open")
        RESOLVED = "resolved", pgettext_lazy("duty", "Resolved")

    TRANSITIONS = {Status.OPEN: {Status.RESOLVED}}

    shift = models.ForeignKey(Shift, on_delete=models.PROTECT, related_name="incidents")
    occurred_at = models.DateTimeField(_("time"))
    title = models.CharField(pgettext_lazy("duty", "title"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    severity = models.CharField(
        pgettext_lazy("duty", "grade"), max_length=8, choices=Severity.choices
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    resolution = models.TextField(pgettext_lazy("duty", "resolution"), blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    # The escalation ladder (duty.services.escalation): the step reached, when the next is due
    # (None: acknowledged, resolved or the ladder is done), the first acknowledgement.
    escalation_step = models.PositiveSmallIntegerField(default=0)
    next_escalation_at = models.DateTimeField(null=True, blank=True)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        indexes = [
            models.Index(
                fields=["next_escalation_at"],
                name="duty_incident_escalation_due",
                condition=Q(next_escalation_at__isnull=False),
            )
        ]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")

    def __str__(self) -> str:
        return f"[{self.get_severity_display()}] {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("duty:incident_detail", args=[self.pk])


class IncidentAcknowledgement(models.Model):
    """Created for each person an escalation step alerts; acknowledged_at when they do."""

    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="acknowledgements"
    )
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    acknowledged_at = models.DateTimeField(_("acknowledged at"), null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["incident", "person"], name="duty_ack_once")]

    def __str__(self) -> str:
        # to-do inbox: select_related("incident")
        return str(self.incident)

    def get_absolute_url(self) -> str:
        return reverse("duty:incident_detail", args=[self.incident_id])
