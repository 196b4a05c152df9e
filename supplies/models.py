"""Supplies (办公用品) and fixed assets (资产).

Stock is one StockLevel row per store and item; the database keeps it from going below zero
(check constraint stocklevel_not_negative) and every change is a Movement row (入库, 出库,
盘点调整), written only by supplies.services.stock under a row lock.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office.workflow import WorkflowMixin

USER = settings.AUTH_USER_MODEL


class Store(models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("store")
        verbose_name_plural = _("stores")

    def __str__(self) -> str:
        return self.name


class Item(models.Model):
    name = models.CharField(_("name"), max_length=80)
    spec = models.CharField(_("specification"), max_length=80, blank=True)
    unit = models.CharField(_("unit"), max_length=10)
    # Below this (summed over a store) the storekeeper is told, once per crossing.
    threshold = models.PositiveIntegerField(_("low-stock threshold"), default=0)
    # An item no longer stocked stays in the history; it is not offered on new requests.
    active = models.BooleanField(
        _("in use"),
        default=True,
        help_text=_("Items no longer in use are not offered on requisitions and purchases."),
    )

    class Meta:
        ordering = ["name", "spec"]
        verbose_name = _("supply item")
        verbose_name_plural = _("supply items")
        constraints = [models.UniqueConstraint(fields=["name", "spec"], name="item_name_spec")]

    def __str__(self) -> str:
        return f"{self.name}（{self.spec}）" if self.spec else self.name

    def get_absolute_url(self) -> str:
        return reverse("supplies:index") + "?" + urlencode({"q": self.name})


class StockLevel(models.Model):
    store = models.ForeignKey(Store, on_delete=models.PROTECT, related_name="levels")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="levels")
    quantity = models.IntegerField(_("quantity"), default=0)
    # When the keeper was told it ran low; cleared when it is back above the threshold, so
    # the alert goes once per crossing.
    low_since = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["store__order", "item__name"]
        constraints = [
            models.UniqueConstraint(fields=["store", "item"], name="stocklevel_store_item"),
            models.CheckConstraint(condition=Q(quantity__gte=0), name="stocklevel_not_negative"),
        ]

    def __str__(self) -> str:
        return f"{self.store} · {self.item}：{self.quantity}{self.item.unit}"

    def get_absolute_url(self) -> str:
        return (
            reverse("supplies:index")
            + "?"
            + urlencode({"store": self.store_id, "q": self.item.name})
        )

    @property
    def is_low(self) -> bool:
        return self.quantity <= self.item.threshold


class Movement(models.Model):
    class Kind(models.TextChoices):
        RECEIPT = "receipt", _("Receipt")
        ISSUE = "issue", _("Issue")
        ADJUSTMENT = "adjustment", _("Stock-taking adjustment")

    store = models.ForeignKey(Store, on_delete=models.PROTECT, related_name="movements")
    item = models.ForeignKey(Item, on_delete=models.PROTECT, related_name="movements")
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    quantity = models.IntegerField(_("change"))  # signed: an issue is negative
    balance = models.IntegerField(_("balance after"))
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(_("time"))
    department = models.ForeignKey(
        "office.Department", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requisition = models.ForeignKey(
        "Requisition", null=True, blank=True, on_delete=models.PROTECT, related_name="movements"
    )
    purchase = models.ForeignKey(
        "Purchase", null=True, blank=True, on_delete=models.PROTECT, related_name="movements"
    )
    stocktake = models.ForeignKey(
        "StockTake", null=True, blank=True, on_delete=models.PROTECT, related_name="movements"
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        constraints = [models.CheckConstraint(condition=~Q(quantity=0), name="movement_not_zero")]
        indexes = [models.Index(fields=["at"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.item_id} {self.quantity}"


class StockRequest(WorkflowMixin):
    """What a requisition and a purchase request share: who asks, for which store and why;
    each adds its Status (with the same awaiting-approval start) and its last step."""

    requested_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    department = models.ForeignKey(
        "office.Department", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    store = models.ForeignKey(Store, on_delete=models.PROTECT, verbose_name=_("store"))
    purpose = models.CharField(_("purpose"), max_length=200)
    return_reason = models.CharField(max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ["-created_at", "-id"]


class RequestLine(models.Model):
    """One item asked for; the quantity is at least one (constraint <model>_qty)."""

    item = models.ForeignKey(Item, on_delete=models.PROTECT, verbose_name=_("item"))
    quantity = models.PositiveIntegerField(_("quantity"))

    class Meta:
        abstract = True
        ordering = ["id"]
        constraints = [models.CheckConstraint(condition=Q(quantity__gte=1), name="%(class)s_qty")]

    def __str__(self) -> str:
        return f"{self.item_id} × {self.quantity}"


class Requisition(StockRequest):
    """领用申请: a member of staff asks for items; their department head approves; the
    storekeeper issues them from one store, all lines or none."""

    class Status(models.TextChoices):
        AWAITING_APPROVAL = "awaiting_approval", pgettext_lazy("supplies", "Awaiting approval")
        APPROVED = "approved", pgettext_lazy("requisition", "Awaiting issue")
        RETURNED = "returned", _("Returned")
        ISSUED = "issued", pgettext_lazy("supplies", "Issued")
        CANCELLED = "cancelled", _("Cancelled")

    TRANSITIONS = {
        Status.AWAITING_APPROVAL: {Status.APPROVED, Status.RETURNED, Status.CANCELLED},
        Status.APPROVED: {Status.ISSUED, Status.CANCELLED},
    }
    OPEN = (Status.AWAITING_APPROVAL, Status.APPROVED)

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.AWAITING_APPROVAL
    )
    issued_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(null=True, blank=True)

    class Meta(StockRequest.Meta):
        verbose_name = _("requisition")
        verbose_name_plural = _("requisitions")

    def __str__(self) -> str:
        return _("Requisition LY-%(n)05d") % {"n": self.pk or 0}

    def get_absolute_url(self) -> str:
        return reverse("supplies:requisition", args=[self.pk])


class RequisitionLine(RequestLine):
    requisition = models.ForeignKey(Requisition, on_delete=models.CASCADE, related_name="lines")

    class Meta(RequestLine.Meta):
        constraints = [
            *RequestLine.Meta.constraints,
            models.UniqueConstraint(fields=["requisition", "item"], name="requisitionline_item"),
        ]


class Purchase(StockRequest):
    """采购申请: department head → finance → head of the organisation; received into stock."""

    class Status(models.TextChoices):
        AWAITING_APPROVAL = "awaiting_approval", pgettext_lazy("supplies", "Awaiting approval")
        APPROVED = "approved", pgettext_lazy("purchase", "Awaiting receipt")
        RETURNED = "returned", _("Returned")
        RECEIVED = "received", pgettext_lazy("supplies", "Received")
        CANCELLED = "cancelled", _("Cancelled")

    TRANSITIONS = {
        Status.AWAITING_APPROVAL: {Status.APPROVED, Status.RETURNED, Status.CANCELLED},
        Status.APPROVED: {Status.RECEIVED, Status.CANCELLED},
    }

    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.AWAITING_APPROVAL
    )
    received_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    received_at = models.DateTimeField(null=True, blank=True)

    class Meta(StockRequest.Meta):
        verbose_name = _("purchase request")
        verbose_name_plural = _("purchase requests")

    def __str__(self) -> str:
        return _("Purchase CG-%(n)05d") % {"n": self.pk or 0}

    def get_absolute_url(self) -> str:
        return reverse("supplies:purchase", args=[self.pk])


class PurchaseLine(RequestLine):
    purchase = models.ForeignKey(Purchase, on_delete=models.CASCADE, related_name="lines")
    unit_price = models.DecimalField(
        _("estimated unit price (yuan)"), max_digits=10, decimal_places=2
    )

    class Meta(RequestLine.Meta):
        constraints = [
            *RequestLine.Meta.constraints,
            models.CheckConstraint(condition=Q(unit_price__gte=0), name="purchaseline_price"),
        ]

    @property
    def amount(self):
        return self.quantity * self.unit_price


class StockTake(models.Model):
    """盘点: what was counted in a store; each difference became an adjustment movement."""

    store = models.ForeignKey(Store, on_delete=models.PROTECT, related_name="stocktakes")
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return _("Stock-taking PD-%(n)05d") % {"n": self.pk or 0}

    def get_absolute_url(self) -> str:
        return reverse("supplies:stocktake", args=[self.pk])


class StockTakeLine(models.Model):
    stocktake = models.ForeignKey(StockTake, on_delete=models.CASCADE, related_name="lines")
    item = models.ForeignKey(Item, on_delete=models.PROTECT)
    expected = models.IntegerField()
    counted = models.PositiveIntegerField()

    class Meta:
        ordering = ["item__name"]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.expected} → {self.counted}"

    @property
    def difference(self) -> int:
        return self.counted - self.expected


class Asset(models.Model):
    class Status(models.TextChoices):
        IN_USE = "in_use", _("In use")
        IDLE = "idle", _("Idle")
        REPAIR = "repair", _("Under repair")
        RETIRED = "retired", pgettext_lazy("asset status", "Retired")

    tag = models.CharField(_("tag number"), max_length=30, unique=True)
    name = models.CharField(_("name"), max_length=100)
    custodian = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("custodian")
    )
    location = models.CharField(_("location"), max_length=100)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.IN_USE
    )

    class Meta:
        ordering = ["tag"]
        verbose_name = _("asset")
        verbose_name_plural = _("assets")

    def __str__(self) -> str:
        return f"{self.tag} {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("supplies:asset", args=[self.pk])


class AssetTransfer(models.Model):
    asset = models.ForeignKey(Asset, on_delete=models.CASCADE, related_name="transfers")
    from_custodian = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    to_custodian = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    location = models.CharField(max_length=100)
    by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField()
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.asset_id}: {self.from_custodian_id} → {self.to_custodian_id}"


class Repair(WorkflowMixin):
    """报修: a fault on an asset, a handler and a deadline, tracked to done."""

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("repair", "Open")
        DONE = "done", pgettext_lazy("repair", "Done")

    TRANSITIONS = {Status.OPEN: {Status.DONE}}

    asset = models.ForeignKey(Asset, on_delete=models.PROTECT, related_name="repairs")
    reported_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    fault = models.CharField(_("fault"), max_length=500)
    handler = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("handler")
    )
    deadline = models.DateField(_("deadline"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    outcome = models.CharField(_("outcome"), max_length=500, blank=True)
    previous_status = models.CharField(max_length=10, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    done_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return _("Repair of %(asset)s") % {"asset": self.asset}

    def get_absolute_url(self) -> str:
        return reverse("supplies:asset", args=[self.asset_id]) + f"#repair-{self.pk}"
