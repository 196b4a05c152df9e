"""Attendance kinds: 签到 by scanning only, present / excused / observer marked by the recorder,
every kind on the minutes page and in the Chinese 纪要 PDF, and the htmx rows that answer."""

import pytest
import time_machine
from django.urls import reverse

from meetings import services
from meetings.models import Attendance, Meeting
from office.errors import DomainError
from tests.factories import UserFactory
from tests.pdf import pdf_text

from .factories import NOON, MeetingFactory, at, june

pytestmark = pytest.mark.usefixtures("english")


def test_marked_present_has_no_sign_in_time_and_excused_needs_a_reason(clerk):
    meeting = MeetingFactory(
        recorder=clerk, status=Meeting.Status.HELD, start=at(-1, 9), end=at(-1, 10)
    )
    a, b, c = (Attendance.objects.create(meeting=meeting, user=UserFactory()) for _ in range(3))
    with pytest.raises(DomainError, match="reason"):
        services.attendance_record(meeting_id=meeting.pk, by=clerk, presence={a.user_id: "excused"})
    services.attendance_record(
        meeting_id=meeting.pk,
        by=clerk,
        presence={a.user_id: "excused", b.user_id: "present", c.user_id: "observer"},
        reasons={a.user_id: "出差"},
    )
    a.refresh_from_db(), b.refresh_from_db(), c.refresh_from_db()
    assert (a.presence, a.absence_reason) == ("excused", "出差")
    assert b.presence == "present" and b.signed_in_at is None
    assert c.presence == "observer"
    with pytest.raises(DomainError):  # 签到 only by scanning
        services.attendance_record(
            meeting_id=meeting.pk, by=clerk, presence={b.user_id: "signed_in"}
        )


def test_scanning_signs_in_with_a_time(clerk, staff):
    with time_machine.travel(NOON, tick=False):
        meeting = MeetingFactory(recorder=clerk, start=june(10, 10), end=june(10, 11))
        Attendance.objects.create(meeting=meeting, user=staff)
        row = services.sign_in(meeting_id=meeting.pk, user=staff, token=meeting.sign_in_token)
    assert row.presence == "signed_in" and row.signed_in_at is not None


def test_minutes_pdf_is_chinese_with_every_kind_and_the_afterwards_mark(
    client_for, clerk, director
):
    meeting = MeetingFactory(
        recorder=clerk,
        chair=director,
        status=Meeting.Status.HELD,
        recorded_afterwards=True,
        start=at(-1, 9),
        end=at(-1, 10),
    )
    names = {}
    for presence in ("present", "excused", "absent", "observer"):
        person = UserFactory()
        names[presence] = person.get_full_name() or person.get_username()
        Attendance.objects.create(
            meeting=meeting,
            user=person,
            presence=presence,
            absence_reason="出差" if presence == "excused" else "",
        )
    services.minutes_save(
        meeting_id=meeting.pk, by=clerk, summary="会议研究(一)", items={}, resolutions=[]
    )
    client = client_for(clerk)
    client.cookies["django_language"] = "en"
    text = pdf_text(
        client.get(
            reverse("meetings:minutes_pdf", args=[meeting.pk]), HTTP_ACCEPT_LANGUAGE="en"
        ).content
    )
    flat = "".join(text.split())
    assert "补录" in flat and f"出席：{names['present']}" in flat
    assert f"列席：{names['observer']}" in flat and f"缺席：{names['absent']}" in flat
    assert f"请假：{names['excused']}（出差）" in flat and "（一）" in flat


def test_minutes_page_shows_every_kind(client_for, clerk):
    meeting = MeetingFactory(
        recorder=clerk, status=Meeting.Status.HELD, start=at(-1, 9), end=at(-1, 10)
    )
    observer = UserFactory()
    Attendance.objects.create(meeting=meeting, user=observer, presence="observer")
    services.minutes_save(meeting_id=meeting.pk, by=clerk, summary="", items={}, resolutions=[])
    page = client_for(clerk).get(reverse("meetings:minutes", args=[meeting.pk])).content.decode()
    assert str(observer) in page.split('id="observers"')[1].split("</dd>")[0]


# htmx rows


def test_htmx_reply_answers_the_card_and_the_table_with_counts(client_for, staff):
    meeting = MeetingFactory()
    Attendance.objects.create(meeting=meeting, user=staff)
    Attendance.objects.create(meeting=meeting, user=UserFactory())
    response = client_for(staff).post(
        reverse("meetings:reply", args=[meeting.pk]),
        {"response": "accepted"},
        HTTP_HX_REQUEST="true",
    )
    body = response.content.decode()
    assert 'id="reply-message"' in body and 'hx-swap-oob="true"' in body
    assert "1 accepted · 0 declined · 1 awaiting" in body or "1人接受" in body


def test_htmx_attendance_answers_the_table_with_a_message(client_for, clerk, staff):
    meeting = MeetingFactory(
        recorder=clerk, status=Meeting.Status.HELD, start=at(-1, 9), end=at(-1, 10)
    )
    Attendance.objects.create(meeting=meeting, user=staff)
    url = reverse("meetings:attendance", args=[meeting.pk])
    ok = client_for(clerk).post(url, {f"presence_{staff.pk}": "present"}, HTTP_HX_REQUEST="true")
    assert 'id="attendees-message"' in ok.content.decode()
    bad = client_for(clerk).post(url, {f"presence_{staff.pk}": "excused"}, HTTP_HX_REQUEST="true")
    assert 'role="alert"' in bad.content.decode()  # shown in place (htmx swaps a 200)
    assert Attendance.objects.get(user=staff).presence == "present"
    plain = client_for(clerk).post(url, {f"presence_{staff.pk}": "absent"})
    assert plain.status_code == 302


def test_the_htmx_sign_in_answers_the_card(client_for, staff):
    with time_machine.travel(NOON, tick=False):
        meeting = MeetingFactory(start=june(10, 10), end=june(10, 11))
        Attendance.objects.create(meeting=meeting, user=staff)
        response = client_for(staff).post(
            reverse("meetings:sign_in", args=[meeting.pk]),
            {"t": meeting.sign_in_token},
            HTTP_HX_REQUEST="true",
        )
    body = response.content.decode()
    assert response.status_code == 200 and 'id="signed-in-at"' in body and "<html" not in body


def test_migration_keeps_real_sign_ins_and_drops_the_recorders_times(clerk, staff, other_staff):
    import importlib

    from django.apps import apps
    from django.utils import timezone

    from office.services import audit

    migration = importlib.import_module(
        "meetings.migrations.0004_rules_afterwards_attendance_kinds"
    )
    meeting = MeetingFactory(status=Meeting.Status.HELD, start=at(-1, 9), end=at(-1, 10))
    scanned = Attendance.objects.create(
        meeting=meeting, user=staff, presence="present", signed_in_at=timezone.now()
    )
    ticked = Attendance.objects.create(
        meeting=meeting, user=other_staff, presence="present", signed_in_at=timezone.now()
    )
    audit(actor=staff, verb="meeting.signed_in", target=meeting)
    migration.forwards(apps, None)
    scanned.refresh_from_db(), ticked.refresh_from_db()
    assert scanned.presence == "signed_in" and scanned.signed_in_at is not None
    assert ticked.presence == "present" and ticked.signed_in_at is None
