"""The functions other apps call: task_create_from, tasks_for_source(s), Task.light."""

import datetime

import pytest
from django.template.loader import render_to_string

from office.errors import DomainError
from office.models import AuditEvent, Notification, Reminder
from supervision.models import Task
from supervision.selectors import tasks_for_source, tasks_for_sources
from supervision.services import task_create_from
from tests.factories import DepartmentFactory, UserFactory
from tests.supervision.factories import TaskFactory, in_days

pytestmark = pytest.mark.django_db


def create(source, *, owner, by, **extra):
    fields = {
        "source": source,
        "source_kind": "instruction",
        "title": "落实安全生产检查",
        "owner": owner,
        "deadline": in_days(10),
        "assigned_by": by,
    }
    fields.update(extra)
    return task_create_from(**fields)


def test_create_from_source_links_notifies_and_audits(director, staff, other_staff):
    source = DepartmentFactory(code="src", name="来文：关于安全检查的通知")
    task = create(source, owner=staff, by=director, co_owners=[other_staff], priority="urgent")
    assert task.status == Task.Status.ASSIGNED
    assert task.source == source and task.source_label == "来文：关于安全检查的通知"
    assert task.owner_department == staff.department  # defaults to the owner's
    assert list(task.co_owners.all()) == [other_staff]
    assert task.original_deadline == task.deadline
    assert set(Notification.objects.values_list("recipient__username", flat=True)) == {
        "staff",
        "other",
    }
    assert AuditEvent.objects.filter(verb="supervision.task_created", actor=director).count() == 1
    deadline_reminder = Reminder.objects.get(kind="supervision.deadline")
    assert deadline_reminder.recipient == staff
    assert deadline_reminder.occurrence == task.deadline.isoformat()


def test_adhoc_item_has_no_source(clerk, staff):
    task = create(None, owner=staff, by=clerk, source_kind="adhoc")
    assert task.source is None
    assert task.source_display() == {"label": "", "url": "", "exists": False}


def test_deleted_source_is_tolerated(clerk, staff):
    source = DepartmentFactory(code="gone", name="已删除的决定事项")
    task = create(source, owner=staff, by=clerk, source_kind="resolution")
    source.delete()
    task = Task.objects.get(pk=task.pk)
    assert task.source_display() == {"label": "已删除的决定事项", "url": "", "exists": False}


def test_source_with_url_is_linked(clerk, staff, other_staff):
    task = create(other_staff, owner=staff, by=clerk)
    shown = task.source_display()
    assert shown["exists"] and shown["url"] == other_staff.get_absolute_url()


@pytest.mark.parametrize(
    "change, message",
    [
        ({"deadline": in_days(-1)}, "截止日期不能早于今天"),
        ({"title": "  "}, "请填写事项名称"),
        ({"source_kind": "rumour"}, "来源无效"),
        ({"priority": "whenever"}, "紧急程度无效"),
        ({"report_cycle": "daily"}, "报告周期无效"),
    ],
)
def test_create_refuses_bad_input_and_saves_nothing(clerk, staff, change, message):
    with pytest.raises(DomainError, match=message):
        create(None, owner=staff, by=clerk, **change)
    assert not Task.objects.exists()
    assert not Notification.objects.exists()


def test_tasks_for_source_and_sources(clerk, staff):
    first, second, unrelated = (
        DepartmentFactory(code="a"),
        DepartmentFactory(code="b"),
        DepartmentFactory(code="c"),
    )
    one = create(first, owner=staff, by=clerk)
    two = create(first, owner=staff, by=clerk)
    three = create(second, owner=staff, by=clerk)
    assert list(tasks_for_source(second)) == [three]
    create(staff, owner=staff, by=clerk)  # another model with a clashing pk must not leak in
    assert set(tasks_for_source(first)) == {one, two}
    assert list(tasks_for_source(unrelated)) == []


def test_tasks_for_sources_is_one_query(clerk, staff, django_assert_num_queries):
    sources = [DepartmentFactory(code=f"s{i}") for i in range(3)]
    made = {source.pk: create(source, owner=staff, by=clerk) for source in sources[:2]}
    with django_assert_num_queries(1):  # the content type is cached
        found = tasks_for_sources(sources)
    assert found == {pk: [task] for pk, task in made.items()}
    assert tasks_for_sources([]) == {}


@pytest.mark.parametrize(
    "days, status, light",
    [
        (10, Task.Status.IN_PROGRESS, "green"),
        (4, Task.Status.IN_PROGRESS, "green"),
        (3, Task.Status.ASSIGNED, "yellow"),
        (0, Task.Status.COMPLETION_REQUESTED, "yellow"),
        (-1, Task.Status.IN_PROGRESS, "red"),
        (-1, Task.Status.COMPLETED, ""),
        (5, Task.Status.CANCELLED, ""),
    ],
)
def test_light(days, status, light):
    task = TaskFactory.build(deadline=in_days(days), status=status)
    assert task.light == light
    if light:
        assert task.get_light_display() in {
            "正常",
            "临期",
            "逾期",
            "On track",
            "Due soon",
            "Overdue",
        }


def test_yellow_threshold_is_a_setting(settings):
    settings.SUPERVISION_YELLOW_DAYS = 5
    assert TaskFactory.build(deadline=in_days(5)).light == "yellow"


def test_light_partial(clerk):
    task = TaskFactory.build(deadline=in_days(-2), status=Task.Status.IN_PROGRESS)
    html = render_to_string("supervision/partials/_light.html", {"task": task})
    assert 'class="light light-red"' in html
    done = TaskFactory.build(deadline=in_days(-2), status=Task.Status.COMPLETED)
    assert render_to_string("supervision/partials/_light.html", {"task": done}).strip() == ""


def test_absolute_url(clerk):
    task = TaskFactory()
    assert task.get_absolute_url() == f"/supervision/items/{task.pk}/"


def test_deadline_today_is_allowed(clerk):
    owner = UserFactory()
    task = create(None, owner=owner, by=clerk, deadline=in_days(0), source_kind="adhoc")
    assert task.deadline == datetime.date.today() or task.deadline == in_days(0)


def test_items_of_a_source_on_another_apps_page(rf, clerk, staff, outsider):
    from django.template import Context, Template

    source = DepartmentFactory(code="doc", name="某来文")
    create(source, owner=staff, by=clerk, title="按来文要求整改")
    page = Template("{% load supervision_tags %}{% supervision_items source %}")
    shown = page.render(Context({"user": staff, "source": source}))
    assert "按来文要求整改" in shown and "supervision-items" in shown
    hidden = page.render(Context({"user": outsider, "source": source}))
    assert "按来文要求整改" not in hidden  # not theirs: not even the title
