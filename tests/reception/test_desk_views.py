"""The reception desk's pages: check-in and check-out (htmx rows), the day board, walk-ins,
badge PDFs and the watch list; full ID numbers only where reception checks them."""

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils.timezone import now
from pypdf import PdfReader

from office.models import Notification
from reception import services
from reception.models import Visit, Visitor
from tests.reception.factories import VALID_IDS, WatchListEntryFactory, form_time, visit_with

pytestmark = pytest.mark.django_db


def test_check_in_page_shows_the_full_id_number_to_reception(visitor, receptionist, client_for):
    html = client_for(receptionist).get(reverse("reception:check_in", args=[visitor.pk]))
    assert visitor.id_number in html.content.decode()


def test_check_in_and_double_check_in(visit, visitor, receptionist, client_for):
    client = client_for(receptionist)
    url = reverse("reception:check_in", args=[visitor.pk])
    response = client.post(url, {"badge_number": "021"})
    assert response.status_code == 302
    assert Notification.objects.filter(recipient=visit.host, kind="reception.arrived").exists()
    response = client.post(url, {"badge_number": "022"}, follow=True)
    assert "已签到" in response.content.decode()
    assert Visitor.objects.get(pk=visitor.pk).badge_number == "021"


def test_bad_badge_number_shows_the_form(visitor, receptionist, client_for):
    response = client_for(receptionist).post(
        reverse("reception:check_in", args=[visitor.pk]), {"badge_number": "<b>"}
    )
    assert response.status_code == 200 and "字母" in response.content.decode()
    assert Visitor.objects.get(pk=visitor.pk).checked_in_at is None


def test_watch_list_warning_must_be_confirmed(visitor, receptionist, client_for):
    WatchListEntryFactory(name=visitor.name, reason="冒充记者", added_by=receptionist)
    client = client_for(receptionist)
    url = reverse("reception:check_in", args=[visitor.pk])
    assert "冒充记者" in client.get(url).content.decode()
    response = client.post(url, {"badge_number": "030"})
    assert response.status_code == 200 and "watch-list-warning" in response.content.decode()
    assert Visitor.objects.get(pk=visitor.pk).checked_in_at is None
    response = client.post(url, {"badge_number": "030", "confirm_watch_list": "on"})
    assert response.status_code == 302
    assert Visitor.objects.get(pk=visitor.pk).checked_in_at is not None


def test_check_out_someone_never_checked_in(visitor, receptionist, client_for):
    response = client_for(receptionist).post(
        reverse("reception:check_out", args=[visitor.pk]), follow=True
    )
    assert "从未签到" in response.content.decode()
    assert Visitor.objects.get(pk=visitor.pk).checked_out_at is None


def test_check_out_with_htmx_returns_the_row(visitor, receptionist, client_for):
    services.visitor_check_in(visitor_id=visitor.pk, badge_number="8", by=receptionist)
    response = client_for(receptionist).post(
        reverse("reception:check_out", args=[visitor.pk]), HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert html.strip().startswith("<tr") and "已离开" in html
    assert Visitor.objects.get(pk=visitor.pk).checked_out_at is not None


def test_day_board_sections_and_live_search(receptionist, client_for):
    waiting = visit_with(organisation="市财政局")
    inside = visit_with(organisation="市审计局")
    person = inside.visitors.get()
    services.visitor_check_in(visitor_id=person.pk, badge_number="3", by=receptionist)
    client = client_for(receptionist)
    html = client.get(reverse("reception:index")).content.decode()
    assert "市财政局" in html and "市审计局" in html
    partial = client.get(reverse("reception:index"), {"q": "财政"}, HTTP_HX_REQUEST="true")
    body = partial.content.decode()
    assert "<html" not in body and "市财政局" in body and "市审计局" not in body
    assert waiting.visitors.get().name in body


def test_overdue_visitor_is_on_the_board(receptionist, client_for):
    visit = visit_with(
        expected_arrival=now() - timedelta(hours=3), expected_departure=now() - timedelta(hours=1)
    )
    services.visitor_check_in(visitor_id=visit.visitors.get().pk, badge_number="4", by=receptionist)
    response = client_for(receptionist).get(reverse("reception:index"))
    board = response.context["board"]
    assert [v.visit_id for v in board.overdue] == [visit.pk] and not board.inside


def test_walk_in_is_registered_and_checked_in_in_one_step(receptionist, staff, client_for):
    response = client_for(receptionist).post(
        reverse("reception:walk_in"),
        {
            "host": str(staff.pk),
            "organisation": "快递公司",
            "purpose": "送达文件",
            "expected_departure": form_time(1),
            "badge_number": "w-07",
            "visitor-name": "郑飞",
            "visitor-phone": "13700001111",
        },
        follow=True,
    )
    visitor = Visitor.objects.get()
    assert response.redirect_chain[-1][0] == visitor.visit.get_absolute_url()
    assert visitor.visit.walk_in and visitor.visit.host == staff
    assert visitor.is_inside and visitor.badge_number == "W-07"
    assert visitor.visit.status == Visit.Status.ARRIVED
    assert "郑飞 已签到，证件牌 W-07" in response.content.decode()


def test_walk_in_bad_phone_saves_nothing(receptionist, staff, client_for):
    response = client_for(receptionist).post(
        reverse("reception:walk_in"),
        {
            "host": str(staff.pk),
            "purpose": "送达文件",
            "expected_departure": form_time(1),
            "visitor-name": "郑飞",
            "visitor-phone": "999",
        },
    )
    assert response.status_code == 200 and not Visit.objects.exists()


def test_badge_pdf_has_the_chinese_badge(visit, visitor, receptionist, client_for):
    services.visitor_check_in(visitor_id=visitor.pk, badge_number="066", by=receptionist)
    response = client_for(receptionist).get(reverse("reception:badge_pdf", args=[visit.pk]))
    assert response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    text = reader.pages[0].extract_text()
    for expected in ("张明", "华北电力设计院", visit.host.display_name, "066", "访客"):
        assert expected in text
    width_mm = float(reader.pages[0].mediabox.width) / 72 * 25.4
    assert round(width_mm) == 90


def test_badge_pdf_before_check_in_explains(visit, receptionist, client_for):
    response = client_for(receptionist).get(
        reverse("reception:badge_pdf", args=[visit.pk]), follow=True
    )
    assert "尚无" in response.content.decode()


def test_watch_list_page_adds_and_masks(receptionist, client_for):
    client = client_for(receptionist)
    client.post(
        reverse("reception:watch_list"),
        {"name": "钱某", "id_number": VALID_IDS[1], "reason": "多次滋扰"},
    )
    html = client.get(reverse("reception:watch_list")).content.decode()
    assert "钱某" in html and VALID_IDS[1] not in html and "1101" in html
    bad = client.post(reverse("reception:watch_list"), {"name": "x", "reason": "y", "phone": "1"})
    assert bad.status_code == 200


def test_badge_pdf_for_a_foreign_visitor_id_is_404(visit, receptionist, client_for):
    url = reverse("reception:badge_pdf", args=[visit.pk])
    assert client_for(receptionist).get(url, {"visitor": "abc"}).status_code == 404
