"""The evacuation roll call (紧急清点): started by reception, the duty room or the director
with everyone office.presence says is inside; each person marked safe; closed with a result."""

from django.db import IntegrityError, transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.errors import DomainError, require_actor
from office.i18n import Message
from office.services import audit, notify

from .. import permissions as perms
from ..models import RollCall, RollCallEntry
from ..rollcall import in_the_building


@transaction.atomic
def roll_call_start(*, by, drill: bool = True) -> RollCall:
    """Start a roll call listing everyone in the building now; one at a time."""
    require_actor(perms.may_roll_call(by))
    if RollCall.objects.filter(status=RollCall.Status.OPEN).exists():
        raise DomainError(_("A roll call is already under way."))
    moment = now()
    try:
        with transaction.atomic():
            roll_call = RollCall.objects.create(drill=drill, started_by=by, started_at=moment)
    except IntegrityError as exc:  # another desk started one a moment ago
        raise DomainError(_("A roll call is already under way.")) from exc
    entries = []
    for section in in_the_building():
        for person in section.people:
            entries.append(
                RollCallEntry(
                    roll_call=roll_call,
                    key=person.key[:80],
                    section=section.label[:50],
                    name=person.name[:100],
                    role=str(person.role)[:50],
                    detail=person.detail[:200],
                    badge=person.badge[:20],
                    order=len(entries),
                )
            )
    RollCallEntry.objects.bulk_create(entries)
    roll_call.headcount = len(entries)
    roll_call.save(update_fields=["headcount"])
    audit(
        actor=by,
        verb="reception.roll_call_started",
        target=roll_call,
        data={"headcount": len(entries), "drill": drill},
    )
    return roll_call


def _lock_entry(entry_id: int) -> tuple[RollCall, RollCallEntry]:
    roll_call_id = RollCallEntry.objects.values_list("roll_call_id", flat=True).get(pk=entry_id)
    roll_call = RollCall.objects.select_for_update().get(pk=roll_call_id)
    return roll_call, RollCallEntry.objects.select_for_update().get(pk=entry_id)


@transaction.atomic
def roll_call_mark(*, entry_id: int, by, safe: bool = True) -> RollCallEntry:
    """Mark one person safe at the assembly point (or take a mark back that was a slip).
    Marking someone already marked changes nothing: two wardens may tap the same name."""
    require_actor(perms.may_roll_call(by))
    roll_call, entry = _lock_entry(entry_id)
    if roll_call.status != RollCall.Status.OPEN:
        raise DomainError(_("This roll call is closed."))
    if (entry.safe_at is not None) == safe:
        return entry
    entry.safe_at, entry.marked_by = (now(), by) if safe else (None, None)
    entry.save(update_fields=["safe_at", "marked_by"])
    audit(
        actor=by,
        verb="reception.roll_call_safe" if safe else "reception.roll_call_unmarked",
        target=roll_call,
        data={"subject": entry.name},
    )
    return entry


@transaction.atomic
def roll_call_close(*, roll_call_id: int, by, note: str = "") -> RollCall:
    """Close the roll call: the result (how many were safe, who was not) is recorded; when
    someone is unaccounted for the directors are told at once."""
    require_actor(perms.may_roll_call(by))
    roll_call = RollCall.objects.select_for_update().get(pk=roll_call_id)
    roll_call.require_transition(RollCall.Status.CLOSED, _("This roll call is closed."))
    entries = list(roll_call.entries.all())
    missing = [e.name for e in entries if e.safe_at is None]
    roll_call.status, roll_call.closed_by, roll_call.closed_at = RollCall.Status.CLOSED, by, now()
    roll_call.headcount, roll_call.safe_count = len(entries), len(entries) - len(missing)
    roll_call.note = note
    roll_call.save(
        update_fields=["status", "closed_by", "closed_at", "headcount", "safe_count", "note"]
    )
    audit(
        actor=by,
        verb="reception.roll_call_closed",
        target=roll_call,
        data={
            "headcount": roll_call.headcount,
            "safe": roll_call.safe_count,
            "missing": missing,
            "reason": note,
        },
    )
    if missing and not roll_call.drill:
        from office.roles import users_with_role

        notify(
            recipients=list(users_with_role("director")),
            title=Message(
                gettext_noop("Roll call closed: %(count)d not accounted for"), count=len(missing)
            ),
            body="、".join(missing),
            url=roll_call.get_absolute_url(),
            kind="reception.roll_call_missing",
            actor=by,
            email=True,
        )
    return roll_call
