"""Posts, shift templates, shifts, assignments and swaps: who is on duty where and when."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateTimeRangeField, RangeBoundary, RangeOperators
from django.db import models
from django.db.models import Func, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office.workflow import WorkflowMixin


class TsTzRange(Func):
    function = "TSTZRANGE"
    output_field = DateTimeRangeField()


def local_zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


class Post(models.Model):
    """A place or line of duty, e.g. 总值班室."""

    name = models.CharField(pgettext_lazy("duty", "name"), max_length=60, unique=True)
    description = models.CharField(_("description"), max_length=200, blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    active = models.BooleanField(pgettext_lazy("duty", "active"), default=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("duty post")
        verbose_name_plural = _("duty posts")

    def __str__(self) -> str:
        return self.name


class ShiftTemplate(models.Model):
    """A shift's clock times; an end at or before the start means the next day."""

    name = models.CharField(pgettext_lazy("duty", "name"), max_length=30, unique=True)
    start_time = models.TimeField(_("starts at"))
    end_time = models.TimeField(_("ends at"))
    order = models.PositiveIntegerField(_("order"), default=0)
    active = models.BooleanField(pgettext_lazy("duty", "active"), default=True)

    class Meta:
        ordering = ["order", "start_time", "pk"]
        verbose_name = _("shift template")
        verbose_name_plural = _("shift templates")

    def __str__(self) -> str:
        return f"{self.name} {self.start_time:%H:%M}–{self.end_time:%H:%M}"

    @property
    def crosses_midnight(self) -> bool:
        return self.end_time <= self.start_time

    def bounds_on(self, day: date) -> tuple[datetime, datetime]:
        """Aware start and end of this shift on `day`, in the office's zone (no DST there)."""
        zone = local_zone()
        start = datetime.combine(day, self.start_time, tzinfo=zone)
        end_day = day + timedelta(days=1) if self.crosses_midnight else day
        return start, datetime.combine(end_day, self.end_time, tzinfo=zone)


class Shift(models.Model):
    """One occurrence of a template at a post on a date."""

    post = models.ForeignKey(Post, on_delete=models.PROTECT, related_name="shifts")
    template = models.ForeignKey(ShiftTemplate, on_delete=models.PROTECT, related_name="shifts")
    date = models.DateField(_("date"))
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))

    class Meta:
        ordering = ["starts_at", "post__order"]
        verbose_name = _("shift")
        verbose_name_plural = _("shifts")
        constraints = [
            models.UniqueConstraint(
                fields=["post", "template", "date"], name="duty_shift_unique_per_day"
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="duty_shift_positive"
            ),
        ]
        indexes = [models.Index(fields=["starts_at"]), models.Index(fields=["ends_at"])]

    def __str__(self) -> str:
        # post and template must be select_related where shifts are listed
        return f"{self.date:%Y-%m-%d} {self.template.name} · {self.post.name}"

    def get_absolute_url(self) -> str:
        return reverse("duty:shift_detail", args=[self.pk])


class Assignment(models.Model):
    """A person on a shift, as its leader or an officer; start/end copied for the constraint."""

    class Role(models.TextChoices):
        LEADER = "leader", pgettext_lazy("duty", "Shift leader")
        OFFICER = "officer", pgettext_lazy("duty", "Duty officer")

    shift = models.ForeignKey(Shift, on_delete=models.CASCADE, related_name="assignments")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="duty_assignments"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.OFFICER)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["shift__starts_at", "role", "person__username"]
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        constraints = [
            models.UniqueConstraint(fields=["shift", "person"], name="duty_assignment_once"),
            models.UniqueConstraint(
                fields=["shift"], condition=Q(role="leader"), name="duty_one_leader_per_shift"
            ),
            # Nobody on two overlapping shifts; the service checks first with a friendly message.
            ExclusionConstraint(
                name="duty_no_overlapping_assignments",
                expressions=[
                    (TsTzRange("starts_at", "ends_at", RangeBoundary()), RangeOperators.OVERLAPS),
                    ("person", RangeOperators.EQUAL),
                ],
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} · {self.get_role_display()}"

    def get_absolute_url(self) -> str:
        return reverse("duty:shift_detail", args=[self.shift_id])


class SwapRequest(WorkflowMixin):
    """requested -> accepted (by the colleague) -> approved (by the shift leader)."""

    class Status(models.TextChoices):
        REQUESTED = "requested", pgettext_lazy("duty", "Requested")
        ACCEPTED = "accepted", pgettext_lazy("duty", "Accepted by colleague")
        APPROVED = "approved", pgettext_lazy("duty", "Approved")
        DECLINED = "declined", pgettext_lazy("duty", "Declined by colleague")
        REJECTED = "rejected", pgettext_lazy("duty", "Rejected by leader")
        CANCELLED = "cancelled", pgettext_lazy("duty", "Withdrawn")

    TRANSITIONS = {
        Status.REQUESTED: {Status.ACCEPTED, Status.DECLINED, Status.CANCELLED},
        Status.ACCEPTED: {Status.APPROVED, Status.REJECTED, Status.CANCELLED},
    }

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="swaps")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    colleague = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("colleague"),
        on_delete=models.PROTECT,
        related_name="duty_swaps_offered",
    )
    # Optional: the colleague's own shift given in return (an exchange rather than a cover).
    counter_assignment = models.ForeignKey(
        Assignment,
        verbose_name=_("colleague's shift in return"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="counter_swaps",
    )
    reason = models.CharField(pgettext_lazy("duty", "reason"), max_length=200)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.REQUESTED
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("swap request")
        verbose_name_plural = _("swap requests")

    def __str__(self) -> str:
        # needs assignment__shift__post/template, requested_by, colleague select_related
        return _("Swap: %(shift)s, %(who)s → %(colleague)s") % {
            "shift": self.assignment.shift,
            "who": self.requested_by,
            "colleague": self.colleague,
        }

    def get_absolute_url(self) -> str:
        return reverse("duty:swap_detail", args=[self.pk])
