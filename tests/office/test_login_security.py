"""Hostile sign-ins: forged addresses, failing audit writes, floods from one address, long names."""

import pytest
from axes.models import AccessAttempt
from django.db import DataError
from django.test import Client

from office.middleware import client_ip
from office.models import AuditEvent
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def post_login(client, username, password="wrong", **headers):
    return client.post(
        "/accounts/login/", {"username": username, "password": password}, headers=headers
    )


class FakeRequest:
    def __init__(self, remote="198.51.100.7", forwarded=None):
        self.META = {"REMOTE_ADDR": remote}
        if forwarded is not None:
            self.META["HTTP_X_FORWARDED_FOR"] = forwarded


@pytest.mark.parametrize(
    "count, forwarded, expected",
    [
        (0, "203.0.113.9", "198.51.100.7"),  # no proxy trusted: the header is ignored
        (0, "x, 10.0.0.1", "198.51.100.7"),
        (1, "203.0.113.9", "203.0.113.9"),
        (1, "6.6.6.6, 203.0.113.9", "203.0.113.9"),  # the client's own entry is not believed
        (2, "6.6.6.6, 203.0.113.9, 10.0.0.2", "203.0.113.9"),
        (1, "x, not-an-ip", "198.51.100.7"),  # malformed: back to REMOTE_ADDR
        (2, "203.0.113.9", "198.51.100.7"),  # fewer hops than proxies
        (1, "", "198.51.100.7"),
        (1, " 2001:db8::1 ", "2001:db8::1"),
        (1, "fe80::1%eth0", "fe80::1"),  # a zone PostgreSQL's inet would refuse
    ],
)
def test_client_ip_trusts_only_the_configured_proxies(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_ip(FakeRequest(forwarded=forwarded)) == expected


def test_client_ip_without_a_valid_remote_addr_is_none(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(FakeRequest(remote="unix:/run/gunicorn.sock", forwarded="bogus")) is None


@pytest.mark.parametrize("count", [0, 1])
def test_forged_forwarded_for_cannot_stop_the_lockout(clerk, settings, count):
    settings.AXES_FAILURE_LIMIT = 3
    settings.TRUSTED_PROXY_COUNT = count
    client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    for _ in range(2):
        assert post_login(client, "clerk", x_forwarded_for="x, 10.0.0.1").status_code == 200
    assert post_login(client, "clerk", x_forwarded_for="x, 10.0.0.1").status_code == 429
    assert post_login(client, "clerk", "demo12345", x_forwarded_for="garbage").status_code == 429
    events = AuditEvent.objects.filter(verb="auth.login_failed")
    # Every attempt is audited with an address that really is one (the proxy's, else the peer's).
    assert events.count() >= 3
    assert set(events.values_list("ip", flat=True)) <= {"127.0.0.1", "10.0.0.1"}


def test_forged_address_is_not_recorded_without_a_trusted_proxy(clerk):
    post_login(Client(), "clerk", x_forwarded_for="203.0.113.66")
    assert AuditEvent.objects.get(verb="auth.login_failed").ip == "127.0.0.1"
    assert AccessAttempt.objects.get(username="clerk").ip_address == "127.0.0.1"


def test_behind_one_trusted_proxy_axes_and_audit_see_the_same_address(clerk, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    post_login(Client(), "clerk", x_forwarded_for="6.6.6.6, 203.0.113.5")
    assert AuditEvent.objects.get(verb="auth.login_failed").ip == "203.0.113.5"
    assert AccessAttempt.objects.get(username="clerk").ip_address == "203.0.113.5"


def test_a_failing_audit_write_neither_breaks_the_login_nor_skips_the_lockout(
    clerk, settings, monkeypatch
):
    settings.AXES_FAILURE_LIMIT = 2

    def broken_save(self, *args, **kwargs):
        raise DataError("audit store refuses")

    monkeypatch.setattr(AuditEvent, "save", broken_save)
    client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    first = post_login(client, "clerk")
    assert first.status_code == 200 and "请输入一个正确的用户名和密码" in first.content.decode()
    assert AccessAttempt.objects.get(username="clerk").failures_since_start == 1
    assert post_login(client, "clerk").status_code == 429
    assert post_login(client, "clerk", "demo12345").status_code == 429
    # The right password still signs in someone not locked, audit or no audit.
    UserFactory(username="colleague")
    assert post_login(client, "colleague", "demo12345").status_code == 302


def test_many_failures_from_one_address_are_slowed_down(settings, time_machine):
    time_machine.move_to("2026-03-02 09:00:00+08:00", tick=False)
    settings.LOGIN_IP_RATE_LIMIT = 4
    UserFactory(username="colleague")
    client = Client(HTTP_ACCEPT_LANGUAGE="zh-hans")
    for n in range(4):  # different names: the per-name lock-out never triggers
        assert post_login(client, f"guess{n}").status_code == 200
    refused = post_login(client, "colleague", "demo12345")
    assert refused.status_code == 429
    assert "登录失败次数过多" in refused.content.decode() and "一分钟" in refused.content.decode()
    assert AuditEvent.objects.filter(verb="auth.login").count() == 0
    # Another address is not affected; this one may try again after the minute.
    assert (
        post_login(Client(REMOTE_ADDR="198.51.100.20"), "colleague", "demo12345").status_code == 302
    )
    time_machine.move_to("2026-03-02 09:01:01+08:00", tick=False)
    assert post_login(client, "colleague", "demo12345").status_code == 302


def test_the_address_rate_default_lets_a_busy_office_sign_in(settings):
    assert settings.LOGIN_IP_RATE_LIMIT >= 20
    assert settings.AXES_CLIENT_IP_CALLABLE == "office.middleware.client_ip"


def test_a_very_long_user_name_is_refused_with_a_message():
    response = post_login(Client(HTTP_ACCEPT_LANGUAGE="zh-hans"), "a" * 300)
    assert response.status_code == 200
    assert "用户名最多 150 个字符" in response.content.decode()
    assert not AccessAttempt.objects.exists()


def test_admin_login_with_a_very_long_user_name_does_not_fail(client):
    response = client.post("/admin/login/", {"username": "b" * 300, "password": "x"})
    assert response.status_code == 200


def test_axes_never_stores_a_name_longer_than_its_column():
    from django.test import RequestFactory

    from office.login import axes_username

    request = RequestFactory().post("/", {"username": "c" * 400})
    assert len(axes_username(request, None)) <= 255
    assert len(axes_username(request, {"username": "d" * 400})) <= 255


@pytest.mark.parametrize("forwarded", ["x, 10.0.0.1", "203.0.113.66", "\u202e1.2.3.4"])
def test_profile_saves_with_a_forged_header_and_is_audited(client_for, clerk, forwarded, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    client = client_for(clerk)
    response = client.post(
        "/profile/",
        {"name": "新名字", "title": "", "phone": "", "email": ""},
        headers={"x-forwarded-for": forwarded},
    )
    assert response.status_code == 302
    event = AuditEvent.objects.get(verb="user.profile_changed")
    assert event.ip in {"203.0.113.66", "10.0.0.1", "127.0.0.1"}
    token = client.post("/profile/calendar-token/", headers={"x-forwarded-for": forwarded})
    assert token.status_code == 302
    assert AuditEvent.objects.filter(verb="user.calendar_token_regenerated").exists()
