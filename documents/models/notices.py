"""Notices (通知公告): drafted, published to all or to departments, pinned, expiring."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.timezone import localdate
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office.workflow import WorkflowMixin

from .common import SearchableMixin, gram_index


class Notice(SearchableMixin, WorkflowMixin):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    SEARCH_FIELDS = ("title", "body")
    TRANSITIONS = {
        Status.DRAFT: {Status.PUBLISHED},
        Status.PUBLISHED: {Status.WITHDRAWN},
        Status.WITHDRAWN: {Status.DRAFT},
    }

    title = models.CharField(pgettext_lazy("documents", "title"), max_length=200)
    body = models.TextField(_("body"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    to_all = models.BooleanField(_("to everyone"), default=True)
    departments = models.ManyToManyField(
        "office.Department", blank=True, related_name="+", verbose_name=_("departments")
    )
    pinned = models.BooleanField(_("pinned"), default=False)
    expires_on = models.DateField(_("expires on"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("drafted by"),
    )
    created_at = models.DateTimeField(pgettext_lazy("documents", "created at"), auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("published by"),
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, db_index=True)

    class Meta:
        ordering = ["-pinned", "-published_at", "-id"]
        indexes = [gram_index("notice")]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("documents:notice_detail", args=[self.pk])

    @property
    def is_expired(self) -> bool:
        return self.expires_on is not None and self.expires_on < localdate()

    @property
    def is_current(self) -> bool:
        return self.status == self.Status.PUBLISHED and not self.is_expired


class NoticeRead(models.Model):
    notice = models.ForeignKey(Notice, on_delete=models.CASCADE, related_name="reads")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    read_at = models.DateTimeField(pgettext_lazy("documents", "read at"), auto_now_add=True)

    class Meta:
        ordering = ["read_at"]
        constraints = [models.UniqueConstraint(fields=["notice", "user"], name="notice_read_once")]
        verbose_name = _("notice read")
        verbose_name_plural = _("notice reads")

    def __str__(self) -> str:
        return f"{self.notice_id} {self.user_id}"
