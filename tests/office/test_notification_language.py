"""Notifications, e-mails and webhooks are written in the recipient's language."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils.translation import gettext_lazy, gettext_noop

from office.i18n import Message, when
from office.models import Notification
from office.services import notify, reminder_schedule
from office.services.reminders import reminders_send_batch
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

WEDNESDAY = datetime.date(2026, 12, 2)


def _invite(recipients, by=None):
    return notify(
        recipients=recipients,
        title=Message(gettext_noop("Meeting invitation: %(title)s"), title="季度工作会"),
        body=[
            Message(
                gettext_noop("%(date)s %(start)s–%(end)s, %(place)s"),
                date=when(WEDNESDAY, "Y-m-d l"),
                start="09:00",
                end="10:00",
                place="三楼会议室",
            ),
            gettext_lazy("Reason"),
        ],
        url="/meetings/",
        actor=by,
        webhook=True,
    )


@pytest.fixture
def robot(settings, monkeypatch):
    settings.NOTIFY_WEBHOOK_URL = "https://robot.invalid/send?key=abc"
    settings.NOTIFY_WEBHOOK_KIND = "wecom"
    posted = []

    class Response:
        def raise_for_status(self):
            return None

    monkeypatch.setattr(
        "office.tasks.requests.post",
        lambda url, json, timeout: posted.append(json["text"]["content"]) or Response(),
    )
    return posted


@pytest.fixture
def english():
    return UserFactory(username="alice", name="Alice", language="en")


@pytest.fixture
def chinese():
    return UserFactory(username="limin", name="李敏", language="zh-hans")


def test_english_reader_gets_english_inbox_mail_and_webhook(
    english, director, robot, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite([english], by=director)
    [message] = mail.outbox
    assert message.subject.endswith("Meeting invitation: 季度工作会")
    assert "2026-12-02 Wednesday 09:00–10:00, 三楼会议室" in message.body
    assert "星期" not in message.body and "会议邀请" not in message.subject
    assert robot == [
        "Meeting invitation: 季度工作会\n2026-12-02 Wednesday 09:00–10:00, 三楼会议室\nReason"
        "\nhttp://127.0.0.1:8000/meetings/"
    ]
    client = Client()
    client.force_login(english)
    client.cookies["django_language"] = "en"
    page = client.get("/notifications/").content.decode()
    assert "Meeting invitation: 季度工作会" in page and "Wednesday" in page
    assert "会议邀请" not in page


def test_chinese_reader_gets_chinese_inbox_mail_and_webhook(
    chinese, director, robot, django_capture_on_commit_callbacks, client_for
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite([chinese], by=director)
    [message] = mail.outbox
    assert message.subject.endswith("会议邀请：季度工作会")
    assert "2026-12-02 星期三 09:00–10:00，三楼会议室" in message.body
    assert robot[0].startswith("会议邀请：季度工作会\n2026-12-02 星期三")
    page = client_for(chinese).get("/notifications/").content.decode()
    assert "会议邀请：季度工作会" in page and "星期三" in page


def test_one_message_each_reader_in_their_own_language(english, chinese, client_for):
    _invite([english, chinese])
    stored = Notification.objects.get(recipient=english)
    assert stored.title == "会议邀请：季度工作会"  # the column holds the portal's language
    assert stored.text("en")[0] == "Meeting invitation: 季度工作会"
    assert Notification.objects.get(recipient=chinese).text("zh-hans")[0] == "会议邀请：季度工作会"


def test_mixed_recipients_post_one_webhook_in_the_portal_language(
    english, chinese, robot, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _invite([english, chinese])
    assert len(robot) == 1 and robot[0].startswith("会议邀请：")


def test_a_plain_string_is_still_shown_as_written(english, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        [note] = notify(recipients=[english], title="请批示 100%", body="收文")
    assert note.message == {} and note.text("en") == ("请批示 100%", "收文")
    assert mail.outbox[0].subject.endswith("请批示 100%")


def test_a_reminder_is_sent_in_the_recipients_language(
    english, chinese, django_capture_on_commit_callbacks
):
    due = datetime.datetime(2026, 12, 2, 8, 0, tzinfo=datetime.UTC)
    for person in (english, chinese):
        reminder_schedule(
            kind="test.language",
            target=person,
            recipient=person,
            due_at=due,
            title=Message(gettext_noop("Meeting invitation: %(title)s"), title="周例会"),
            body=Message(gettext_noop("%(date)s"), date=when(due, "l H:i")),
        )
    with time_machine.travel(due + datetime.timedelta(minutes=1), tick=False):
        from office.models import Reminder

        with django_capture_on_commit_callbacks(execute=True):
            reminders_send_batch(reminder_ids=list(Reminder.objects.values_list("pk", flat=True)))
    by_address = {m.to[0]: m for m in mail.outbox}
    assert by_address[english.email].subject.endswith("Meeting invitation: 周例会")
    assert "Wednesday 16:00" in by_address[english.email].body
    assert by_address[chinese.email].subject.endswith("会议邀请：周例会")
    assert "星期三 16:00" in by_address[chinese.email].body


def test_switching_language_is_stored_for_the_person(chinese, client_for):
    client = client_for(chinese)
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    chinese.refresh_from_db()
    assert chinese.language == "en"
    client.post("/i18n/setlang/", {"language": "xx", "next": "/"})
    chinese.refresh_from_db()
    assert chinese.language == "en"


def test_signing_in_brings_the_stored_language(english):
    client = Client()
    response = client.post("/accounts/login/", {"username": "alice", "password": "demo12345"})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "en"


def test_a_chinese_name_is_family_name_first():
    person = UserFactory(username="lm", name="", first_name="明", last_name="李")
    assert person.get_full_name() == "李明" and str(person) == "李明"
    assert UserFactory(username="jd", name="", first_name="Jane", last_name="Doe").display_name == (
        "Jane Doe"
    )
    assert UserFactory(
        username="wz", name="王芳", first_name="芳", last_name="王"
    ).get_full_name() == ("王芳")


def test_a_real_call_site_the_visitor_arrived(
    english, chinese, receptionist, django_capture_on_commit_callbacks
):
    """您的访客…已到达 was sent in Chinese to everyone; now each host reads their language."""
    from reception.services import visitor_check_in
    from tests.reception.factories import visit_with

    for host, badge in ((english, "001"), (chinese, "002")):
        visit = visit_with(visitors=1, host=host)
        with django_capture_on_commit_callbacks(execute=True):
            visitor_check_in(
                visitor_id=visit.visitors.get().pk, badge_number=badge, by=receptionist
            )
    by_address = {m.to[0]: m for m in mail.outbox}
    assert "has arrived" in by_address[english.email].subject
    assert "checked in at reception" in by_address[english.email].body
    assert "已到达" in by_address[chinese.email].subject
    assert "has arrived" not in by_address[chinese.email].subject
