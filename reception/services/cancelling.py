"""Visits that will not happen: cancelled by the host, by a cancelled meeting, or nobody came.

Cancelling a visit cancels its open reception arrangements with it.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.errors import require_actor
from office.i18n import Message
from office.services import audit, notify

from .. import permissions as perms
from ..models import Arrangement, Visit


def _close_open_arrangements(visit: Visit, by) -> int:
    open_statuses = [Arrangement.Status.AWAITING_APPROVAL, Arrangement.Status.PLANNED]
    arrangements = list(
        visit.arrangements.select_for_update()
        .filter(status__in=open_statuses)
        .select_related("responsible")
    )
    for arrangement in arrangements:
        arrangement.status = Arrangement.Status.CANCELLED
        arrangement.save(update_fields=["status"])
        audit(actor=by, verb="reception.arrangement_cancelled", target=arrangement)
    if arrangements:
        notify(
            recipients=[a.responsible for a in arrangements],
            title=Message(gettext_noop("Visit cancelled: %(visit)s"), visit=visit),
            body=Message(
                gettext_noop(
                    "The reception arrangements you were responsible for are no longer needed."
                )
            ),
            url=visit.get_absolute_url(),
            kind="reception.visit_cancelled",
            actor=by,
        )
    return len(arrangements)


@transaction.atomic
def visit_cancel(*, visit_id: int, by, reason: str = "") -> Visit:
    """Call an expected visit off; its open arrangements are cancelled with it."""
    visit = Visit.objects.select_for_update().select_related("host").get(pk=visit_id)
    require_actor(perms.may_cancel_visit(by, visit))
    visit.require_transition(
        Visit.Status.CANCELLED, _("Only a visit that has not arrived yet can be cancelled.")
    )
    visit.status = Visit.Status.CANCELLED
    visit.save(update_fields=["status"])
    closed = _close_open_arrangements(visit, by)
    audit(
        actor=by,
        verb="reception.visit_cancelled",
        target=visit,
        data={"reason": reason, "arrangements_cancelled": closed},
    )
    notify(
        recipients=[visit.host],
        title=Message(gettext_noop("Visit cancelled: %(visit)s"), visit=visit),
        body=reason,
        url=visit.get_absolute_url(),
        kind="reception.visit_cancelled",
        actor=by,
    )
    return visit


@transaction.atomic
def meeting_visits_cancel(*, visit_ids: list[int], by, reason: str) -> int:
    """A meeting was cancelled: its guests' expected visits (made by meeting_guests_preregister
    for its organiser) are called off and the reception desk is told; returns how many.

    The meetings service has checked that `by` may cancel the meeting, which decides."""
    require_actor(by is not None and by.is_active)
    visits = list(
        Visit.objects.select_for_update()
        .filter(pk__in=visit_ids, status=Visit.Status.EXPECTED)
        .select_related("host")
    )
    for visit in visits:
        visit.status = Visit.Status.CANCELLED
        visit.save(update_fields=["status"])
        closed = _close_open_arrangements(visit, by)
        audit(
            actor=by,
            verb="reception.visit_cancelled",
            target=visit,
            data={"reason": reason, "arrangements_cancelled": closed},
        )
    if visits:
        from office.roles import users_with_role

        notify(
            recipients=list(users_with_role("receptionist")),
            title=Message(
                gettext_noop("Visits cancelled: %(visits)s"), visits="、".join(map(str, visits))
            ),
            body=reason,
            url=visits[0].get_absolute_url(),
            kind="reception.visit_cancelled",
            actor=by,
        )
    return len(visits)


@transaction.atomic
def visit_mark_no_show(*, visit_id: int, by, quiet: bool = False) -> Visit | None:
    """Nobody came. The end-of-day sweep calls it as the system (by=None) with quiet=True: a
    visit that has moved on meanwhile is left alone (the sweep is safe to run twice)."""
    if by is not None:
        require_actor(perms.is_receptionist(by))
    visit = Visit.objects.select_for_update().select_related("host").get(pk=visit_id)
    if quiet and not visit.can_become(Visit.Status.NO_SHOW):
        return None
    visit.require_transition(
        Visit.Status.NO_SHOW, _("Only a visit nobody has arrived for can be marked a no-show.")
    )
    visit.status = Visit.Status.NO_SHOW
    visit.save(update_fields=["status"])
    audit(actor=by, verb="reception.visit_no_show", target=visit, data={"by_sweep": by is None})
    notify(
        recipients=[visit.host],
        title=Message(gettext_noop("Your visitors did not come: %(visit)s"), visit=visit),
        url=visit.get_absolute_url(),
        kind="reception.no_show",
        actor=by,
        email=False,
    )
    return visit
