"""Spending on duty: the amount decides who approves; an emergency is approved afterwards."""

from decimal import Decimal

from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _

from duty import conf
from duty.models import Assignment, Shift, SpendRequest
from duty.permissions import can_decide_spend, is_on_shift
from duty.services.log import directors
from office.errors import DomainError
from office.services import audit, notify


def tier_for(amount: Decimal) -> tuple[str, Decimal]:
    """(tier, the limit that decided it) for an amount, from the current settings."""
    officer, leader = conf.officer_limit(), conf.leader_limit()
    if amount <= officer:
        return SpendRequest.Tier.OFFICER, officer
    if amount <= leader:
        return SpendRequest.Tier.LEADER, leader
    return SpendRequest.Tier.DIRECTOR, leader


@transaction.atomic
def spend_request(
    *, shift: Shift, amount: Decimal, purpose: str, emergency: bool = False, by
) -> SpendRequest:
    """Record a spend; above the officer's limit it waits for the leader or the director."""
    shift = Shift.objects.select_for_update().get(pk=shift.pk)
    if not is_on_shift(by, shift):
        raise DomainError(_("Only the people on this shift can record its spending."))
    if amount is None or amount <= 0 or amount.as_tuple().exponent < -2:
        raise DomainError(_("Enter a positive amount in yuan with at most two decimals."))
    tier, limit = tier_for(amount)
    approver = None
    if tier == SpendRequest.Tier.LEADER:
        leader = Assignment.objects.filter(shift=shift, role=Assignment.Role.LEADER).first()
        if leader is None or leader.person_id == by.pk:
            # Nobody else leads this shift: the director approves instead.
            tier = SpendRequest.Tier.DIRECTOR
        else:
            approver = leader.person
    status = SpendRequest.Status.RECORDED
    if tier != SpendRequest.Tier.OFFICER:
        status = SpendRequest.Status.PENDING
    spend = SpendRequest.objects.create(
        shift=shift,
        requested_by=by,
        amount=amount,
        purpose=purpose,
        emergency=emergency and tier != SpendRequest.Tier.OFFICER,
        tier=tier,
        limit=limit,
        approver=approver,
        status=status,
        executed_at=now() if (emergency or tier == SpendRequest.Tier.OFFICER) else None,
    )
    audit(
        actor=by,
        verb="duty.spend_requested",
        target=spend,
        data={"amount": str(amount), "tier": tier, "emergency": spend.emergency},
    )
    if status == SpendRequest.Status.PENDING:
        title = _("Spending awaits your approval: ¥%(amount)s %(purpose)s")
        if spend.emergency:
            title = _("Emergency spending to approve afterwards: ¥%(amount)s %(purpose)s")
        notify(
            recipients=[approver] if approver else directors(),
            title=title % {"amount": amount, "purpose": purpose},
            url=spend.get_absolute_url(),
            kind="duty.spend",
            actor=by,
        )
    return spend


def _decide(*, spend: SpendRequest, by, status: str, note: str) -> SpendRequest:
    spend = SpendRequest.objects.select_for_update().get(pk=spend.pk)
    spend.require_transition(status, _("This request has already been decided."))
    if not can_decide_spend(by, spend):
        raise DomainError(_("You are not the approver of this request."))
    spend.status, spend.decided_by, spend.decided_at = status, by, now()
    spend.decision_note = note
    if status == SpendRequest.Status.APPROVED and spend.executed_at is None:
        spend.executed_at = now()
    spend.save(update_fields=["status", "decided_by", "decided_at", "decision_note", "executed_at"])
    audit(actor=by, verb=f"duty.spend_{status}", target=spend, data={"note": note})
    notify(
        recipients=[spend.requested_by],
        title=_("Your spending request was %(decision)s")
        % {"decision": spend.get_status_display()},
        body=str(spend),
        url=spend.get_absolute_url(),
        kind="duty.spend",
        actor=by,
    )
    return spend


@transaction.atomic
def spend_approve(*, spend: SpendRequest, by, note: str = "") -> SpendRequest:
    return _decide(spend=spend, by=by, status=SpendRequest.Status.APPROVED, note=note)


@transaction.atomic
def spend_reject(*, spend: SpendRequest, by, note: str = "") -> SpendRequest:
    return _decide(spend=spend, by=by, status=SpendRequest.Status.REJECTED, note=note)
