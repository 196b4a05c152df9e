"""Views: anonymous → login, out of scope → 404, wrong role → 403, bad input → form again."""

import pytest
from django.urls import reverse

from meetings.models import Attendance, Meeting, Minutes, Room

from .factories import AgendaItemFactory, MeetingFactory, MinutesFactory, RoomFactory, at


@pytest.fixture
def meeting(clerk, director, staff):
    meeting = MeetingFactory(organiser=clerk, chair=director, recorder=clerk, title="安全工作例会")
    for user in (clerk, director, staff):
        Attendance.objects.create(meeting=meeting, user=user)
    AgendaItemFactory(meeting=meeting, title="节前安全检查")
    return meeting


def _booking(room, chair, recorder, /, **changes):
    post = {
        "title": "预算编制专题会",
        "kind": "topical",
        "start": at(2, 14).strftime("%Y-%m-%dT%H:%M"),
        "end": at(2, 15).strftime("%Y-%m-%dT%H:%M"),
        "room": room.pk,
        "chair": chair.pk,
        "recorder": recorder.pk,
        "weeks": 1,
        "guests": "李四, 市审计局",
        "agenda-TOTAL_FORMS": 1,
        "agenda-INITIAL_FORMS": 0,
        "agenda-0-title": "审议预算草案",
        "agenda-0-presenter": "胡刚",
        "agenda-0-minutes_allotted": 20,
    }
    post.update(changes)
    return post


URLS = [
    ("meetings:detail", "get"),
    ("meetings:edit", "get"),
    ("meetings:minutes", "get"),
    ("meetings:minutes_pdf", "get"),
    ("meetings:screen", "get"),
    ("meetings:sign_in", "get"),
    ("meetings:schedule", "post"),
    ("meetings:cancel", "post"),
    ("meetings:held", "post"),
    ("meetings:reply", "post"),
    ("meetings:attendance", "post"),
    ("meetings:minutes_approve", "post"),
    ("meetings:minutes_return", "post"),
]


