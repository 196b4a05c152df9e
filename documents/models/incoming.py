"""Incoming documents (收文) and their scanned attachments."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office.uploads import AttachmentBase
from office.workflow import WorkflowMixin

from .common import DocumentBase, SearchableMixin, gram_index


class IncomingDocument(SearchableMixin, WorkflowMixin, DocumentBase):
    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        PROPOSED = "proposed", _("Proposed")
        INSTRUCTED = "instructed", _("Instructed")
        HANDLING = "handling", _("Handling")
        COMPLETED = "completed", _("Completed")
        ARCHIVED = "archived", _("Archived")
        RETURNED = "returned", _("Returned")

    SEARCH_FIELDS = ("number", "title", "source_org", "source_number", "keywords", "summary")
    OPEN = (Status.REGISTERED, Status.PROPOSED, Status.INSTRUCTED, Status.HANDLING)
    TRANSITIONS = {
        Status.REGISTERED: {Status.PROPOSED, Status.RETURNED},
        Status.PROPOSED: {Status.INSTRUCTED, Status.RETURNED},
        Status.INSTRUCTED: {Status.HANDLING, Status.COMPLETED, Status.RETURNED},
        Status.HANDLING: {Status.COMPLETED, Status.RETURNED},
        Status.COMPLETED: {Status.ARCHIVED},
    }

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.REGISTERED
    )
    source_org = models.CharField(_("source organisation"), max_length=200)
    source_number = models.CharField(_("source number"), max_length=100, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    copies = models.PositiveIntegerField(_("copies"), default=1)
    received_at = models.DateTimeField(_("received at"))
    deadline = models.DateField(pgettext_lazy("documents", "deadline"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    proposal = models.TextField(_("proposed handling"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    proposed_at = models.DateTimeField(_("proposed at"), null=True, blank=True)
    instruction = models.TextField(_("instruction"), blank=True)
    instructed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("instructed by"),
    )
    instructed_at = models.DateTimeField(_("instructed at"), null=True, blank=True)
    lead_handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("lead handler"),
    )
    co_handlers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("co-handlers")
    )
    handling_due = models.DateField(_("handling due"), null=True, blank=True)
    result = models.TextField(_("handling result"), blank=True)
    result_at = models.DateTimeField(_("result reported at"), null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("completed by"),
    )
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    return_reason = models.TextField(_("reason for return"), blank=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["year", "serial"], name="incoming_serial_once")
        ]
        indexes = [
            models.Index(fields=["status", "-received_at"], name="incoming_status_recv"),
            models.Index(fields=["-received_at", "-id"], name="incoming_recv"),
            gram_index("incoming"),
        ]
        verbose_name = _("incoming document")
        verbose_name_plural = _("incoming documents")

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("documents:incoming_detail", args=[self.pk])


class IncomingAttachment(AttachmentBase):
    document = models.ForeignKey(
        IncomingDocument, on_delete=models.CASCADE, related_name="attachments"
    )

    class Meta(AttachmentBase.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def get_absolute_url(self) -> str:
        return reverse("documents:incoming_attachment", args=[self.document_id, self.pk])
