"""Pages and steps: anonymous -> login, out of scope -> 404, wrong role -> 403, bad input ->
the form again and nothing saved."""

import pytest
from django.urls import reverse

from office.models import Notification
from supervision.models import Extension, Task
from tests.supervision.factories import ExtensionFactory, TaskFactory, in_days

pytestmark = pytest.mark.django_db

S = Task.Status


def url(name, *args):
    return reverse(f"supervision:{name}", args=args)


ITEM_POSTS = ["task_accept", "task_report", "task_complete", "task_verify", "task_return",
              "task_cancel", "extension_request"]  # fmt: skip


@pytest.mark.parametrize(
    "name, needs_pk",
    [("index", False), ("task_create", False), ("statistics", False), ("task_detail", True)]
    + [(name, True) for name in ITEM_POSTS],
)
def test_anonymous_is_sent_to_login(client, task, name, needs_pk):
    response = client.get(url(name, task.pk) if needs_pk else url(name))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("name", ["task_detail", *ITEM_POSTS])
def test_outsider_gets_404_everywhere(client_for, outsider, task, name):
    client = client_for(outsider)
    response = (
        client.post(url(name, task.pk)) if name != "task_detail" else client.get(url(name, task.pk))
    )
    assert response.status_code == 404


def test_detail_for_everyone_involved(client_for, task, clerk, staff, supervisor, director):
    co_owner = TaskFactory._meta.model.objects.get(pk=task.pk)
    from tests.factories import UserFactory

    helper = UserFactory(username="helper")
    co_owner.co_owners.add(helper)
    for person in (clerk, staff, supervisor, director, helper):
        response = client_for(person).get(task.get_absolute_url())
        assert response.status_code == 200, person
        assert task.title in response.content.decode()


def test_detail_shows_source_link_and_survives_deletion(client_for, clerk, staff, other_staff):
    from supervision.services import task_create_from

    linked = task_create_from(
        source=other_staff, source_kind="instruction", title="关于加强值班工作的批示",
        owner=staff, deadline=in_days(5), assigned_by=clerk,
    )  # fmt: skip
    page = client_for(clerk).get(linked.get_absolute_url()).content.decode()
    assert f'href="{other_staff.get_absolute_url()}"' in page and str(other_staff) in page
    Task.objects.filter(pk=linked.pk).update(source_id=999999)  # the record has gone
    page = client_for(clerk).get(linked.get_absolute_url()).content.decode()
    assert str(other_staff) in page and "不再可用" in page


def test_buttons_follow_the_predicates(client_for, task, staff, supervisor, clerk):
    owner_page = client_for(staff).get(task.get_absolute_url()).content.decode()
    assert url("task_accept", task.pk) in owner_page
    assert url("task_verify", task.pk) not in owner_page
    assert url("task_cancel", task.pk) not in owner_page
    assert (
        url("task_cancel", task.pk)
        in client_for(clerk).get(task.get_absolute_url()).content.decode()
    )
    assert (
        url("task_accept", task.pk)
        not in client_for(supervisor).get(task.get_absolute_url()).content.decode()
    )


# filing


def test_staff_may_not_file(client_for, staff):
    assert client_for(staff).get(url("task_create")).status_code == 403
    assert client_for(staff).post(url("task_create"), {}).status_code == 403


def _filing(owner, **extra):
    data = {
        "title": "整改消防通道堵塞问题",
        "description": "清理三号楼消防通道。",
        "source_kind": "adhoc",
        "source_label": "安全检查通报",
        "owner": owner.pk,
        "deadline": in_days(7).isoformat(),
        "priority": "important",
        "report_cycle": "weekly",
    }
    data.update(extra)
    return data


@pytest.mark.parametrize("filer", ["clerk", "supervisor", "director"])
def test_filing_an_item(client_for, request, staff, filer):
    response = client_for(request.getfixturevalue(filer)).post(url("task_create"), _filing(staff))
    task = Task.objects.get()
    assert response.status_code == 302 and response["Location"] == task.get_absolute_url()
    assert task.owner == staff and task.source_label == "安全检查通报"
    assert task.report_cycle == "weekly"
    assert Notification.objects.filter(recipient=staff, kind="supervision.task_created").exists()


@pytest.mark.parametrize(
    "change, message",
    [
        ({"deadline": in_days(-1).isoformat()}, "截止日期不能早于今天"),
        ({"title": ""}, "此项必填"),
        ({"deadline": "明天"}, "请输入正确的日期"),
        ({"title": "<script>alert(1)</script>"}, "不允许"),
    ],
)
def test_filing_bad_input_saves_nothing(client_for, clerk, staff, change, message):
    response = client_for(clerk).post(url("task_create"), _filing(staff, **change))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Task.objects.exists()


def test_owner_cannot_be_co_owner(client_for, clerk, staff):
    response = client_for(clerk).post(url("task_create"), _filing(staff, co_owners=[staff.pk]))
    assert response.status_code == 200 and not Task.objects.exists()


# steps


def test_only_the_owner_accepts(client_for, task, clerk, staff, supervisor):
    assert client_for(clerk).post(url("task_accept", task.pk)).status_code == 403
    assert client_for(supervisor).post(url("task_accept", task.pk)).status_code == 403
    response = client_for(staff).post(url("task_accept", task.pk))
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == S.IN_PROGRESS


def test_wrong_state_is_a_message_not_an_error(client_for, task, supervisor):
    response = client_for(supervisor).post(url("task_verify", task.pk), follow=True)
    assert response.status_code == 200
    assert "只有已申请办结的事项才能核验" in response.content.decode()
    task.refresh_from_db()
    assert task.status == S.ASSIGNED


