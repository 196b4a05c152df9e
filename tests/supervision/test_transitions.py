"""The whole workflow table: every service from every status, allowed or refused."""

import pytest

from office.errors import DomainError, TransitionNotAllowed
from office.models import AuditEvent
from supervision.models import Extension, Task
from supervision.services import (
    extension_request,
    progress_report_add,
    task_accept,
    task_cancel,
    task_completion_request,
    task_completion_return,
    task_completion_verify,
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


@pytest.mark.parametrize("status", list(S))
@pytest.mark.parametrize("action", list(ACTIONS))
def test_transition_table(status, action, supervisor, staff):
    task = TaskFactory(status=status, owner=staff, completion_requested_at=None)
    if status == S.COMPLETION_REQUESTED:
        task.completion_requested_at = task.created_at
        task.save()
    run, target = ACTIONS[action]
    if (status, action) in ALLOWED:
        run(task, supervisor)
        task.refresh_from_db()
        assert task.status == target
        assert AuditEvent.objects.filter(verb=VERBS[action], target_id=str(task.pk)).exists()
    else:
        with pytest.raises(TransitionNotAllowed):
            run(task, supervisor)
        task.refresh_from_db()
        assert task.status == status
        assert not AuditEvent.objects.filter(verb=VERBS[action]).exists()


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
