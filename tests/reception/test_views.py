"""The pages as people use them: forms, messages, nothing saved on bad input, htmx partials."""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.timezone import localtime, now
from openpyxl import load_workbook
from pypdf import PdfReader

from office.models import Notification
from reception import services
from reception.models import Arrangement, Visit, Visitor
from tests.reception.factories import (
    VALID_IDS,
    ArrangementFactory,
    WatchListEntryFactory,
    visit_with,
)

pytestmark = pytest.mark.django_db


def _when(hours: float) -> str:
    return localtime(now() + timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M")


def _registration(**overrides):
    data = {
        "organisation": "市档案馆",
        "purpose": "档案移交座谈",
        "expected_arrival": _when(2),
        "expected_departure": _when(4),
        "visitors-TOTAL_FORMS": "2",
        "visitors-INITIAL_FORMS": "0",
        "visitors-MIN_NUM_FORMS": "1",
        "visitors-MAX_NUM_FORMS": "50",
        "visitors-0-name": "周文",
        "visitors-0-phone": "13912345678",
        "visitors-0-id_type": "resident_id",
        "visitors-0-id_number": VALID_IDS[0],
        "visitors-1-name": "吴迪",
        "visitors-1-phone": "010-62345678",
        "visitors-1-id_type": "",
        "visitors-1-id_number": "",
    }
    data.update(overrides)
    return data


def test_host_pre_registers_a_group(staff, client_for):
    response = client_for(staff).post(reverse("reception:visit_register"), _registration())
    visit = Visit.objects.get()
    assert response.status_code == 302 and response["Location"] == visit.get_absolute_url()
    assert visit.host == staff and visit.headcount == 2
    assert list(visit.visitors.values_list("name", flat=True)) == ["周文", "吴迪"]
    assert not visit.important


def test_a_visit_flagged_important_at_registration_shows_it(staff, client_for):
    client = client_for(staff)
    client.post(reverse("reception:visit_register"), _registration(important="on"))
    visit = Visit.objects.get()
    assert visit.important
    assert "重要来访" in client.get(visit.get_absolute_url()).content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("visitors-0-phone", "12345", "手机号"),
        ("visitors-0-id_number", "110105194912310021", "校验"),
        ("visitors-0-id_type", "", "证件类型"),
        ("expected_departure", _when(1), "离开时间"),
        ("expected_arrival", "2020-01-01T09:00", "过去"),
        ("visitors-0-name", "", "必填"),
        ("purpose", "<script>alert(1)</script>", "脚本"),
    ],
)
def test_bad_registration_shows_the_form_and_saves_nothing(
    staff, client_for, field, value, message
):
    data = _registration(**{field: value})
    if field == "visitors-0-name":
        data.update(
            {"visitors-TOTAL_FORMS": "1", "visitors-0-phone": "", "visitors-0-id_number": ""}
        )
    response = client_for(staff).post(reverse("reception:visit_register"), data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Visit.objects.exists() and not Visitor.objects.exists()


def test_add_row_keeps_the_typed_data_and_saves_nothing(staff, client_for):
    response = client_for(staff).post(
        reverse("reception:visit_register"), _registration(add_row="1", purpose="")
    )
    html = response.content.decode()
    assert response.status_code == 200 and "visitors-2-name" in html and "周文" in html
    assert "必填" not in html and not Visit.objects.exists()


def test_reception_registers_for_a_host(receptionist, staff, client_for):
    client_for(receptionist).post(
        reverse("reception:visit_register"), _registration(host=str(staff.pk))
    )
    assert Visit.objects.get().host == staff


def test_a_host_cannot_register_for_someone_else(staff, other_staff, client_for):
    client_for(staff).post(
        reverse("reception:visit_register"), _registration(host=str(other_staff.pk))
    )
    assert Visit.objects.get().host == staff


def test_id_numbers_are_masked_on_the_visit_page_even_for_reception(
    visit, visitor, receptionist, staff, client_for
):
    for user in (receptionist, staff):
        html = client_for(user).get(visit.get_absolute_url()).content.decode()
        assert visitor.id_number not in html and visitor.masked_id_number in html


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
            "expected_departure": _when(1),
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
            "expected_departure": _when(1),
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


def test_log_filters_by_organisation_and_host_sees_only_theirs(
    staff, other_staff, receptionist, client_for
):
    visit_with(host=staff, organisation="省交通厅")
    visit_with(host=other_staff, organisation="省水利厅")
    everyone = client_for(receptionist).get(reverse("reception:log"), {"organisation": "交通"})
    assert "省交通厅" in everyone.content.decode()
    assert "省水利厅" not in everyone.content.decode()
    mine = client_for(staff).get(reverse("reception:log")).content.decode()
    assert "省交通厅" in mine and "省水利厅" not in mine


def test_export_masks_id_numbers(visit, visitor, receptionist, client_for):
    response = client_for(receptionist).get(reverse("reception:log_export"))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[0][2] == "姓名"
    flat = " ".join(str(c) for row in rows for c in row)
    assert visitor.masked_id_number in flat and visitor.id_number not in flat


def test_summary_counts_the_day(receptionist, client_for):
    visit = visit_with(visitors=2, organisation="市统计局")
    ArrangementFactory(visit=visit, cost_estimate=Decimal("300"))
    services.visitor_check_in(
        visitor_id=visit.visitors.first().pk, badge_number="1", by=receptionist
    )
    summary = client_for(receptionist).get(reverse("reception:summary")).context["summary"]
    assert summary["people"] == {"expected": 2, "checked_in": 1, "checked_out": 0}
    assert summary["arrangement_cost"] == Decimal("300")
    assert summary["organisations"][0]["organisation"] == "市统计局"


def test_arrangement_above_threshold_goes_to_the_director(
    visit, receptionist, director, staff, client_for
):
    response = client_for(receptionist).post(
        reverse("reception:arrangement_create", args=[visit.pk]),
        {
            "kind": "lodging",
            "date": visit.expected_arrival.date().isoformat(),
            "people": "2",
            "responsible": str(staff.pk),
            "cost_estimate": "1600.00",
        },
    )
    arrangement = Arrangement.objects.get()
    assert (
        response.status_code == 302 and arrangement.status == Arrangement.Status.AWAITING_APPROVAL
    )
    client_for(director).post(reverse("reception:arrangement_approve", args=[arrangement.pk]))
    assert Arrangement.objects.get().status == Arrangement.Status.PLANNED
    client_for(staff).post(reverse("reception:arrangement_complete", args=[arrangement.pk]))
    assert Arrangement.objects.get().status == Arrangement.Status.DONE


def test_arrangement_negative_cost_saves_nothing(visit, receptionist, client_for):
    response = client_for(receptionist).post(
        reverse("reception:arrangement_create", args=[visit.pk]),
        {"kind": "meal", "date": "2026-01-01", "people": "2", "responsible": str(receptionist.pk),
         "cost_estimate": "-5"},
    )  # fmt: skip
    assert response.status_code == 200 and not Arrangement.objects.exists()


def test_reject_without_reason_is_refused(director, client_for):
    arrangement = ArrangementFactory(status=Arrangement.Status.AWAITING_APPROVAL)
    response = client_for(director).post(
        reverse("reception:arrangement_reject", args=[arrangement.pk]), {"note": ""}, follow=True
    )
    assert response.status_code == 200
    assert Arrangement.objects.get().status == Arrangement.Status.AWAITING_APPROVAL


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


def test_cancel_by_host(visit, staff, client_for):
    client_for(staff).post(reverse("reception:visit_cancel", args=[visit.pk]), {"reason": "改期"})
    assert Visit.objects.get().status == Visit.Status.CANCELLED


@pytest.mark.parametrize(
    ("url_name", "params"),
    [
        ("reception:index", {"date": "2026-13-45", "q": "x" * 80}),
        ("reception:log", {"host": "abc", "date_from": "nope", "page": "-3", "status": "bogus"}),
        ("reception:summary", {"date": "yesterday"}),
    ],
)
def test_garbage_in_query_strings_is_never_a_500(receptionist, client_for, url_name, params):
    assert client_for(receptionist).get(reverse(url_name), params).status_code == 200


def test_tampered_formset_counts_are_answered(staff, client_for):
    client = client_for(staff)
    response = client.post(
        reverse("reception:visit_register"), _registration(**{"visitors-TOTAL_FORMS": "x"})
    )
    assert response.status_code == 200 and not Visit.objects.exists()
    response = client.post(
        reverse("reception:visit_register"),
        _registration(add_row="1", **{"visitors-TOTAL_FORMS": "x"}),
    )
    assert response.status_code == 200


def test_badge_pdf_for_a_foreign_visitor_id_is_404(visit, receptionist, client_for):
    url = reverse("reception:badge_pdf", args=[visit.pk])
    assert client_for(receptionist).get(url, {"visitor": "abc"}).status_code == 404


def _edit(client, visit, **overrides):
    data = {
        "organisation": "市档案馆",
        "purpose": "改期后的座谈",
        "expected_arrival": _when(24),
        "expected_departure": _when(26),
    }
    data.update(overrides)
    return client.post(reverse("reception:visit_edit", args=[visit.pk]), data)


def test_host_reschedules_an_expected_visit(visit, staff, client_for):
    assert (
        client_for(staff).get(reverse("reception:visit_edit", args=[visit.pk])).status_code == 200
    )
    response = _edit(client_for(staff), visit)
    assert response.status_code == 302
    changed = Visit.objects.get()
    assert changed.purpose == "改期后的座谈" and changed.expected_arrival > now() + timedelta(
        hours=23
    )


def test_reschedule_bad_input_saves_nothing(visit, staff, client_for):
    response = _edit(client_for(staff), visit, expected_departure=_when(23))
    assert response.status_code == 200 and "离开时间" in response.content.decode()
    assert Visit.objects.get().purpose == visit.purpose


def test_reschedule_after_arrival_is_refused(visit, visitor, staff, receptionist, client_for):
    services.visitor_check_in(visitor_id=visitor.pk, badge_number="1", by=receptionist)
    response = _edit(client_for(staff), visit)
    assert response.status_code == 302 and Visit.objects.get().purpose == visit.purpose


def test_reschedule_someone_elses_visit_is_404(visit, other_staff, client_for):
    assert _edit(client_for(other_staff), visit).status_code == 404


def test_export_too_large_asks_to_narrow(receptionist, client_for, monkeypatch):
    from reception.views import log

    monkeypatch.setattr(log, "EXPORT_LIMIT", 1)
    visit_with(visitors=2)
    response = client_for(receptionist).get(reverse("reception:log_export"), follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("reception:log"))
    assert "缩小" in response.content.decode()
