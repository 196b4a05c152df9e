"""Outgoing documents (发文): drafts with kept body versions, sign-off, numbering, issue."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office.uploads import AttachmentBase
from office.workflow import WorkflowMixin

from .common import DocumentBase, SearchableMixin, gram_index


class OutgoingDocument(SearchableMixin, WorkflowMixin, DocumentBase):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        SIGNING = "signing", _("Awaiting sign-off")
        SIGNED = "signed", _("Signed")
        ISSUED = "issued", _("Issued")
        ARCHIVED = "archived", _("Archived")

    TRANSITIONS = {
        Status.DRAFT: {Status.REVIEW},
        Status.REVIEW: {Status.SIGNING, Status.DRAFT},
        Status.SIGNING: {Status.SIGNED, Status.DRAFT},
        Status.SIGNED: {Status.ISSUED},
        Status.ISSUED: {Status.ARCHIVED},
    }
    SEARCH_FIELDS = ("number", "title", "main_recipients", "copy_recipients", "keywords", "body")

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    series = models.CharField(_("series"), max_length=20)
    main_recipients = models.CharField(_("main recipients"), max_length=300, blank=True)
    copy_recipients = models.CharField(_("copies to"), max_length=300, blank=True)
    internal_recipients = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        verbose_name=_("internal recipients"),
    )
    body = models.TextField(_("body"), blank=True)
    attachment_note = models.TextField(_("attachment note"), blank=True)
    issuer = models.CharField(_("issuing office"), max_length=100, blank=True)
    copies = models.PositiveIntegerField(_("copies printed"), default=1)
    department = models.ForeignKey(
        "office.Department",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("drafting department"),
    )
    drafted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("drafted by"),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_note = models.TextField(_("review note"), blank=True)
    signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("signed by"),
    )
    signed_at = models.DateTimeField(_("signed at"), null=True, blank=True)
    sign_note = models.TextField(_("sign-off note"), blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("issued by"),
    )
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    return_reason = models.TextField(_("reason for return"), blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "year", "serial"], name="outgoing_serial_once"
            )
        ]
        indexes = [
            models.Index(fields=["status", "-created_at"], name="outgoing_status_created"),
            models.Index(fields=["-created_at", "-id"], name="outgoing_created"),
            gram_index("outgoing"),
        ]
        verbose_name = _("outgoing document")
        verbose_name_plural = _("outgoing documents")

    def __str__(self) -> str:
        return f"{self.number} {self.title}" if self.number else self.title

    def get_absolute_url(self) -> str:
        return reverse("documents:outgoing_detail", args=[self.pk])

    @property
    def source_org(self) -> str:
        return self.issuer


class OutgoingVersion(models.Model):
    """A saved state of the draft's title and body: every save keeps the previous text."""

    document = models.ForeignKey(
        OutgoingDocument, on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(pgettext_lazy("documents", "title"), max_length=200)
    body = models.TextField(_("body"))
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("saved by"),
    )
    saved_at = models.DateTimeField(_("saved at"), auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="outgoing_version_once")
        ]
        verbose_name = _("body version")
        verbose_name_plural = _("body versions")

    def __str__(self) -> str:
        return f"v{self.number} {self.title}"


class OutgoingAttachment(AttachmentBase):
    document = models.ForeignKey(
        OutgoingDocument, on_delete=models.CASCADE, related_name="attachments"
    )

    class Meta(AttachmentBase.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def get_absolute_url(self) -> str:
        return reverse("documents:outgoing_attachment", args=[self.document_id, self.pk])


class Distribution(models.Model):
    """An issued document delivered to one internal recipient's inbox (待阅 until read)."""

    document = models.ForeignKey(
        OutgoingDocument, on_delete=models.CASCADE, related_name="distributions"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("recipient"),
    )
    delivered_at = models.DateTimeField(_("delivered at"), auto_now_add=True)
    read_at = models.DateTimeField(pgettext_lazy("documents", "read at"), null=True, blank=True)

    class Meta:
        ordering = ["delivered_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["document", "recipient"], name="distribution_once")
        ]
        indexes = [models.Index(fields=["recipient", "read_at"], name="distribution_unread")]
        verbose_name = _("distribution")
        verbose_name_plural = _("distributions")

    def __str__(self) -> str:
        return str(self.document)

    def get_absolute_url(self) -> str:
        return reverse("documents:outgoing_detail", args=[self.document_id])
