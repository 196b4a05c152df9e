"""Visits (one occasion, one host) with their visitors (the people, each checked in and out),
reception arrangements tied to a visit, and the watch list consulted at check-in."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Upper
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office.identity import mask_id_number
from office.workflow import WorkflowMixin


class Visit(WorkflowMixin, models.Model):
    """A visit to a host by one visitor or a group; its status follows the people at the door."""

    class Status(models.TextChoices):
        EXPECTED = "expected", _("Expected")
        ARRIVED = "arrived", _("Arrived")
        LEFT = "left", _("Left")
        NO_SHOW = "no_show", _("No-show")
        CANCELLED = "cancelled", pgettext_lazy("reception", "Cancelled")

    # left -> arrived: a late member of a group is checked in after the others have gone.
    TRANSITIONS = {
        Status.EXPECTED: {Status.ARRIVED, Status.NO_SHOW, Status.CANCELLED},
        Status.ARRIVED: {Status.LEFT},
        Status.LEFT: {Status.ARRIVED},
    }

    host = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("host"),
        on_delete=models.PROTECT,
        related_name="hosted_visits",
    )
    organisation = models.CharField(_("organisation"), max_length=100, blank=True)
    purpose = models.CharField(_("purpose"), max_length=200)
    expected_arrival = models.DateTimeField(_("expected arrival"))
    expected_departure = models.DateTimeField(_("expected departure"))
    # Names of the party as one line ("张三、李四 等3人"), so lists and the to-do inbox need
    # no extra query; kept in step by the services that add visitors.
    party = models.CharField(_("visitors"), max_length=200, blank=True)
    headcount = models.PositiveSmallIntegerField(_("number of visitors"), default=1)
    walk_in = models.BooleanField(_("walk-in"), default=False)
    # Flagged at registration: the chronicle (大事记) suggests an important visit once it happens.
    important = models.BooleanField(_("important visit"), default=False)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.EXPECTED
    )
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("registered at"), auto_now_add=True)
    arrived_at = models.DateTimeField(_("arrived at"), null=True, blank=True)
    left_at = models.DateTimeField(_("left at"), null=True, blank=True)

    class Meta:
        ordering = ["-expected_arrival", "-id"]
        verbose_name = _("visit")
        verbose_name_plural = _("visits")
        indexes = [
            models.Index(fields=["expected_arrival"]),
            models.Index(fields=["host", "expected_arrival"]),
            models.Index(fields=["status", "expected_arrival"]),
            # The log's organisation filter is icontains, i.e. UPPER(organisation) LIKE '%x%'.
            GinIndex(
                OpClass(Upper("organisation"), name="gin_trgm_ops"),
                name="reception_visit_org_trgm",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(expected_departure__gt=F("expected_arrival")),
                name="reception_visit_departure_after_arrival",
            )
        ]

    def __str__(self) -> str:
        if self.organisation:
            return f"{self.party}（{self.organisation}）"
        return self.party or str(_("Visit"))

    def get_absolute_url(self) -> str:
        return reverse("reception:visit_detail", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.status in (self.Status.EXPECTED, self.Status.ARRIVED, self.Status.LEFT)


class Visitor(models.Model):
    """One person of a visit. The ID number is personal data: shown masked, purged in time."""

    class IdType(models.TextChoices):
        RESIDENT_ID = "resident_id", _("Resident identity card")
        PASSPORT = "passport", _("Passport")
        HK_MACAO = "hk_macao", _("Mainland travel permit for Hong Kong and Macao residents")
        TAIWAN = "taiwan", _("Mainland travel permit for Taiwan residents")
        OTHER = "other", _("Other")

    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="visitors"
    )
    name = models.CharField(pgettext_lazy("person", "name"), max_length=50)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    id_type = models.CharField(_("ID type"), max_length=20, choices=IdType.choices, blank=True)
    id_number = models.CharField(_("ID number"), max_length=40, blank=True)
    badge_number = models.CharField(_("badge number"), max_length=20, blank=True)
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    checked_out_at = models.DateTimeField(_("checked out at"), null=True, blank=True)
    checked_out_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    watch_list_confirmed = models.BooleanField(_("watch-list warning confirmed"), default=False)
    # Set by the end-of-day sweep when the visitor was never checked out.
    flagged_at = models.DateTimeField(_("flagged at"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["visit_id", "order", "id"]
        verbose_name = _("visitor")
        verbose_name_plural = _("visitors")
        indexes = [
            models.Index(fields=["checked_in_at"]),
            models.Index(
                fields=["checked_in_at"],
                condition=Q(checked_in_at__isnull=False, checked_out_at__isnull=True),
                name="reception_visitor_inside",
            ),
        ]
        constraints = [
            # A badge is worn by one person in the building at a time.
            models.UniqueConstraint(
                fields=["badge_number"],
                condition=Q(checked_in_at__isnull=False, checked_out_at__isnull=True),
                name="reception_badge_in_use_once",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("reception:visit_detail", args=[self.visit_id])

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.id_number)

    @property
    def is_inside(self) -> bool:
        return self.checked_in_at is not None and self.checked_out_at is None

    @property
    def presence(self) -> str:
        if self.checked_out_at:
            return "left"
        if self.checked_in_at:
            return "inside"
        return "waiting"


class WatchListEntry(models.Model):
    """A person the receptionist must be warned about at check-in (the receptionist decides)."""

    name = models.CharField(pgettext_lazy("person", "name"), max_length=50)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    id_number = models.CharField(_("ID number"), max_length=40, blank=True)
    reason = models.CharField(pgettext_lazy("reception", "reason"), max_length=200)
    active = models.BooleanField(_("active"), default=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("watch-list entry")
        verbose_name_plural = _("watch list")

    def __str__(self) -> str:
        return self.name

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.id_number)


class Arrangement(WorkflowMixin, models.Model):
    """A reception arrangement (接待安排) for a visit; costly ones wait for the director."""

    class Kind(models.TextChoices):
        MEAL = "meal", _("Meal")
        LODGING = "lodging", _("Lodging")
        TICKET = "ticket", _("Tickets")
        CAR = "car", _("Car")
        MEETING_ROOM = "meeting_room", _("Meeting room")

    class Status(models.TextChoices):
        AWAITING_APPROVAL = "awaiting_approval", pgettext_lazy("reception", "Awaiting approval")
        PLANNED = "planned", _("To be arranged")
        DONE = "done", _("Arranged")
        REJECTED = "rejected", _("Rejected")
        CANCELLED = "cancelled", pgettext_lazy("reception", "Cancelled")

    # planned -> awaiting_approval: a plan changed (before anyone approved it) to cost more
    # than the threshold (services.arrangement_update).
    TRANSITIONS = {
        Status.AWAITING_APPROVAL: {Status.PLANNED, Status.REJECTED, Status.CANCELLED},
        Status.PLANNED: {Status.DONE, Status.CANCELLED, Status.AWAITING_APPROVAL},
    }

    visit = models.ForeignKey(
        Visit, verbose_name=_("visit"), on_delete=models.CASCADE, related_name="arrangements"
    )
    kind = models.CharField(pgettext_lazy("reception", "kind"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("date"))
    people = models.PositiveSmallIntegerField(_("number of people"), default=1)
    standard = models.CharField(_("standard"), max_length=100, blank=True)
    details = models.TextField(_("details"), blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible person"),
        on_delete=models.PROTECT,
        related_name="reception_arrangements",
    )
    cost_estimate = models.DecimalField(
        _("cost estimate (yuan)"), max_digits=10, decimal_places=2, default=0
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(pgettext_lazy("reception", "created at"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decision_note = models.CharField(_("director's note"), max_length=200, blank=True)
    done_at = models.DateTimeField(_("arranged at"), null=True, blank=True)

    class Meta:
        ordering = ["date", "id"]
        verbose_name = _("reception arrangement")
        verbose_name_plural = _("reception arrangements")
        indexes = [models.Index(fields=["responsible", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(cost_estimate__gte=0), name="reception_arrangement_cost_not_negative"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.visit}"

    def get_absolute_url(self) -> str:
        return reverse("reception:arrangement_detail", args=[self.pk])


class RollCall(WorkflowMixin, models.Model):
    """An evacuation roll call (紧急清点): who was in the building when it started, each
    marked safe at the assembly point; closing it records the result."""

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("roll call", "Under way")
        CLOSED = "closed", pgettext_lazy("roll call", "Closed")

    TRANSITIONS = {Status.OPEN: {Status.CLOSED}}

    drill = models.BooleanField(_("drill"), default=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(_("started at"))
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    # Counted when it closes, so the history needs no query per roll call.
    headcount = models.PositiveIntegerField(_("people listed"), default=0)
    safe_count = models.PositiveIntegerField(_("marked safe"), default=0)
    note = models.CharField(pgettext_lazy("roll call", "result"), max_length=500, blank=True)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("roll call")
        verbose_name_plural = _("roll calls")
        constraints = [
            # One roll call at a time: two would split the people between two lists.
            models.UniqueConstraint(
                fields=["status"], condition=Q(status="open"), name="reception_one_open_roll_call"
            )
        ]

    def __str__(self) -> str:
        from django.utils.timezone import localtime

        kind = _("Evacuation drill") if self.drill else _("Evacuation")
        return f"{kind} {localtime(self.started_at):%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("reception:roll_call_detail", args=[self.pk])


class RollCallEntry(models.Model):
    """One person of a roll call, copied from an office.presence provider when it started."""

    roll_call = models.ForeignKey(RollCall, on_delete=models.CASCADE, related_name="entries")
    key = models.CharField(max_length=80)  # office.presence.Present.key
    section = models.CharField(_("section"), max_length=50)
    name = models.CharField(pgettext_lazy("person", "name"), max_length=100)
    role = models.CharField(pgettext_lazy("roll call", "here as"), max_length=50, blank=True)
    detail = models.CharField(_("details"), max_length=200, blank=True)
    badge = models.CharField(_("badge number"), max_length=20, blank=True)
    order = models.PositiveIntegerField(default=0)
    safe_at = models.DateTimeField(_("marked safe at"), null=True, blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["roll_call_id", "order", "id"]
        verbose_name = _("roll-call entry")
        verbose_name_plural = _("roll-call entries")
        constraints = [
            models.UniqueConstraint(fields=["roll_call", "key"], name="reception_roll_call_key")
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("reception:roll_call_detail", args=[self.roll_call_id])