@pytest.mark.parametrize(("name", "method"), URLS)
def test_anonymous_goes_to_login(client, meeting, name, method):
    response = getattr(client, method)(reverse(name, args=[meeting.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(("name", "method"), URLS)
def test_someone_not_invited_gets_404(client_for, other_staff, meeting, name, method):
    response = getattr(client_for(other_staff), method)(reverse(name, args=[meeting.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("meetings:edit", "get"),
        ("meetings:cancel", "post"),
        ("meetings:screen", "get"),
        ("meetings:attendance", "post"),
    ],
)
def test_an_attendee_may_not_run_the_meeting(client_for, staff, meeting, name, method):
    response = getattr(client_for(staff), method)(reverse(name, args=[meeting.pk]))
    assert response.status_code == 403


def test_the_director_sees_every_meeting(client_for, director):
    other = MeetingFactory(title="人事处务会")
    response = client_for(director).get(other.get_absolute_url())
    assert response.status_code == 200 and "人事处务会" in response.content.decode()


def test_list_shows_only_my_meetings(client_for, staff, meeting):
    MeetingFactory(title="不相关的会议")
    body = client_for(staff).get(reverse("meetings:index")).content.decode()
    assert "安全工作例会" in body and "不相关的会议" not in body


def test_list_answers_htmx_with_the_table_only(client_for, staff, meeting):
    response = client_for(staff).get(reverse("meetings:index"), HTTP_HX_REQUEST="true")
    body = response.content.decode()
    assert "安全工作例会" in body and "<html" not in body


def test_detail_shows_agenda_attendees_and_reply_buttons(client_for, staff, meeting):
    body = client_for(staff).get(meeting.get_absolute_url()).content.decode()
    assert "节前安全检查" in body and "接受" in body and "拒绝" in body


def test_booking_through_the_form(client_for, clerk, director, staff, room):
    response = client_for(clerk).post(
        reverse("meetings:create"),
        _booking(room, director, clerk, required_attendees=[staff.pk]),
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302 and response["Location"] == meeting.get_absolute_url()
    assert meeting.status == "scheduled" and meeting.organiser == clerk
    assert meeting.agenda_items.get().presenter == "胡刚"
    assert meeting.guests.get().name == "李四"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"end": at(2, 13).strftime("%Y-%m-%dT%H:%M")}, "结束时间必须晚于开始时间"),
        (
            {
                "start": at(-1, 9).strftime("%Y-%m-%dT%H:%M"),
                "end": at(-1, 10).strftime("%Y-%m-%dT%H:%M"),
            },
            "不能早于现在",
        ),
        ({"room": 999999}, "会议室不存在或不可预订"),
        ({"room": "", "place": "", "online_link": ""}, "请选择会议室"),
        ({"title": ""}, "此项必填"),
        ({"start": "not a date"}, "请输入正确的日期"),
        ({"weeks": 0}, "1"),
        ({"agenda-0-title": "", "agenda-0-presenter": "胡刚"}, "议题"),
    ],
)
def test_bad_input_shows_the_form_again_and_saves_nothing(
    client_for, clerk, director, room, changes, message
):
    response = client_for(clerk).post(
        reverse("meetings:create"), _booking(room, director, clerk, **changes)
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Meeting.objects.exists()


def test_inactive_room_is_unknown(client_for, clerk, director):
    closed = RoomFactory(active=False)
    response = client_for(clerk).post(reverse("meetings:create"), _booking(closed, director, clerk))
    assert "会议室不存在或不可预订" in response.content.decode()
    assert not Meeting.objects.exists()


def test_overlap_names_the_meeting_and_suggests_a_room(client_for, clerk, director, room):
    MeetingFactory(
        room=room, organiser=clerk, title="已有的会议", start=at(2, 14, 30), end=at(2, 16)
    )
    RoomFactory(name="备用会议室", capacity=20)
    response = client_for(clerk).post(reverse("meetings:create"), _booking(room, director, clerk))
    body = response.content.decode()
    assert "已有的会议" in body and "备用会议室" in body
    assert Meeting.objects.count() == 1


def test_over_capacity_warns_until_confirmed(client_for, clerk, director, staff, other_staff):
    small = RoomFactory(name="洽谈室", capacity=2)
    post = _booking(small, director, clerk, required_attendees=[staff.pk, other_staff.pk])
    response = client_for(clerk).post(reverse("meetings:create"), post)
    assert "座位" in response.content.decode() and not Meeting.objects.exists()
    post["confirm_over_capacity"] = "on"
    response = client_for(clerk).post(reverse("meetings:create"), post)
    assert response.status_code == 302 and Meeting.objects.count() == 1


def test_reply_decline_without_reason_is_refused(client_for, staff, meeting):
    response = client_for(staff).post(
        reverse("meetings:reply", args=[meeting.pk]), {"response": "declined"}
    )
    assert response.status_code == 400 and "请说明" in response.content.decode()
    assert Attendance.objects.get(meeting=meeting, user=staff).response == "pending"


def test_reply_accept_by_htmx_returns_the_partial(client_for, staff, meeting):
    response = client_for(staff).post(
        reverse("meetings:reply", args=[meeting.pk]),
        {"response": "accepted"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200 and "<html" not in response.content.decode()
    assert Attendance.objects.get(meeting=meeting, user=staff).response == "accepted"


def test_organiser_sees_decline_reasons(client_for, clerk, staff, meeting):
    Attendance.objects.filter(meeting=meeting, user=staff).update(
        response="declined", reason="在外地出差"
    )
    assert "在外地出差" in client_for(clerk).get(meeting.get_absolute_url()).content.decode()


def test_cancel_without_reason_is_refused(client_for, clerk, meeting):
    response = client_for(clerk).post(reverse("meetings:cancel", args=[meeting.pk]), {"reason": ""})
    assert response.status_code == 400
    meeting.refresh_from_db()
    assert meeting.status == "scheduled"


def test_sign_in_screen_shows_a_qr_code(client_for, clerk, meeting):
    body = client_for(clerk).get(reverse("meetings:screen", args=[meeting.pk])).content.decode()
    assert "<svg" in body and meeting.sign_in_token in body


def test_recorder_marks_attendance(client_for, clerk, staff, meeting):
    client_for(clerk).post(
        reverse("meetings:attendance", args=[meeting.pk]),
        {f"presence_{staff.pk}": "excused", f"reason_{staff.pk}": "出差"},
    )
    row = Attendance.objects.get(meeting=meeting, user=staff)
    assert (row.presence, row.absence_reason) == ("excused", "出差")


def test_minutes_page_only_for_the_recorder_to_write(client_for, clerk, staff, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status="held", start=at(-1, 9), end=at(-1, 10))
    assert client_for(clerk).get(reverse("meetings:minutes", args=[meeting.pk])).status_code == 200
    response = client_for(staff).post(reverse("meetings:minutes", args=[meeting.pk]), {})
    assert response.status_code == 403
    assert not Minutes.objects.exists()


def test_minutes_with_a_bad_resolution_saves_nothing(client_for, clerk, staff, meeting):
    Meeting.objects.filter(pk=meeting.pk).update(status="held", start=at(-1, 9), end=at(-1, 10))
    response = client_for(clerk).post(
        reverse("meetings:minutes", args=[meeting.pk]),
        {
            "summary": "概述",
            "res-TOTAL_FORMS": 1,
            "res-INITIAL_FORMS": 0,
            "res-0-content": "落实整改",
            "res-0-owner": staff.pk,
            "res-0-deadline": "",
            "submit": "1",
        },
    )
    assert response.status_code == 200 and "完成时限" in response.content.decode()
    assert not Minutes.objects.exists()


def test_chair_approval_is_403_for_others_and_pdf_is_chinese(client_for, clerk, director, meeting):
    import io

    from pypdf import PdfReader

    Meeting.objects.filter(pk=meeting.pk).update(status="held", start=at(-1, 9), end=at(-1, 10))
    MinutesFactory(meeting=meeting, status="submitted")
    url = reverse("meetings:minutes_approve", args=[meeting.pk])
    assert client_for(clerk).post(url).status_code == 403
    assert client_for(director).post(url).status_code == 302
    response = client_for(clerk).get(reverse("meetings:minutes_pdf", args=[meeting.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "会议纪要" in text and "安全工作例会" in text and "节前安全检查" in text


def test_board_shows_titles_only_to_people_in_scope(client_for, staff, other_staff, meeting):
    url = reverse("meetings:board") + f"?date={meeting.start.date():%Y-%m-%d}"
    assert "安全工作例会" in client_for(staff).get(url).content.decode()
    body = client_for(other_staff).get(url).content.decode()
    assert "安全工作例会" not in body and "已预订" in body
    day = client_for(staff).get(url + "&view=day").content.decode()
    assert "安全工作例会" in day


def test_rooms_are_kept_by_clerks(client_for, clerk, staff):
    assert client_for(staff).get(reverse("meetings:rooms")).status_code == 403
    response = client_for(clerk).post(
        reverse("meetings:room_create"),
        {"name": "第三会议室", "building": "综合楼", "capacity": 16, "active": "on", "order": 0},
    )
    assert response.status_code == 302 and Room.objects.get().capacity == 16
    response = client_for(clerk).post(reverse("meetings:room_create"), {"name": "", "capacity": -1})
    assert response.status_code == 200 and Room.objects.count() == 1
