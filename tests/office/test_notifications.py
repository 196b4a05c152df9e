import json

import pytest
from django.core import mail

from office.models import Notification
from office.services import notify
from office.services.notifications import webhook_payload
from office.tasks import send_notification_email, send_webhook

pytestmark = pytest.mark.django_db


def test_notify_inbox_and_email_after_commit(clerk, director, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        [note] = notify(
            recipients=[clerk, clerk],
            title="请批示",
            body="收文〔2026〕1号",
            url="/documents/",
            actor=director,
        )
    assert Notification.objects.filter(recipient=clerk).count() == 1
    assert len(mail.outbox) == 1
    assert "请批示" in mail.outbox[0].subject
    assert "http://127.0.0.1:8000/documents/" in mail.outbox[0].body
    note.refresh_from_db()
    assert note.emailed_at is not None
    # Running the e-mail task again does not send twice.
    assert send_notification_email(note.pk) is False
    assert len(mail.outbox) == 1


def test_actor_and_inactive_people_are_not_notified(clerk, director):
    director.is_active = False
    director.save()
    assert notify(recipients=[clerk, director], title="x", actor=clerk) == []


def test_no_email_before_commit(clerk, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notify(recipients=[clerk], title="x")
    assert len(mail.outbox) == 0 and len(callbacks) == 1


def test_webhook_payloads_for_wecom_and_dingtalk():
    for kind in ("wecom", "dingtalk"):
        assert webhook_payload("值班提醒", kind) == {
            "msgtype": "text",
            "text": {"content": "值班提醒"},
        }
    with pytest.raises(ValueError):
        webhook_payload("x", "slack")


def test_webhook_posts_robot_json(settings, monkeypatch, clerk, django_capture_on_commit_callbacks):
    settings.NOTIFY_WEBHOOK_URL = "https://robot.invalid/send?key=abc"
    settings.NOTIFY_WEBHOOK_KIND = "dingtalk"
    settings.NOTIFY_WEBHOOK_SECRET = "SEC123"
    sent = []

    class Response:
        def raise_for_status(self):
            return None

    monkeypatch.setattr(
        "office.tasks.requests.post",
        lambda url, json, timeout: sent.append((url, json)) or Response(),
    )
    with django_capture_on_commit_callbacks(execute=True):
        notify(recipients=[clerk], title="重大事件", body="三号楼停电", url="/duty/", webhook=True)
    [(url, payload)] = sent
    assert url.startswith("https://robot.invalid/send?key=abc&timestamp=") and "&sign=" in url
    assert payload["text"]["content"].startswith("重大事件\n三号楼停电")
    json.dumps(payload)  # serialisable


def test_webhook_off_when_not_configured(settings, monkeypatch):
    settings.NOTIFY_WEBHOOK_URL = ""
    monkeypatch.setattr("office.tasks.requests.post", lambda *a, **k: pytest.fail("posted"))
    send_webhook("x")


def test_inbox_pages_mark_read_and_open(clerk, other_staff, client_for):
    [mine] = notify(recipients=[clerk], title="我的通知", url="/profile/")
    [theirs] = notify(recipients=[other_staff], title="别人的通知")
    client = client_for(clerk)
    html = client.get("/notifications/").content.decode()
    assert "我的通知" in html and "别人的通知" not in html
    assert 'class="badge text-bg-danger" id="unread-count">1<' in client.get("/").content.decode()
    assert client.get(f"/notifications/{theirs.pk}/").status_code == 404
    response = client.get(f"/notifications/{mine.pk}/")
    assert response.status_code == 302 and response["Location"] == "/profile/"
    mine.refresh_from_db()
    assert mine.read_at is not None
    partial = client.get("/notifications/?show=all", HTTP_HX_REQUEST="true")
    assert (
        "<nav" not in partial.content.decode().split("<ul")[0]
        and "我的通知" in partial.content.decode()
    )


def test_open_does_not_redirect_off_site(clerk, client_for):
    [note] = notify(recipients=[clerk], title="x", url="https://evil.example/")
    response = client_for(clerk).get(f"/notifications/{note.pk}/")
    assert response["Location"] == "/notifications/"


def test_mark_all_read(clerk, client_for):
    notify(recipients=[clerk], title="a")
    notify(recipients=[clerk], title="b")
    client = client_for(clerk)
    assert client.get("/notifications/read-all/").status_code == 405
    client.post("/notifications/read-all/")
    assert not clerk.notifications.filter(read_at__isnull=True).exists()
