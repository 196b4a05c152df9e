"""Extension requests through the office approval chain: one step, the item's assigner, a
director standing in; the wrong actor refused with nothing changed; notified and reminded once;
the chain on the item page, whose query count does not grow with extensions."""

from datetime import timedelta

import pytest

from office.errors import NotAllowed
from office.models import ApprovalChain, AuditEvent, Notification, Reminder
from office.services.approvals import chain_for
from office.services.reminders import reminder_send
from office.todo import inbox_for
from supervision.models import Extension
from supervision.services import extension_decide, extension_request, task_cancel
from tests.supervision.factories import ExtensionFactory, TaskFactory, in_days

pytestmark = pytest.mark.django_db


@pytest.fixture
def extension(task, staff):
    return extension_request(task_id=task.pk, by=staff, new_deadline=in_days(30), reason="等待批复")


def _steps(extension):
    return [(s.person, s.status, s.reason) for s in chain_for(extension).step_list]


def _to_do(user) -> list[str]:
    return [item.url for item in inbox_for(user)["todo"]["items"]]


def test_the_assigner_approves_and_the_deadline_moves(extension, task, clerk, staff):
    assert _steps(extension) == [(clerk, "pending", "")]
    extension_decide(extension_id=extension.pk, by=clerk, approve=True, note="同意")
    extension.refresh_from_db()
    task.refresh_from_db()
    assert extension.status == Extension.Status.APPROVED and extension.decided_by == clerk
    assert task.deadline == in_days(30) and task.original_deadline == in_days(10)
    assert chain_for(extension).status == ApprovalChain.Status.APPROVED
    assert _steps(extension) == [(clerk, "approved", "同意")]
    assert Notification.objects.filter(recipient=staff, kind="supervision.extension_decided")


def test_a_director_stands_in_and_returns_it_with_a_reason(extension, task, director):
    extension_decide(extension_id=extension.pk, by=director, approve=False, note="时间紧迫")
    extension.refresh_from_db()
    task.refresh_from_db()
    assert extension.status == Extension.Status.REFUSED and extension.decision_note == "时间紧迫"
    assert task.deadline == in_days(10)
    assert chain_for(extension).status == ApprovalChain.Status.RETURNED
    assert chain_for(extension).step_list[0].decided_by == director
    steps = AuditEvent.objects.filter(verb__startswith="approval.").order_by("pk")
    assert list(steps.values_list("verb", "actor__username", "data__reason")) == [
        ("approval.started", "staff", None),
        ("approval.returned", "director", "时间紧迫"),
    ]


def test_the_wrong_actor_is_refused_and_nothing_changes(extension, task, staff, supervisor):
    for intruder in (staff, supervisor):  # the owner is not the approver; nor is a supervisor
        with pytest.raises(NotAllowed):
            extension_decide(extension_id=extension.pk, by=intruder, approve=True)
    extension.refresh_from_db()
    task.refresh_from_db()
    assert extension.status == Extension.Status.PENDING and task.deadline == in_days(10)
    assert [status for _person, status, _reason in _steps(extension)] == ["pending"]
    assert not AuditEvent.objects.filter(verb="supervision.extension_approved").exists()


def test_the_assigner_is_notified_and_reminded_once(task, staff, clerk, director, time_machine):
    extension = extension_request(
        task_id=task.pk, by=staff, new_deadline=in_days(30), reason="等待批复"
    )
    told = Notification.objects.filter(kind="supervision.extension_requested")
    assert list(told.values_list("recipient__username", flat=True)) == ["clerk"]
    reminder = Reminder.objects.get(kind="approval.step", status="pending")
    assert reminder.recipient == clerk
    time_machine.move_to(reminder.due_at + timedelta(minutes=1))
    assert reminder_send(reminder_id=reminder.pk) is True
    assert reminder_send(reminder_id=reminder.pk) is False  # once
    # The director stands in: not notified, but the request waits in their to-do too.
    assert task.get_absolute_url() in _to_do(director) and task.get_absolute_url() in _to_do(clerk)
    extension_decide(extension_id=extension.pk, by=director, approve=True)
    assert task.get_absolute_url() not in _to_do(clerk)


def test_a_pending_reminder_stops_when_decided(extension, clerk):
    extension_decide(extension_id=extension.pk, by=clerk, approve=True)
    assert not Reminder.objects.filter(kind="approval.step", status="pending").exists()


def test_cancelling_the_item_withdraws_the_chain(extension, task, clerk):
    task_cancel(task_id=task.pk, by=clerk, reason="与其他事项合并")
    extension.refresh_from_db()
    assert extension.status == Extension.Status.REFUSED
    assert chain_for(extension).status == ApprovalChain.Status.CANCELLED
    assert task.get_absolute_url() not in _to_do(clerk)
    assert not Reminder.objects.filter(kind="approval.step", status="pending").exists()


def test_a_request_from_before_the_chain_gets_one_when_decided(task, clerk, client_for):
    old = ExtensionFactory(task=task, new_deadline=in_days(30))  # no chain: made before it
    page = client_for(clerk).get(task.get_absolute_url()).content.decode()
    assert 'id="decision-form"' in page  # its approver sees the decision form
    extension_decide(extension_id=old.pk, by=clerk, approve=True)
    task.refresh_from_db()
    assert task.deadline == in_days(30)
    assert _steps(old) == [(clerk, "approved", "")]


def test_the_item_page_shows_each_chain(extension, task, clerk, client_for):
    extension_decide(extension_id=extension.pk, by=clerk, approve=False, note="材料不全")
    extension_request(task_id=task.pk, by=task.owner, new_deadline=in_days(20), reason="补充材料")
    page = client_for(clerk).get(task.get_absolute_url()).content.decode()
    assert page.count('class="list-group-item approval-step"') == 2
    for text in ("交办人", "材料不全", "已退回", "审批中"):
        assert text in page


def test_item_page_queries_do_not_grow_with_extensions(task, staff, clerk, client_for):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def add_decided(count):
        for n in range(count):
            done = extension_request(
                task_id=task.pk, by=staff, new_deadline=in_days(11 + n), reason="等待"
            )
            extension_decide(extension_id=done.pk, by=clerk, approve=False, note="不同意")

    def queries() -> int:
        extension_request(task_id=task.pk, by=staff, new_deadline=in_days(40), reason="等待")
        with CaptureQueriesContext(connection) as captured:
            page = client.get(task.get_absolute_url()).content.decode()
        Extension.objects.filter(task=task, status="pending").delete()
        return len(captured), page.count('id="approval-chain"')

    client = client_for(clerk)
    client.get(task.get_absolute_url())  # warm the session
    add_decided(1)
    small, shown = queries()
    assert shown == 2
    add_decided(7)
    large, shown = queries()
    assert shown == 9 and large == small


def test_another_item_s_assigner_cannot_decide(extension, other_staff):
    TaskFactory(assigned_by=other_staff)
    with pytest.raises(NotAllowed):
        extension_decide(extension_id=extension.pk, by=other_staff, approve=True)
