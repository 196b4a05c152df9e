"""Sign-in: Chinese pages, audit of every attempt, lock-out, login required everywhere."""

import pytest
from django.test import Client

from office.models import AuditEvent

pytestmark = pytest.mark.django_db


def post_login(client, username, password):
    return client.post("/accounts/login/", {"username": username, "password": password})


def test_anonymous_is_sent_to_login(client):
    for url in ["/", "/profile/", "/notifications/", "/documents/", "/duty/"]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")


def test_login_page_is_chinese_by_default():
    response = Client().get("/accounts/login/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "登录" in html and "用户名" in html and "密码" in html


def test_successful_login_is_audited(clerk):
    client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    response = post_login(client, "clerk", "demo12345")
    assert response.status_code == 302 and response["Location"] == "/"
    event = AuditEvent.objects.get(verb="auth.login")
    assert event.actor == clerk and event.ip == "127.0.0.1"


def test_failed_login_is_audited_with_chinese_error(clerk):
    client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    response = post_login(client, "clerk", "nope")
    assert response.status_code == 200
    assert "请输入一个正确的用户名和密码" in response.content.decode()
    event = AuditEvent.objects.get(verb="auth.login_failed")
    assert event.actor is None and event.data == {"username": "clerk"}
    assert event.target_id == str(clerk.pk)


def test_repeated_failures_lock_the_account(clerk, settings):
    settings.AXES_FAILURE_LIMIT = 3
    client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    for _ in range(2):
        assert post_login(client, "clerk", "wrong").status_code == 200
    locked = post_login(client, "clerk", "wrong")
    assert locked.status_code == 429
    assert "登录失败次数过多" in locked.content.decode()
    assert "15 分钟" in locked.content.decode()
    # The right password no longer helps until the cool-off ends.
    assert post_login(client, "clerk", "demo12345").status_code == 429
    # Another person from the same address is not locked out (one NAT for the whole office).
    from tests.factories import UserFactory

    UserFactory(username="colleague")
    assert post_login(client, "colleague", "demo12345").status_code == 302


def test_logout_is_post_and_audited(client_for, clerk):
    client = client_for(clerk)
    response = client.post("/accounts/logout/")
    assert response.status_code == 302
    assert AuditEvent.objects.filter(verb="auth.logout", actor=clerk).exists()
    assert client.get("/").status_code == 302


def test_password_change_in_chinese(client_for, clerk):
    client = client_for(clerk)
    page = client.get("/accounts/password_change/")
    assert "修改密码" in page.content.decode()
    bad = client.post(
        "/accounts/password_change/",
        {"old_password": "wrong", "new_password1": "x", "new_password2": "y"},
    )
    assert bad.status_code == 200
    assert "旧密码不正确" in bad.content.decode()
    clerk.refresh_from_db()
    assert clerk.check_password("demo12345")


def test_sessions_expire(settings):
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
