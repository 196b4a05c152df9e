"""More pages: sign-in from the QR link, changing and scheduling, the board by htmx, English."""

from django.core import mail
from django.urls import reverse

from meetings.models import Attendance, Meeting

from .factories import MeetingFactory, RoomFactory, at


def test_sign_in_from_the_qr_link(client_for, staff):
    meeting = MeetingFactory(start=at(0, 0), end=at(1, 0))
    Attendance.objects.create(meeting=meeting, user=staff)
    client = client_for(staff)
    url = reverse("meetings:sign_in", args=[meeting.pk])
    page = client.get(url, {"t": meeting.sign_in_token}).content.decode()
    assert "签到" in page and meeting.title in page
    client.post(url, {"t": "forged"})
    assert Attendance.objects.get(user=staff).presence == "unknown"
    response = client.post(url, {"t": meeting.sign_in_token})
    assert response.status_code == 302
    assert Attendance.objects.get(user=staff).presence == "signed_in"


def test_changing_a_meeting_through_the_form_tells_attendees(
    client_for, clerk, director, staff, django_capture_on_commit_callbacks
):
    room = RoomFactory()
    meeting = MeetingFactory(organiser=clerk, chair=director, recorder=clerk, room=room)
    for user in (director, clerk, staff):
        Attendance.objects.create(meeting=meeting, user=user)
    client = client_for(clerk)
    form = client.get(reverse("meetings:edit", args=[meeting.pk])).context["form"]
    post = {k: v for k, v in form.initial.items() if v is not None}
    post.update(
        {
            "start": at(3, 14).strftime("%Y-%m-%dT%H:%M"),
            "end": at(3, 15).strftime("%Y-%m-%dT%H:%M"),
            "required_attendees": [director.pk, clerk.pk, staff.pk],
            "agenda-TOTAL_FORMS": 0,
            "agenda-INITIAL_FORMS": 0,
        }
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("meetings:edit", args=[meeting.pk]), post)
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert meeting.start == at(3, 14) and meeting.sequence == 1
    assert any(m.to == [staff.email] and "会议变更" in m.subject for m in mail.outbox)


def test_a_draft_is_scheduled_from_its_page(client_for, clerk, director):
    meeting = MeetingFactory(organiser=clerk, chair=director, recorder=clerk, status="draft")
    client = client_for(clerk)
    assert "安排会议并发送邀请" in client.get(meeting.get_absolute_url()).content.decode()
    client.post(reverse("meetings:schedule", args=[meeting.pk]))
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.SCHEDULED


def test_scheduling_a_draft_into_a_taken_slot_says_why(client_for, clerk, director):
    room = RoomFactory(name="党组会议室")
    MeetingFactory(room=room, title="已占用的会", organiser=clerk)
    draft = MeetingFactory(room=room, organiser=clerk, chair=director, status="draft")
    response = client_for(clerk).post(reverse("meetings:schedule", args=[draft.pk]), follow=True)
    assert "已占用的会" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_board_by_htmx_returns_the_partial(client_for, staff):
    response = client_for(staff).get(reverse("meetings:board"), HTTP_HX_REQUEST="true")
    assert response.status_code == 200 and "<html" not in response.content.decode()


def test_bad_board_dates_fall_back_to_today(client_for, staff):
    response = client_for(staff).get(reverse("meetings:board"), {"date": "2026-13-45"})
    assert response.status_code == 200


def test_pages_in_english(client_for, staff):
    meeting = MeetingFactory(title="Budget review")
    Attendance.objects.create(meeting=meeting, user=staff)
    client = client_for(staff)
    client.cookies["django_language"] = "en"
    body = client.get(meeting.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Accept" in body and "Agenda" in body


def test_materials_upload_download_scope_and_bad_files(client_for, clerk, staff, other_staff):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from meetings.models import Material

    meeting = MeetingFactory(organiser=clerk)
    item = meeting.agenda_items.create(title="预算草案", order=1)
    Attendance.objects.create(meeting=meeting, user=staff)
    upload_url = reverse("meetings:material_upload", args=[meeting.pk])
    pdf = SimpleUploadedFile("预算草案.pdf", b"%PDF-1.4\n%test\n", content_type="application/pdf")
    assert client_for(staff).post(upload_url, {"file": pdf}).status_code == 403
    pdf.seek(0)
    client_for(clerk).post(upload_url, {"file": pdf, "agenda_item": item.pk})
    material = Material.objects.get()
    assert material.agenda_item == item and material.original_name == "预算草案.pdf"
    response = client_for(staff).get(material.get_absolute_url())
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert client_for(other_staff).get(material.get_absolute_url()).status_code == 404
    fake = SimpleUploadedFile("病毒.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client_for(clerk).post(upload_url, {"file": fake}, follow=True)
    assert "不符" in response.content.decode() or "不匹配" in response.content.decode()
    assert Material.objects.count() == 1


def test_editing_the_agenda_keeps_item_ids(meeting_data, clerk):
    from meetings import services

    [meeting] = services.meeting_create(data=meeting_data(), by=clerk)
    item = meeting.agenda_items.get()
    services.meeting_update(
        meeting_id=meeting.pk,
        data=meeting_data(agenda=[{"title": "改名后的议题"}, {"title": "新增议题"}]),
        by=clerk,
    )
    titles = list(meeting.agenda_items.values_list("pk", "title"))
    assert titles[0] == (item.pk, "改名后的议题") and titles[1][1] == "新增议题"


def test_home_panel_lists_my_meetings_today(client_for, staff, other_staff):
    meeting = MeetingFactory(title="今天的协调会", start=at(0, 23), end=at(0, 23, 30))
    Attendance.objects.create(meeting=meeting, user=staff)
    assert "今天的协调会" in client_for(staff).get("/").content.decode()
    assert "今天的协调会" not in client_for(other_staff).get("/").content.decode()


def test_home_panel_says_tomorrow_only_for_tomorrow_in_local_time(client_for, staff, time_machine):
    # 07:30 in China is 23:30 UTC the day before: an early meeting today is still today.
    time_machine.move_to("2026-12-02T07:30:00+08:00", tick=False)
    today = MeetingFactory(title="早班协调会", start=at(0, 7, 45), end=at(0, 8, 30))
    tomorrow = MeetingFactory(title="次日例会", start=at(1, 7, 45), end=at(1, 8, 30))
    for meeting in (today, tomorrow):
        Attendance.objects.create(meeting=meeting, user=staff)
    page = client_for(staff).get("/").content.decode()
    panel = page.split('id="home-meetings"')[1].split("</ul>")[0]
    rows = {title: panel.split(title)[1].split("</li>")[0] for title in ("早班协调会", "次日例会")}
    assert "明天" not in rows["早班协调会"]
    assert "明天" in rows["次日例会"]
