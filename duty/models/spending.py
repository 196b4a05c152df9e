"""Spending on duty (值班开支), approved by tier: officer, shift leader, director."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office.workflow import WorkflowMixin

from .roster import Shift


class SpendRequest(WorkflowMixin):
    class Tier(models.TextChoices):
        OFFICER = "officer", pgettext_lazy("duty", "Within the officer's limit")
        LEADER = "leader", pgettext_lazy("duty", "Shift leader approves")
        DIRECTOR = (
            "director",
            pgettext_lazy(
                "duty", "Approval chain: department head, finance, head of the organisation"
            ),
        )

    class Status(models.TextChoices):
        RECORDED = "recorded", pgettext_lazy("duty", "Recorded")
        PENDING = "pending", pgettext_lazy("duty", "Awaiting approval")
        APPROVED = "approved", pgettext_lazy("duty", "Approved")
        REJECTED = "rejected", pgettext_lazy("duty", "Rejected")

    TRANSITIONS = {Status.PENDING: {Status.APPROVED, Status.REJECTED}}

    shift = models.ForeignKey(Shift, on_delete=models.PROTECT, related_name="spend_requests")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    amount = models.DecimalField(
        _("amount (yuan)"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    purpose = models.CharField(pgettext_lazy("duty", "purpose"), max_length=200)
    emergency = models.BooleanField(
        _("emergency (executed first, approved afterwards)"), default=False
    )
    tier = models.CharField(_("approval level"), max_length=10, choices=Tier.choices)
    limit = models.DecimalField(_("limit applied (yuan)"), max_digits=12, decimal_places=2)
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approver"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The shift leader for the leader tier; empty means any director."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    executed_at = models.DateTimeField(_("executed at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_note = models.CharField(pgettext_lazy("duty", "note"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("spending request")
        verbose_name_plural = _("spending requests")
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="duty_spend_positive")
        ]

    def __str__(self) -> str:
        return f"¥{self.amount} {self.purpose}"

    def get_absolute_url(self) -> str:
        return reverse("duty:spend_detail", args=[self.pk])

    @property
    def awaiting_retroactive_approval(self) -> bool:
        """An emergency spend executed before approval (补办) stays flagged until approved."""
        return self.emergency and self.status == self.Status.PENDING
