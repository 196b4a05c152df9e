"""What the user reads on documents pages and forms: the header's badge, what 印发 says, a step
already done, full-width colons, and official forms printed in Chinese for every reader."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.timezone import localdate, now

from documents.models import Circulation, Distribution
from office.models import Notification
from tests.pdf import pdf_text

from .factories import IncomingFactory, OutgoingFactory


def english(user):
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    client.force_login(user)
    return client


def test_the_badge_counts_the_users_notifications_on_a_document_page(clerk, staff, client_for):
    document = IncomingFactory(registered_by=clerk, status="handling")
    Circulation.objects.create(document=document, reader=staff, sent_by=clerk)
    Notification.objects.bulk_create(
        Notification(recipient=clerk, title=f"通知{n}", kind="test") for n in range(50)
    )
    page = client_for(clerk).get(document.get_absolute_url()).content.decode()
    assert 'id="unread-count">50<' in page
    assert "催阅" in page  # the page's own count of unread readers still shows its button


def test_issuing_without_internal_recipients_says_nobody_has_it(clerk, client_for):
    document = OutgoingFactory(drafted_by=clerk, status="signed", number="办发〔2026〕3号")
    response = client_for(clerk).post(
        reverse("documents:outgoing_issue", args=[document.pk]), follow=True
    )
    page = response.content.decode()
    assert "未指定内部接收人" in page and "可在待阅中查看" not in page
    assert not Distribution.objects.exists()


def test_issuing_to_internal_recipients_says_they_have_it(clerk, staff, client_for):
    document = OutgoingFactory(drafted_by=clerk, status="signed", number="办发〔2026〕4号")
    document.internal_recipients.add(staff)
    response = client_for(clerk).post(
        reverse("documents:outgoing_issue", args=[document.pk]), follow=True
    )
    assert "可在待阅中查看" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "status", "role"),
    [
        ("outgoing_review", "signing", "director"),
        ("outgoing_sign", "signed", "director"),
        ("outgoing_submit", "review", "clerk"),
        ("outgoing_issue", "issued", "clerk"),
    ],
)
def test_a_step_already_taken_says_so(name, status, role, request, clerk, client_for):
    document = OutgoingFactory(
        drafted_by=clerk,
        status=status,
        number="办发〔2026〕5号",
        reviewed_by=clerk,
        reviewed_at=now(),
    )
    client = client_for(request.getfixturevalue(role))
    url = reverse(f"documents:{name}", args=[document.pk])
    response = client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == document.get_absolute_url()
    assert "该步骤已完成" in response.content.decode()
    document.refresh_from_db()
    assert document.status == status


def test_a_step_not_yours_is_still_refused(clerk, staff, client_for):
    document = OutgoingFactory(drafted_by=clerk, status="signed", number="办发〔2026〕6号")
    assert client_for(staff).post(
        reverse("documents:outgoing_sign", args=[document.pk])
    ).status_code in (403, 404)


def test_pages_use_full_width_colons(clerk, staff, client_for):
    document = IncomingFactory(
        registered_by=clerk,
        status="instructed",
        instruction="同意。",
        instructed_by=clerk,
        instructed_at=now(),
        lead_handler=staff,
        handling_due=localdate() + timedelta(days=3),
    )
    page = client_for(clerk).get(document.get_absolute_url()).content.decode()
    assert "主办人：<strong>staff</strong>" in page and "主办人:" not in page
    assert "办理期限：" in page
    outgoing = OutgoingFactory(drafted_by=clerk, attachment_note="1. 值班安排表")
    page = client_for(clerk).get(outgoing.get_absolute_url()).content.decode()
    assert (
        "<strong>主送：</strong>各处室" in page and "<strong>附件：</strong>1. 值班安排表" in page
    )
    assert "主送:" not in page and "附件:" not in page


def test_the_processing_sheet_prints_in_chinese_for_an_english_reader(clerk, director):
    document = IncomingFactory(
        registered_by=clerk, urgency="extra_urgent", security_level="internal", kind="notice"
    )
    client = english(clerk)
    assert "Incoming document" in client.get(document.get_absolute_url()).content.decode()
    text = pdf_text(client.get(reverse("documents:incoming_pdf", args=[document.pk])).content)
    assert "密级：内部" in text and "缓急：特急" in text and "通知" in text
    assert "Internal" not in text and "Extra urgent" not in text and "Notice" not in text


def test_the_signoff_sheet_and_the_red_header_print_in_chinese(clerk, director):
    document = OutgoingFactory(
        drafted_by=clerk,
        kind="request",
        status="signed",
        number="办发〔2026〕7号",
        signed_by=director,
        signed_at=now(),
        attachment_note="值班表\n联系人名单",
        security_level="internal",
    )
    client = english(clerk)
    sheet = pdf_text(
        client.get(reverse("documents:outgoing_sheet_pdf", args=[document.pk])).content
    )
    assert "内部" in sheet and "请示" in sheet and "已签发" in sheet
    assert "Internal" not in sheet and "Signed" not in sheet
    red = pdf_text(client.get(reverse("documents:outgoing_pdf", args=[document.pk])).content)
    assert "签发人：" in red and "附件：1.值班表" in red and "各处室：" in red
    assert ":" not in red  # no ASCII colon in the Chinese of the 红头文件


@pytest.mark.parametrize(
    ("name", "status", "role"),
    [
        ("incoming_propose", "proposed", "clerk"),
        ("incoming_complete", "completed", "clerk"),
        ("incoming_return", "returned", "clerk"),
        ("incoming_archive", "archived", "clerk"),
    ],
)
def test_an_incoming_step_already_taken_says_so(name, status, role, request, clerk, client_for):
    document = IncomingFactory(registered_by=clerk, status=status, proposed_at=now())
    client = client_for(request.getfixturevalue(role))
    response = client.get(reverse(f"documents:{name}", args=[document.pk]), follow=True)
    assert response.redirect_chain[-1][0] == document.get_absolute_url()
    assert "该步骤已完成" in response.content.decode()
