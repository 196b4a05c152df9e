"""Issue 16: 补录, attendance kinds, room rules and approval, series, room deactivation,
the door display, htmx rows and the 纪要 in Chinese."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from meetings import services
from meetings.models import Attendance, Meeting
from office.errors import DomainError, NotAllowed
from reception.models import Visit
from tests.factories import UserFactory
from tests.pdf import pdf_text

from .factories import MeetingFactory, RoomFactory, at


@pytest.fixture(autouse=True)
def _english():
    """The messages are matched in English, whatever an earlier request left active."""
    from django.utils import translation

    with translation.override("en"):
        yield


# A Wednesday morning in Beijing; every rule test runs at this instant.
NOON = "2026-06-10 10:00 +0800"


def _tz(day, hour, minute=0):
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime(2026, 6, day, hour, minute))


# 补录


def test_clerk_records_a_past_meeting_held_with_who_was_present(meeting_data, clerk, staff):
    data = meeting_data(start=at(-1, 9), end=at(-1, 10), required=[], guests=[])
    meeting = services.meeting_record_afterwards(data=data, present=[staff], by=clerk)
    assert meeting.status == Meeting.Status.HELD and meeting.recorded_afterwards
    row = meeting.attendances.get(user=staff)
    assert row.presence == Attendance.Presence.PRESENT and row.signed_in_at is None
    services.minutes_save(
        meeting_id=meeting.pk, by=clerk, summary="会商。", items={}, resolutions=[]
    )  # minutes as usual


def test_afterwards_refuses_a_meeting_not_yet_over_and_non_clerks(meeting_data, clerk, staff):
    with pytest.raises(DomainError, match="already have ended"):
        services.meeting_record_afterwards(data=meeting_data(), present=[staff], by=clerk)
    past = meeting_data(start=at(-1, 9), end=at(-1, 10))
    with pytest.raises(NotAllowed):
        services.meeting_record_afterwards(data=past, present=[staff], by=staff)
    assert not Meeting.objects.exists()


def test_afterwards_page_accepts_the_past_only_there(client_for, clerk, director, staff, room):
    client = client_for(clerk)
    fields = {
        "title": "电话会商",
        "kind": "coordination",
        "start": at(-1, 9).strftime("%Y-%m-%dT%H:%M"),
        "end": at(-1, 10).strftime("%Y-%m-%dT%H:%M"),
        "place": "主任办公室",
        "chair": director.pk,
        "recorder": clerk.pk,
        "present": [director.pk, staff.pk],
        "agenda-TOTAL_FORMS": 0,
        "agenda-INITIAL_FORMS": 0,
        "weeks": 1,
    }
    response = client.post(reverse("meetings:record_afterwards"), fields)
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert 'id="recorded-afterwards"' in page
    booked = client.post(reverse("meetings:create"), {**fields, "title": "另一个"})
    assert "不能早于现在" in booked.content.decode() or booked.status_code == 200
    assert Meeting.objects.count() == 1
    assert client_for(staff).get(reverse("meetings:record_afterwards")).status_code == 403


# attendance kinds


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
        meeting = MeetingFactory(recorder=clerk, start=_tz(10, 10), end=_tz(10, 11))
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


# room rules and approval


@pytest.mark.parametrize(
    "start,end,message",
    [
        ((10, 7), (10, 9), "between 08:00 and 18:00"),
        ((10, 17), (10, 19), "between"),
        ((25, 9), (25, 10), "days ahead"),
    ],
)
def test_room_rules_refuse_with_a_clear_message(meeting_data, clerk, start, end, message):
    room = RoomFactory(opens_at=datetime.time(8), closes_at=datetime.time(18), max_days_ahead=7)
    with time_machine.travel(NOON, tick=False):
        data = meeting_data(room=room, start=_tz(*start), end=_tz(*end))
        with pytest.raises(DomainError, match=message):
            services.meeting_create(data=data, by=clerk)
        ok = meeting_data(room=room, start=_tz(12, 9), end=_tz(12, 10))
        assert services.meeting_create(data=ok, by=clerk)[0].status == "scheduled"


def test_a_room_needing_approval_holds_only_once_approved(
    meeting_data, staff, director, django_capture_on_commit_callbacks
):
    from office.models import Notification
    from office.services.approvals import approval_decide

    room = RoomFactory(needs_approval=True, approver=director)
    [meeting] = services.meeting_create(data=meeting_data(room=room), by=staff)
    assert meeting.status == Meeting.Status.AWAITING_ROOM
    assert not Notification.objects.filter(kind="meetings.invitation").exists()
    approval_decide(target=meeting, by=director, approve=True)
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.SCHEDULED
    assert Notification.objects.filter(kind="meetings.invitation").exists()


def test_a_refused_booking_is_a_draft_again(meeting_data, staff, director):
    from office.services.approvals import approval_decide

    room = RoomFactory(needs_approval=True, approver=director)
    [meeting] = services.meeting_create(data=meeting_data(room=room), by=staff)
    approval_decide(target=meeting, by=director, approve=False, reason="当天有大会")
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.DRAFT


def test_approver_sees_the_booking_and_decides_on_the_page(client_for, meeting_data, staff):
    approver = UserFactory()
    room = RoomFactory(needs_approval=True, approver=approver)
    [meeting] = services.meeting_create(data=meeting_data(room=room, required=[]), by=staff)
    client = client_for(approver)
    page = client.get(meeting.get_absolute_url()).content.decode()
    assert 'id="awaiting-room"' in page and "会议室审批人" in page  # the chain, its step
    client.post(reverse("meetings:room_booking_decide", args=[meeting.pk]), {"approve": "1"})
    meeting.refresh_from_db()
    assert meeting.status == "scheduled"


# series


def test_series_cancel_following_and_all(meeting_data, clerk):
    meetings = services.meeting_create(data=meeting_data(guests=[]), by=clerk, weeks=4)
    n = services.series_cancel(
        meeting_id=meetings[2].pk, by=clerk, reason="调整", scope="following"
    )
    assert n == 2
    statuses = [m.status for m in Meeting.objects.order_by("start")]
    assert statuses == ["scheduled", "scheduled", "cancelled", "cancelled"]
    assert (
        services.series_cancel(meeting_id=meetings[0].pk, by=clerk, reason="取消", scope="all") == 2
    )


def test_a_week_skipped_for_a_clash_can_be_booked_again(meeting_data, clerk, director):
    blocker = services.meeting_create(
        data=meeting_data(title="占用", start=at(8, 9), end=at(8, 10), guests=[]), by=director
    )[0]
    meetings = services.meeting_create(
        data=meeting_data(guests=[]), by=clerk, weeks=3, skip_clashes=True
    )
    assert len(meetings) == 2
    gaps = services.series_gaps(meetings[0])
    assert gaps == [blocker.start.astimezone().date()] or len(gaps) == 1
    with pytest.raises(DomainError):  # still taken
        services.series_readd(meeting_id=meetings[0].pk, day=gaps[0], by=clerk)
    services.meeting_cancel(meeting_id=blocker.pk, by=director, reason="改期")
    again = services.series_readd(meeting_id=meetings[0].pk, day=gaps[0], by=clerk)
    assert again.series == meetings[0].series and again.status == "scheduled"
    assert services.series_gaps(meetings[0]) == []


# cancelling tells reception; deactivating a room asks


def test_cancelling_a_meeting_cancels_its_guests_visits(meeting_data, clerk, receptionist):
    from office.models import Notification

    [meeting] = services.meeting_create(data=meeting_data(), by=clerk)
    services.meeting_guests_preregister(meeting_id=meeting.pk, by=clerk)
    services.meeting_cancel(meeting_id=meeting.pk, by=clerk, reason="改期")
    assert set(Visit.objects.values_list("status", flat=True)) == {"cancelled"}
    assert Notification.objects.filter(
        recipient=receptionist, kind="reception.visit_cancelled"
    ).exists()


def test_deactivating_a_room_lists_its_meetings_and_cancels_them(
    client_for, meeting_data, clerk, room
):
    [meeting] = services.meeting_create(data=meeting_data(), by=clerk)
    client = client_for(clerk)
    form = {"name": room.name, "building": room.building, "capacity": room.capacity, "order": 0}
    response = client.post(reverse("meetings:room_edit", args=[room.pk]), form)
    assert response.url == reverse("meetings:room_deactivate", args=[room.pk])
    room.refresh_from_db()
    assert room.active
    page = client.get(response.url).content.decode()
    assert meeting.title in page
    bad = client.post(response.url, {"decision": "cancel", "reason": ""})
    assert bad.status_code == 200 and Meeting.objects.get().status == "scheduled"
    client.post(response.url, {"decision": "cancel", "reason": "装修"})
    room.refresh_from_db()
    assert not room.active and Meeting.objects.get().status == "cancelled"


def test_deactivating_a_room_can_keep_its_meetings(meeting_data, clerk, room):
    services.meeting_create(data=meeting_data(), by=clerk)
    assert services.room_deactivate(room_id=room.pk, by=clerk, cancel_meetings=False) == 0
    assert Meeting.objects.get().status == "scheduled"


# door display


def test_door_page_shows_now_and_next_without_titles_and_needs_its_token(client, clerk):
    room = RoomFactory()
    with time_machine.travel(NOON, tick=False):
        MeetingFactory(room=room, title="机密人事会", start=_tz(10, 9, 30), end=_tz(10, 10, 30))
        MeetingFactory(room=room, title="机密二", start=_tz(11, 14), end=_tz(11, 15))
        url = reverse("meetings:room_door", args=[room.pk, room.display_token])
        page = client.get(url).content.decode()
    assert "机密" not in page and "06-11 14:00" in page and 'http-equiv="refresh"' in page
    assert 'id="door-now" ' in page.replace('id="door-now">', 'id="door-now" >')
    assert client.get(reverse("meetings:room_door", args=[room.pk, "wrong"])).status_code == 404


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


# query counts of the new pages: they do not grow with meetings


@pytest.mark.parametrize("count", [1, 6])
def test_door_and_deactivate_pages_queries_do_not_grow(
    client, client_for, clerk, count, django_assert_max_num_queries
):
    room = RoomFactory()
    with time_machine.travel(NOON, tick=False):
        for i in range(count):
            MeetingFactory(room=room, start=_tz(10, 11 + i), end=_tz(10, 11 + i, 30))
        with django_assert_max_num_queries(4):
            client.get(reverse("meetings:room_door", args=[room.pk, room.display_token]))
        staff_client = client_for(clerk)
        with django_assert_max_num_queries(12):
            page = staff_client.get(reverse("meetings:room_deactivate", args=[room.pk]))
    assert page.content.decode().count("<tr>") >= count


def test_the_htmx_sign_in_answers_the_card(client_for, staff):
    with time_machine.travel(NOON, tick=False):
        meeting = MeetingFactory(start=_tz(10, 10), end=_tz(10, 11))
        Attendance.objects.create(meeting=meeting, user=staff)
        response = client_for(staff).post(
            reverse("meetings:sign_in", args=[meeting.pk]),
            {"t": meeting.sign_in_token},
            HTTP_HX_REQUEST="true",
        )
    body = response.content.decode()
    assert response.status_code == 200 and 'id="signed-in-at"' in body and "<html" not in body


def test_minutes_page_shows_every_kind(client_for, clerk):
    meeting = MeetingFactory(
        recorder=clerk, status=Meeting.Status.HELD, start=at(-1, 9), end=at(-1, 10)
    )
    observer = UserFactory()
    Attendance.objects.create(meeting=meeting, user=observer, presence="observer")
    services.minutes_save(meeting_id=meeting.pk, by=clerk, summary="", items={}, resolutions=[])
    page = client_for(clerk).get(reverse("meetings:minutes", args=[meeting.pk])).content.decode()
    assert str(observer) in page.split('id="observers"')[1].split("</dd>")[0]


def test_a_scheduled_meeting_cannot_move_into_a_room_needing_approval(meeting_data, staff):
    [meeting] = services.meeting_create(data=meeting_data(), by=staff)
    hall = RoomFactory(needs_approval=True, approver=UserFactory())
    with pytest.raises(DomainError, match="approval"):
        services.meeting_update(meeting_id=meeting.pk, data=meeting_data(room=hall), by=staff)
    meeting.refresh_from_db()
    assert meeting.room_id != hall.pk


def test_scheduling_a_draft_in_a_room_needing_approval_says_so(client_for, meeting_data, staff):
    hall = RoomFactory(needs_approval=True, approver=UserFactory())
    [draft] = services.meeting_create(data=meeting_data(room=hall), by=staff, schedule=False)
    response = client_for(staff).post(reverse("meetings:schedule", args=[draft.pk]), follow=True)
    draft.refresh_from_db()
    assert draft.status == Meeting.Status.AWAITING_ROOM
    assert "审批" in response.content.decode()


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
