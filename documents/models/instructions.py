"""呈批 and 批示: the 拟办 goes to one or more leaders, each of whom writes a 批示."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Instruction(models.Model):
    """One leader's 批示 on an incoming document. Leaders asked together share an `order`;
    in sequence each has the next one, and a row becomes pending when all before it are given.
    The document is instructed when the last row is given."""

    class Status(models.TextChoices):
        WAITING = "waiting", pgettext_lazy("documents", "Waiting for the previous leader")
        PENDING = "pending", pgettext_lazy("documents", "Awaiting instruction")
        GIVEN = "given", pgettext_lazy("documents", "Instructed")
        CANCELLED = "cancelled", pgettext_lazy("documents", "Withdrawn")

    document = models.ForeignKey(
        "documents.IncomingDocument", on_delete=models.CASCADE, related_name="instructions"
    )
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("leader"),
        on_delete=models.PROTECT,
        related_name="document_instructions",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WAITING
    )
    text = models.TextField(_("instruction"), blank=True)
    due = models.DateField(_("due date"), null=True, blank=True)
    given_at = models.DateTimeField(_("instructed at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["document", "leader"], name="instruction_once")
        ]
        indexes = [models.Index(fields=["leader", "status"], name="instruction_leader_status")]
        verbose_name = _("leader's instruction")
        verbose_name_plural = _("leaders' instructions")

    def __str__(self) -> str:
        # The to-do inbox lists rows with select_related("document").
        return f"{self.document.number} {self.document.title}"

    def get_absolute_url(self) -> str:
        return reverse("documents:incoming_detail", args=[self.document_id])
