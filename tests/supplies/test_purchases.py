"""Purchases: department head, finance, then the head of the organisation; received into
stock by the storekeeper, a receipt movement per line."""

from decimal import Decimal

import pytest

from office.errors import DomainError, NotAllowed, TransitionNotAllowed
from office.models import Notification
from supplies import services
from supplies.models import Movement, Purchase
from supplies.services import Line

from .conftest import level

pytestmark = pytest.mark.django_db


@pytest.fixture
def purchase(store, paper, pens, staff, head):
    return services.purchase_request(
        store=store,
        purpose="季度补货",
        lines=[(Line(paper, 10), Decimal("25.50")), (Line(pens, 50), Decimal("2.00"))],
        by=staff,
    )


def _decide(purchase, by, approve=True, reason=""):
    services.purchase_decide(purchase_id=purchase.pk, by=by, approve=approve, reason=reason)
    purchase.refresh_from_db()
    return purchase


def test_three_levels_in_order_then_received(
    purchase, head, finance, director, storekeeper, store, paper, pens
):
    with pytest.raises(NotAllowed):  # finance cannot go before the department head
        _decide(purchase, finance)
    assert _decide(purchase, head).status == Purchase.Status.AWAITING_APPROVAL
    with pytest.raises(NotAllowed):  # nor the director before finance
        _decide(purchase, director)
    assert _decide(purchase, finance).status == Purchase.Status.AWAITING_APPROVAL
    assert _decide(purchase, director).status == Purchase.Status.APPROVED
    assert Notification.objects.filter(recipient=storekeeper, kind="supplies.purchase_approved")
    services.purchase_receive(purchase_id=purchase.pk, by=storekeeper)
    purchase.refresh_from_db()
    assert purchase.status == Purchase.Status.RECEIVED
    assert (level(store, paper), level(store, pens)) == (10, 50)
    receipts = Movement.objects.filter(purchase=purchase, kind="receipt")
    assert sorted(m.quantity for m in receipts) == [10, 50]


def test_returned_at_finance(purchase, head, finance, staff):
    _decide(purchase, head)
    _decide(purchase, finance, approve=False, reason="超出预算")
    assert (purchase.status, purchase.return_reason) == ("returned", "超出预算")
    assert Notification.objects.filter(recipient=staff, kind="supplies.purchase_returned")


def test_a_return_needs_a_reason(purchase, head):
    with pytest.raises(DomainError):
        _decide(purchase, head, approve=False)
    assert purchase.status == Purchase.Status.AWAITING_APPROVAL


@pytest.mark.parametrize("status", ["awaiting_approval", "returned", "received", "cancelled"])
def test_receive_only_when_approved(purchase, storekeeper, store, paper, status):
    Purchase.objects.filter(pk=purchase.pk).update(status=status)
    with pytest.raises(TransitionNotAllowed):
        services.purchase_receive(purchase_id=purchase.pk, by=storekeeper)
    assert not Movement.objects.exists()


def test_only_the_storekeeper_receives(purchase, head):
    Purchase.objects.filter(pk=purchase.pk).update(status="approved")
    with pytest.raises(NotAllowed):
        services.purchase_receive(purchase_id=purchase.pk, by=head)


def test_negative_price_refused(store, paper, staff):
    with pytest.raises(DomainError):
        services.purchase_request(
            store=store, purpose="x", lines=[(Line(paper, 1), Decimal("-1"))], by=staff
        )
    assert not Purchase.objects.exists()
