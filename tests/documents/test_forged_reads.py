"""A read receipt needs the reader's own visit: a link or image on another site records none."""

import pytest

from documents.models import Distribution, NoticeRead
from office.models import Notification

from .factories import NoticeFactory, OutgoingFactory

SAME = {"sec-fetch-site": "same-origin"}
TYPED = {"sec-fetch-site": "none"}
CROSS = {"sec-fetch-site": "cross-site"}
SIBLING = {"sec-fetch-site": "same-site"}  # another host of the same domain: not ours either
OLD_BROWSER_CROSS = {"referer": "https://evil.example.com/page"}


@pytest.mark.parametrize(
    ("headers", "recorded"),
    [(SAME, True), (TYPED, True), (CROSS, False), (SIBLING, False), (OLD_BROWSER_CROSS, False)],
)
def test_opening_a_notice_counts_only_from_the_portal(staff, client_for, headers, recorded):
    notice = NoticeFactory()
    response = client_for(staff).get(notice.get_absolute_url(), headers=headers)
    assert response.status_code == 200 and notice.title in response.content.decode()
    assert NoticeRead.objects.filter(notice=notice, user=staff).exists() is recorded


def test_a_forged_notice_read_is_recorded_later_by_a_real_visit(staff, client_for):
    notice = NoticeFactory()
    client = client_for(staff)
    client.get(notice.get_absolute_url(), headers=CROSS)
    client.get(notice.get_absolute_url(), headers={"referer": "http://testserver/"})
    assert NoticeRead.objects.filter(notice=notice, user=staff).count() == 1


@pytest.mark.parametrize(("headers", "recorded"), [(SAME, True), (CROSS, False)])
def test_opening_an_issued_document_counts_only_from_the_portal(
    clerk, other_staff, client_for, headers, recorded
):
    issued = OutgoingFactory(status="issued", number="办发〔2026〕7号", drafted_by=clerk)
    copy = Distribution.objects.create(document=issued, recipient=other_staff)
    assert (
        client_for(other_staff).get(issued.get_absolute_url(), headers=headers).status_code == 200
    )
    copy.refresh_from_db()
    assert (copy.read_at is not None) is recorded


@pytest.mark.parametrize(("headers", "recorded"), [(SAME, True), (CROSS, False)])
def test_following_a_notification_from_another_site_leaves_it_unread(
    staff, client_for, headers, recorded
):
    note = Notification.objects.create(recipient=staff, title="新通知", url="/documents/")
    response = client_for(staff).get(f"/notifications/{note.pk}/", headers=headers)
    assert response.status_code == 302 and response["Location"] == "/documents/"
    note.refresh_from_db()
    assert (note.read_at is not None) is recorded
