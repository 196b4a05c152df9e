"""The escalation ladder (steps as settings, each exactly once) and splitting (分解)."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from office.models import AuditEvent, Notification, Reminder
from supervision.assessment import assessment_for
from supervision.circular import circular_context
from supervision.models import Note, Task
from supervision.services import (
    task_accept,
    task_completion_request,
    task_completion_verify,
    task_create_from,
    task_split,
)
from supervision.statistics import OFFICE_WIDE
from supervision.tasks import sweep_overdue
from tests.factories import UserFactory
from tests.supervision.factories import TaskFactory, in_days

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: int, hour: int = 10):
    return time_machine.travel(datetime.datetime(2026, 3, day, hour, tzinfo=SHANGHAI), tick=False)


@pytest.fixture
def head(staff):
    person = UserFactory(username="head", department=staff.department)
    staff.department.head = person
    staff.department.save()
    return person


def test_the_ladder_yellow_red_then_director_each_step_once(settings, clerk, staff, head, director):
    settings.SUPERVISION_CHASE_AFTER_DAYS = 1
    settings.SUPERVISION_ESCALATE_AFTER_DAYS = 3
    with at(2):
        task = task_create_from(
            source=None, source_kind="adhoc", title="修订应急预案", owner=staff,
            deadline=datetime.date(2026, 3, 12), assigned_by=clerk,
        )  # fmt: skip
    # yellow: a reminder to the owner when it turns yellow (3 days before)
    yellow = Reminder.objects.get(target_id=str(task.pk), kind="supervision.deadline")
    assert yellow.recipient == staff and yellow.due_at.astimezone(SHANGHAI).day == 9
    with at(12):
        sweep_overdue()
        assert not Note.objects.exists()  # due today: not red yet
    with at(13):
        sweep_overdue()
        sweep_overdue()  # the next hour's run adds nothing
        chase = Note.objects.get()
        assert chase.kind == Note.Kind.CHASE and chase.author is None
        told = Notification.objects.filter(kind="supervision.chased")
        assert set(told.values_list("recipient", flat=True)) == {staff.pk, head.pk}
        assert not Reminder.objects.filter(kind="supervision.escalation").exists()
    with at(14):
        sweep_overdue()
        assert Note.objects.count() == 1  # one chase per deadline, not one per day
    with at(15):
        sweep_overdue()
        sweep_overdue()
        task.refresh_from_db()
        assert task.escalated_at is not None
        escalation = Reminder.objects.get(kind="supervision.escalation")
        assert escalation.recipient == director
        assert AuditEvent.objects.filter(verb="supervision.escalated").count() == 1
        named = circular_context(datetime.date(2026, 3, 1))["escalated"]
        assert [t.pk for t in named] == [task.pk]


def test_the_ladder_steps_are_settings(settings, clerk, staff, head):
    settings.SUPERVISION_CHASE_AFTER_DAYS = 3
    with at(2):
        TaskFactory(owner=staff, assigned_by=clerk, deadline=datetime.date(2026, 3, 5))
    with at(7):
        sweep_overdue()
        assert not Note.objects.exists()
    with at(8):
        sweep_overdue()
        assert Note.objects.count() == 1


@pytest.fixture
def parent(clerk, staff, other_staff):
    task = TaskFactory(
        title="创建文明城市", owner=staff, assigned_by=clerk, co_owners=[other_staff],
        deadline=in_days(20), status=Task.Status.IN_PROGRESS,
    )  # fmt: skip
    return task


def test_a_split_item_completes_only_after_every_sub_item_is_verified(
    parent, staff, other_staff, supervisor
):
    [part] = task_split(
        task_id=parent.pk,
        by=staff,
        parts=[{"owner": other_staff, "title": "整治背街小巷", "deadline": in_days(10)}],
    )
    assert part.parent == parent and part.owner == other_staff and part.light == "green"
    with pytest.raises(Exception, match="分解事项核验后才能办结"):
        task_completion_request(task_id=parent.pk, by=staff, result="已完成")
    task_accept(task_id=part.pk, by=other_staff)
    task_completion_request(task_id=part.pk, by=other_staff, result="已整治")
    with pytest.raises(Exception, match="还有 1 项未核验"):
        task_completion_request(task_id=parent.pk, by=staff, result="已完成")
    task_completion_verify(task_id=part.pk, by=supervisor)
    task_completion_request(task_id=parent.pk, by=staff, result="已完成")
    assert task_completion_verify(task_id=parent.pk, by=supervisor).status == "completed"


@pytest.mark.parametrize(
    "part, message",
    [
        ({"owner": "staff", "title": "x", "deadline": 5}, "协办人"),
        ({"owner": "other_staff", "title": "x", "deadline": 30}, "不能晚于"),
        ({"owner": "other_staff", "title": "x", "deadline": -1}, "不能早于今天"),
        ({"owner": "other_staff", "title": " ", "deadline": 5}, "名称"),
    ],
)
def test_a_bad_split_saves_nothing(request, parent, staff, part, message):
    part = {**part, "owner": request.getfixturevalue(part["owner"])}
    part["deadline"] = in_days(part["deadline"])
    with pytest.raises(Exception, match=message):
        task_split(task_id=parent.pk, by=staff, parts=[part])
    assert not parent.children.exists()


def test_splitting_through_the_page(client_for, parent, staff, other_staff, clerk):
    page = client_for(staff).get(parent.get_absolute_url()).content.decode()
    assert 'id="split-form"' in page
    assert (
        'id="split-form"' not in client_for(clerk).get(parent.get_absolute_url()).content.decode()
    )
    response = client_for(staff).post(
        reverse("supervision:task_split", args=[parent.pk]),
        {"split-owner_0": other_staff.pk, "split-title_0": "整治背街小巷",
         "split-deadline_0": in_days(5).isoformat()},
        follow=True,
    )  # fmt: skip
    assert "已分解为 1 个事项" in response.content.decode()
    part = parent.children.get()
    assert client_for(other_staff).get(part.get_absolute_url()).status_code == 200
    half = client_for(staff).post(
        reverse("supervision:task_split", args=[parent.pk]),
        {"split-owner_0": other_staff.pk, "split-title_0": "只有名称"},
    )
    assert half.status_code == 200 and "都需要协办人、名称和办结时限" in half.content.decode()
    assert parent.children.count() == 1


def test_assessment_scores_departments_from_rate_and_overdue_days(settings, clerk, staff):
    settings.SUPERVISION_SCORE_BASE = 100
    settings.SUPERVISION_SCORE_PER_OVERDUE_DAY = 1
    with at(20):
        TaskFactory(owner=staff, assigned_by=clerk, deadline=datetime.date(2026, 3, 10),
                    status=Task.Status.COMPLETED, on_time=True)  # fmt: skip
        TaskFactory(owner=staff, assigned_by=clerk, deadline=datetime.date(2026, 3, 15))
        TaskFactory(owner=staff, assigned_by=clerk, deadline=datetime.date(2026, 3, 28))
        [score] = assessment_for(OFFICE_WIDE, month=datetime.date(2026, 3, 1))
        # 1 of 2 due on time (50), 5 days overdue (-5); the one not yet due does not count
        assert (score.due, score.on_time, score.overdue_days) == (2, 1, 5)
        assert str(score.score) == "45.0"
