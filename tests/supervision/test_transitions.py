"""The whole workflow table: every service from every status, allowed or refused."""

import pytest

from office.errors import DomainError, NotAllowed, TransitionNotAllowed
from office.models import AuditEvent
from supervision.models import Circular, Extension, Task
from supervision.services import (
    circular_request,
    extension_request,
    progress_report_add,
    task_accept,
    task_cancel,
    task_completion_request,
    task_completion_return,
    task_completion_verify,
    task_create_from,
)
from tests.supervision.factories import TaskFactory, in_days

pytestmark = pytest.mark.django_db

S = Task.Status
ACTIONS = {
    "accept": (lambda t, u: task_accept(task_id=t.pk, by=u), S.IN_PROGRESS),
    "request_completion": (
        lambda t, u: task_completion_request(task_id=t.pk, by=u, result="已全部整改到位"),
        S.COMPLETION_REQUESTED,
    ),
    "verify": (lambda t, u: task_completion_verify(task_id=t.pk, by=u), S.COMPLETED),
    "send_back": (
        lambda t, u: task_completion_return(task_id=t.pk, by=u, reason="缺少整改照片"),
        S.IN_PROGRESS,
    ),
    "cancel": (lambda t, u: task_cancel(task_id=t.pk, by=u, reason="事项已合并"), S.CANCELLED),
}
ALLOWED = {
    (S.ASSIGNED, "accept"),
    (S.ASSIGNED, "cancel"),
    (S.IN_PROGRESS, "request_completion"),
    (S.IN_PROGRESS, "cancel"),
    (S.COMPLETION_REQUESTED, "verify"),
    (S.COMPLETION_REQUESTED, "send_back"),
    (S.COMPLETION_REQUESTED, "cancel"),
}
VERBS = {
    "accept": "supervision.task_accepted",
    "request_completion": "supervision.completion_requested",
    "verify": "supervision.completed",
    "send_back": "supervision.returned",
    "cancel": "supervision.task_cancelled",
}


# Who takes each step: the owner, a supervisor, or whoever assigned the item.
ACTOR = {
    "accept": "owner",
    "request_completion": "owner",
    "verify": "supervisor",
    "send_back": "supervisor",
    "cancel": "assigner",
}


def _task(status, owner, assigner):
    task = TaskFactory(status=status, owner=owner, assigned_by=assigner)
    if status == S.COMPLETION_REQUESTED:
        task.completion_requested_at = task.created_at
        task.save()
    return task


@pytest.mark.parametrize("status", list(S))
@pytest.mark.parametrize("action", list(ACTIONS))
def test_transition_table(status, action, supervisor, staff, clerk):
    task = _task(status, staff, clerk)
    actor = {"owner": staff, "supervisor": supervisor, "assigner": clerk}[ACTOR[action]]
    run, target = ACTIONS[action]
    if (status, action) in ALLOWED:
        run(task, actor)
        task.refresh_from_db()
        assert task.status == target
        assert AuditEvent.objects.filter(verb=VERBS[action], target_id=str(task.pk)).exists()
    else:
        with pytest.raises(TransitionNotAllowed):
            run(task, actor)
        task.refresh_from_db()
        assert task.status == status
        assert not AuditEvent.objects.filter(verb=VERBS[action]).exists()


@pytest.mark.parametrize("status", list(S))
@pytest.mark.parametrize("action", list(ACTIONS))
def test_transition_table_refuses_the_wrong_actor(status, action, supervisor, staff, clerk,
                                                  other_staff):  # fmt: skip
    """Whatever the state, someone with no part in the step is refused and nothing changes;
    so is the owner at a supervisor's or the assigner's step, and a supervisor at the owner's."""
    task = _task(status, staff, clerk)
    wrong = [
        other_staff,
        *{"owner": [supervisor], "supervisor": [staff], "assigner": [staff]}[ACTOR[action]],
    ]
    run, _target = ACTIONS[action]
    for actor in wrong:
        with pytest.raises(NotAllowed):
            run(task, actor)
    task.refresh_from_db()
    assert task.status == status
    assert not AuditEvent.objects.filter(verb=VERBS[action]).exists()


def test_a_supervisor_cannot_verify_an_item_they_own(supervisor, clerk):
    task = _task(S.COMPLETION_REQUESTED, supervisor, clerk)
    with pytest.raises(NotAllowed):
        task_completion_verify(task_id=task.pk, by=supervisor)
    task.refresh_from_db()
    assert task.status == S.COMPLETION_REQUESTED


def test_co_owner_reports_progress_an_outsider_cannot(staff, other_staff, clerk, supervisor):
    task = TaskFactory(status=S.IN_PROGRESS, owner=staff, assigned_by=clerk)
    task.co_owners.set([other_staff])
    progress_report_add(task_id=task.pk, by=other_staff, text="协办部分已完成")
    for outsider in (supervisor, clerk):
        with pytest.raises(NotAllowed):
            progress_report_add(task_id=task.pk, by=outsider, text="代为填报")
    assert [r.author for r in task.reports.all()] == [other_staff]


def test_only_filers_file_an_ad_hoc_item(staff, other_staff):
    with pytest.raises(NotAllowed):
        task_create_from(
            source=None,
            source_kind="adhoc",
            title="自行立项",
            owner=other_staff,
            deadline=in_days(5),
            assigned_by=staff,
        )
    assert not Task.objects.exists()


def test_only_overseers_ask_for_the_circular(staff, supervisor):
    with pytest.raises(NotAllowed):
        circular_request(month=in_days(0), by=staff)
    assert not Circular.objects.exists()
    circular_request(month=in_days(0), by=supervisor)
    assert Circular.objects.count() == 1


@pytest.mark.parametrize("status", list(S))
def test_progress_and_extension_only_while_with_owner(status, staff):
    task = TaskFactory(status=status, owner=staff)
    with_owner = status in (S.ASSIGNED, S.IN_PROGRESS)
    if with_owner:
        progress_report_add(task_id=task.pk, by=staff, text="完成一半")
        extension_request(task_id=task.pk, by=staff, new_deadline=in_days(30), reason="等待批复")
        assert task.reports.count() == 1
        assert task.extensions.get().status == Extension.Status.PENDING
    else:
        with pytest.raises(DomainError):
            progress_report_add(task_id=task.pk, by=staff, text="完成一半")
        with pytest.raises(DomainError):
            extension_request(
                task_id=task.pk, by=staff, new_deadline=in_days(30), reason="等待批复"
            )
        assert not task.reports.exists() and not task.extensions.exists()
