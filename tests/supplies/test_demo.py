import pytest

from office import demo as office_demo
from office.models import Notification
from supplies import demo
from supplies.models import Asset, AssetTransfer, Item, Movement, Purchase, Repair, Requisition

pytestmark = pytest.mark.django_db


def test_the_demo_has_every_state_low_stock_a_transfer_and_an_open_repair_and_runs_twice():
    office_demo.seed(lambda message: None)
    demo.seed(lambda message: None)
    counts = (Requisition.objects.count(), Movement.objects.count(), Asset.objects.count())
    demo.seed(lambda message: None)
    assert (Requisition.objects.count(), Movement.objects.count(), Asset.objects.count()) == counts
    assert set(Requisition.objects.values_list("status", flat=True)) == set(
        Requisition.Status.values
    )
    assert set(Purchase.objects.values_list("status", flat=True)) == set(Purchase.Status.values) - {
        "cancelled"
    }
    assert Notification.objects.filter(recipient__username="storekeeper", kind="supplies.low_stock")
    assert Movement.objects.filter(kind="adjustment", quantity=-7).exists()
    assert AssetTransfer.objects.exists()
    assert Repair.objects.filter(status="open").exists()
    assert Item.objects.filter(active=False).exists()  # an entry out of use
