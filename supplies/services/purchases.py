"""Purchase requests (采购申请): three levels decide (department head, finance, head of the
organisation); the storekeeper receives the goods, one receipt movement per line."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from office.errors import DomainError, require_actor
from office.i18n import Message
from office.roles import users_with_role
from office.services import audit, notify
from office.services.approvals import approval_cancel, approval_decide, approval_start

from .. import permissions as perms
from ..approvals import PURCHASE
from ..models import Purchase, PurchaseLine, Store
from .stock import Line, _check_lines, stock_receive


def purchase_title(purchase: Purchase) -> str:
    return _("%(number)s: %(purpose)s (%(who)s)") % {
        "number": purchase,
        "purpose": purchase.purpose,
        "who": purchase.requested_by,
    }


@transaction.atomic
def purchase_request(
    *, store: Store, purpose: str, lines: list[tuple[Line, Decimal]], by
) -> Purchase:
    """Ask to buy items at an estimated unit price each."""
    require_actor(perms.may_request(by))
    _check_lines([line for line, _price in lines])
    if any(price is None or price < 0 for _line, price in lines):
        raise DomainError(_("An estimated price cannot be negative."))
    purpose = (purpose or "").strip()
    if not purpose:
        raise DomainError(_("Please say what the purchase is for."))
    purchase = Purchase.objects.create(
        requested_by=by, department=by.department, store=store, purpose=purpose
    )
    PurchaseLine.objects.bulk_create(
        PurchaseLine(purchase=purchase, item=line.item, quantity=line.quantity, unit_price=price)
        for line, price in lines
    )
    total = sum((line.quantity * price for line, price in lines), Decimal("0"))
    audit(actor=by, verb="supplies.purchase_requested", target=purchase, data={"total": str(total)})
    approval_start(rule=PURCHASE, target=purchase, by=by)
    return purchase


def _locked(purchase_id: int) -> Purchase:
    return (
        Purchase.objects.select_for_update(of=("self",))
        .select_related("requested_by", "store", "department")
        .get(pk=purchase_id)
    )


@transaction.atomic
def purchase_decide(*, purchase_id: int, by, approve: bool, reason: str = "") -> Purchase:
    """The current level approves (the next one is asked), or returns it with a reason."""
    purchase = _locked(purchase_id)
    purchase.require_transition(
        Purchase.Status.APPROVED if approve else Purchase.Status.RETURNED,
        _("Only a purchase awaiting approval can be decided."),
    )
    approval_decide(
        target=purchase,
        by=by,
        approve=approve,
        reason=reason,
        rule=PURCHASE,
        requested_by=purchase.requested_by,
    )
    return purchase


def purchase_chain_approved(purchase: Purchase, *, by, chain) -> None:
    purchase.status = Purchase.Status.APPROVED
    purchase.save(update_fields=["status", "updated_at"])
    audit(actor=by, verb="supplies.purchase_approved", target=purchase)
    notify(
        recipients=[purchase.requested_by, *users_with_role("storekeeper")],
        title=Message(gettext_noop("Purchase approved: %(title)s"), title=purchase_title(purchase)),
        url=purchase.get_absolute_url(),
        kind="supplies.purchase_approved",
        actor=by,
    )


def purchase_chain_returned(purchase: Purchase, *, by, reason: str, chain) -> None:
    purchase.status, purchase.return_reason = Purchase.Status.RETURNED, reason
    purchase.save(update_fields=["status", "return_reason", "updated_at"])
    audit(actor=by, verb="supplies.purchase_returned", target=purchase, data={"reason": reason})
    notify(
        recipients=[purchase.requested_by],
        title=Message(gettext_noop("Purchase returned: %(title)s"), title=purchase_title(purchase)),
        body=reason,
        url=purchase.get_absolute_url(),
        kind="supplies.purchase_returned",
        actor=by,
    )


@transaction.atomic
def purchase_receive(*, purchase_id: int, by) -> Purchase:
    """入库 of an approved purchase: a receipt movement per line into its store."""
    purchase = _locked(purchase_id)
    require_actor(perms.may_keep_stock(by))
    purchase.require_transition(
        Purchase.Status.RECEIVED, _("Only an approved purchase can be received.")
    )
    lines = [
        Line(item=line.item, quantity=line.quantity)
        for line in purchase.lines.select_related("item")
    ]
    stock_receive(store=purchase.store, lines=lines, by=by, purchase=purchase, note=str(purchase))
    purchase.status = Purchase.Status.RECEIVED
    purchase.received_by, purchase.received_at = by, timezone.now()
    purchase.save(update_fields=["status", "received_by", "received_at", "updated_at"])
    audit(actor=by, verb="supplies.purchase_received", target=purchase)
    return purchase


@transaction.atomic
def purchase_cancel(*, purchase_id: int, by) -> Purchase:
    purchase = _locked(purchase_id)
    require_actor(perms.may_cancel(by, purchase))
    purchase.require_transition(Purchase.Status.CANCELLED, _("This purchase is already closed."))
    if purchase.status == Purchase.Status.AWAITING_APPROVAL:
        approval_cancel(target=purchase, by=by)
    purchase.status = Purchase.Status.CANCELLED
    purchase.save(update_fields=["status", "updated_at"])
    audit(actor=by, verb="supplies.purchase_cancelled", target=purchase)
    return purchase
