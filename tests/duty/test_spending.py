"""Spending: the amount decides the approver; emergencies are approved afterwards."""

from decimal import Decimal

import pytest

from duty.models import SpendRequest
from duty.services import spending
from office.errors import DomainError, NotAllowed, TransitionNotAllowed
from office.models import Notification

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("amount", "tier", "status", "approver"),
    [
        ("0.01", "officer", "recorded", None),
        ("500.00", "officer", "recorded", None),
        ("500.01", "leader", "pending", "leader"),
        ("2000", "leader", "pending", "leader"),
        ("2000.01", "director", "pending", None),  # the purchase chain: no shift leader
    ],
)
def test_tiers(shift, officer, amount, tier, status, approver):
    spend = spending.spend_request(shift=shift, amount=Decimal(amount), purpose="餐费", by=officer)
    assert (spend.tier, spend.status) == (tier, status)
    assert (spend.approver.username if spend.approver else None) == approver


def test_limits_come_from_settings(shift, officer, settings):
    settings.DUTY_OFFICER_LIMIT = Decimal("100")
    spend = spending.spend_request(shift=shift, amount=Decimal("120"), purpose="打车", by=officer)
    assert spend.tier == "leader" and spend.limit == Decimal("2000")


@pytest.mark.parametrize("amount", ["-5", "0", "1.234"])
def test_bad_amounts_are_refused(shift, officer, amount):
    with pytest.raises(DomainError):
        spending.spend_request(shift=shift, amount=Decimal(amount), purpose="x", by=officer)
    assert not SpendRequest.objects.exists()


def test_leader_tier_waits_for_the_current_shift_leader(shift, officer, leader, director):
    spend = spending.spend_request(shift=shift, amount=Decimal("800"), purpose="维修", by=officer)
    assert Notification.objects.filter(recipient=leader, kind="duty.spend").exists()
    with pytest.raises(DomainError):
        spending.spend_approve(spend=spend, by=officer)
    approved = spending.spend_approve(spend=spend, by=leader, note="同意")
    assert approved.status == "approved" and approved.decided_by == leader
    assert approved.executed_at is not None


def test_above_leader_limit_goes_department_head_then_finance_then_director(
    shift, officer, leader, department_head, finance, director
):
    """A purchase: the seeds' rule, department head → finance → head of the organisation."""
    spend = spending.spend_request(shift=shift, amount=Decimal("5000"), purpose="设备", by=officer)
    notified = Notification.objects.filter(kind="duty.spend")
    assert list(notified.values_list("recipient__username", flat=True)) == ["sunli"]
    for early in (finance, director, leader):  # not their turn; the shift leader is no step
        with pytest.raises(NotAllowed):
            spending.spend_approve(spend=spend, by=early)
    assert spending.spend_approve(spend=spend, by=department_head, note="同意").status == "pending"
    assert notified.filter(recipient=finance).exists()
    with pytest.raises(NotAllowed):
        spending.spend_approve(spend=spend, by=department_head)  # the head's step is done
    assert spending.spend_approve(spend=spend, by=finance).status == "pending"
    assert notified.filter(recipient=director).exists()
    approved = spending.spend_approve(spend=spend, by=director, note="批准")
    assert (approved.status, approved.decided_by, approved.decision_note) == (
        "approved",
        director,
        "批准",
    )


def test_a_step_returns_the_spend_with_its_reason(shift, officer, department_head, finance):
    spend = spending.spend_request(shift=shift, amount=Decimal("5000"), purpose="设备", by=officer)
    spending.spend_approve(spend=spend, by=department_head)
    with pytest.raises(DomainError):
        spending.spend_reject(spend=spend, by=finance, note=" ")  # a return needs a reason
    rejected = spending.spend_reject(spend=spend, by=finance, note="超预算")
    assert (rejected.status, rejected.decision_note) == ("rejected", "超预算")
    assert Notification.objects.filter(recipient=officer, kind="duty.spend").exists()


def test_leader_own_spend_goes_to_director(shift, leader):
    spend = spending.spend_request(shift=shift, amount=Decimal("800"), purpose="x", by=leader)
    assert spend.tier == "director" and spend.approver is None


def test_emergency_is_executed_then_flagged_until_approved(shift, officer, leader):
    spend = spending.spend_request(
        shift=shift, amount=Decimal("1500"), purpose="紧急采购沙袋", emergency=True, by=officer
    )
    assert spend.executed_at is not None and spend.awaiting_retroactive_approval
    spending.spend_approve(spend=spend, by=leader)
    spend.refresh_from_db()
    assert not spend.awaiting_retroactive_approval


def test_only_people_on_the_shift_may_spend(shift, next_officer):
    with pytest.raises(DomainError):
        spending.spend_request(shift=shift, amount=Decimal("10"), purpose="x", by=next_officer)


@pytest.mark.parametrize(
    ("status", "action", "allowed"),
    [
        ("pending", "approve", True),
        ("pending", "reject", True),
        ("approved", "approve", False),
        ("approved", "reject", False),
        ("rejected", "approve", False),
        ("recorded", "approve", False),
    ],
)
def test_transition_table(shift, officer, leader, status, action, allowed):
    spend = spending.spend_request(shift=shift, amount=Decimal("800"), purpose="x", by=officer)
    SpendRequest.objects.filter(pk=spend.pk).update(status=status)
    service = getattr(spending, f"spend_{action}")
    if allowed:
        expected = {"approve": "approved", "reject": "rejected"}[action]
        assert service(spend=spend, by=leader, note="理由").status == expected
    else:
        with pytest.raises(TransitionNotAllowed):
            service(spend=spend, by=leader, note="理由")
