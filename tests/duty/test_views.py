"""Views: login, 403 for the wrong role, 404 out of scope, bad input saves nothing, htmx."""

from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.timezone import now

from duty.models import Handover, LogEntry, SpendRequest
from duty.services import handover as handover_services
from duty.services import log, spending

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("handover_time")]

PAGES = [
    "duty:index",
    "duty:my_shift",
    "duty:roster",
    "duty:log_list",
    "duty:spend_list",
    "duty:handover_list",
    "duty:swap_list",
    "duty:roster_xlsx",
]


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_is_sent_to_login(name):
    response = Client().get(reverse(name))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("name", PAGES)
def test_plain_staff_is_refused(name, staff, client_for):
    assert client_for(staff).get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", PAGES)
def test_duty_people_and_director_see_pages(name, shift, officer, director, client_for):
    for user in (officer, director):
        assert client_for(user).get(reverse(name)).status_code == 200


def _records(shift, officer, next_officer):
    incident = log.incident_report(
        shift=shift, occurred_at=now(), title="道闸故障", severity="serious", by=officer
    )
    spend = spending.spend_request(shift=shift, amount=Decimal("800"), purpose="维修", by=officer)
    handover = handover_services.handover_file(shift=shift, summary="正常", items=[], by=officer)
    return {
        "duty:shift_detail": shift.pk,
        "duty:incident_detail": incident.pk,
        "duty:spend_detail": spend.pk,
        "duty:handover_detail": handover.pk,
        "duty:handover_pdf": handover.pk,
    }


def test_records_are_404_outside_the_duty_room(
    shift, next_shift, officer, next_officer, staff, client_for
):
    client = client_for(staff)
    for name, pk in _records(shift, officer, next_officer).items():
        assert client.get(reverse(name, args=[pk])).status_code == 404, name


def test_records_open_for_the_duty_room(
    shift, next_shift, officer, next_officer, director, client_for
):
    client = client_for(director)
    for name, pk in _records(shift, officer, next_officer).items():
        assert client.get(reverse(name, args=[pk])).status_code == 200, name


def test_other_officers_spending_is_404(shift, officer, next_officer, client_for):
    spend = spending.spend_request(shift=shift, amount=Decimal("80"), purpose="餐费", by=officer)
    response = client_for(next_officer).get(reverse("duty:spend_detail", args=[spend.pk]))
    assert response.status_code == 404


def test_my_shift_page_shows_the_log_form(shift, officer, client_for):
    response = client_for(officer).get(reverse("duty:my_shift"))
    assert response.status_code == 200
    assert "值班日志" in response.content.decode() and shift.post.name in response.content.decode()


def test_log_add_by_someone_off_shift_is_403(shift, next_officer, client_for):
    response = client_for(next_officer).post(
        reverse("duty:log_add", args=[shift.pk]), {"kind": "phone", "summary": "x"}
    )
    assert response.status_code == 403
    assert not LogEntry.objects.exists()


