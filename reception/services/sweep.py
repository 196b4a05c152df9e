"""Scheduled work: the end-of-day sweep and the purge of ID numbers past retention."""

from datetime import timedelta

from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext_noop

from office.conf import setting
from office.i18n import Message
from office.roles import users_with_role
from office.services import audit, notify

from ..models import Visit, Visitor


def end_of_day_due() -> tuple[list[int], list[int]]:
    """(visits expected but never arrived, visitors still inside and not yet flagged)."""
    moment = now()
    no_shows = list(
        Visit.objects.filter(status=Visit.Status.EXPECTED, expected_arrival__lt=moment)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    inside = list(
        Visitor.objects.filter(
            checked_in_at__isnull=False, checked_out_at__isnull=True, flagged_at__isnull=True
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    return no_shows, inside


@transaction.atomic
def visitor_flag_not_checked_out(*, visitor_id: int) -> bool:
    """Flag a visitor still inside at the end of the day for the receptionists; once only."""
    visitor = (
        Visitor.objects.select_for_update(of=("self",))
        .select_related("visit")
        .filter(pk=visitor_id, checked_out_at__isnull=True, flagged_at__isnull=True)
        .exclude(checked_in_at__isnull=True)
        .first()
    )
    if visitor is None:
        return False
    visitor.flagged_at = now()
    visitor.save(update_fields=["flagged_at"])
    audit(
        actor=None,
        verb="reception.visitor_not_checked_out",
        target=visitor.visit,
        data={"visitor": visitor.name, "badge": visitor.badge_number},
    )
    notify(
        recipients=users_with_role("receptionist"),
        title=Message(
            gettext_noop("Not checked out: %(name)s, badge %(badge)s"),
            name=visitor.name,
            badge=visitor.badge_number,
        ),
        body=str(visitor.visit),
        url=visitor.get_absolute_url(),
        kind="reception.not_checked_out",
        email=False,
    )
    return True


def retention_days() -> int:
    return setting("RECEPTION_ID_RETENTION_DAYS", 180, int)


@transaction.atomic
def id_numbers_purge() -> int:
    """Blank the ID numbers of visits older than the retention period; the visits stay.
    The audit event records counts only, never a number."""
    days = retention_days()
    cutoff = now() - timedelta(days=days)
    purged = (
        Visitor.objects.filter(visit__expected_arrival__lt=cutoff)
        .exclude(id_number="")
        .update(id_number="")
    )
    audit(
        actor=None,
        verb="reception.id_numbers_purged",
        data={"count": purged, "retention_days": days},
    )
    return purged
