"""Schedule fixtures: a frozen Wednesday, two leaders the office keeps, a department head."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.utils import timezone

from office.models import Department
from schedule.models import Entry, Leader, Visibility
from tests.factories import UserFactory

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
WEDNESDAY = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=SHANGHAI)  # week of Mon 30 Nov


def local(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@pytest.fixture
def frozen():
    with time_machine.travel(WEDNESDAY, tick=False):
        yield WEDNESDAY


@pytest.fixture
def county_head(db):
    user = UserFactory(username="wangxz", name="王县长")
    return Leader.objects.create(user=user, title="县长", order=1)


@pytest.fixture
def deputy(db):
    user = UserFactory(username="lifxz", name="李副县长")
    return Leader.objects.create(user=user, title="副县长", order=2)


@pytest.fixture
def head_of_finance(staff):
    head = UserFactory(username="hugang", name="胡刚", department=staff.department)
    Department.objects.filter(pk=staff.department_id).update(head=head)
    return head


@pytest.fixture
def make_entry(clerk):
    def make(leader, start, hours=2, visibility=Visibility.PUBLIC, title="乡村振兴调研", **more):
        return Entry.objects.create(
            leader=leader,
            kind=more.pop("kind", Entry.Kind.RESEARCH),
            title=title,
            start=start,
            end=start + datetime.timedelta(hours=hours),
            visibility=visibility,
            created_by=clerk,
            **more,
        )

    return make
