"""The pages as people use them: forms, messages, nothing saved on bad input, htmx partials.
(The reception desk's pages: test_desk_views.py.)"""

import io
from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.timezone import now
from openpyxl import load_workbook

from reception import services
from reception.models import Arrangement, Visit, Visitor
from tests.reception.factories import (
    VALID_IDS,
    ArrangementFactory,
    form_time,
    visit_with,
)

pytestmark = pytest.mark.django_db


def _registration(**overrides):
    data = {
        "organisation": "市档案馆",
        "purpose": "档案移交座谈",
        "expected_arrival": form_time(2),
        "expected_departure": form_time(4),
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
        ("expected_departure", form_time(1), "离开时间"),
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


def _edit(client, visit, **overrides):
    data = {
        "organisation": "市档案馆",
        "purpose": "改期后的座谈",
        "expected_arrival": form_time(24),
        "expected_departure": form_time(26),
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
    response = _edit(client_for(staff), visit, expected_departure=form_time(23))
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