def test_full_path_through_the_pages(client_for, task, staff, supervisor, clerk):
    owner = client_for(staff)
    owner.post(url("task_accept", task.pk))
    owner.post(url("task_report", task.pk), {"text": "已完成现场排查。"})
    owner.post(url("task_complete", task.pk), {"result": "已全部整改。"})
    task.refresh_from_db()
    assert task.status == S.COMPLETION_REQUESTED and task.reports.count() == 1
    assert client_for(staff).post(url("task_verify", task.pk)).status_code == 403
    client_for(supervisor).post(url("task_verify", task.pk))
    task.refresh_from_db()
    assert task.status == S.COMPLETED and task.on_time is True and task.light == ""


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("task_report", {"text": " "}, "此项必填"),
        ("task_complete", {"result": ""}, "此项必填"),
        ("task_cancel", {"cancel-reason": ""}, "此项必填"),
    ],
)
def test_empty_texts_save_nothing(client_for, task, clerk, staff, name, data, message):
    task.status = S.IN_PROGRESS
    task.save()
    actor = clerk if name == "task_cancel" else staff
    response = client_for(actor).post(url(name, task.pk), data)
    assert response.status_code == 200 and message in response.content.decode()
    task.refresh_from_db()
    assert task.status == S.IN_PROGRESS and not task.reports.exists()


def test_send_back_needs_a_reason(client_for, supervisor, staff):
    task = TaskFactory(owner=staff, status=S.COMPLETION_REQUESTED)
    response = client_for(supervisor).post(url("task_return", task.pk), {"return-reason": ""})
    assert response.status_code == 200
    task.refresh_from_db()
    assert task.status == S.COMPLETION_REQUESTED
    client_for(supervisor).post(url("task_return", task.pk), {"return-reason": "缺少照片"})
    task.refresh_from_db()
    assert task.status == S.IN_PROGRESS and task.return_reason == "缺少照片"
    assert Notification.objects.filter(recipient=staff, kind="supervision.returned").exists()


def test_only_the_assigner_cancels(client_for, task, staff, supervisor, clerk):
    data = {"cancel-reason": "与其他事项合并"}
    assert client_for(staff).post(url("task_cancel", task.pk), data).status_code == 403
    assert client_for(supervisor).post(url("task_cancel", task.pk), data).status_code == 403
    assert client_for(clerk).post(url("task_cancel", task.pk), data).status_code == 302
    task.refresh_from_db()
    assert task.status == S.CANCELLED and task.cancel_reason == "与其他事项合并"


# extensions


def test_extension_earlier_than_deadline_is_refused(client_for, task, staff):
    response = client_for(staff).post(
        url("extension_request", task.pk),
        {"new_deadline": (task.deadline).isoformat(), "reason": "等待批复"},
    )
    assert response.status_code == 200 and "必须晚于当前截止日期" in response.content.decode()
    assert not Extension.objects.exists()


def test_extension_needs_a_reason(client_for, task, staff):
    response = client_for(staff).post(
        url("extension_request", task.pk), {"new_deadline": in_days(40).isoformat(), "reason": ""}
    )
    assert response.status_code == 200 and not Extension.objects.exists()


def test_only_the_owner_asks_for_an_extension(client_for, task, clerk):
    data = {"new_deadline": in_days(40).isoformat(), "reason": "等待批复"}
    assert client_for(clerk).post(url("extension_request", task.pk), data).status_code == 403


def test_extension_decided_by_assigner_or_director(client_for, task, staff, clerk, director):
    extension = ExtensionFactory(task=task, new_deadline=in_days(30))
    decide = url("extension_decide", extension.pk)
    assert client_for(staff).post(decide, {"decision": "approve"}).status_code == 403
    response = client_for(director).post(decide, {"decision": "refuse", "note": ""})
    assert response.status_code == 200 and "请说明不同意的理由" in response.content.decode()
    extension.refresh_from_db()
    assert extension.status == Extension.Status.PENDING
    assert client_for(clerk).post(decide, {"decision": "approve"}).status_code == 302
    task.refresh_from_db()
    extension.refresh_from_db()
    assert extension.status == Extension.Status.APPROVED and task.deadline == in_days(30)
    assert task.original_deadline == in_days(10)
    again = client_for(director).post(decide, {"decision": "refuse", "note": "晚了"}, follow=True)
    assert "已经处理过" in again.content.decode()


def test_outsider_cannot_decide_extension(client_for, task, outsider):
    extension = ExtensionFactory(task=task)
    response = client_for(outsider).post(
        url("extension_decide", extension.pk), {"decision": "approve"}
    )
    assert response.status_code == 404


def test_detail_queries_do_not_grow_with_reports(client_for, task, staff, clerk):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from supervision.models import ReportAttachment
    from tests.supervision.factories import ProgressReportFactory

    def add_reports(count):
        for _ in range(count):
            report = ProgressReportFactory(task=task)
            ReportAttachment.objects.create(
                report=report, file="x.pdf", original_name="附件.pdf", uploaded_by=staff
            )
        ExtensionFactory(task=task, status="refused", decided_by=clerk)

    client = client_for(clerk)
    add_reports(1)
    client.get(task.get_absolute_url())
    with CaptureQueriesContext(connection) as small:
        client.get(task.get_absolute_url())
    add_reports(8)
    with CaptureQueriesContext(connection) as large:
        page = client.get(task.get_absolute_url()).content.decode()
    assert len(large) == len(small)
    assert page.count("附件.pdf") == 9
