"""Leaders' schedule (领导活动安排): who is a leader, the office's own entries, the published week.

A leader is whoever the office keeps in its `Leader` list (clerks and the director manage it).
Meetings, trips and visits are not copied here: selectors gather them from their apps each
time; a published week (`WeekPlan`) keeps a snapshot of its rows so staff see what was published.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")  # everyone signed in
    INTERNAL = "internal", _("Internal")  # leaders, department heads, the office
    OFFICE = "office", _("Office only")  # clerks, the director and the leader concerned


class Leader(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="leader_profile",
        verbose_name=_("leader"),
    )
    title = models.CharField(_("post"), max_length=50, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=10)
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("leader")
        verbose_name_plural = _("leaders")

    def __str__(self) -> str:
        return f"{self.user}（{self.title}）" if self.title else str(self.user)


class Entry(models.Model):
    """An activity the office enters for a leader: 调研, 外出, 会见, 其他."""

    class Kind(models.TextChoices):
        RESEARCH = "research", _("Research visit")
        OUTING = "outing", _("Away")
        MEETING_WITH = "meeting_with", _("Meeting with guests")
        OTHER = "other", _("Other activity")

    leader = models.ForeignKey(
        Leader, on_delete=models.PROTECT, related_name="entries", verbose_name=_("leader")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.RESEARCH)
    title = models.CharField(_("activity"), max_length=200)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    place = models.CharField(_("place"), max_length=200, blank=True)
    department = models.ForeignKey(
        "office.Department",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accompanying department"),
    )
    note = models.CharField(_("note"), max_length=500, blank=True)
    visibility = models.CharField(
        _("who may see it"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.INTERNAL,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["start", "id"]
        indexes = [models.Index(fields=["start"])]
        constraints = [models.CheckConstraint(condition=Q(end__gt=F("start")), name="entry_ends")]
        verbose_name = _("schedule entry")
        verbose_name_plural = _("schedule entries")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("schedule:entry_edit", args=[self.pk])


class WeekPlan(models.Model):
    """领导一周活动安排 as published: one per week (Monday), its rows a snapshot."""

    week = models.DateField(_("week"), unique=True)  # the Monday, local date
    version = models.PositiveSmallIntegerField(_("version"), default=1)
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-week"]
        verbose_name = _("weekly plan")
        verbose_name_plural = _("weekly plans")

    def __str__(self) -> str:
        return str(self.week)

    def get_absolute_url(self) -> str:
        return reverse("schedule:index") + f"?week={self.week:%Y-%m-%d}"


class PlanRow(models.Model):
    """One row of a published week. `key` names its source ("entry:3", "meeting:12"), so a
    row's title is masked again at display time by its app's own scope."""

    plan = models.ForeignKey(WeekPlan, on_delete=models.CASCADE, related_name="rows")
    key = models.CharField(max_length=40)
    leader = models.ForeignKey(Leader, on_delete=models.PROTECT, related_name="+")
    start = models.DateTimeField()
    end = models.DateTimeField()
    title = models.CharField(max_length=300)
    place = models.CharField(max_length=200, blank=True)
    department = models.CharField(max_length=100, blank=True)
    visibility = models.CharField(max_length=10, choices=Visibility.choices)
    changed = models.BooleanField(default=False)  # 变更: new or different since the last version

    class Meta:
        ordering = ["start", "leader__order", "id"]

    def __str__(self) -> str:
        return self.title
