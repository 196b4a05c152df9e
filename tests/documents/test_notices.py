"""Notices: draft, publish to all or departments, pin, expire, read tracking, home panel."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils.timezone import localdate

from documents.models import Notice, NoticeRead
from documents.services import (
    notice_create,
    notice_pin,
    notice_publish,
    notice_redraft,
    notice_update,
    notice_withdraw,
)
from office import todo
from office.errors import DomainError, NotAllowed
from office.models import Notification

from .factories import NoticeFactory

S = Notice.Status


@pytest.mark.parametrize(
    ("source", "target", "allowed"),
    [
        (S.DRAFT, S.PUBLISHED, True),
        (S.PUBLISHED, S.WITHDRAWN, True),
        (S.DRAFT, S.WITHDRAWN, False),
        (S.PUBLISHED, S.PUBLISHED, False),
        (S.WITHDRAWN, S.PUBLISHED, False),
    ],
)
def test_transition_table(source, target, allowed, clerk):
    notice = NoticeFactory(status=source, created_by=clerk)
    service = notice_publish if target == S.PUBLISHED else notice_withdraw
    if allowed:
        service(notice_id=notice.pk, by=clerk)
        notice.refresh_from_db()
        assert notice.status == target
    else:
        with pytest.raises(DomainError):
            service(notice_id=notice.pk, by=clerk)


@pytest.mark.parametrize("status", list(S))
def test_only_the_office_manages_notices_whatever_the_state(status, staff):
    notice = NoticeFactory(status=status, title="原标题")
    steps = [
        lambda: notice_create(by=staff, data={"title": "自拟通知", "body": "x"}),
        lambda: notice_update(notice_id=notice.pk, by=staff, data={"title": "改", "body": "x"}),
        lambda: notice_publish(notice_id=notice.pk, by=staff),
        lambda: notice_withdraw(notice_id=notice.pk, by=staff),
        lambda: notice_redraft(notice_id=notice.pk, by=staff),
        lambda: notice_pin(notice_id=notice.pk, by=staff, pinned=True),
    ]
    for run in steps:
        with pytest.raises(NotAllowed):
            run()
    assert list(Notice.objects.values_list("title", "status", "pinned")) == [
        ("原标题", status, notice.pinned)
    ]


def test_published_to_a_department_reaches_only_it(clerk, staff, other_staff, client_for):
    notice = notice_create(
        by=clerk,
        data={"title": "财务处会议通知", "body": "周五开会", "to_all": False},
        departments=[staff.department],
    )
    assert client_for(staff).get(notice.get_absolute_url()).status_code == 404  # still a draft
    notice_publish(notice_id=notice.pk, by=clerk)
    assert Notification.objects.filter(recipient=staff, kind="documents.notice").exists()
    assert not Notification.objects.filter(recipient=other_staff).exists()
    assert client_for(other_staff).get(notice.get_absolute_url()).status_code == 404
    assert client_for(staff).get(notice.get_absolute_url()).status_code == 200
    assert NoticeRead.objects.filter(notice=notice, user=staff).count() == 1
    page = client_for(clerk).get(notice.get_absolute_url()).content.decode()
    assert "已读 1 / 1" in page


def test_home_panel_pinned_first_expired_hidden_and_unread_in_inbox(clerk, staff, client_for):
    NoticeFactory(title="普通通知", created_by=clerk)
    NoticeFactory(title="置顶通知", created_by=clerk, pinned=True)
    NoticeFactory(title="过期通知", created_by=clerk, expires_on=localdate() - timedelta(days=1))
    home = client_for(staff).get("/").content.decode()
    panel = home[home.index('id="home-notices"') :]
    assert panel.index("置顶通知") < panel.index("普通通知") and "过期通知" not in panel
    inbox = todo.inbox_for(staff)
    assert {i.title for i in inbox["toread"]["items"]} >= {"普通通知", "置顶通知"}


def test_notice_form_requires_an_audience(clerk, client_for):
    response = client_for(clerk).post(
        reverse("documents:notice_create"), {"title": "部门通知", "body": "内容"}
    )
    assert response.status_code == 200 and "请选择部门" in response.content.decode()
    assert not Notice.objects.exists()


def test_only_the_office_manages_notices(staff, client_for, clerk):
    notice = NoticeFactory(created_by=clerk)
    assert client_for(staff).get(reverse("documents:notice_create")).status_code == 403
    response = client_for(staff).post(reverse("documents:notice_withdraw", args=[notice.pk]))
    assert response.status_code == 403
