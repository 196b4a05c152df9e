"""会签: departments named by the drafter sign an outgoing document before 签发."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Countersign(models.Model):
    """One department's 会签 of an outgoing document: its head signs, or the person the head
    (or, for a department without a head, the office) named to sign for it."""

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("documents", "Awaiting countersignature")
        SIGNED = "signed", pgettext_lazy("documents", "Countersigned")

    document = models.ForeignKey(
        "documents.OutgoingDocument", on_delete=models.CASCADE, related_name="countersigns"
    )
    department = models.ForeignKey(
        "office.Department",
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    delegate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signs for the department"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    opinion = models.TextField(_("opinion"), blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["document", "department"], name="countersign_once")
        ]
        verbose_name = _("countersignature")
        verbose_name_plural = _("countersignatures")

    def __str__(self) -> str:
        # The to-do inbox lists rows with select_related("document").
        return str(self.document)

    def get_absolute_url(self) -> str:
        return reverse("documents:outgoing_detail", args=[self.document_id])

    @property
    def is_signed(self) -> bool:
        return self.status == self.Status.SIGNED