def test_log_add_htmx_returns_the_panel(shift, officer, client_for):
    response = client_for(officer).post(
        reverse("duty:log_add", args=[shift.pk]),
        {"occurred_at": "2026-11-23T09:00", "kind": "phone", "summary": "市应急局来电"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert response.status_code == 200 and 'id="log-panel"' in body and "<html" not in body
    assert "市应急局来电" in body


def test_log_add_bad_input_shows_the_form(shift, officer, client_for):
    response = client_for(officer).post(
        reverse("duty:log_add", args=[shift.pk]), {"occurred_at": "nonsense", "kind": "bogus"}
    )
    body = response.content.decode()
    assert response.status_code == 200 and "invalid-feedback" in body
    assert not LogEntry.objects.exists()


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("-5", "金额必须为正数"),
        ("abc", "请以元为单位输入金额"),
        ("12.345", "金额最多两位小数"),
        ("0", "金额必须为正数"),
    ],
)
def test_bad_amounts_answered_in_chinese(shift, officer, client_for, amount, message):
    response = client_for(officer).post(
        reverse("duty:spend_add", args=[shift.pk]), {"amount": amount, "purpose": "餐费"}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not SpendRequest.objects.exists()


def test_spend_above_officer_limit_shows_limit_and_approver(shift, officer, client_for):
    client = client_for(officer)
    response = client.post(
        reverse("duty:spend_add", args=[shift.pk]),
        {"amount": "800.00", "purpose": "维修"},
        follow=True,
    )
    body = response.content.decode()
    assert "待审批" in body and "2000" in body and "leader" in body


def test_spend_decide_wrong_role_is_403(shift, officer, next_officer, leader, client_for):
    spend = spending.spend_request(shift=shift, amount=Decimal("800"), purpose="维修", by=officer)
    assert (
        client_for(officer)
        .post(reverse("duty:spend_decide", args=[spend.pk, "approve"]))
        .status_code
        == 403
    )
    assert (
        client_for(leader)
        .post(reverse("duty:spend_decide", args=[spend.pk, "nonsense"]))
        .status_code
        == 404
    )
    client_for(leader).post(reverse("duty:spend_decide", args=[spend.pk, "approve"]))
    spend.refresh_from_db()
    assert spend.status == "approved"


def test_handover_by_someone_not_on_shift_is_403(shift, next_shift, next_officer, client_for):
    response = client_for(next_officer).post(
        reverse("duty:handover_file", args=[shift.pk]), {"summary": "x"}
    )
    assert response.status_code == 403
    assert not Handover.objects.exists()


def test_handover_filed_through_the_form(shift, next_shift, officer, client_for):
    response = client_for(officer).post(
        reverse("duty:handover_file", args=[shift.pk]),
        {"summary": "本班正常", "keys": "值班室钥匙\n档案柜钥匙", "equipment": "对讲机 3 台"},
        follow=True,
    )
    handover = Handover.objects.get()
    assert response.redirect_chain[-1][0] == handover.get_absolute_url()
    assert handover.items.count() == 3


def test_second_handover_gets_a_friendly_answer(shift, next_shift, officer, leader, client_for):
    handover_services.handover_file(shift=shift, summary="正常", items=[], by=officer)
    response = client_for(leader).get(reverse("duty:handover_file", args=[shift.pk]), follow=True)
    assert "已经提交" in response.content.decode()
    assert Handover.objects.count() == 1


def test_handover_empty_summary_saves_nothing(shift, officer, client_for):
    response = client_for(officer).post(
        reverse("duty:handover_file", args=[shift.pk]), {"summary": ""}
    )
    assert response.status_code == 200 and not Handover.objects.exists()


def test_accept_by_wrong_person_is_403(
    shift, next_shift, officer, leader, next_officer, client_for
):
    handover = handover_services.handover_file(shift=shift, summary="正常", items=[], by=officer)
    assert (
        client_for(leader).post(reverse("duty:handover_accept", args=[handover.pk])).status_code
        == 403
    )
    client_for(next_officer).post(reverse("duty:handover_accept", args=[handover.pk]))
    handover.refresh_from_db()
    assert handover.status == "accepted"
    assert (
        client_for(officer).get(reverse("duty:handover_edit", args=[handover.pk])).status_code
        == 403
    )


def test_history_search_by_person(shift, next_shift, officer, next_officer, leader, client_for):
    handover_services.handover_file(shift=shift, summary="正常", items=[], by=officer)
    client = client_for(leader)
    found = client.get(reverse("duty:handover_list"), {"person": officer.pk})
    assert str(shift.post.name) in found.content.decode()
    nobody = client.get(
        reverse("duty:handover_list"), {"person": next_officer.pk, "day_from": "2000-01-01"}
    )
    assert "没有找到交接记录" in nobody.content.decode()
    bad = client.get(reverse("duty:handover_list"), {"day_from": "not-a-date"})
    assert bad.status_code == 200


def test_roster_generate_only_for_leaders(officer, client_for):
    assert client_for(officer).get(reverse("duty:roster_generate")).status_code == 403


def test_roster_bad_month_falls_back(officer, client_for, shift):
    for value in ["nonsense", "2026-13", "99999-1", ""]:
        assert client_for(officer).get(reverse("duty:roster"), {"month": value}).status_code == 200


def test_assignment_add_overlap_message(shift, leader, officer, client_for):
    from tests.duty.factories import PostFactory, make_shift

    other = make_shift(post=PostFactory(name="应急值守"), template=shift.template, day=shift.date)
    response = client_for(leader).post(
        reverse("duty:assignment_add", args=[other.pk]),
        {"person": officer.pk, "role": "officer"},
        follow=True,
    )
    assert "重叠" in response.content.decode()
    assert not other.assignments.exists()


def test_incident_acknowledge_view(shift, officer, leader, client_for):
    incident = log.incident_report(
        shift=shift, occurred_at=now(), title="火警", severity="serious", by=officer
    )
    url = reverse("duty:incident_acknowledge", args=[incident.pk])
    assert client_for(officer).post(url).status_code == 403
    response = client_for(leader).post(url, follow=True)
    assert "已确认" in response.content.decode()


def test_swap_form_with_counter_shift_validates(leader, officer, client_for):
    from datetime import timedelta

    from django.utils.timezone import localdate

    from duty.models import SwapRequest
    from tests.duty.factories import PostFactory, assign, make_shift, night_template
    from tests.factories import UserFactory

    colleague = UserFactory(username="wumin", name="吴敏", roles=["duty_officer"])
    mine = make_shift(post=PostFactory(name="总值班室"), day=localdate() + timedelta(days=3))
    assign(mine, leader, "leader")
    assignment = assign(mine, officer)
    theirs = assign(make_shift(post=mine.post, template=night_template(), day=mine.date), colleague)
    url = reverse("duty:swap_create", args=[assignment.pk])
    client = client_for(officer)
    bad = client.post(url, {"colleague": leader.pk, "counter_assignment": theirs.pk, "reason": "x"})
    assert bad.status_code == 200 and not SwapRequest.objects.exists()
    good = client.post(
        url, {"colleague": colleague.pk, "counter_assignment": theirs.pk, "reason": "家中有事"}
    )
    assert good.status_code == 302
    assert SwapRequest.objects.get().counter_assignment == theirs
    assert (
        client_for(colleague).get(reverse("duty:swap_create", args=[assignment.pk])).status_code
        == 403
    )


def test_home_panel_for_duty_people_only(shift, officer, staff, client_for):
    assert 'id="duty-panel"' in client_for(officer).get("/").content.decode()
    assert "本班值守" in client_for(officer).get("/").content.decode()
    assert 'id="duty-panel"' not in client_for(staff).get("/").content.decode()
