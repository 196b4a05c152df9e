"""Visits and visitors: pre-registration, walk-ins, changes, check-in, check-out.
(Calling a visit off, or marking a no-show, is services.cancelling.)

Personal data: ID numbers never go into audit data or notifications; only names and badges.
Lock order everywhere: the visit first, then its visitors.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.errors import DomainError, require_actor
from office.i18n import Message
from office.services import audit, notify

from .. import permissions as perms
from ..models import Visit, Visitor
from .watchlist import WatchListWarning, watch_list_matches


@dataclass(frozen=True)
class VisitorData:
    name: str
    phone: str = ""
    id_type: str = ""
    id_number: str = ""


def party_line(names: list[str]) -> str:
    """ "张三、李四、王五 等5人": who is coming, in one line for lists and the to-do inbox."""
    shown = "、".join(names[:3])
    if len(names) > 3:
        return _("%(names)s and others, %(count)d in all") % {"names": shown, "count": len(names)}
    return shown


def _check_times(arrival: datetime, departure: datetime) -> None:
    if departure <= arrival:
        raise DomainError(_("The expected departure must be after the expected arrival."))


def _create_visit(
    *,
    host,
    by,
    organisation: str,
    purpose: str,
    expected_arrival: datetime,
    expected_departure: datetime,
    visitors: list[VisitorData],
    walk_in: bool,
    important: bool = False,
) -> Visit:
    _check_times(expected_arrival, expected_departure)
    if not visitors:
        raise DomainError(_("Add at least one visitor."))
    visit = Visit.objects.create(
        host=host,
        registered_by=by,
        organisation=organisation,
        purpose=purpose,
        expected_arrival=expected_arrival,
        expected_departure=expected_departure,
        party=party_line([v.name for v in visitors]),
        headcount=len(visitors),
        walk_in=walk_in,
        important=important,
    )
    Visitor.objects.bulk_create(
        new_visitor(visit, index, person) for index, person in enumerate(visitors)
    )
    audit(
        actor=by,
        verb="reception.visit_walk_in" if walk_in else "reception.visit_registered",
        target=visit,
        data={"headcount": len(visitors), "host": host.display_name},
    )
    return visit


def new_visitor(visit: Visit, order: int, person: VisitorData) -> Visitor:
    return Visitor(
        visit=visit,
        order=order,
        name=person.name,
        phone=person.phone,
        id_type=person.id_type if person.id_number else "",
        id_number=person.id_number,
    )


@transaction.atomic
def visit_register(
    *,
    host,
    by,
    organisation: str,
    purpose: str,
    expected_arrival: datetime,
    expected_departure: datetime,
    visitors: list[VisitorData],
    important: bool = False,
) -> Visit:
    """Pre-register one visitor or a group; the reception desk sees them on the day."""
    require_actor(perms.may_register_for(by, host))
    visit = _create_visit(
        host=host,
        by=by,
        organisation=organisation,
        purpose=purpose,
        expected_arrival=expected_arrival,
        expected_departure=expected_departure,
        visitors=visitors,
        walk_in=False,
        important=important,
    )
    if host.pk != by.pk:
        notify(
            recipients=[host],
            title=Message(gettext_noop("A visit to you was registered: %(visit)s"), visit=visit),
            body=visit.purpose,
            url=visit.get_absolute_url(),
            kind="reception.visit_registered",
            actor=by,
            email=True,
        )
    return visit


@transaction.atomic
def walk_in_register(
    *,
    host,
    by,
    organisation: str,
    purpose: str,
    expected_departure: datetime,
    visitor: VisitorData,
    badge_number: str,
    watch_list_confirmed: bool = False,
) -> Visitor:
    """A visitor who turns up unannounced: registered and checked in in one step (the
    receptionist has the person and the document in front of them). A watch-list hit or a
    badge in use undoes the registration too: nothing is saved until the check-in holds."""
    require_actor(perms.is_receptionist(by))
    visit = _create_visit(
        host=host,
        by=by,
        organisation=organisation,
        purpose=purpose,
        expected_arrival=now(),
        expected_departure=expected_departure,
        visitors=[visitor],
        walk_in=True,
    )
    # The host hears of the arrival only (visitor_check_in), not of a registration as well.
    return visitor_check_in(
        visitor_id=visit.visitors.get().pk,
        badge_number=badge_number,
        by=by,
        watch_list_confirmed=watch_list_confirmed,
    )


@transaction.atomic
def visit_update(
    *,
    visit_id: int,
    by,
    organisation: str,
    purpose: str,
    expected_arrival: datetime,
    expected_departure: datetime,
) -> Visit:
    """Change an expected visit (改期 and the like); reception sees the new time at once."""
    visit = Visit.objects.select_for_update().select_related("host").get(pk=visit_id)
    require_actor(perms.may_edit_visit(by, visit))
    if visit.status != Visit.Status.EXPECTED:
        raise DomainError(_("Only a visit that has not arrived yet can be changed."))
    _check_times(expected_arrival, expected_departure)
    before = {"arrival": visit.expected_arrival.isoformat(), "purpose": visit.purpose}
    visit.organisation, visit.purpose = organisation, purpose
    visit.expected_arrival, visit.expected_departure = expected_arrival, expected_departure
    visit.save(update_fields=["organisation", "purpose", "expected_arrival", "expected_departure"])
    audit(
        actor=by,
        verb="reception.visit_changed",
        target=visit,
        data={"before": before, "arrival": expected_arrival.isoformat()},
    )
    if visit.host_id != by.pk:
        notify(
            recipients=[visit.host],
            title=Message(gettext_noop("A visit to you was changed: %(visit)s"), visit=visit),
            body=visit.purpose,
            url=visit.get_absolute_url(),
            kind="reception.visit_changed",
            actor=by,
        )
    return visit


def _lock(visitor_id: int) -> tuple[Visit, Visitor]:
    visit_id = Visitor.objects.values_list("visit_id", flat=True).get(pk=visitor_id)
    visit = Visit.objects.select_for_update().select_related("host").get(pk=visit_id)
    visitor = Visitor.objects.select_for_update().get(pk=visitor_id)
    return visit, visitor


@transaction.atomic
def visitor_check_in(
    *, visitor_id: int, badge_number: str, by, watch_list_confirmed: bool = False
) -> Visitor:
    """Check a visitor in with a badge; tell the host. Watch-list hits need confirmation."""
    require_actor(perms.is_receptionist(by))
    visit, visitor = _lock(visitor_id)
    if visitor.checked_in_at is not None:
        raise DomainError(_("%(name)s is already checked in.") % {"name": visitor.name})
    if not visit.can_become(Visit.Status.ARRIVED) and visit.status != Visit.Status.ARRIVED:
        raise DomainError(
            _("This visit is %(status)s; register the visitor as a walk-in instead.")
            % {"status": visit.get_status_display()}
        )
    badge_number = (badge_number or "").strip()
    if not badge_number:
        raise DomainError(_("Enter the badge number handed to the visitor."))
    in_use = Visitor.objects.filter(
        badge_number=badge_number, checked_in_at__isnull=False, checked_out_at__isnull=True
    ).exists()
    if in_use:
        raise DomainError(
            _("Badge %(badge)s is worn by someone still in the building.") % {"badge": badge_number}
        )
    matches = watch_list_matches(visitor)
    if matches and not watch_list_confirmed:
        raise WatchListWarning(matches)
    moment = now()
    visitor.badge_number, visitor.checked_in_at, visitor.checked_in_by = badge_number, moment, by
    visitor.watch_list_confirmed = bool(matches)
    visitor.save(
        update_fields=["badge_number", "checked_in_at", "checked_in_by", "watch_list_confirmed"]
    )
    if visit.status != Visit.Status.ARRIVED:
        visit.status = Visit.Status.ARRIVED
        visit.arrived_at = visit.arrived_at or moment
        visit.save(update_fields=["status", "arrived_at"])
    audit(
        actor=by,
        verb="reception.visitor_checked_in",
        target=visit,
        data={
            "subject": visitor.name,
            "visitor": visitor.name,
            "badge": badge_number,
            "watch_list": bool(matches),
        },
    )
    notify(
        recipients=[visit.host],
        title=Message(gettext_noop("Your visitor %(name)s has arrived"), name=visitor.name),
        body=Message(
            gettext_noop(
                "%(name)s (%(organisation)s) checked in at reception at %(time)s, badge %(badge)s."
            ),
            name=visitor.name,
            organisation=visit.organisation or "-",
            time=_local_time(moment),
            badge=badge_number,
        ),
        url=visit.get_absolute_url(),
        kind="reception.arrived",
        actor=by,
        email=True,
    )
    return visitor


def _local_time(moment: datetime) -> str:
    from django.utils.timezone import localtime

    return localtime(moment).strftime("%H:%M")


@transaction.atomic
def visitor_check_out(*, visitor_id: int, by) -> Visitor:
    """Check a visitor out; when nobody of the visit is inside any more, the visit has left."""
    require_actor(perms.is_receptionist(by))
    visit, visitor = _lock(visitor_id)
    if visitor.checked_in_at is None:
        raise DomainError(
            _("%(name)s was never checked in and cannot be checked out.") % {"name": visitor.name}
        )
    if visitor.checked_out_at is not None:
        raise DomainError(_("%(name)s has already been checked out.") % {"name": visitor.name})
    visitor.checked_out_at, visitor.checked_out_by = now(), by
    visitor.save(update_fields=["checked_out_at", "checked_out_by"])
    audit(
        actor=by,
        verb="reception.visitor_checked_out",
        target=visit,
        data={"subject": visitor.name, "visitor": visitor.name, "badge": visitor.badge_number},
    )
    still_inside = visit.visitors.filter(
        checked_in_at__isnull=False, checked_out_at__isnull=True
    ).exists()
    if not still_inside:
        visit.require_transition(Visit.Status.LEFT, _("This visit has not arrived."))
        visit.status, visit.left_at = Visit.Status.LEFT, visitor.checked_out_at
        visit.save(update_fields=["status", "left_at"])
    return visitor
