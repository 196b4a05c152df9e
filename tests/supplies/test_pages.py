"""Every supplies page opens on the demo data for the people who use it; the to-do inbox and
the portal search find supplies' records; assets are transferred and repaired from their page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from office import demo as office_demo
from office.models import User
from supplies import demo
from supplies.models import Asset, Purchase, Repair, Requisition, StockTake, Store

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_data():
    office_demo.seed(lambda message: None)
    demo.seed(lambda message: None)


def test_every_page_opens_for_the_storekeeper(demo_data, client_for):
    client = client_for(User.objects.get(username="storekeeper"))
    store = Store.objects.first()
    asset = Asset.objects.get(tag="ZC-2024-0002")
    urls = [
        reverse("supplies:index"),
        reverse("supplies:index") + f"?store={store.pk}&q=复印纸",
        reverse("supplies:requisitions"),
        reverse("supplies:requisition_create"),
        reverse("supplies:purchases") + "?status=approved",
        reverse("supplies:purchase_create"),
        reverse("supplies:stocktake_create", args=[store.pk]),
        StockTake.objects.get().get_absolute_url(),
        reverse("supplies:assets") + "?q=ZC",
        reverse("supplies:asset_create"),
        asset.get_absolute_url(),
        reverse("supplies:asset_edit", args=[asset.pk]),
        reverse("supplies:statistics"),
        *[r.get_absolute_url() for r in Requisition.objects.all()],
        *[p.get_absolute_url() for p in Purchase.objects.all()],
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
    page = client.get(asset.get_absolute_url()).content.decode()
    assert "卡纸" in page and "维修中" in page


def test_todo_sources_for_keeper_and_handler(demo_data):
    keeper = User.objects.get(username="storekeeper")
    from supplies import selectors

    assert selectors.requisitions_to_issue(keeper).exists()
    assert selectors.purchases_to_receive(keeper).exists()
    assert selectors.low_stock(keeper).exists()
    assert selectors.repairs_to_handle(keeper).exists()  # the demo's printer repair is hers
    staff = User.objects.get(username="staff")
    assert not selectors.requisitions_to_issue(staff).exists()
    assert not selectors.low_stock(staff).exists()


def test_portal_search_finds_assets_and_items(demo_data, client_for):
    page = client_for(User.objects.get(username="staff")).get("/search/?q=打印机").content.decode()
    assert "ZC-2024-0002" in page
    page = client_for(User.objects.get(username="staff")).get("/search/?q=复印纸").content.decode()
    assert "复印纸" in page


def test_transfer_and_repair_from_the_asset_page(staff, other_staff, client_for):
    from tests.factories import UserFactory

    keeper = UserFactory(username="storekeeper", roles=["storekeeper"])
    asset = Asset.objects.create(tag="ZC-1", name="打印机", custodian=staff, location="301室")
    client = client_for(keeper)
    url = reverse("supplies:asset_transfer", args=[asset.pk])
    client.post(url, {"to": other_staff.pk, "location": "305室", "note": ""})
    asset.refresh_from_db()
    assert (asset.custodian, asset.location) == (other_staff, "305室")
    # The staff member may not transfer (403), but the custodian reports a fault.
    assert client_for(staff).post(url, {"to": staff.pk}).status_code == 403
    deadline = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    repair_url = reverse("supplies:asset_repair", args=[asset.pk])
    response = client_for(other_staff).post(
        repair_url, {"fault": "", "handler": keeper.pk, "deadline": deadline}, follow=True
    )
    assert not Repair.objects.exists()
    client_for(other_staff).post(
        repair_url, {"fault": "卡纸", "handler": keeper.pk, "deadline": deadline}
    )
    repair = Repair.objects.get()
    client.post(reverse("supplies:repair_done", args=[repair.pk]), {"outcome": "更换搓纸轮"})
    repair.refresh_from_db()
    assert repair.status == "done"
    assert response.status_code == 200
