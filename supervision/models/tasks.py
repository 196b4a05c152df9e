"""Supervision items (督办事项), their progress reports, notes and extension requests."""

import datetime

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office.conf import setting
from office.uploads import AttachmentBase
from office.workflow import WorkflowMixin


def yellow_days() -> int:
    """Days left at which an item turns yellow (DESIGN.md: ≤ 3)."""
    return setting("SUPERVISION_YELLOW_DAYS", 3, int)


def local_today() -> datetime.date:
    return timezone.localdate()


def deadline_light(deadline: datetime.date) -> str:
    """The traffic light of an open deadline: green / yellow (≤ SUPERVISION_YELLOW_DAYS left) /
    red (overdue). Other apps with deadlines (petitions) read it through supervision.selectors."""
    days = (deadline - local_today()).days
    if days < 0:
        return Task.Light.RED.value
    if days <= yellow_days():
        return Task.Light.YELLOW.value
    return Task.Light.GREEN.value


# Statuses of an item still being handled (Task.OPEN), here so the board's index can name them.
OPEN_STATUSES = ("assigned", "in_progress", "completion_requested")


def board_order() -> tuple:
    """The board's order: open items first, soonest deadline on top; finished ones after,
    newest first. The index supervision_task_board holds the same expressions, so a page of
    the board reads 50 rows off the index instead of sorting every item."""
    open_deadline = models.Case(models.When(status__in=OPEN_STATUSES, then=models.F("deadline")))
    return (open_deadline.asc(nulls_last=True), models.F("deadline").desc(), models.F("id").desc())


