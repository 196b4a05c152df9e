"""Stock: receipts and issues are movements; stock never goes below zero; the low-stock
alert reaches the storekeeper once per crossing; stock-taking records its differences."""

import pytest
from django.db import IntegrityError, transaction

from office.errors import NotAllowed
from office.models import AuditEvent, Notification
from supplies import services
from supplies.models import Movement, StockLevel
from supplies.services import Line

from .conftest import level

pytestmark = pytest.mark.django_db


def _issue(store, item, quantity, staff, head, storekeeper):
    requisition = services.requisition_request(
        store=store, purpose="日常办公", lines=[Line(item, quantity)], by=staff
    )
    services.requisition_decide(requisition_id=requisition.pk, by=head, approve=True)
    return services.requisition_issue(requisition_id=requisition.pk, by=storekeeper)


def test_receipt_is_a_movement_and_audited(stocked, paper, storekeeper):
    assert level(stocked, paper) == 20
    movement = Movement.objects.get(item=paper)
    assert (movement.kind, movement.quantity, movement.balance, movement.by) == (
        "receipt",
        20,
        20,
        storekeeper,
    )
    assert AuditEvent.objects.filter(verb="supplies.stock_received").count() == 2


def test_only_the_storekeeper_receives(store, paper, staff):
    with pytest.raises(NotAllowed):
        services.stock_receive(store=store, lines=[Line(paper, 5)], by=staff)
    assert not Movement.objects.exists()


def test_the_database_refuses_negative_stock(stocked, paper):
    with pytest.raises(IntegrityError), transaction.atomic():
        StockLevel.objects.filter(store=stocked, item=paper).update(quantity=-1)


def test_low_stock_alert_once_per_crossing(stocked, paper, staff, head, storekeeper):
    def alerts():
        return Notification.objects.filter(kind="supplies.low_stock", recipient=storekeeper).count()

    _issue(stocked, paper, 15, staff, head, storekeeper)  # 20 → 5: at the threshold
    assert alerts() == 1
    _issue(stocked, paper, 2, staff, head, storekeeper)  # 5 → 3: still low, no second alert
    assert alerts() == 1
    services.stock_receive(store=stocked, lines=[Line(paper, 10)], by=storekeeper)  # 13
    _issue(stocked, paper, 9, staff, head, storekeeper)  # 13 → 4: a new crossing
    assert alerts() == 2


def test_stocktake_records_differences_as_adjustments(stocked, paper, pens, storekeeper):
    take = services.stocktake_record(
        store=stocked, counted={paper.pk: 18, pens.pk: 30}, by=storekeeper, note="月末盘点"
    )
    assert level(stocked, paper) == 18
    assert level(stocked, pens) == 30
    adjustment = Movement.objects.get(kind="adjustment")
    assert (adjustment.item, adjustment.quantity, adjustment.by, adjustment.stocktake) == (
        paper,
        -2,
        storekeeper,
        take,
    )
    assert {(line.item, line.difference) for line in take.lines.all()} == {(paper, -2), (pens, 0)}


def test_stocktake_refuses_a_negative_count(stocked, paper, storekeeper):
    from office.errors import DomainError

    with pytest.raises(DomainError):
        services.stocktake_record(store=stocked, counted={paper.pk: -1}, by=storekeeper)
    assert level(stocked, paper) == 20
    assert not Movement.objects.filter(kind="adjustment").exists()
