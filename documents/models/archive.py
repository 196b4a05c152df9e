"""Archive records (归档) after DA/T 22-2015: year, retention, category, item number, 档号."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .common import SecurityLevel


class Retention(models.TextChoices):
    PERMANENT = "Y", _("Permanent")
    THIRTY_YEARS = "D30", _("30 years")
    TEN_YEARS = "D10", _("10 years")


class ArchiveRecord(models.Model):
    """One archived item (件). Exactly one of incoming / outgoing is set."""

    incoming = models.OneToOneField(
        "documents.IncomingDocument",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="archive_record",
    )
    outgoing = models.OneToOneField(
        "documents.OutgoingDocument",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="archive_record",
    )
    fonds = models.CharField(_("fonds code"), max_length=20)
    year = models.PositiveIntegerField(_("year"))
    retention = models.CharField(_("retention"), max_length=4, choices=Retention.choices)
    category = models.CharField(_("organisation or category code"), max_length=20)
    item_number = models.PositiveIntegerField(_("item number"))
    archive_code = models.CharField(_("archive code"), max_length=80, unique=True)
    # Copied from the document when archived: the catalogue reads these, not the documents.
    responsible = models.CharField(_("responsible party"), max_length=200)
    doc_number = models.CharField(_("document number"), max_length=100, blank=True)
    title = models.CharField(pgettext_lazy("documents", "title"), max_length=200)
    doc_date = models.DateField(_("date"))
    pages = models.PositiveIntegerField(_("pages"), default=1)
    security_level = models.CharField(
        _("security level"), max_length=20, choices=SecurityLevel.choices
    )
    note = models.CharField(pgettext_lazy("documents", "note"), max_length=200, blank=True)
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("archived by"),
    )
    archived_at = models.DateTimeField(_("archived at"), auto_now_add=True)

    class Meta:
        ordering = ["year", "retention", "category", "item_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "retention", "category", "item_number"], name="archive_item_once"
            ),
            models.CheckConstraint(
                condition=models.Q(incoming__isnull=True) ^ models.Q(outgoing__isnull=True),
                name="archive_one_document",
            ),
        ]
        verbose_name = _("archive record")
        verbose_name_plural = _("archive records")

    def __str__(self) -> str:
        return f"{self.archive_code} {self.title}"

    def get_absolute_url(self) -> str:
        return self.document.get_absolute_url()

    @property
    def document(self):
        return self.incoming or self.outgoing
