"""The to-do inbox, the circular PDF, attachments and notifications after commit."""

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader

from office import todo
from office.models import Notification
from supervision.models import Circular, ReportAttachment, Task
from supervision.services import extension_request, task_create_from
from tests.supervision.factories import TaskFactory, in_days

pytestmark = pytest.mark.django_db

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def keys(user):
    inbox = todo.inbox_for(user)
    return {item.source.key: item for item in inbox["todo"]["items"]}


def test_inbox_sources(clerk, staff, supervisor, director, other_staff):
    mine = TaskFactory(owner=staff, assigned_by=clerk, title="我的待办")
    submitted = TaskFactory(owner=staff, assigned_by=clerk, status="completion_requested")
    TaskFactory(owner=staff, status="completed")
    extension = extension_request(  # the to-do reads the extension's approval step
        task_id=TaskFactory(owner=other_staff, assigned_by=clerk).pk,
        by=other_staff,
        new_deadline=in_days(60),
        reason="等待批复",
    )
    assert set(keys(staff)) == {"supervision.mine"}
    assert keys(staff)["supervision.mine"].url == mine.get_absolute_url()
    assert keys(supervisor)["supervision.to_verify"].url == submitted.get_absolute_url()
    assert keys(clerk)["supervision.extensions"].url == extension.task.get_absolute_url()
    assert "supervision.extensions" in keys(director)
    assert "supervision.extensions" not in keys(other_staff)


def test_inbox_queries_do_not_grow(staff, clerk, django_assert_num_queries):
    TaskFactory(owner=staff, assigned_by=clerk)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    todo.inbox_for(staff)  # warm the caches (roles, content types)
    with CaptureQueriesContext(connection) as small:
        todo.inbox_for(staff)
    TaskFactory.create_batch(15, owner=staff, assigned_by=clerk)
    with django_assert_num_queries(len(small)):
        todo.inbox_for(staff)


def test_new_item_emails_the_owner_after_commit(clerk, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        task_create_from(source=None, source_kind="adhoc", title="报送年度总结", owner=staff,
                         deadline=in_days(9), assigned_by=clerk)  # fmt: skip
    assert [m.to for m in mail.outbox] == [[staff.email]]
    assert "报送年度总结" in mail.outbox[0].subject


def _prepare(client, month: str, capture):
    with capture(execute=True):
        return client.post(reverse("supervision:circular_request"), {"month": month})


def test_circular_pdf_in_chinese(client_for, supervisor, director, staff, other_staff,
                                 django_capture_on_commit_callbacks):  # fmt: skip
    TaskFactory(
        title="按期完成的任务", owner=staff, deadline=in_days(-2), status="completed", on_time=True
    )
    TaskFactory(
        title="拖延很久的任务", owner=other_staff, deadline=in_days(-3), status="in_progress"
    )
    month = in_days(-3)
    client = client_for(supervisor)
    response = _prepare(client, f"{month:%Y-%m}", django_capture_on_commit_callbacks)
    assert response.status_code == 302
    circular = Circular.objects.get()
    assert circular.status == "ready" and circular.requested_by == supervisor
    assert Notification.objects.filter(recipient=supervisor, kind="supervision.circular_ready")
    response = client_for(director).get(circular.get_absolute_url())
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "督办通报" in text and "逾期未办结事项" in text and "拖延很久的任务" in text
    assert other_staff.name in text  # overdue list shows owners
    assert "各部门按期办结率" in text
    page = client.get(reverse("supervision:statistics")).content.decode()
    assert circular.get_absolute_url() in page


def test_circular_while_pending_and_bad_months(client_for, supervisor):
    client = client_for(supervisor)
    with_no_worker = client.post(reverse("supervision:circular_request"), {"month": "2026-10"})
    assert with_no_worker.status_code == 302
    circular = Circular.objects.get()
    assert circular.status == "pending"  # the worker has not run (no on_commit here)
    page = client.get(circular.get_absolute_url(), follow=True).content.decode()
    assert "正在生成" in page
    listing = client.get(reverse("supervision:statistics")).content.decode()
    assert 'hx-trigger="every 3s"' in listing  # the card polls until it is ready
    for bad in ("2026-13", "", "2999-01"):
        response = client.post(reverse("supervision:circular_request"), {"month": bad}, follow=True)
        assert "请选择已经开始的月份" in response.content.decode()
    assert Circular.objects.count() == 1


def test_circular_is_for_supervisors_and_the_director(client_for, staff, director):
    path = reverse("supervision:circular_pdf", args=[2026, 11])
    assert client_for(staff).get(path).status_code == 403
    assert client_for(staff).post(reverse("supervision:circular_request")).status_code == 403
    assert client_for(staff).get(reverse("supervision:circular_list")).status_code == 403
    assert client_for(director).get(path).status_code == 404  # none prepared
    bad = reverse("supervision:circular_pdf", args=[2026, 13])
    assert client_for(director).get(bad).status_code == 404


def _report(client, task, *files, text="已完成调研"):
    return client.post(
        reverse("supervision:task_report", args=[task.pk]), {"text": text, "files": list(files)}
    )


def test_report_with_attachment_and_download(client_for, staff, clerk, outsider):
    task = TaskFactory(owner=staff, assigned_by=clerk, status="in_progress")
    upload = SimpleUploadedFile("调研报告.pdf", PDF_BYTES, content_type="application/pdf")
    assert _report(client_for(staff), task, upload).status_code == 302
    attachment = ReportAttachment.objects.get()
    assert attachment.original_name == "调研报告.pdf" and attachment.report.task == task
    path = reverse("supervision:attachment_download", args=[attachment.pk])
    response = client_for(clerk).get(path)
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    assert client_for(outsider).get(path).status_code == 404


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("big.pdf", PDF_BYTES + b"x" * 2048, "文件过大"),
        ("fake.pdf", b"MZ not a pdf at all", "不符"),
        ("tool.exe", b"MZ", "不接受"),
    ],
)
def test_bad_attachment_saves_nothing(client_for, staff, settings, name, content, message):
    settings.UPLOAD_MAX_BYTES = 1024
    task = TaskFactory(owner=staff, status="in_progress")
    response = _report(client_for(staff), task, SimpleUploadedFile(name, content))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not task.reports.exists() and not ReportAttachment.objects.exists()
    assert Task.objects.get(pk=task.pk).last_report_at is None
