"""Each person chooses when they are reminded of their shifts."""

from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _

from duty.models import Assignment, DutyPreference
from duty.services.reminders import schedule_assignment_reminders
from office.errors import DomainError, require_actor
from office.services import audit


@transaction.atomic
def preference_set(*, person, remind_day_before: bool, remind_before_minutes: int, by):
    """Save the choice and move the reminders of every shift still ahead to it."""
    require_actor(by is not None and by.pk == person.pk)
    if remind_before_minutes not in dict(DutyPreference.LEAD_CHOICES):
        raise DomainError(_("Choose one of the lead times offered."))
    preference, _created = DutyPreference.objects.select_for_update().get_or_create(person=person)
    preference.remind_day_before = remind_day_before
    preference.remind_before_minutes = remind_before_minutes
    preference.save(update_fields=["remind_day_before", "remind_before_minutes"])
    ahead = Assignment.objects.filter(person=person, starts_at__gt=now()).select_related(
        "shift__post", "shift__template", "person"
    )
    for assignment in ahead:
        schedule_assignment_reminders(assignment)
    audit(
        actor=by,
        verb="duty.reminders_chosen",
        target=preference,
        data={"day_before": remind_day_before, "minutes": remind_before_minutes},
    )
    return preference
