"""Supervision items in any state, built through the services where it matters."""

import datetime

import factory
from django.utils import timezone

from supervision.models import Extension, ProgressReport, Task
from tests.factories import UserFactory


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


class TaskFactory(factory.django.DjangoModelFactory):
    """A row as the services would leave it; pass status= to start elsewhere."""

    class Meta:
        model = Task
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"督办事项{n}")
    description = "按期完成并报送结果。"
    owner = factory.SubFactory(UserFactory)
    owner_department = factory.LazyAttribute(lambda task: task.owner.department)
    assigned_by = factory.SubFactory(UserFactory)
    deadline = factory.LazyFunction(lambda: in_days(10))
    original_deadline = factory.LazyAttribute(lambda task: task.deadline)
    source_kind = Task.SourceKind.ADHOC

    @factory.post_generation
    def co_owners(self, create, extracted, **kwargs):
        if create and extracted:
            self.co_owners.set(extracted)


class ProgressReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressReport

    task = factory.SubFactory(TaskFactory)
    author = factory.LazyAttribute(lambda report: report.task.owner)
    text = "已完成初稿。"


class ExtensionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Extension

    task = factory.SubFactory(TaskFactory)
    requested_by = factory.LazyAttribute(lambda ext: ext.task.owner)
    old_deadline = factory.LazyAttribute(lambda ext: ext.task.deadline)
    new_deadline = factory.LazyAttribute(lambda ext: ext.task.deadline + datetime.timedelta(7))
    reason = "需要协调财务处数据。"
