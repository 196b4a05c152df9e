"""Petitions (信访): letters, visits and online petitions, from registration to review.

The 信访工作条例's time rules are settings (petitions/rules.py): a decision on acceptance
within 15 days of receipt, handling within 60 days of acceptance (one extension of up to 30),
a review (复查) asked within 30 days of the reply, once.
"""

import datetime

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office.identity import mask_address, mask_id_number, mask_name, mask_phone
from office.workflow import WorkflowMixin


class Petition(WorkflowMixin):
    class Channel(models.TextChoices):
        LETTER = "letter", _("Letter")
        VISIT = "visit", pgettext_lazy("petitions", "Visit")
        ONLINE = "online", _("Online")

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        ACCEPTED = "accepted", pgettext_lazy("petitions", "Accepted")
        REJECTED = "rejected", _("Not accepted")
        ASSIGNED = "assigned", _("Being handled")
        REPLIED = "replied", _("Replied")
        CLOSED = "closed", _("Closed")
        REVIEWING = "reviewing", _("Under review")
        REVIEWED = "reviewed", _("Reviewed")

    class Satisfaction(models.TextChoices):
        SATISFIED = "satisfied", _("Satisfied")
        FAIRLY = "fairly", _("Fairly satisfied")
        DISSATISFIED = "dissatisfied", _("Dissatisfied")

    TRANSITIONS = {
        Status.REGISTERED: {Status.ACCEPTED, Status.REJECTED},
        Status.ACCEPTED: {Status.ASSIGNED},
        Status.ASSIGNED: {Status.REPLIED},
        Status.REPLIED: {Status.CLOSED, Status.REVIEWING},
        Status.CLOSED: {Status.REVIEWING},
        Status.REVIEWING: {Status.REVIEWED},
    }
    FINISHED = (Status.REJECTED, Status.CLOSED, Status.REVIEWED)

    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    petitioner_name = models.CharField(_("petitioner"), max_length=50)
    petitioner_id_number = models.CharField(_("ID number"), max_length=40, blank=True)
    petitioner_phone = models.CharField(_("phone"), max_length=30, blank=True)
    petitioner_address = models.CharField(_("address"), max_length=200, blank=True)
    personal_data_purged_at = models.DateTimeField(null=True, blank=True)
    title = models.CharField(_("subject"), max_length=200)
    matter = models.TextField(_("matter"))
    category = models.CharField(_("category"), max_length=40)
    received_on = models.DateField(_("received on"))
    accept_by = models.DateField(_("decide on acceptance by"))
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REGISTERED)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rejection_reason = models.TextField(blank=True)
    notice_sent_at = models.DateTimeField(null=True, blank=True)
    notice_sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    department = models.ForeignKey(
        "office.Department",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="petitions",
        verbose_name=_("handling department"),
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="petitions_assigned",
        verbose_name=_("person handling it"),
    )
    instructions = models.TextField(blank=True)
    assigned_at = models.DateTimeField(null=True, blank=True)
    deadline = models.DateField(null=True, blank=True)
    extended_days = models.PositiveSmallIntegerField(default=0)
    reply = models.TextField(blank=True)
    replied_at = models.DateTimeField(null=True, blank=True)
    replied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    satisfaction = models.CharField(max_length=20, choices=Satisfaction.choices, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    review_reason = models.TextField(blank=True)
    review_requested_at = models.DateTimeField(null=True, blank=True)
    review_deadline = models.DateField(null=True, blank=True)
    review_result = models.TextField(blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-received_on", "-id"]
        indexes = [models.Index(fields=["status", "deadline"])]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("petitions:detail", args=[self.pk])

    @property
    def number(self) -> str:
        return f"信访〔{self.received_on.year}〕{self.pk}号"

    @property
    def is_finished(self) -> bool:
        return self.status in self.FINISHED

    @property
    def current_deadline(self) -> datetime.date | None:
        """The date the open step is due: acceptance, handling or the review."""
        return {
            self.Status.REGISTERED: self.accept_by,
            self.Status.ACCEPTED: self.deadline,
            self.Status.ASSIGNED: self.deadline,
            self.Status.REVIEWING: self.review_deadline,
        }.get(self.status)

    @property
    def light(self) -> str:
        """Supervision's traffic light on the open step's deadline; "" when none is running."""
        from supervision.selectors import deadline_light

        due = self.current_deadline
        return deadline_light(due) if due else ""

    def get_light_display(self) -> str:
        from supervision.selectors import light_label

        return light_label(self.light)

    def masked(self) -> dict:
        """The petitioner as everyone but petition staff sees them."""
        return {
            "name": mask_name(self.petitioner_name),
            "id_number": mask_id_number(self.petitioner_id_number),
            "phone": mask_phone(self.petitioner_phone),
            "address": mask_address(self.petitioner_address),
        }


class Extension(models.Model):
    """A request to extend the handling deadline (at most once, up to 30 days): the director
    decides through the office approval chain (petitions/approvals.py)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting decision")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    petition = models.ForeignKey(Petition, on_delete=models.CASCADE, related_name="extensions")
    days = models.PositiveSmallIntegerField(_("days"))
    reason = models.TextField(_("reason"))
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return _("Extension of %(days)s days for %(petition)s") % {
            "days": self.days,
            "petition": self.petition,
        }

    def get_absolute_url(self) -> str:
        return self.petition.get_absolute_url()
