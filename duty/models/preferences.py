"""Each person's own choice of when to be reminded of their shifts."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class DutyPreference(models.Model):
    """Absent: the defaults of duty.conf (the day before and an hour before)."""

    LEAD_CHOICES = [
        (0, _("No reminder before the shift")),
        (30, _("30 minutes before")),
        (60, _("1 hour before")),
        (120, _("2 hours before")),
        (240, _("4 hours before")),
        (720, _("12 hours before")),
    ]

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="duty_preference"
    )
    remind_day_before = models.BooleanField(_("remind me the evening before"), default=True)
    remind_before_minutes = models.PositiveIntegerField(
        _("remind me before the shift starts"), choices=LEAD_CHOICES, default=60
    )

    class Meta:
        verbose_name = _("duty reminder preference")
        verbose_name_plural = _("duty reminder preferences")

    def __str__(self) -> str:
        return str(self.person)
