"""Reception arrangements (接待安排): above the cost threshold the approval chain comes first
(reception.approvals: the director); its callbacks below make the arrangement's transition."""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.conf import setting
from office.errors import DomainError, require_actor
from office.i18n import Message
from office.services import audit, notify
from office.services.approvals import approval_cancel, approval_decide, approval_start

from .. import permissions as perms
from ..approvals import RULE
from ..models import Arrangement, Visit


def approval_threshold() -> Decimal:
    return setting("RECEPTION_APPROVAL_THRESHOLD", Decimal("1000"), Decimal)


def _tell_responsible(arrangement: Arrangement, by) -> None:
    notify(
        recipients=[arrangement.responsible],
        title=Message(gettext_noop("Reception arrangement for you: %(item)s"), item=arrangement),
        body=arrangement.details,
        url=arrangement.get_absolute_url(),
        kind="reception.arrangement_assigned",
        actor=by,
    )


@transaction.atomic
def arrangement_create(
    *,
    visit_id: int,
    by,
    kind: str,
    on: date,
    responsible,
    cost_estimate: Decimal,
    people: int = 1,
    standard: str = "",
    details: str = "",
) -> Arrangement:
    """Plan an arrangement; costly ones wait for the director, the rest go to the responsible."""
    visit = Visit.objects.select_for_update().get(pk=visit_id)
    if visit.status not in (Visit.Status.EXPECTED, Visit.Status.ARRIVED):
        raise DomainError(
            _("Arrangements can only be made for a visit that is expected or under way.")
        )
    if cost_estimate < 0:
        raise DomainError(_("The cost estimate cannot be negative."))
    needs_approval = cost_estimate > approval_threshold()
    arrangement = Arrangement.objects.create(
        visit=visit,
        kind=kind,
        date=on,
        people=people,
        standard=standard,
        details=details,
        responsible=responsible,
        cost_estimate=cost_estimate,
        created_by=by,
        status=(
            Arrangement.Status.AWAITING_APPROVAL if needs_approval else Arrangement.Status.PLANNED
        ),
    )
    audit(
        actor=by,
        verb="reception.arrangement_created",
        target=arrangement,
        data={"cost_estimate": str(cost_estimate), "needs_approval": needs_approval},
    )
    if needs_approval:
        approval_start(rule=RULE, target=arrangement, by=by)
    else:
        _tell_responsible(arrangement, by)
    return arrangement


def _locked(arrangement_id: int) -> Arrangement:
    return (
        Arrangement.objects.select_for_update(of=("self",))
        .select_related("visit", "responsible", "created_by")
        .get(pk=arrangement_id)
    )


def _decide(*, arrangement_id: int, by, approve: bool, note: str) -> Arrangement:
    arrangement = _locked(arrangement_id)
    if approve:
        message = _("Only an arrangement awaiting approval can be approved.")
        arrangement.require_transition(Arrangement.Status.PLANNED, message)
    else:
        message = _("Only an arrangement awaiting approval can be rejected.")
        arrangement.require_transition(Arrangement.Status.REJECTED, message)
    approval_decide(
        target=arrangement,
        by=by,
        approve=approve,
        reason=note,
        rule=RULE,
        requested_by=arrangement.created_by,
    )
    return arrangement


@transaction.atomic
def arrangement_approve(*, arrangement_id: int, by, note: str = "") -> Arrangement:
    """The approver approves a costly arrangement; it goes to the responsible person."""
    return _decide(arrangement_id=arrangement_id, by=by, approve=True, note=note)


@transaction.atomic
def arrangement_reject(*, arrangement_id: int, by, note: str) -> Arrangement:
    """The approver turns a costly arrangement down, saying why."""
    if not (note or "").strip():
        raise DomainError(_("Say why the arrangement is rejected."))
    return _decide(arrangement_id=arrangement_id, by=by, approve=False, note=note)


def arrangement_chain_approved(arrangement: Arrangement, *, by, chain) -> None:
    """The chain's last step approved (same transaction): to the responsible person."""
    note = chain.steps.last().reason
    arrangement.status = Arrangement.Status.PLANNED
    arrangement.decided_by, arrangement.decided_at, arrangement.decision_note = by, now(), note
    arrangement.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    audit(actor=by, verb="reception.arrangement_approved", target=arrangement, data={"note": note})
    _tell_responsible(arrangement, by)


