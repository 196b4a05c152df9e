"""Approval chains (审批链): an ordered list of steps on any record, decided one at a time."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ApprovalChain(models.Model):
    """One run of a rule's steps over one record; a returned record starts a new chain."""

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("approval", "In approval")
        APPROVED = "approved", pgettext_lazy("approval", "Approved")
        RETURNED = "returned", pgettext_lazy("approval", "Returned")
        CANCELLED = "cancelled", pgettext_lazy("approval", "Withdrawn")

    rule = models.CharField(_("approval rule"), max_length=60)
    target_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    target_id = models.CharField(max_length=64)
    target = GenericForeignKey("target_type", "target_id")
    # Kept on the chain so the to-do inbox lists steps without touching the records.
    title = models.CharField(_("title"), max_length=200)
    url = models.CharField(_("link"), max_length=500)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["target_type", "target_id", "-created_at"])]
        verbose_name = _("approval chain")
        verbose_name_plural = _("approval chains")

    def __str__(self) -> str:
        return self.title


class ApprovalStep(models.Model):
    """One level of a chain: a named person, anyone holding a role, or either of the two."""

    class Status(models.TextChoices):
        WAITING = "waiting", pgettext_lazy("approval", "Not yet")
        PENDING = "pending", pgettext_lazy("approval", "Awaiting decision")
        APPROVED = "approved", pgettext_lazy("approval", "Approved")
        RETURNED = "returned", pgettext_lazy("approval", "Returned")
        CANCELLED = "cancelled", pgettext_lazy("approval", "Withdrawn")

    chain = models.ForeignKey(ApprovalChain, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField()
    label = models.CharField(_("step"), max_length=100)
    role = models.CharField(_("role"), max_length=30, blank=True)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approver"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WAITING
    )
    activated_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["chain", "order"]
        constraints = [
            models.UniqueConstraint(fields=["chain", "order"], name="approval_step_order"),
            models.CheckConstraint(
                condition=~models.Q(role="", person__isnull=True), name="approval_step_approver"
            ),
        ]
        indexes = [
            models.Index(
                fields=["person"],
                name="approval_step_pending_person",
                condition=models.Q(status="pending"),
            ),
            models.Index(
                fields=["role"],
                name="approval_step_pending_role",
                condition=models.Q(status="pending"),
            ),
        ]
        verbose_name = _("approval step")
        verbose_name_plural = _("approval steps")

    def __str__(self) -> str:
        # The to-do inbox shows the step by its chain's title (select_related("chain")).
        return self.chain.title

    def get_absolute_url(self) -> str:
        return self.chain.url
