"""Spending on duty: the amount decides the approval chain; an emergency is approved afterwards.

The steps are duty.approvals' rule; office.services.approvals checks who decides, audits,
notifies and reminds; the chain's callbacks below make the request's own transition.
"""

from decimal import Decimal

from django.db import transaction
from django.utils.timezone import now
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from duty import conf
from duty.approvals import RULE
from duty.models import Assignment, Shift, SpendRequest
from duty.permissions import is_on_shift
from office.errors import DomainError
from office.i18n import Message
from office.services import audit, notify
from office.services.approvals import approval_decide, approval_start


def tier_for(amount: Decimal) -> tuple[str, Decimal]:
    """(tier, the limit that decided it) for an amount, from the current settings."""
    officer, leader = conf.officer_limit(), conf.leader_limit()
    if amount <= officer:
        return SpendRequest.Tier.OFFICER, officer
    if amount <= leader:
        return SpendRequest.Tier.LEADER, leader
    return SpendRequest.Tier.DIRECTOR, leader


def spend_title(spend: SpendRequest) -> str:
    """What approvers see in their inbox and notifications."""
    if spend.emergency:
        return _("Emergency spending to approve afterwards: %(spend)s") % {"spend": spend}
    return str(spend)


@transaction.atomic
def spend_request(
    *, shift: Shift, amount: Decimal, purpose: str, emergency: bool = False, by
) -> SpendRequest:
    """Record a spend; above the officer's limit it goes through the approval chain."""
    shift = Shift.objects.select_for_update().get(pk=shift.pk)
    if not is_on_shift(by, shift):
        raise DomainError(_("Only the people on this shift can record its spending."))
    if amount is None or amount <= 0 or amount.as_tuple().exponent < -2:
        raise DomainError(_("Enter a positive amount in yuan with at most two decimals."))
    tier, limit = tier_for(amount)
    approver = None
    if tier == SpendRequest.Tier.LEADER:  # above it, the purchase chain (duty.approvals)
        leader = Assignment.objects.filter(shift=shift, role=Assignment.Role.LEADER).first()
        if leader is not None and leader.person_id != by.pk:
            approver = leader.person
        else:
            # Nobody else leads this shift: the director approves instead.
            tier = SpendRequest.Tier.DIRECTOR
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
        approval_start(rule=RULE, target=spend, by=by)
    return spend


def _decide(*, spend: SpendRequest, by, approve: bool, note: str) -> SpendRequest:
    spend = SpendRequest.objects.select_for_update().get(pk=spend.pk)
    target = SpendRequest.Status.APPROVED if approve else SpendRequest.Status.REJECTED
    spend.require_transition(target, _("This request has already been decided."))
    approval_decide(  # rule/requested_by: a spend pending from before the chain gets one
        target=spend,
        by=by,
        approve=approve,
        reason=note,
        rule=RULE,
        requested_by=spend.requested_by,
    )
    return spend


def _finish(spend: SpendRequest, *, by, status: str, note: str) -> None:
    spend.status, spend.decided_by, spend.decided_at = status, by, now()
    spend.decision_note = note[:200]
    if status == SpendRequest.Status.APPROVED and spend.executed_at is None:
        spend.executed_at = now()
    spend.save(update_fields=["status", "decided_by", "decided_at", "decision_note", "executed_at"])
    audit(actor=by, verb=f"duty.spend_{status}", target=spend, data={"reason": note})
    notify(
        recipients=[spend.requested_by],
        title=Message(
            gettext_noop("Your spending request was %(decision)s"),
            decision=spend.get_status_display(),
        ),
        body=str(spend),
        url=spend.get_absolute_url(),
        kind="duty.spend",
        actor=by,
    )


def spend_chain_approved(spend: SpendRequest, *, by, chain) -> None:
    """The last step approved (callback of the chain, same transaction)."""
    _finish(spend, by=by, status=SpendRequest.Status.APPROVED, note=chain.steps.last().reason)


def spend_chain_returned(spend: SpendRequest, *, by, reason: str, chain) -> None:
    """A step returned it: the request is rejected with that reason."""
    _finish(spend, by=by, status=SpendRequest.Status.REJECTED, note=reason)


@transaction.atomic
def spend_approve(*, spend: SpendRequest, by, note: str = "") -> SpendRequest:
    """Approve the current step; the last step approves the request."""
    return _decide(spend=spend, by=by, approve=True, note=note)


@transaction.atomic
def spend_reject(*, spend: SpendRequest, by, note: str = "") -> SpendRequest:
    """Return the request with a reason (required); it is rejected."""
    return _decide(spend=spend, by=by, approve=False, note=note)
