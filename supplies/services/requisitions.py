"""Requisitions (领用申请): ask, the department head decides, the storekeeper issues from
stock: every line or none, refused with the shortfall named when stock is short."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop, pgettext

from office.errors import DomainError, require_actor
from office.i18n import Message
from office.roles import users_with_role
from office.services import audit, notify
from office.services.approvals import approval_cancel, approval_decide, approval_start

from .. import permissions as perms
from ..approvals import REQUISITION
from ..models import Movement, Requisition, RequisitionLine, Store
from .stock import Line, _check_lines, locked_levels, move, shortages


def requisition_title(requisition: Requisition) -> str:
    return _("%(number)s: %(purpose)s (%(who)s)") % {
        "number": requisition,
        "purpose": requisition.purpose,
        "who": requisition.requested_by,
    }


@transaction.atomic
def requisition_request(*, store: Store, purpose: str, lines: list[Line], by) -> Requisition:
    """Ask for supplies; the head of the requester's department decides."""
    require_actor(perms.may_request(by))
    _check_lines(lines)
    purpose = (purpose or "").strip()
    if not purpose:
        raise DomainError(_("Please say what the supplies are for."))
    requisition = Requisition.objects.create(
        requested_by=by, department=by.department, store=store, purpose=purpose
    )
    RequisitionLine.objects.bulk_create(
        RequisitionLine(requisition=requisition, item=line.item, quantity=line.quantity)
        for line in lines
    )
    audit(
        actor=by,
        verb="supplies.requisition_requested",
        target=requisition,
        data={"lines": len(lines)},
    )
    if approval_start(rule=REQUISITION, target=requisition, by=by) is None:
        requisition_chain_approved(requisition, by=by, chain=None)
    return requisition


def _locked(requisition_id: int) -> Requisition:
    return (
        Requisition.objects.select_for_update(of=("self",))
        .select_related("requested_by", "store")
        .get(pk=requisition_id)
    )


@transaction.atomic
def requisition_decide(*, requisition_id: int, by, approve: bool, reason: str = ""):
    """The department head approves, or returns it with a reason."""
    requisition = _locked(requisition_id)
    requisition.require_transition(
        Requisition.Status.APPROVED if approve else Requisition.Status.RETURNED,
        _("Only a requisition awaiting approval can be decided."),
    )
    approval_decide(
        target=requisition,
        by=by,
        approve=approve,
        reason=reason,
        rule=REQUISITION,
        requested_by=requisition.requested_by,
    )
    return requisition


def requisition_chain_approved(requisition: Requisition, *, by, chain) -> None:
    requisition.status = Requisition.Status.APPROVED
    requisition.save(update_fields=["status", "updated_at"])
    audit(actor=by, verb="supplies.requisition_approved", target=requisition)
    notify(
        recipients=users_with_role("storekeeper"),
        title=Message(
            gettext_noop("Supplies to issue: %(title)s"), title=requisition_title(requisition)
        ),
        url=requisition.get_absolute_url(),
        kind="supplies.requisition_to_issue",
        actor=by,
    )


def requisition_chain_returned(requisition: Requisition, *, by, reason: str, chain) -> None:
    requisition.status, requisition.return_reason = Requisition.Status.RETURNED, reason
    requisition.save(update_fields=["status", "return_reason", "updated_at"])
    audit(
        actor=by, verb="supplies.requisition_returned", target=requisition, data={"reason": reason}
    )
    notify(
        recipients=[requisition.requested_by],
        title=Message(
            gettext_noop("Requisition returned: %(title)s"), title=requisition_title(requisition)
        ),
        body=reason,
        url=requisition.get_absolute_url(),
        kind="supplies.requisition_returned",
        actor=by,
    )


@transaction.atomic
def requisition_issue(*, requisition_id: int, by) -> Requisition:
    """出库: the storekeeper hands every line out of the requisition's store, or nothing."""
    requisition = _locked(requisition_id)
    require_actor(perms.may_keep_stock(by))
    requisition.require_transition(
        Requisition.Status.ISSUED, _("Only an approved requisition can be issued.")
    )
    lines = [
        Line(item=line.item, quantity=line.quantity)
        for line in requisition.lines.select_related("item")
    ]
    levels = locked_levels(requisition.store, [line.item for line in lines])
    short = shortages(requisition.store, lines, levels)
    if short:
        raise DomainError(
            _("Not enough in stock, nothing was issued. %(lines)s")
            % {"lines": pgettext("list separator", "; ").join(short)}
        )
    for line in lines:
        move(
            levels[line.item.pk],
            kind=Movement.Kind.ISSUE,
            quantity=-line.quantity,
            by=by,
            requisition=requisition,
            department=requisition.department,
        )
    requisition.status = Requisition.Status.ISSUED
    requisition.issued_by, requisition.issued_at = by, timezone.now()
    requisition.save(update_fields=["status", "issued_by", "issued_at", "updated_at"])
    audit(actor=by, verb="supplies.requisition_issued", target=requisition)
    notify(
        recipients=[requisition.requested_by],
        title=Message(
            gettext_noop("Supplies issued: %(title)s"), title=requisition_title(requisition)
        ),
        url=requisition.get_absolute_url(),
        kind="supplies.requisition_issued",
        actor=by,
    )
    return requisition


@transaction.atomic
def requisition_cancel(*, requisition_id: int, by) -> Requisition:
    requisition = _locked(requisition_id)
    require_actor(perms.may_cancel(by, requisition))
    requisition.require_transition(
        Requisition.Status.CANCELLED, _("This requisition is already closed.")
    )
    if requisition.status == Requisition.Status.AWAITING_APPROVAL:
        approval_cancel(target=requisition, by=by)
    requisition.status = Requisition.Status.CANCELLED
    requisition.save(update_fields=["status", "updated_at"])
    audit(actor=by, verb="supplies.requisition_cancelled", target=requisition)
    return requisition
