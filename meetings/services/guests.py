"""External guests become expected visitors at reception: one visit per organisation."""

import datetime
from collections import defaultdict

from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _

from office.errors import DomainError, TransitionNotAllowed, require_actor
from office.services import audit
from reception.services import VisitorData, visit_register

from .. import permissions as perms
from ..models import Meeting

# Guests come through the gate a little before the meeting and leave a little after it.
ARRIVAL_MARGIN = datetime.timedelta(minutes=30)


@transaction.atomic
def meeting_guests_preregister(*, meeting_id: int, by) -> int:
    """Pre-register the meeting's guests as visitors hosted by the organiser; returns visits."""
    meeting = (
        Meeting.objects.select_for_update(of=("self",))
        .select_related("organiser")
        .get(pk=meeting_id)
    )
    require_actor(perms.may_run(by, meeting))
    if meeting.status != Meeting.Status.SCHEDULED or meeting.end <= now():
        raise TransitionNotAllowed(
            _("Guests can be pre-registered only for a scheduled meeting that has not ended.")
        )
    if meeting.guests_preregistered_at is not None:
        raise DomainError(_("The guests are already pre-registered at reception."))
    by_organisation = defaultdict(list)
    for guest in meeting.guests.all():
        by_organisation[guest.organisation].append(VisitorData(name=guest.name))
    if not by_organisation:
        raise DomainError(_("This meeting has no external guests."))
    purpose = _("Meeting: %(title)s") % {"title": meeting.title}
    visit_ids = []
    for organisation, visitors in by_organisation.items():
        visit = visit_register(
            host=meeting.organiser,
            by=by,
            organisation=organisation,
            purpose=purpose[:200],
            expected_arrival=meeting.start - ARRIVAL_MARGIN,
            expected_departure=meeting.end + ARRIVAL_MARGIN,
            visitors=visitors,
        )
        visit_ids.append(visit.pk)
    meeting.guests_preregistered_at, meeting.guest_visit_ids = now(), visit_ids
    meeting.save(update_fields=["guests_preregistered_at", "guest_visit_ids"])
    audit(
        actor=by,
        verb="meeting.guests_preregistered",
        target=meeting,
        data={"visits": len(by_organisation)},
    )
    return len(by_organisation)
