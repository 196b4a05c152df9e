"""Supplies pages: who sees what (login, 403, 404), bad input, the refused issue's message,
the PDFs in Chinese, the spreadsheets, and list pages whose queries do not grow."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from supplies import services
from supplies.models import Asset, Requisition, StockTake
from supplies.services import Line
from tests.pdf import pdf_text

from .conftest import level

pytestmark = pytest.mark.django_db


def _requisition(store, staff, item, quantity=2):
    return services.requisition_request(
        store=store, purpose="会议用纸", lines=[Line(item, quantity)], by=staff
    )


def test_anonymous_is_sent_to_sign_in(db):
    response = Client().get(reverse("supplies:index"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_staff_requests_through_the_form(stocked, paper, staff, head, client_for):
    response = client_for(staff).post(
        reverse("supplies:requisition_create"),
        {"store": stocked.pk, "purpose": "会议用纸", "item_1": paper.pk, "quantity_1": 3},
    )
    requisition = Requisition.objects.get()
    assert response["Location"] == requisition.get_absolute_url()
    page = client_for(head).get(requisition.get_absolute_url()).content.decode()
    assert "批准" in page and "复印纸" in page


def test_bad_input_shows_the_form_and_saves_nothing(stocked, paper, staff, client_for):
    response = client_for(staff).post(
        reverse("supplies:requisition_create"),
        {"store": stocked.pk, "purpose": "会议用纸", "item_1": paper.pk, "quantity_1": ""},
    )
    assert response.status_code == 200
    assert "请选择物品并填写数量" in response.content.decode()
    assert not Requisition.objects.exists()


def test_someone_elses_requisition_is_404(stocked, paper, staff, other_staff, client_for):
    requisition = _requisition(stocked, staff, paper)
    assert client_for(other_staff).get(requisition.get_absolute_url()).status_code == 404


def test_issue_by_someone_else_is_403(stocked, paper, staff, head, client_for):
    requisition = _requisition(stocked, staff, paper)
    services.requisition_decide(requisition_id=requisition.pk, by=head, approve=True)
    response = client_for(head).post(reverse("supplies:requisition_issue", args=[requisition.pk]))
    assert response.status_code == 403
    assert level(stocked, paper) == 20


def test_short_stock_message_on_the_page(stocked, paper, staff, head, storekeeper, client_for):
    requisition = _requisition(stocked, staff, paper, 99)
    services.requisition_decide(requisition_id=requisition.pk, by=head, approve=True)
    client = client_for(storekeeper)
    response = client.post(
        reverse("supplies:requisition_issue", args=[requisition.pk]), follow=True
    )
    page = response.content.decode()
    assert "库存不足，未发放任何物品" in page and "复印纸" in page
    assert level(stocked, paper) == 20


def test_requisition_slip_pdf_in_chinese(stocked, paper, staff, client_for):
    requisition = _requisition(stocked, staff, paper)
    response = client_for(staff).get(reverse("supplies:requisition_pdf", args=[requisition.pk]))
    text = pdf_text(response.content)
    assert "办公用品领用单" in text and "复印纸" in text and "会议用纸" in text


def test_stocktake_through_the_page_and_its_sheet(stocked, paper, pens, storekeeper, client_for):
    client = client_for(storekeeper)
    url = reverse("supplies:stocktake_create", args=[stocked.pk])
    assert "复印纸" in client.get(url).content.decode()
    response = client.post(url, {f"counted_{paper.pk}": "17", "note": "年末盘点"})
    take = StockTake.objects.get()
    assert response["Location"] == take.get_absolute_url()
    assert level(stocked, paper) == 17
    text = pdf_text(client.get(take.get_absolute_url() + "?format=pdf").content)
    assert "办公用品盘点表" in text and "-3" in text


def test_stocktake_is_the_storekeepers(stocked, staff, client_for):
    url = reverse("supplies:stocktake_create", args=[stocked.pk])
    assert client_for(staff).get(url).status_code == 403


def test_figures_and_exports_for_the_storekeeper_only(stocked, staff, storekeeper, client_for):
    assert client_for(staff).get(reverse("supplies:statistics")).status_code == 403
    client = client_for(storekeeper)
    assert client.get(reverse("supplies:statistics")).status_code == 200
    for name in ("supplies:stock_xlsx", "supplies:movements_xlsx", "supplies:assets_xlsx"):
        response = client.get(reverse(name))
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_monthly_figures_count_issues_and_spending(
    stocked, paper, staff, head, finance, director, storekeeper, client_for
):
    requisition = _requisition(stocked, staff, paper, 4)
    services.requisition_decide(requisition_id=requisition.pk, by=head, approve=True)
    services.requisition_issue(requisition_id=requisition.pk, by=storekeeper)
    purchase = services.purchase_request(
        store=stocked, purpose="补货", lines=[(Line(paper, 10), Decimal("25.00"))], by=staff
    )
    for approver in (head, finance, director):
        services.purchase_decide(purchase_id=purchase.pk, by=approver, approve=True)
    services.purchase_receive(purchase_id=purchase.pk, by=storekeeper)
    from django.utils import timezone

    from supplies.statistics import month_figures

    figures = month_figures(timezone.localdate().replace(day=1))
    row = next(r for r in figures if r["department"] == staff.department.name)
    assert (row["issued"], row["spent"]) == (4, Decimal("250.00"))
    page = client_for(director).get(reverse("supplies:statistics")).content.decode()
    assert "<svg" in page and "250.00" in page


def test_lists_queries_do_not_grow(
    stocked, paper, pens, staff, head, storekeeper, client_for, django_assert_max_num_queries
):
    client = client_for(storekeeper)
    urls = [
        reverse("supplies:index"),
        reverse("supplies:requisitions"),
        reverse("supplies:purchases"),
        reverse("supplies:assets"),
    ]

    def add(n):
        for i in range(n):
            _requisition(stocked, staff, paper, 1)
            services.purchase_request(
                store=stocked, purpose="补货", lines=[(Line(pens, 1), Decimal("2"))], by=staff
            )
            services.asset_save(
                asset=Asset(tag=f"ZC-{n}-{i}", name="打印机", custodian=staff, location="302"),
                by=storekeeper,
            )

    add(1)
    counts = {}
    for url in urls:
        client.get(url)
        with django_assert_max_num_queries(14) as few:
            assert client.get(url).status_code == 200
        counts[url] = len(few.captured_queries)
    add(6)
    for url in urls:
        with django_assert_max_num_queries(counts[url]):
            client.get(url)


def test_storekeeper_adds_an_item_and_receives_goods(store, storekeeper, staff, client_for):
    client = client_for(storekeeper)
    client.post(
        reverse("supplies:item_create"),
        {"name": "便利贴", "spec": "76×76", "unit": "本", "threshold": "10"},
    )
    from supplies.models import Item

    item = Item.objects.get(name="便利贴")
    response = client.post(
        reverse("supplies:receive"),
        {"store": store.pk, "note": "上级调拨", "item_1": item.pk, "quantity_1": "40"},
    )
    assert response.status_code == 302
    assert level(store, item) == 40
    page = client.get(reverse("supplies:index")).content.decode()
    assert "便利贴" in page
    # the same entry twice is refused with a message, and staff may not add or receive
    again = client.post(
        reverse("supplies:item_create"),
        {"name": "便利贴", "spec": "76×76", "unit": "本", "threshold": "10"},
    )
    assert again.status_code == 200 and Item.objects.filter(name="便利贴").count() == 1
    assert client_for(staff).get(reverse("supplies:receive")).status_code == 403
    assert client_for(staff).get(reverse("supplies:item_create")).status_code == 403
