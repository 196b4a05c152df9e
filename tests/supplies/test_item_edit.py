"""The storekeeper edits a catalogue entry (name, unit, low-stock threshold, in use): audited,
bad input says so and saves nothing, nobody else may; an item out of use is not offered."""

import pytest
from django.urls import reverse

from office.errors import DomainError, NotAllowed
from office.models import AuditEvent
from supplies import services
from supplies.forms import RequisitionForm
from supplies.models import Item

pytestmark = pytest.mark.django_db


def _post(client, item, **changes):
    values = {"name": item.name, "spec": item.spec, "unit": item.unit}
    values.update({"threshold": str(item.threshold), "active": "on"}, **changes)
    return client.post(reverse("supplies:item_edit", args=[item.pk]), values)


def test_the_storekeeper_renames_and_retires_an_item(
    stocked, paper, storekeeper, client_for, settings
):
    settings.LANGUAGE_CODE = "zh-hans"
    client = client_for(storekeeper)
    assert (
        reverse("supplies:item_edit", args=[paper.pk])
        in client.get(reverse("supplies:index")).content.decode()
    )
    values = {"name": "打印纸", "spec": paper.spec, "unit": "箱", "threshold": "3"}
    response = client.post(reverse("supplies:item_edit", args=[paper.pk]), values)

    assert response.status_code == 302
    paper.refresh_from_db()
    assert (paper.name, paper.unit, paper.threshold, paper.active) == ("打印纸", "箱", 3, False)
    event = AuditEvent.objects.get(verb="supplies.item_changed")
    assert event.data["changes"]["name"] == ["复印纸", "打印纸"]
    page = client.get(reverse("supplies:index")).content.decode()
    assert "打印纸" in page and "已停用" in page


def test_bad_input_says_so_and_saves_nothing(paper, pens, storekeeper, client_for, settings):
    settings.LANGUAGE_CODE = "zh-hans"
    client = client_for(storekeeper)
    for changes in ({"name": ""}, {"threshold": "-1"}, {"name": pens.name, "spec": pens.spec}):
        response = _post(client, paper, **changes)
        assert response.status_code == 200
        assert 'id="item-form"' in response.content.decode()
    assert Item.objects.get(pk=paper.pk).name == "复印纸"
    assert not AuditEvent.objects.filter(verb="supplies.item_changed").exists()


def test_the_service_refuses_a_clash_and_anyone_but_the_storekeeper(
    paper, pens, staff, storekeeper
):
    with pytest.raises(DomainError):
        services.item_update(
            item_id=paper.pk,
            by=storekeeper,
            name=pens.name,
            spec=pens.spec,
            unit="支",
            threshold=1,
            active=True,
        )
    assert Item.objects.get(pk=paper.pk).name == "复印纸"
    with pytest.raises(NotAllowed):
        services.item_update(
            item_id=paper.pk, by=staff, name="x", spec="", unit="包", threshold=1, active=True
        )


def test_staff_may_not_open_the_edit_page(paper, staff, client_for):
    assert client_for(staff).get(reverse("supplies:item_edit", args=[paper.pk])).status_code == 403
    assert client_for(staff).post(reverse("supplies:item_edit", args=[paper.pk])).status_code == 403


def test_an_item_out_of_use_is_not_offered_on_a_requisition(paper, pens, storekeeper, staff):
    services.item_update(
        item_id=paper.pk,
        by=storekeeper,
        name=paper.name,
        spec=paper.spec,
        unit=paper.unit,
        threshold=paper.threshold,
        active=False,
    )
    offered = list(RequisitionForm().fields["item_1"].queryset)
    assert pens in offered and paper not in offered


def test_the_catalogue_lists_entries_without_stock_for_the_storekeeper_only(
    stocked, paper, storekeeper, staff, client_for, settings, django_assert_max_num_queries
):
    """An entry nobody has received yet is on no stock list: the catalogue (物品目录) finds it,
    with its stock summed over the stores, in a constant number of queries."""
    settings.LANGUAGE_CODE = "zh-hans"
    client = client_for(storekeeper)
    created = client.post(
        reverse("supplies:item_create"),
        {"name": "档案盒", "spec": "A4 5cm", "unit": "个", "threshold": "20"},
    )
    assert created.status_code == 302 and created.url == reverse("supplies:items")
    boxes = Item.objects.get(name="档案盒")
    stock = client.get(reverse("supplies:index")).content.decode()
    assert "档案盒" not in stock
    for extra in range(2):
        Item.objects.create(name=f"订书钉{extra}", unit="盒")
        with django_assert_max_num_queries(12):
            page = client.get(reverse("supplies:items")).content.decode()
    assert "物品目录" in page and reverse("supplies:item_edit", args=[boxes.pk]) in page
    assert "档案盒" in page and paper.name in page
    found = client.get(reverse("supplies:items"), {"q": "档案"}).content.decode()
    assert "档案盒" in found and paper.name not in found
    assert client_for(staff).get(reverse("supplies:items")).status_code == 403
    assert "物品目录" not in client_for(staff).get(reverse("supplies:index")).content.decode()