def arrangement_chain_returned(arrangement: Arrangement, *, by, reason: str, chain) -> None:
    """A step returned it (same transaction): rejected, the planner is told why."""
    arrangement.status = Arrangement.Status.REJECTED
    arrangement.decided_by, arrangement.decided_at = by, now()
    arrangement.decision_note = reason[:200]
    arrangement.save(update_fields=["status", "decided_by", "decided_at", "decision_note"])
    audit(
        actor=by, verb="reception.arrangement_rejected", target=arrangement, data={"reason": reason}
    )
    notify(
        recipients=[arrangement.created_by],
        title=Message(gettext_noop("Reception arrangement rejected: %(item)s"), item=arrangement),
        body=reason,
        url=arrangement.get_absolute_url(),
        kind="reception.arrangement_rejected",
        actor=by,
    )


@transaction.atomic
def arrangement_complete(*, arrangement_id: int, by) -> Arrangement:
    """The responsible person (or reception) reports the arrangement made."""
    arrangement = _locked(arrangement_id)
    arrangement.require_transition(
        Arrangement.Status.DONE, _("Only an approved, open arrangement can be marked arranged.")
    )
    arrangement.status, arrangement.done_at = Arrangement.Status.DONE, now()
    arrangement.save(update_fields=["status", "done_at"])
    audit(actor=by, verb="reception.arrangement_done", target=arrangement)
    return arrangement


@transaction.atomic
def arrangement_cancel(*, arrangement_id: int, by, reason: str = "") -> Arrangement:
    arrangement = _locked(arrangement_id)
    arrangement.require_transition(
        Arrangement.Status.CANCELLED, _("This arrangement is already closed.")
    )
    if arrangement.status == Arrangement.Status.AWAITING_APPROVAL:
        approval_cancel(target=arrangement, by=by)
    arrangement.status = Arrangement.Status.CANCELLED
    arrangement.save(update_fields=["status"])
    audit(
        actor=by,
        verb="reception.arrangement_cancelled",
        target=arrangement,
        data={"reason": reason},
    )
    notify(
        recipients=[arrangement.responsible],
        title=Message(gettext_noop("Reception arrangement cancelled: %(item)s"), item=arrangement),
        body=reason,
        url=arrangement.get_absolute_url(),
        kind="reception.arrangement_cancelled",
        actor=by,
    )
    return arrangement


EDITED_FIELDS = ("kind", "date", "people", "standard", "details", "responsible", "cost_estimate")


def _fields(arrangement: Arrangement) -> dict[str, str]:
    shown = {name: str(getattr(arrangement, name)) for name in EDITED_FIELDS}
    shown["cost_estimate"] = f"{Decimal(arrangement.cost_estimate):.2f}"
    shown["responsible"] = arrangement.responsible.display_name
    return shown


@transaction.atomic
def arrangement_update(
    *,
    arrangement_id: int,
    by,
    kind: str,
    on: date,
    responsible,
    cost_estimate: Decimal,
    people: int = 1,
    standard: str = "",
    details: str = "",
) -> Arrangement:
    """Change an arrangement that nobody has approved yet. The threshold is asked again: a
    plan that now costs more waits for the director, one that no longer does goes ahead."""
    arrangement = _locked(arrangement_id)
    require_actor(perms.may_edit_arrangement(by, arrangement))
    if not perms.arrangement_editable(arrangement):
        raise DomainError(_("An arrangement can only be changed until it is approved."))
    if cost_estimate < 0:
        raise DomainError(_("The cost estimate cannot be negative."))
    before = _fields(arrangement)
    arrangement.kind, arrangement.date, arrangement.people = kind, on, people
    arrangement.standard, arrangement.details = standard, details
    arrangement.responsible, arrangement.cost_estimate = responsible, cost_estimate
    after = _fields(arrangement)
    needs_approval = cost_estimate > approval_threshold()
    awaiting = arrangement.status == Arrangement.Status.AWAITING_APPROVAL
    if needs_approval and not awaiting:
        arrangement.require_transition(
            Arrangement.Status.AWAITING_APPROVAL, _("This arrangement is already closed.")
        )
        arrangement.status = Arrangement.Status.AWAITING_APPROVAL
    elif awaiting and not needs_approval:
        arrangement.status = Arrangement.Status.PLANNED
    arrangement.save(update_fields=[*EDITED_FIELDS, "status"])
    changed = {k: [before[k], after[k]] for k in EDITED_FIELDS if before[k] != after[k]}
    audit(
        actor=by,
        verb="reception.arrangement_changed",
        target=arrangement,
        data={"changed": changed, "status": arrangement.status},
    )
    if needs_approval and not awaiting:
        approval_start(rule=RULE, target=arrangement, by=by)
    elif awaiting and not needs_approval:
        approval_cancel(target=arrangement, by=by)
        _tell_responsible(arrangement, by)
    elif changed and arrangement.status == Arrangement.Status.PLANNED:
        _tell_responsible(arrangement, by)
    return arrangement