class Task(WorkflowMixin):
    """One supervision item: something decided that someone must get done by a date."""

    class Status(models.TextChoices):
        ASSIGNED = "assigned", _("Assigned")
        IN_PROGRESS = "in_progress", _("In progress")
        COMPLETION_REQUESTED = "completion_requested", _("Awaiting verification")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    class SourceKind(models.TextChoices):
        INSTRUCTION = "instruction", _("Director's instruction")
        RESOLUTION = "resolution", _("Meeting resolution")
        ADHOC = "adhoc", _("Ad-hoc assignment")

    class Priority(models.TextChoices):
        NORMAL = "normal", _("Normal")
        IMPORTANT = "important", _("Important")
        URGENT = "urgent", _("Urgent")

    class ReportCycle(models.TextChoices):
        NONE = "none", _("No regular reports")
        WEEKLY = "weekly", _("Weekly")
        MONTHLY = "monthly", _("Monthly")

    class Light(models.TextChoices):
        GREEN = "green", _("On track")
        YELLOW = "yellow", _("Due soon")
        RED = "red", _("Overdue")

    OPEN = tuple(map(Status, OPEN_STATUSES))
    FINISHED = (Status.COMPLETED, Status.CANCELLED)

    # Add the reverse step to a service whenever a new edge appears here.
    TRANSITIONS = {
        Status.ASSIGNED: {Status.IN_PROGRESS, Status.CANCELLED},
        Status.IN_PROGRESS: {Status.COMPLETION_REQUESTED, Status.CANCELLED},
        Status.COMPLETION_REQUESTED: {Status.COMPLETED, Status.IN_PROGRESS, Status.CANCELLED},
        Status.COMPLETED: set(),
        Status.CANCELLED: set(),
    }

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("what is to be done"), blank=True)
    status = models.CharField(
        _("status"), max_length=24, choices=Status.choices, default=Status.ASSIGNED
    )
    source_kind = models.CharField(
        _("source"), max_length=12, choices=SourceKind.choices, default=SourceKind.ADHOC
    )
    source_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_id = models.PositiveBigIntegerField(null=True, blank=True)
    source = GenericForeignKey("source_type", "source_id")
    # The source is 秘密/机密 (as its app declares): only those who may open it, the owner and
    # co-owners see the item. Kept here when the item is made, so every scoped query reads a
    # column instead of a subquery over the restricted records.
    source_restricted = models.BooleanField(default=False, editable=False)
    # What the source was called when the item was filed: shown if the source is deleted.
    source_label = models.CharField(_("source"), max_length=300, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="supervision_tasks",
        verbose_name=_("owner"),
    )
    owner_department = models.ForeignKey(
        "office.Department",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="supervision_tasks",
        verbose_name=_("owner department"),
    )
    co_owners = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="supervision_co_tasks",
        verbose_name=_("co-owners"),
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="supervision_assigned",
        verbose_name=_("assigned by"),
    )
    deadline = models.DateField(_("deadline"))
    original_deadline = models.DateField(_("original deadline"))
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority.choices, default=Priority.NORMAL
    )
    report_cycle = models.CharField(
        _("report cycle"), max_length=10, choices=ReportCycle.choices, default=ReportCycle.NONE
    )
    result = models.TextField(_("result"), blank=True)
    return_reason = models.TextField(_("reason for sending back"), blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    last_report_at = models.DateTimeField(_("last progress report"), null=True, blank=True)
    completion_requested_at = models.DateTimeField(
        _("completion requested at"), null=True, blank=True
    )
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("verified by"),
    )
    # Set when the item is completed: was the result submitted by the (extended) deadline?
    on_time = models.BooleanField(_("on time"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    # 分解: a sub-item for one co-owner; the parent completes once every sub-item is verified.
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        verbose_name=_("split from"),
    )
    # The ladder's last step (red for N days): the director was told; named in the circular.
    escalated_at = models.DateTimeField(_("escalated at"), null=True, blank=True)

    class Meta:
        ordering = ["deadline", "pk"]
        verbose_name = _("supervision item")
        verbose_name_plural = _("supervision items")
        indexes = [
            models.Index(fields=["source_type", "source_id"], name="supervision_task_source"),
            models.Index(fields=["status", "deadline"], name="supervision_task_status"),
            models.Index(fields=["deadline"], name="supervision_task_deadline"),
            models.Index(*board_order(), name="supervision_task_board"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        if self._state.adding and self.source_type_id is not None:
            from supervision.sources import is_restricted

            self.source_restricted = is_restricted(self.source_type_id, self.source_id)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("supervision:task_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    @property
    def days_left(self) -> int:
        return (self.deadline - local_today()).days

    @property
    def days_overdue(self) -> int:
        return max(0, -self.days_left)

    @property
    def light(self) -> str:
        """green / yellow (≤ SUPERVISION_YELLOW_DAYS left) / red (overdue); "" once finished."""
        if not self.is_open:
            return ""
        return deadline_light(self.deadline)

    def get_light_display(self) -> str:
        light = self.light
        return str(self.Light(light).label) if light else ""

    def source_display(self) -> dict:
        """{"label", "url", "exists"} for the source, tolerant of one that has been deleted."""
        if self.source_type_id is None:
            return {"label": self.source_label, "url": "", "exists": False}
        source = self.source  # None when the record is gone
        if source is None:
            return {"label": self.source_label, "url": "", "exists": False}
        url = source.get_absolute_url() if hasattr(source, "get_absolute_url") else ""
        return {"label": str(source), "url": url, "exists": True}


class ProgressReport(models.Model):
    """What the owner (or a co-owner) did so far."""

    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="reports", verbose_name=_("item")
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(_("progress"))
    created_at = models.DateTimeField(_("reported at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")

    def __str__(self) -> str:
        return f"{self.task} · {self.created_at:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return self.task.get_absolute_url()


class Note(models.Model):
    """A chase (催办), the owner's reply (情况说明), a comment or an instruction (批示)."""

    class Kind(models.TextChoices):
        CHASE = "chase", pgettext_lazy("supervision", "Chase")
        REPLY = "reply", _("Owner's explanation")
        COMMENT = "comment", pgettext_lazy("supervision", "Comment")
        INSTRUCTION = "instruction", _("Instruction")

    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="notes", verbose_name=_("item")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    # None: the escalation ladder chased (the system)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("author"),
    )
    text = models.TextField(_("text"))
    reply_to = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replies",
        verbose_name=_("in reply to"),
    )
    # The ladder step that made it ("red:2026-11-30"); a step chases exactly once.
    step = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(_("written at"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("supervision note")
        verbose_name_plural = _("supervision notes")
        constraints = [
            models.UniqueConstraint(
                fields=["task", "step"], condition=~models.Q(step=""), name="supervision_note_step"
            )
        ]

    def __str__(self) -> str:
        return f"{self.task} · {self.get_kind_display()}"

    def get_absolute_url(self) -> str:
        return self.task.get_absolute_url()


class ReportAttachment(AttachmentBase):
    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="attachments")

    class Meta(AttachmentBase.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")


class Extension(WorkflowMixin):
    """A request to move an item's deadline, decided by the assigner or the director."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting decision")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    TRANSITIONS = {Status.PENDING: {Status.APPROVED, Status.REFUSED}}

    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="extensions", verbose_name=_("item")
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("requested by"),
    )
    old_deadline = models.DateField(_("current deadline"))
    new_deadline = models.DateField(_("new deadline"))
    reason = models.TextField(_("reason"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("extension request")
        verbose_name_plural = _("extension requests")
        constraints = [
            models.UniqueConstraint(
                fields=["task"],
                condition=models.Q(status="pending"),
                name="supervision_one_pending_extension",
            )
        ]

    def __str__(self) -> str:
        return f"{self.task} → {self.new_deadline:%Y-%m-%d}"

    def get_absolute_url(self) -> str:
        return reverse("supervision:task_detail", args=[self.task_id])
