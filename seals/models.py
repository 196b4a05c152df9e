"""印信: the seal register, use requests (用印申请), the use log (用印登记), loans (外借)."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office.workflow import WorkflowMixin

from .storage import private_storage


class Seal(models.Model):
    class Kind(models.TextChoices):
        OFFICIAL = "official", _("Official seal (公章)")
        PARTY = "party", _("Party committee seal (党委章)")
        CONTRACT = "contract", _("Contract seal (合同专用章)")
        FINANCE = "finance", _("Finance seal (财务专用章)")
        LEGAL_REP = "legal_rep", _("Legal representative's seal (法人名章)")
        EMBOSSED = "embossed", _("Embossing seal (钢印)")

    class Status(models.TextChoices):
        IN_USE = "in_use", pgettext_lazy("seals", "In use")
        LENT_OUT = "lent_out", pgettext_lazy("seals", "Lent out")
        RETIRED = "retired", pgettext_lazy("seals", "Retired")

    class Chain(models.TextChoices):
        """The seal's own approval chain (seals.approvals)."""

        DIRECTOR = "director", _("Office director")
        HEAD_DIRECTOR = "head_director", _("Head of the requester's department, then the director")
        HEAD_FINANCE_DIRECTOR = (
            "head_finance_director",
            _("Head of department, finance, then the director"),
        )

    name = models.CharField(_("name"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    custodian = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("custodian"),
        on_delete=models.PROTECT,
        related_name="seals_kept",
    )
    location = models.CharField(_("where kept"), max_length=200)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.IN_USE
    )
    chain = models.CharField(
        _("approval chain"), max_length=24, choices=Chain.choices, default=Chain.DIRECTOR
    )
    diameter_mm = models.PositiveSmallIntegerField(_("diameter (mm)"), default=42)
    # Red on transparent (seals.images.normalise); private, read only for an approved use.
    image = models.FileField(storage=private_storage, upload_to="images/", blank=True)
    image_uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    image_uploaded_at = models.DateTimeField(null=True, blank=True)
    note = models.CharField(pgettext_lazy("seals", "note"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "name"]
        verbose_name = _("seal")
        verbose_name_plural = _("seals")
        constraints = [
            models.CheckConstraint(
                condition=Q(diameter_mm__gte=10, diameter_mm__lte=80), name="seals_diameter"
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("seals:seal_detail", args=[self.pk])

    @property
    def electronic(self) -> bool:
        """Whether it can be applied to a PDF: it has an image and is not retired."""
        return bool(self.image) and self.status != self.Status.RETIRED


class SealRequest(WorkflowMixin):
    """用印申请: what for, the outgoing document or an uploaded file, copies; the seal's chain."""

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("seals", "Awaiting approval")
        APPROVED = "approved", pgettext_lazy("seals", "Approved")
        RETURNED = "returned", pgettext_lazy("seals", "Returned")
        USED = "used", pgettext_lazy("seals", "Sealed")
        CANCELLED = "cancelled", pgettext_lazy("seals", "Withdrawn")

    TRANSITIONS = {
        Status.PENDING: {Status.APPROVED, Status.RETURNED, Status.CANCELLED},
        Status.APPROVED: {Status.USED, Status.CANCELLED},
    }

    seal = models.ForeignKey(Seal, verbose_name=_("seal"), on_delete=models.PROTECT)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="seal_requests"
    )
    purpose = models.CharField(pgettext_lazy("seals", "purpose"), max_length=200)
    # Either an outgoing document (sealed electronically after 签发) or an uploaded file.
    document = models.ForeignKey(
        "documents.OutgoingDocument",
        verbose_name=_("outgoing document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    upload = models.FileField(storage=private_storage, upload_to="requests/", blank=True)
    upload_name = models.CharField(max_length=200, blank=True)
    copies = models.PositiveSmallIntegerField(_("copies"), default=1)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    return_reason = models.CharField(_("reason"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("seal request")
        verbose_name_plural = _("seal requests")
        constraints = [
            models.CheckConstraint(condition=Q(copies__gte=1), name="seals_request_copies"),
            models.CheckConstraint(
                condition=Q(document__isnull=True) | Q(upload=""), name="seals_request_one_source"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.seal} · {self.subject}"

    @property
    def subject(self) -> str:
        if self.document_id:
            return self.document.number or self.document.title
        return self.upload_name or self.purpose

    def get_absolute_url(self) -> str:
        return reverse("seals:request_detail", args=[self.pk])


class SealUse(models.Model):
    """用印登记: who, when, which seal, what, how many copies. One row per use; an electronic
    use is one embedding of the image, with the signed PDF and the token its signature names."""

    seal = models.ForeignKey(Seal, on_delete=models.PROTECT, related_name="uses")
    request = models.OneToOneField(SealRequest, on_delete=models.PROTECT, related_name="use")
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    used_at = models.DateTimeField()
    subject = models.CharField(_("what"), max_length=300)
    copies = models.PositiveSmallIntegerField(_("copies"))
    electronic = models.BooleanField(_("electronic"), default=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    token = models.CharField(max_length=32, unique=True, null=True, blank=True)  # electronic only
    sealed_pdf = models.FileField(storage=private_storage, upload_to="sealed/", blank=True)
    sha256 = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-used_at", "-pk"]
        verbose_name = _("seal use")
        verbose_name_plural = _("seal uses")
        indexes = [models.Index(fields=["seal", "-used_at"])]

    def __str__(self) -> str:
        return f"{self.seal} · {self.subject}"

    def get_absolute_url(self) -> str:
        return self.request.get_absolute_url()

    @staticmethod
    def new_token() -> str:
        return uuid.uuid4().hex


class SealLoan(WorkflowMixin):
    """外借: a physical seal taken out; the custodian confirms its return."""

    class Status(models.TextChoices):
        OUT = "out", pgettext_lazy("seals", "Lent out")
        RETURNED = "returned", pgettext_lazy("seals", "Returned")

    TRANSITIONS = {Status.OUT: {Status.RETURNED}}

    seal = models.ForeignKey(Seal, verbose_name=_("seal"), on_delete=models.PROTECT)
    borrower = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("borrower"),
        on_delete=models.PROTECT,
        related_name="seal_loans",
    )
    reason = models.CharField(_("reason"), max_length=200)
    lent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    lent_at = models.DateTimeField()
    due_back = models.DateTimeField(_("due back"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OUT
    )
    returned_at = models.DateTimeField(null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    return_note = models.CharField(pgettext_lazy("seals", "note"), max_length=200, blank=True)

    class Meta:
        ordering = ["-lent_at", "-pk"]
        verbose_name = _("seal loan")
        verbose_name_plural = _("seal loans")
        constraints = [
            # A seal is out at most once at a time.
            models.UniqueConstraint(
                fields=["seal"], condition=Q(status="out"), name="seals_one_open_loan"
            ),
            models.CheckConstraint(condition=Q(due_back__gt=models.F("lent_at")), name="seals_due"),
        ]

    def __str__(self) -> str:
        return f"{self.seal} → {self.borrower}"

    def get_absolute_url(self) -> str:
        return reverse("seals:loan_detail", args=[self.pk])
