"""Rooms, meetings, agenda, attendance, minutes and resolutions (办会)."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from office.db import TsTzRange, no_overlap  # noqa: F401 (migrations use TsTzRange)
from office.uploads import AttachmentBase
from office.workflow import WorkflowMixin


def new_sign_in_token() -> str:
    return secrets.token_urlsafe(16)


class Room(models.Model):
    name = models.CharField(_("name"), max_length=100)
    building = models.CharField(_("building"), max_length=100, blank=True)
    capacity = models.PositiveIntegerField(_("capacity"))
    equipment = models.CharField(
        _("equipment"),
        max_length=300,
        blank=True,
        help_text=_("Separate items with commas, e.g. projector, video conference, whiteboard."),
    )
    active = models.BooleanField(_("bookable"), default=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    # Room rules (after MRBS and Indico): approval before a booking holds, bookable hours,
    # how far ahead. Checked by services.rooms.check_room_rules, not by the 补录 path.
    needs_approval = models.BooleanField(
        _("bookings need approval"),
        default=False,
        help_text=_("A booking holds the room only once the room's approver has approved it."),
    )
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("approver"),
        help_text=_("Who approves bookings; if nobody is named, any clerk."),
    )
    opens_at = models.TimeField(_("bookable from"), null=True, blank=True)
    closes_at = models.TimeField(_("bookable until"), null=True, blank=True)
    max_days_ahead = models.PositiveIntegerField(
        _("bookable at most this many days ahead"), null=True, blank=True
    )
    # The door display's secret URL (like the calendar feed token): a tablet needs no login.
    display_token = models.CharField(max_length=40, default=new_sign_in_token, editable=False)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("meeting room")
        verbose_name_plural = _("meeting rooms")
        constraints = [models.UniqueConstraint(fields=["building", "name"], name="room_unique")]

    def __str__(self) -> str:
        return f"{self.building} {self.name}".strip()

    def get_absolute_url(self) -> str:
        return reverse("meetings:room_edit", args=[self.pk])

    @property
    def equipment_list(self) -> list[str]:
        text = self.equipment.replace("，", ",").replace("、", ",")
        return [item.strip() for item in text.split(",") if item.strip()]


class Meeting(WorkflowMixin):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        AWAITING_ROOM = "awaiting_room", _("Awaiting room approval")
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        MINUTED = "minuted", _("Minuted")
        CANCELLED = "cancelled", pgettext_lazy("meeting status", "Cancelled")

    class Kind(models.TextChoices):
        OFFICE = "office", _("Office meeting")
        TOPICAL = "topical", _("Topical meeting")
        WEEKLY = "weekly", _("Weekly routine meeting")
        COORDINATION = "coordination", _("Coordination meeting")
        OTHER = "other", _("Other")

    # Add the reverse step to a service whenever a new edge appears here.
    TRANSITIONS = {
        Status.DRAFT: {Status.SCHEDULED, Status.AWAITING_ROOM, Status.CANCELLED},
        # approved: scheduled; returned by the room's approver: back to draft (room_booking_*)
        Status.AWAITING_ROOM: {Status.SCHEDULED, Status.DRAFT, Status.CANCELLED},
        Status.SCHEDULED: {Status.HELD, Status.CANCELLED},
        Status.HELD: {Status.MINUTED},
        Status.MINUTED: set(),
        Status.CANCELLED: set(),
    }
    # A draft is a plan and a cancelled meeting is gone: only these hold their room.
    ACTIVE = (Status.SCHEDULED, Status.HELD, Status.MINUTED)
    EDITABLE = (Status.DRAFT, Status.SCHEDULED)
    # Not yet over and not off: what a room's deactivation or a series cancel is about.
    UPCOMING = (Status.DRAFT, Status.AWAITING_ROOM, Status.SCHEDULED)

    title = models.CharField(_("meeting title"), max_length=200)
    kind = models.CharField(
        _("kind of meeting"), max_length=20, choices=Kind.choices, default=Kind.OFFICE
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.DRAFT
    )
    # 补录: entered after it took place (held without a booking); no invitations went out.
    recorded_afterwards = models.BooleanField(_("recorded afterwards"), default=False)
    # The visits meeting_guests_preregister made at reception (cancelled with the meeting).
    guest_visit_ids = models.JSONField(default=list, blank=True, editable=False)
    # When the external guests were pre-registered as visitors at reception (once only).
    guests_preregistered_at = models.DateTimeField(
        _("guests pre-registered at"), null=True, blank=True
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="meetings_organised",
        verbose_name=_("organiser"),
    )
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="meetings_chaired",
        verbose_name=_("chair"),
    )
    recorder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="meetings_recorded",
        verbose_name=_("recorder"),
    )
    room = models.ForeignKey(
        Room,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="meetings",
        verbose_name=_("room"),
    )
    place = models.CharField(_("other place"), max_length=200, blank=True)
    online_link = models.URLField(_("online meeting link"), blank=True)
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    description = models.TextField(_("notes"), blank=True)
    series = models.UUIDField(_("series"), null=True, blank=True, db_index=True)
    # iCalendar SEQUENCE: bumped on every change attendees must hear about.
    sequence = models.PositiveIntegerField(default=0)
    sign_in_token = models.CharField(max_length=40, default=new_sign_in_token, editable=False)
    cancel_reason = models.TextField(_("why the meeting was cancelled"), blank=True)
    created_at = models.DateTimeField(_("booked at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["start", "id"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        indexes = [models.Index(fields=["room", "start"]), models.Index(fields=["start"])]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="meeting_ends"),
            no_overlap(
                name="meeting_room_no_overlap",
                resource="room",
                condition=Q(status__in=["scheduled", "held", "minuted"], room__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", args=[self.pk])

    @property
    def location(self) -> str:
        """Where it happens, for people: the room, else the place, else the online link."""
        return str(self.room) if self.room_id else (self.place or self.online_link)

    @property
    def calendar_uid(self) -> str:
        return f"meeting-{self.pk}@office-portal"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveIntegerField(_("order"), default=1)
    title = models.CharField(_("topic"), max_length=200)
    presenter = models.CharField(_("presenter"), max_length=100, blank=True)
    minutes_allotted = models.PositiveIntegerField(_("minutes allotted"), null=True, blank=True)
    materials = models.CharField(_("materials"), max_length=300, blank=True)
    # Filled in by the recorder as part of the minutes (one template for every meeting).
    discussion = models.TextField(_("discussion"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title


class Attendance(models.Model):
    """One invited colleague: their reply to the invitation and whether they came."""

    class Response(models.TextChoices):
        PENDING = "pending", _("Awaiting reply")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    class Presence(models.TextChoices):
        UNKNOWN = "unknown", _("Not recorded")
        SIGNED_IN = "signed_in", _("Signed in")  # scanned the code: signed_in_at is set
        PRESENT = "present", _("Present")  # marked by the recorder: no sign-in time
        EXCUSED = "excused", _("Excused")  # 请假, with absence_reason
        ABSENT = "absent", _("Absent")
        OBSERVER = "observer", _("Sat in")  # 列席

    # Who counts as having been there, in the minutes' 出席.
    ATTENDED = (Presence.SIGNED_IN, Presence.PRESENT)

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="meeting_attendances",
        verbose_name=_("attendee"),
    )
    required = models.BooleanField(_("required"), default=True)
    response = models.CharField(
        _("reply"), max_length=10, choices=Response.choices, default=Response.PENDING
    )
    reason = models.CharField(_("reason given"), max_length=300, blank=True)
    responded_at = models.DateTimeField(_("replied at"), null=True, blank=True)
    presence = models.CharField(
        _("attendance"), max_length=10, choices=Presence.choices, default=Presence.UNKNOWN
    )
    signed_in_at = models.DateTimeField(_("signed in at"), null=True, blank=True)
    absence_reason = models.CharField(_("reason for absence"), max_length=300, blank=True)

    class Meta:
        ordering = ["-required", "user__username"]
        verbose_name = _("attendee")
        verbose_name_plural = _("attendees")
        constraints = [models.UniqueConstraint(fields=["meeting", "user"], name="attendance_once")]
        indexes = [models.Index(fields=["user", "response"])]

    def __str__(self) -> str:
        # The to-do inbox lists invitations by their meeting: select_related("meeting").
        return self.meeting.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", args=[self.meeting_id])


class Guest(models.Model):
    """An external guest, by name and organisation (not a user of the portal)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="guests")
    name = models.CharField(_("name"), max_length=100)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("external guest")
        verbose_name_plural = _("external guests")

    def __str__(self) -> str:
        return f"{self.name}（{self.organisation}）" if self.organisation else self.name


