"""Input that once answered 500: a non-ASCII sign-in token, Word's soft line break in the
minutes, a weekly booking at the end of the calendar."""

import pytest
from django.urls import reverse

from meetings.models import AgendaItem, Attendance, Meeting, Minutes

from .factories import MeetingFactory, at
from .test_views import _booking


@pytest.mark.parametrize("token", ["签到", "é" * 43, "\x00"])
def test_sign_in_with_a_forged_non_ascii_token_is_refused(client_for, staff, token):
    meeting = MeetingFactory(start=at(0, 0), end=at(1, 0))
    Attendance.objects.create(meeting=meeting, user=staff)
    response = client_for(staff).post(
        reverse("meetings:sign_in", args=[meeting.pk]), {"t": token}, follow=True
    )
    assert response.status_code == 200 and "签到链接无效" in response.content.decode()
    assert Attendance.objects.get(user=staff).presence == "unknown"


def _held(clerk):
    meeting = MeetingFactory(recorder=clerk, status="held", start=at(-1, 9), end=at(-1, 10))
    return meeting, AgendaItem.objects.create(meeting=meeting, title="节前安全检查", order=1)


def test_minutes_pasted_from_word_keep_their_line_breaks(client_for, clerk):
    meeting, item = _held(clerk)
    response = client_for(clerk).post(
        reverse("meetings:minutes", args=[meeting.pk]),
        {
            "summary": "第一段\x0b第二段",
            f"discussion_{item.pk}": "甲\x0b乙\x0c丙",
            f"decisions_{item.pk}": "同意",
            "res-TOTAL_FORMS": 0,
            "res-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302
    assert Minutes.objects.get(meeting=meeting).summary == "第一段\n第二段"
    item.refresh_from_db()
    assert item.discussion == "甲\n乙\n丙"


@pytest.mark.parametrize("text", ["<script>alert(1)</script>", "响铃\x07"])
def test_minutes_with_a_script_or_a_control_character_show_the_form(client_for, clerk, text):
    meeting, item = _held(clerk)
    response = client_for(clerk).post(
        reverse("meetings:minutes", args=[meeting.pk]),
        {
            "summary": "保留的概述",
            f"discussion_{item.pk}": text,
            "res-TOTAL_FORMS": 0,
            "res-INITIAL_FORMS": 0,
        },
    )
    body = response.content.decode()
    assert response.status_code == 200 and "保留的概述" in body
    assert "不允许" in body or "控制字符" in body
    assert not Minutes.objects.exists()


def test_weekly_booking_at_the_end_of_the_calendar_is_a_form_error(
    client_for, clerk, director, room
):
    response = client_for(clerk).post(
        reverse("meetings:create"),
        _booking(room, director, clerk, start="9999-12-31T09:00", end="9999-12-31T10:00", weeks=4),
    )
    assert response.status_code == 200 and "之间的日期" in response.content.decode()
    assert not Meeting.objects.exists()
