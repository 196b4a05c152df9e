"""Views: login, 403 for the wrong role, 404 out of scope, bad input saves nothing, htmx."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils.timezone import localdate, localtime, now

from documents.models import IncomingAttachment, IncomingDocument, OutgoingDocument

from .factories import IncomingFactory, OutgoingFactory

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def url(name, *args):
    return reverse(f"documents:{name}", args=args)


@pytest.mark.parametrize(
    "name",
    [
        "index",
        "incoming_list",
        "incoming_register",
        "outgoing_list",
        "outgoing_create",
        "notice_list",
        "search",
        "archive_catalogue",
        "access_log",
    ],
)
def test_anonymous_is_sent_to_login(db, name):
    response = Client().get(url(name))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def register_post(**overrides):
    data = {
        "source_org": "市财政局",
        "source_number": "市财发〔2026〕8号",
        "title": "关于开展年度预算执行检查的通知",
        "kind": "notice",
        "urgency": "urgent",
        "security_level": "internal",
        "copies": "2",
        "received_at": localtime(now() - timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "deadline": (localdate() + timedelta(days=7)).isoformat(),
        "keywords": "预算 检查",
        "summary": "请于月底前报送自查报告。",
    }
    return {**data, **overrides}


def test_clerk_registers_with_a_scanned_attachment(clerk, client_for):
    upload = SimpleUploadedFile("来文扫描.pdf", PDF_BYTES, content_type="application/pdf")
    response = client_for(clerk).post(
        url("incoming_register"), {**register_post(), "attachments": upload}
    )
    document = IncomingDocument.objects.get()
    assert response.status_code == 302 and response["Location"] == document.get_absolute_url()
    assert document.number.startswith("收文〔") and document.registered_by == clerk
    attachment = document.attachments.get()
    assert attachment.original_name == "来文扫描.pdf"
    assert "来文扫描" not in attachment.file.name  # stored under a server-made name
    download = client_for(clerk).get(attachment.get_absolute_url())
    assert download.status_code == 200
    assert download["Content-Disposition"].startswith("attachment")
    # media not restored with the database: a 404 that says so, not a 500
    attachment.file.storage.delete(attachment.file.name)
    missing = client_for(clerk).get(attachment.get_absolute_url())
    assert missing.status_code == 404


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"title": ""}, "此项必填"),
        ({"copies": "0"}, "份数"),
        ({"received_at": f"{localdate().year + 1}-06-01T08:00"}, "不能晚于现在"),
        ({"received_at": "2999-01-01T08:00"}, "之间的日期"),
        ({"security_level": "top-secret"}, "请从列表中选择"),
        ({"title": "<script>alert(1)</script>"}, "不允许"),
    ],
)
def test_bad_registration_shows_the_form_and_saves_nothing(clerk, client_for, overrides, message):
    response = client_for(clerk).post(url("incoming_register"), register_post(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not IncomingDocument.objects.exists()


def test_a_disguised_upload_is_refused(clerk, client_for):
    fake = SimpleUploadedFile("扫描.pdf", b"MZ\x90\x00 this is an exe", "application/pdf")
    response = client_for(clerk).post(
        url("incoming_register"), {**register_post(), "attachments": fake}
    )
    assert response.status_code == 200 and "不符" in response.content.decode()
    assert not IncomingDocument.objects.exists() and not IncomingAttachment.objects.exists()


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("incoming_register", "staff"),
        ("incoming_register", "director"),
    ],
)
def test_wrong_role_gets_403(name, role, request, client_for):
    user = request.getfixturevalue(role)
    assert client_for(user).get(url(name)).status_code == 403


@pytest.mark.parametrize(
    ("name", "status", "role"),
    [
        ("incoming_propose", "registered", "staff"),
        ("incoming_propose", "registered", "director"),
        ("incoming_instruct", "proposed", "clerk"),
        ("incoming_circulate", "instructed", "staff"),
        ("incoming_complete", "handling", "director"),
        ("incoming_return", "registered", "staff"),
        ("incoming_archive", "completed", "director"),
        ("incoming_result", "handling", "clerk"),
        ("incoming_access", "registered", "clerk"),
    ],
)
def test_incoming_steps_refuse_the_wrong_role(name, status, role, request, client_for, clerk):
    # 公开, so that staff have it in scope (内部 is need to know: 404, tested elsewhere).
    document = IncomingFactory(status=status, registered_by=clerk, security_level="public")
    user = request.getfixturevalue(role)
    client = client_for(user)
    assert client.get(url(name, document.pk)).status_code == 403
    assert client.post(url(name, document.pk), {"proposal": "x"}).status_code == 403
    document.refresh_from_db()
    assert document.status == status


@pytest.mark.parametrize(
    "name",
    [
        "incoming_detail",
        "incoming_propose",
        "incoming_instruct",
        "incoming_pdf",
        "incoming_circulate",
        "incoming_complete",
    ],
)
def test_someone_elses_secret_document_is_404(name, clerk, staff, client_for):
    document = IncomingFactory(security_level="secret", registered_by=clerk, access=[clerk])
    assert client_for(staff).get(url(name, document.pk)).status_code == 404


def test_proposal_then_instruction_through_the_views(clerk, director, staff, client_for):
    document = IncomingFactory(registered_by=clerk)
    response = client_for(clerk).post(url("incoming_propose", document.pk), {"proposal": ""})
    assert response.status_code == 200 and "必填" in response.content.decode()
    client_for(clerk).post(
        url("incoming_propose", document.pk),
        {"proposal": "拟请主任阅示", "leader_1": director.pk, "routing": "sequence"},
    )
    bad = client_for(director).post(
        url("incoming_instruct", document.pk), {"instruction": "请督办", "create_task": "on"}
    )
    assert bad.status_code == 200 and "督办事项需要" in bad.content.decode()
    document.refresh_from_db()
    assert document.status == "proposed"
    due = (localdate() + timedelta(days=5)).isoformat()
    client_for(director).post(
        url("incoming_instruct", document.pk),
        {"instruction": "请财务处办理", "lead_handler": staff.pk, "due": due},
    )
    document.refresh_from_db()
    assert document.status == "instructed" and document.lead_handler == staff


def test_circulate_read_by_htmx_and_complete_with_confirmation(
    clerk, staff, other_staff, client_for, htmx
):
    document = IncomingFactory(status="instructed", registered_by=clerk)
    form = {
        "readers-TOTAL_FORMS": "4",
        "readers-INITIAL_FORMS": "0",
        "readers-0-reader": staff.pk,
        "readers-0-reason": "请阅",
        "readers-1-reader": other_staff.pk,
        "readers-1-reason": "请提意见",
    }
    same_twice = {**form, "readers-1-reader": staff.pk}
    response = client_for(clerk).post(url("incoming_circulate", document.pk), same_twice)
    assert response.status_code == 200 and "每位阅文人只能选一次" in response.content.decode()
    assert not document.circulations.exists()
    client_for(clerk).post(url("incoming_circulate", document.pk), form)
    assert document.circulations.count() == 2
    partial = client_for(staff).post(url("incoming_read", document.pk), {"comment": "已阅"}, **htmx)
    assert partial.status_code == 200
    body = partial.content.decode()
    assert 'id="circulation"' in body and "<html" not in body and "已阅" in body
    warn = client_for(clerk).get(url("incoming_complete", document.pk)).content.decode()
    assert "other" in warn and 'id="unread-warning"' in warn
    refused = client_for(clerk).post(url("incoming_complete", document.pk), {})
    assert refused.status_code == 200 and "确认" in refused.content.decode()
    document.refresh_from_db()
    assert document.status == "handling"
    client_for(clerk).post(url("incoming_complete", document.pk), {"confirm_unread": "on"})
    document.refresh_from_db()
    assert document.status == "completed"


def test_list_filters_and_htmx_partial(clerk, client_for, htmx):
    IncomingFactory(title="关于防汛值班的通知", kind="notice", registered_by=clerk)
    IncomingFactory(title="关于预算的请示", kind="request", registered_by=clerk)
    client = client_for(clerk)
    page = client.get(url("incoming_list"), {"kind": "request"}).content.decode()
    assert "关于预算的请示" in page and "防汛" not in page
    partial = client.get(url("incoming_list"), {"q": "值班"}, **htmx).content.decode()
    assert "防汛值班" in partial and "<html" not in partial and "预算" not in partial
    # A tampered query string is ignored, never a 500.
    assert client.get(url("incoming_list"), {"year": "abc", "page": "x"}).status_code == 200


def test_outgoing_draft_to_signed_through_the_views(clerk, director, staff, client_for):
    data = {
        "series": "ban",
        "title": "关于做好节日值班工作的通知",
        "kind": "notice",
        "urgency": "normal",
        "security_level": "internal",
        "main_recipients": "各处室",
        "copy_recipients": "",
        "body": "",
        "attachment_note": "",
        "keywords": "",
        "copies": "10",
    }
    bad = client_for(clerk).post(url("outgoing_create"), data)
    assert bad.status_code == 200 and not OutgoingDocument.objects.exists()
    client_for(clerk).post(url("outgoing_create"), {**data, "body": "请各处室做好值班。"})
    document = OutgoingDocument.objects.get()
    assert client_for(staff).post(url("outgoing_submit", document.pk)).status_code == 404
    client_for(clerk).post(url("outgoing_submit", document.pk))
    # The drafter does not review their own draft; another clerk or the director does.
    assert client_for(clerk).get(url("outgoing_review", document.pk)).status_code == 403
    client_for(director).post(url("outgoing_review", document.pk), {"note": "同意"})
    assert client_for(clerk).get(url("outgoing_sign", document.pk)).status_code == 403
    response = client_for(director).post(url("outgoing_sign", document.pk), {"note": "同意印发"})
    document.refresh_from_db()
    assert response.status_code == 302 and document.status == "signed"
    assert document.number == f"办发〔{localdate().year}〕1号"


def test_outgoing_edit_only_while_draft(clerk, client_for):
    document = OutgoingFactory(status="review", drafted_by=clerk)
    assert client_for(clerk).get(url("outgoing_edit", document.pk)).status_code == 403


def test_return_requires_a_reason(clerk, director, client_for):
    document = OutgoingFactory(status="signing", drafted_by=clerk)
    response = client_for(director).post(url("outgoing_return", document.pk), {"reason": ""})
    assert response.status_code == 200
    document.refresh_from_db()
    assert document.status == "signing"
    client_for(director).post(url("outgoing_return", document.pk), {"reason": "请压缩篇幅"})
    document.refresh_from_db()
    page = client_for(clerk).get(document.get_absolute_url()).content.decode()
    assert document.status == "draft" and "请压缩篇幅" in page


def test_out_of_range_ids_are_404_not_500(clerk, client_for):
    client = client_for(clerk)
    assert client.get(f"/documents/incoming/{10**20}/").status_code == 404
    assert client.get(f"/documents/outgoing/{10**20}/versions/{10**20}/").status_code == 404


def test_director_grants_and_revokes_access(clerk, director, staff, client_for):
    document = IncomingFactory(security_level="secret", registered_by=director)
    grant = reverse("documents:incoming_access", args=[document.pk])
    assert client_for(staff).get(document.get_absolute_url()).status_code == 404
    client_for(director).post(grant, {"user": staff.pk})
    assert client_for(staff).get(document.get_absolute_url()).status_code == 200
    revoke = reverse("documents:incoming_access_revoke", args=[document.pk, staff.pk])
    assert client_for(staff).post(revoke).status_code == 403
    client_for(director).post(revoke)
    assert client_for(staff).get(document.get_absolute_url()).status_code == 404


def test_outgoing_attachments_are_checked_and_served_as_downloads(clerk, staff, client_for):
    data = {
        "series": "ban",
        "title": "关于印发值班表的通知",
        "kind": "notice",
        "urgency": "normal",
        "security_level": "secret",
        "main_recipients": "各处室",
        "copy_recipients": "",
        "body": "见附件。",
        "attachment_note": "值班表",
        "keywords": "",
        "copies": "5",
    }
    bad = SimpleUploadedFile("值班表.xlsx", b"not a spreadsheet", "application/octet-stream")
    response = client_for(clerk).post(url("outgoing_create"), {**data, "attachments": bad})
    assert response.status_code == 200 and not OutgoingDocument.objects.exists()
    good = SimpleUploadedFile("值班表.pdf", PDF_BYTES, "application/pdf")
    client_for(clerk).post(url("outgoing_create"), {**data, "attachments": good})
    document = OutgoingDocument.objects.get()
    attachment = document.attachments.get()
    download = client_for(clerk).get(attachment.get_absolute_url())
    assert download["Content-Disposition"].startswith("attachment")
    assert document.access_logs.filter(what="attachment", user=clerk).exists()
    assert client_for(staff).get(attachment.get_absolute_url()).status_code == 404


def test_the_drafting_department_head_reviews(staff, other_staff, director, client_for):
    department = staff.department
    department.head = other_staff
    department.save()
    document = OutgoingFactory(status="review", drafted_by=staff, department=department)
    page = client_for(other_staff).get(document.get_absolute_url()).content.decode()
    assert url("outgoing_review", document.pk) in page
    client_for(other_staff).post(url("outgoing_review", document.pk), {"note": "同意"})
    document.refresh_from_db()
    assert document.status == "signing" and document.reviewed_by == other_staff
    assert client_for(staff).get(url("outgoing_sign", document.pk)).status_code == 403


def test_notice_edit_only_as_draft(clerk, client_for):
    from documents.models import Notice

    client = client_for(clerk)
    client.post(
        reverse("documents:notice_create"),
        {"title": "关于春节值班的通知", "body": "请报送名单。", "to_all": "on"},
    )
    notice = Notice.objects.get()
    client.post(
        reverse("documents:notice_edit", args=[notice.pk]),
        {"title": "关于春节值班安排的通知", "body": "请报送名单。", "to_all": "on"},
    )
    notice.refresh_from_db()
    assert notice.title == "关于春节值班安排的通知"
    client.post(reverse("documents:notice_publish", args=[notice.pk]))
    assert client.get(reverse("documents:notice_edit", args=[notice.pk])).status_code == 403
