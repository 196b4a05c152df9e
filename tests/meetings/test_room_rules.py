"""Room rules (opening hours, days ahead), rooms needing approval, deactivating a room and
the door display."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from meetings import services
from meetings.models import Meeting
from office.errors import DomainError
from tests.factories import UserFactory

from .factories import NOON, MeetingFactory, RoomFactory, june

pytestmark = pytest.mark.usefixtures("english")


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
        data = meeting_data(room=room, start=june(*start), end=june(*end))
        with pytest.raises(DomainError, match=message):
            services.meeting_create(data=data, by=clerk)
        ok = meeting_data(room=room, start=june(12, 9), end=june(12, 10))
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


# deactivating a room asks


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


def test_deactivating_a_room_moves_its_meetings_to_another_room(
    client_for, meeting_data, clerk, staff, room
):
    """Closed for renovation: every upcoming meeting moves, everyone invited hears of it."""
    from office.models import Notification
    from tests.meetings.factories import at

    hall = RoomFactory(name="第二会议室", capacity=30)
    [first] = services.meeting_create(data=meeting_data(), by=clerk)
    [second] = services.meeting_create(
        data=meeting_data(title="专题会", start=at(1, 14), end=at(1, 15)), by=clerk
    )
    url = reverse("meetings:room_deactivate", args=[room.pk])
    client = client_for(clerk)
    page = client.get(url).content.decode()
    assert "第二会议室（30座）" in page and f'value="{room.pk}"' not in page
    missing = client.post(url, {"decision": "move"})
    assert missing.status_code == 200 and "请选择会议改在哪个会议室" in missing.content.decode()
    done = client.post(url, {"decision": "move", "move_to": hall.pk}, follow=True)
    assert "2个会议已改到" in done.content.decode()
    room.refresh_from_db()
    first.refresh_from_db()
    second.refresh_from_db()
    assert not room.active and first.room == hall == second.room
    assert first.status == second.status == "scheduled" and first.sequence == 1
    told = Notification.objects.filter(kind="meetings.changed", recipient=staff)
    assert told.count() == 2


@pytest.mark.parametrize("obstacle", ["clash", "seats"])
def test_a_move_that_cannot_take_every_meeting_moves_none(
    client_for, meeting_data, clerk, director, room, obstacle
):
    from tests.meetings.factories import at

    hall = RoomFactory(name="小会议室", capacity=2 if obstacle == "seats" else 30)
    [meeting] = services.meeting_create(data=meeting_data(), by=clerk)
    if obstacle == "clash":
        services.meeting_create(
            data=meeting_data(title="党组会", room=hall, start=at(1, 10), end=at(1, 11)),
            by=director,
        )
    url = reverse("meetings:room_deactivate", args=[room.pk])
    answer = client_for(clerk).post(url, {"decision": "move", "move_to": hall.pk}).content
    text = answer.decode()
    expected = "已被占用" if obstacle == "clash" else "只有2个座位"
    assert expected in text and "主任办公会" in text, text[-3000:]
    room.refresh_from_db()
    meeting.refresh_from_db()
    assert room.active and meeting.room == room and meeting.sequence == 0


def test_deactivating_a_room_can_keep_its_meetings(meeting_data, clerk, room):
    services.meeting_create(data=meeting_data(), by=clerk)
    assert services.room_deactivate(room_id=room.pk, by=clerk, cancel_meetings=False) == 0
    assert Meeting.objects.get().status == "scheduled"


# door display


def test_door_page_shows_now_and_next_without_titles_and_needs_its_token(client, clerk):
    room = RoomFactory()
    with time_machine.travel(NOON, tick=False):
        MeetingFactory(room=room, title="机密人事会", start=june(10, 9, 30), end=june(10, 10, 30))
        MeetingFactory(room=room, title="机密二", start=june(11, 14), end=june(11, 15))
        url = reverse("meetings:room_door", args=[room.pk, room.display_token])
        page = client.get(url).content.decode()
    assert "机密" not in page and "06-11 14:00" in page and 'http-equiv="refresh"' in page
    assert 'id="door-now" ' in page.replace('id="door-now">', 'id="door-now" >')
    assert client.get(reverse("meetings:room_door", args=[room.pk, "wrong"])).status_code == 404


def test_a_new_door_address_retires_the_old_one(client, client_for, clerk, staff):
    """A tablet lost or the address passed round: the clerk's 新地址 on the room list."""
    from office.models import AuditEvent

    room = RoomFactory()
    old = reverse("meetings:room_door", args=[room.pk, room.display_token])
    renew = reverse("meetings:room_door_renew", args=[room.pk])
    assert client_for(staff).post(renew).status_code == 403
    assert client.get(old).status_code == 200
    answer = client_for(clerk).post(renew, follow=True)
    assert "旧地址即刻失效" in answer.content.decode()
    room.refresh_from_db()
    assert client.get(old).status_code == 404
    fresh = reverse("meetings:room_door", args=[room.pk, room.display_token])
    assert client.get(fresh).status_code == 200 and fresh in answer.content.decode()
    assert AuditEvent.objects.filter(verb="meeting_room.door_renewed", actor=clerk).exists()
    assert client_for(clerk).get(renew).status_code == 405


# query counts of the new pages: they do not grow with meetings


@pytest.mark.parametrize("count", [1, 6])
def test_door_and_deactivate_pages_queries_do_not_grow(
    client, client_for, clerk, count, django_assert_max_num_queries
):
    room = RoomFactory()
    with time_machine.travel(NOON, tick=False):
        for i in range(count):
            MeetingFactory(room=room, start=june(10, 11 + i), end=june(10, 11 + i, 30))
        with django_assert_max_num_queries(4):
            client.get(reverse("meetings:room_door", args=[room.pk, room.display_token]))
        staff_client = client_for(clerk)
        with django_assert_max_num_queries(12):
            page = staff_client.get(reverse("meetings:room_deactivate", args=[room.pk]))
    assert page.content.decode().count("<tr>") >= count
