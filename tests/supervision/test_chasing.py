"""Chase (催办), the owner's explanation, comments and instructions, bulk chase, the 督办单."""

import pytest
from django.urls import reverse

from office.models import Notification, OutboxMessage
from supervision.models import Note, Task
from supervision.services import note_add, note_reply, task_chase
from tests.pdf import pdf_text
from tests.supervision.factories import ProgressReportFactory, TaskFactory, in_days

BOARD = reverse("supervision:index")


@pytest.fixture
def red(clerk, staff, other_staff):
    return TaskFactory(
        title="整改消防通道",
        assigned_by=clerk,
        owner=staff,
        co_owners=[other_staff],
        status=Task.Status.IN_PROGRESS,
        deadline=in_days(-4),
        original_deadline=in_days(-4),
    )


def url(name, task):
    return reverse(f"supervision:{name}", args=[task.pk])


def test_a_supervisor_chases_a_red_item_in_app_by_mail_and_robot(
    client_for, supervisor, staff, other_staff, red, settings
):
    settings.NOTIFY_WEBHOOK_URL = "https://robot.invalid/send?key=abc"
    staff.email = "staff@example.org"
    staff.save()
    page = client_for(supervisor).get(red.get_absolute_url()).content.decode()
    assert 'id="chase-form"' in page  # an action on a red item at last
    response = client_for(supervisor).post(
        url("task_chase", red), {"chase-text": "请本周内办结"}, follow=True
    )
    text = response.content.decode()
    assert "催办" in text and "请本周内办结" in text and "已催办 1 次" in text
    told = Notification.objects.filter(kind="supervision.chased")
    assert set(told.values_list("recipient", flat=True)) == {staff.pk, other_staff.pk}
    tasks = set(OutboxMessage.objects.values_list("task", flat=True))
    assert {"office.tasks.send_notification_email", "office.tasks.send_webhook"} <= tasks


def test_the_owner_replies_and_the_explanation_is_on_the_record(client_for, supervisor, staff, red):
    task_chase(task_id=red.pk, by=supervisor, text="请说明逾期原因")
    response = client_for(staff).post(
        url("task_reply", red), {"reply-text": "等待消防部门验收，下周完成"}, follow=True
    )
    page = response.content.decode()
    assert "情况说明" in page and "等待消防部门验收" in page
    reply = Note.objects.get(kind=Note.Kind.REPLY)
    assert reply.reply_to.text == "请说明逾期原因" and reply.author == staff
    assert Notification.objects.filter(recipient=supervisor, kind="supervision.replied").exists()


@pytest.mark.parametrize(
    "who, status",
    [("staff", 403), ("other_staff", 403), ("clerk", 403), ("supervisor", 302), ("director", 302)],
)
def test_who_may_chase(client_for, request, red, who, status):
    user = request.getfixturevalue(who)
    response = client_for(user).post(url("task_chase", red), {"chase-text": "催办"})
    assert response.status_code == status
    assert Note.objects.filter(kind=Note.Kind.CHASE).count() == (status == 302)


def test_an_empty_chase_saves_nothing_and_says_why(client_for, supervisor, red):
    response = client_for(supervisor).post(url("task_chase", red), {"chase-text": "  "})
    assert response.status_code == 200 and "必填" in response.content.decode()
    assert not Note.objects.exists()


def test_a_finished_item_cannot_be_chased(supervisor, red):
    Task.objects.filter(pk=red.pk).update(status=Task.Status.COMPLETED)
    with pytest.raises(Exception, match="办理中"):
        task_chase(task_id=red.pk, by=supervisor, text="催办")
    assert not Note.objects.exists()


def test_comments_and_instructions_by_supervisor_and_director_only(
    client_for, director, supervisor, staff, red
):
    client_for(director).post(
        url("task_note", red), {"note-kind": "instruction", "note-text": "务必月底前完成"}
    )
    client_for(supervisor).post(
        url("task_note", red), {"note-kind": "comment", "note-text": "已核实"}
    )
    assert (
        client_for(staff)
        .post(url("task_note", red), {"note-kind": "comment", "note-text": "x"})
        .status_code
        == 403
    )
    assert list(Note.objects.values_list("kind", flat=True)) == ["instruction", "comment"]
    page = client_for(staff).get(red.get_absolute_url()).content.decode()
    assert "批示" in page and "务必月底前完成" in page
    assert Notification.objects.filter(recipient=staff, kind="supervision.instruction").exists()


def test_bulk_chase_from_the_board_only_chases_items_the_user_may_see(
    client_for, supervisor, clerk, staff, red
):
    second = TaskFactory(assigned_by=clerk, owner=staff, deadline=in_days(-1))
    done = TaskFactory(assigned_by=clerk, owner=staff, status=Task.Status.COMPLETED)
    board = client_for(supervisor).get(BOARD, {"light": "red"}).content.decode()
    assert 'id="bulk-chase"' in board
    response = client_for(supervisor).post(
        reverse("supervision:board_chase"),
        {"items": [red.pk, second.pk], "text": "请抓紧办理", "next": "/supervision/?light=red"},
        follow=True,
    )
    assert "已催办 2 项" in response.content.decode()
    assert set(Note.objects.values_list("task", flat=True)) == {red.pk, second.pk}
    refused = client_for(supervisor).post(
        reverse("supervision:board_chase"), {"items": [done.pk], "text": "x"}, follow=True
    )
    assert Note.objects.count() == 2 and refused.status_code == 200
    assert client_for(staff).post(reverse("supervision:board_chase"), {}).status_code == 403


def test_time_nodes_are_on_the_item_searchable_and_in_the_pdf(
    client_for, supervisor, director, staff, red
):
    ProgressReportFactory(task=red, text="已联系施工单位")
    task_chase(task_id=red.pk, by=supervisor, text="请说明逾期原因")
    note_reply(task_id=red.pk, by=staff, text="材料未到")
    note_add(task_id=red.pk, by=director, kind="instruction", text="限期整改")
    page = client_for(supervisor).get(red.get_absolute_url()).content.decode()
    for label in ("交办", "报告", "催办", "批示"):
        assert label in page
    assert (
        client_for(supervisor).get(BOARD, {"node": "chased"}).context["page"].object_list[0] == red
    )
    found = client_for(supervisor).get(BOARD, {"q": "材料未到"}).context["page"].object_list
    assert list(found) == [red]
    response = client_for(supervisor).get(url("task_pdf", red))
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    for expected in (
        "督办单",
        "整改消防通道",
        "交办",
        "报告",
        "催办",
        "请说明逾期原因",
        "材料未到",
    ):
        assert expected in text, expected


def test_the_pdf_is_404_out_of_scope(client_for, outsider, red):
    assert client_for(outsider).get(url("task_pdf", red)).status_code == 404