class Minutes(WorkflowMixin):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Being drafted")
        SUBMITTED = "submitted", _("Awaiting approval")
        APPROVED = "approved", pgettext_lazy("minutes status", "Approved")

    # Returning submitted minutes sends them back to draft (minutes_return).
    TRANSITIONS = {
        Status.DRAFT: {Status.SUBMITTED},
        Status.SUBMITTED: {Status.APPROVED, Status.DRAFT},
        Status.APPROVED: set(),
    }

    meeting = models.OneToOneField(Meeting, on_delete=models.CASCADE, related_name="minutes")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    summary = models.TextField(_("summary of the meeting"), blank=True)
    return_reason = models.TextField(_("reason for returning"), blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True)
    created_at = models.DateTimeField(_("first saved at"), auto_now_add=True)

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self) -> str:
        # The to-do inbox lists minutes by their meeting: select_related("meeting").
        return self.meeting.title

    def get_absolute_url(self) -> str:
        return reverse("meetings:minutes", args=[self.meeting_id])


class Resolution(models.Model):
    """A decision (决定事项) with an owner and a deadline; approval files a supervision item."""

    minutes = models.ForeignKey(Minutes, on_delete=models.CASCADE, related_name="resolutions")
    order = models.PositiveIntegerField(_("order"), default=1)
    content = models.CharField(_("what was decided"), max_length=300)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="meeting_resolutions",
        verbose_name=_("owner"),
    )
    deadline = models.DateField(_("complete by"))

    class Meta:
        ordering = ["order", "id"]
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")

    def __str__(self) -> str:
        return self.content

    def get_absolute_url(self) -> str:
        return reverse("meetings:detail", args=[self.minutes.meeting_id])


class Material(AttachmentBase):
    """A file for the meeting (会议材料), optionally for one agenda item."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="materials")
    agenda_item = models.ForeignKey(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="files",
        verbose_name=_("agenda item"),
    )

    class Meta(AttachmentBase.Meta):
        verbose_name = _("meeting material")
        verbose_name_plural = _("meeting materials")

    def get_absolute_url(self) -> str:
        return reverse("meetings:material", args=[self.meeting_id, self.pk])
