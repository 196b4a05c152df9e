"""Factories for the meetings app. Records made here skip the services on purpose: tests
of views and selectors need meetings in every state without walking the workflow."""

import datetime

import factory
from django.utils import timezone

from meetings.models import AgendaItem, Attendance, Meeting, Minutes, Resolution, Room
from tests.factories import UserFactory


def at(days: int = 1, hour: int = 9, minute: int = 0) -> datetime.datetime:
    """An aware local time `days` from today at hour:minute (Asia/Shanghai)."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


# A Wednesday morning in Beijing: the instant the room-rule and door tests freeze time at.
NOON = "2026-06-10 10:00 +0800"


def june(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    """An aware local time on `day` June 2026, the month of NOON."""
    return timezone.make_aware(datetime.datetime(2026, 6, day, hour, minute))


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Room

    name = factory.Sequence(lambda n: f"第{n}会议室")
    building = "行政楼"
    capacity = 10
    equipment = "投影仪、视频会议终端"


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    title = factory.Sequence(lambda n: f"专题会议{n}")
    kind = Meeting.Kind.TOPICAL
    status = Meeting.Status.SCHEDULED
    organiser = factory.SubFactory(UserFactory)
    chair = factory.SubFactory(UserFactory)
    recorder = factory.SubFactory(UserFactory)
    room = factory.SubFactory(RoomFactory)
    start = factory.LazyFunction(lambda: at(1, 9))
    end = factory.LazyAttribute(lambda m: m.start + datetime.timedelta(hours=1))


class AttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Attendance

    meeting = factory.SubFactory(MeetingFactory)
    user = factory.SubFactory(UserFactory)


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"议题{n}")


class MinutesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Minutes

    meeting = factory.SubFactory(MeetingFactory, status=Meeting.Status.HELD)
    summary = "会议听取了各部门工作汇报。"


class ResolutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resolution

    minutes = factory.SubFactory(MinutesFactory)
    content = factory.Sequence(lambda n: f"落实第{n}项工作")
    owner = factory.SubFactory(UserFactory)
    deadline = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=14))
