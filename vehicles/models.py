"""Vehicles, drivers, trip requests (用车申请) and dispatches (派车单) with the trip record.

The database keeps a car or a driver from being booked twice: the exclusion constraints
dispatch_vehicle_no_overlap and dispatch_driver_no_overlap (btree_gist) on active dispatches.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office.db import TsTzRange, no_overlap  # noqa: F401 (migrations use TsTzRange)
from office.workflow import WorkflowMixin


class Vehicle(models.Model):
    class Kind(models.TextChoices):
        SEDAN = "sedan", _("Sedan")
        SUV = "suv", _("SUV")
        MPV = "mpv", _("Business van (MPV)")
        MINIBUS = "minibus", _("Minibus")
        BUS = "bus", _("Coach")
        OTHER = "other", pgettext_lazy("vehicle kind", "Other")

    class Power(models.TextChoices):
        FUEL = "fuel", _("Petrol or diesel")
        ELECTRIC = "electric", _("Electric")
        HYBRID = "hybrid", _("Hybrid")

    class Status(models.TextChoices):
        IN_SERVICE = "in_service", _("In service")
        MAINTENANCE = "maintenance", _("Under maintenance")
        RETIRED = "retired", pgettext_lazy("vehicle status", "Retired")

    plate = models.CharField(_("number plate"), max_length=20, unique=True)
    kind = models.CharField(_("type"), max_length=10, choices=Kind.choices, default=Kind.SEDAN)
    model_name = models.CharField(_("make and model"), max_length=60, blank=True)
    seats = models.PositiveSmallIntegerField(_("passenger seats"))
    power = models.CharField(_("power"), max_length=10, choices=Power.choices, default=Power.FUEL)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.IN_SERVICE
    )
    # A leader's own car (领导专车): lending it to anyone else needs a reason and tells them.
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_vehicles",
        verbose_name=_("assigned leader"),
    )
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "plate"]
        verbose_name = _("vehicle")
        verbose_name_plural = _("vehicles")
        constraints = [models.CheckConstraint(condition=Q(seats__gte=1), name="vehicle_seats")]

    def __str__(self) -> str:
        return f"{self.plate}（{self.get_kind_display()}，{self.seats}座）"

    def get_absolute_url(self) -> str:
        return reverse("vehicles:vehicle", args=[self.pk])


class Driver(models.Model):
    class Licence(models.TextChoices):
        A1 = "A1", "A1"
        A2 = "A2", "A2"
        B1 = "B1", "B1"
        B2 = "B2", "B2"
        C1 = "C1", "C1"
        C2 = "C2", "C2"

    # A driver with a login sees their dispatches on a phone; one without is named only.
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="driver_profile",
        verbose_name=_("portal account"),
    )
    name = models.CharField(_("name"), max_length=50)
    licence_class = models.CharField(
        _("licence class"), max_length=2, choices=Licence.choices, default=Licence.C1
    )
    phone = models.CharField(_("phone"), max_length=30)
    active = models.BooleanField(_("on the roster"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("driver")
        verbose_name_plural = _("drivers")

    def __str__(self) -> str:
        return self.name


class Trip(WorkflowMixin):
    """A trip request (用车申请): who travels, from where to where, when, and why."""

    class Status(models.TextChoices):
        AWAITING_APPROVAL = "awaiting_approval", pgettext_lazy("trip status", "Awaiting approval")
        APPROVED = "approved", _("Awaiting dispatch")
        DISPATCHED = "dispatched", _("Car dispatched")
        COMPLETED = "completed", pgettext_lazy("trip status", "Completed")
        RETURNED = "returned", pgettext_lazy("trip status", "Returned")
        CANCELLED = "cancelled", pgettext_lazy("trip status", "Cancelled")

    # A dispatched trip may be dispatched again (reassigned, with a reason): trip_reassign.
    TRANSITIONS = {
        Status.AWAITING_APPROVAL: {Status.APPROVED, Status.RETURNED, Status.CANCELLED},
        Status.APPROVED: {Status.DISPATCHED, Status.CANCELLED},
        Status.DISPATCHED: {Status.DISPATCHED, Status.COMPLETED, Status.CANCELLED},
        Status.COMPLETED: set(),
        Status.RETURNED: set(),
        Status.CANCELLED: set(),
    }
    OPEN = (Status.AWAITING_APPROVAL, Status.APPROVED, Status.DISPATCHED)

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="trips_requested",
        verbose_name=_("requested by"),
    )
    # The requester's department when asked: the monthly figures count trips by it.
    department = models.ForeignKey(
        "office.Department",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("department"),
    )
    passengers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="trips_as_passenger",
        verbose_name=_("colleagues travelling"),
    )
    people = models.PositiveSmallIntegerField(_("number of people"), default=1)
    other_passengers = models.CharField(_("other passengers"), max_length=200, blank=True)
    origin = models.CharField(_("setting off from"), max_length=200)
    destination = models.CharField(_("destination"), max_length=200)
    start = models.DateTimeField(_("leaves at"))
    end = models.DateTimeField(_("back by"))
    purpose = models.CharField(_("purpose"), max_length=300)
    # Asked for a particular car (a leader's own car): its leader approves.
    preferred_vehicle = models.ForeignKey(
        Vehicle,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("preferred vehicle"),
    )
    # Where the request came from (a reception arrangement, an off-site meeting): a path.
    source_url = models.CharField(_("requested for"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.AWAITING_APPROVAL
    )
    return_reason = models.TextField(_("reason for returning"), blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    # iCalendar SEQUENCE: bumped whenever the car, driver or state changes.
    sequence = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-start", "-id"]
        verbose_name = _("trip request")
        verbose_name_plural = _("trip requests")
        indexes = [models.Index(fields=["status", "start"]), models.Index(fields=["start"])]
        constraints = [models.CheckConstraint(condition=Q(end__gt=F("start")), name="trip_ends")]

    def __str__(self) -> str:
        return f"{self.origin} → {self.destination}"

    def get_absolute_url(self) -> str:
        return reverse("vehicles:trip", args=[self.pk])

    @property
    def calendar_uid(self) -> str:
        return f"trip-{self.pk}@office-portal"

    @property
    def current_dispatch(self) -> "Dispatch | None":
        """The dispatch in force (or the completed one); prefetched by the selectors."""
        if not hasattr(self, "current_dispatches"):
            self.current_dispatches = list(
                self.dispatches.filter(status__in=Dispatch.CURRENT).select_related(
                    "vehicle", "driver", "driver__user"
                )[:1]
            )
        return self.current_dispatches[0] if self.current_dispatches else None


class Dispatch(models.Model):
    """A car and a driver for a trip (派车单); a reassignment replaces it with a new one.

    The completion fields are the trip record: odometer, fuel or charge, tolls."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("In force")
        REPLACED = "replaced", _("Reassigned")
        CANCELLED = "cancelled", pgettext_lazy("dispatch status", "Cancelled")
        COMPLETED = "completed", pgettext_lazy("dispatch status", "Completed")

    CURRENT = (Status.ACTIVE, Status.COMPLETED)

    trip = models.ForeignKey(Trip, on_delete=models.CASCADE, related_name="dispatches")
    vehicle = models.ForeignKey(
        Vehicle, on_delete=models.PROTECT, related_name="dispatches", verbose_name=_("vehicle")
    )
    driver = models.ForeignKey(
        Driver, on_delete=models.PROTECT, related_name="dispatches", verbose_name=_("driver")
    )
    # Copied from the trip so the constraints can see them.
    start = models.DateTimeField(_("leaves at"))
    end = models.DateTimeField(_("back by"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    note = models.CharField(_("note for the driver"), max_length=300, blank=True)
    # Lending a leader's own car: why, and the car offered to the leader meanwhile.
    lend_reason = models.TextField(_("why the leader's car is lent"), blank=True)
    stand_in = models.ForeignKey(
        Vehicle,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("car offered to the leader meanwhile"),
    )
    dispatched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("dispatched by"),
    )
    dispatched_at = models.DateTimeField(_("dispatched at"), auto_now_add=True)
    replaced_reason = models.TextField(_("reason for reassigning"), blank=True)
    odometer_start = models.PositiveIntegerField(_("odometer at departure (km)"), null=True)
    odometer_end = models.PositiveIntegerField(_("odometer on return (km)"), null=True)
    fuel_litres = models.DecimalField(
        _("fuel (litres)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    charge_kwh = models.DecimalField(
        _("charge (kWh)"), max_digits=7, decimal_places=2, null=True, blank=True
    )
    energy_cost = models.DecimalField(
        _("fuel or charge cost (yuan)"), max_digits=9, decimal_places=2, default=0
    )
    tolls = models.DecimalField(_("tolls (yuan)"), max_digits=9, decimal_places=2, default=0)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        ordering = ["-dispatched_at", "-id"]
        verbose_name = _("dispatch")
        verbose_name_plural = _("dispatches")
        indexes = [models.Index(fields=["status", "start"])]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=F("start")), name="dispatch_ends"),
            models.CheckConstraint(
                condition=Q(odometer_end__isnull=True)
                | Q(odometer_start__isnull=True)
                | Q(odometer_end__gte=F("odometer_start")),
                name="dispatch_odometer_forward",
            ),
            no_overlap(
                name="dispatch_vehicle_no_overlap", resource="vehicle", condition=Q(status="active")
            ),
            no_overlap(
                name="dispatch_driver_no_overlap", resource="driver", condition=Q(status="active")
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number} {self.vehicle.plate}"

    def get_absolute_url(self) -> str:
        return reverse("vehicles:trip", args=[self.trip_id])

    @property
    def number(self) -> str:
        """The 派车单's number: the year it was made and the row."""
        return f"派{self.dispatched_at:%Y}-{self.pk:05d}" if self.pk else ""

    @property
    def distance(self) -> int | None:
        if self.odometer_start is None or self.odometer_end is None:
            return None
        return self.odometer_end - self.odometer_start
