"""Factories for the duty app's records."""

from datetime import date, time, timedelta

import factory
from django.utils.timezone import localdate, now

from duty.models import Assignment, Post, Shift, ShiftTemplate


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"值守点{n}")


class ShiftTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShiftTemplate
        django_get_or_create = ["name"]

    name = "白班"
    start_time = time(8)
    end_time = time(20)


def day_template():
    return ShiftTemplateFactory(name="白班", start_time=time(8), end_time=time(20), order=0)


def night_template():
    return ShiftTemplateFactory(name="夜班", start_time=time(20), end_time=time(8), order=1)


def make_shift(*, post=None, template=None, day: date | None = None) -> Shift:
    post = post or PostFactory(name="总值班室")
    template = template or day_template()
    day = day or localdate()
    starts_at, ends_at = template.bounds_on(day)
    return Shift.objects.get_or_create(
        post=post,
        template=template,
        date=day,
        defaults={"starts_at": starts_at, "ends_at": ends_at},
    )[0]


def assign(shift: Shift, person, role: str = "officer") -> Assignment:
    return Assignment.objects.create(
        shift=shift, person=person, role=role, starts_at=shift.starts_at, ends_at=shift.ends_at
    )


def shift_running_now(*, post=None) -> Shift:
    """A 12-hour shift (template built around the current local time) in progress now."""
    from django.utils.timezone import localtime

    local = localtime(now())
    start = (local - timedelta(hours=2)).replace(minute=0, second=0, microsecond=0)
    template = ShiftTemplateFactory(
        name="当前班", start_time=start.time(), end_time=(start + timedelta(hours=12)).time()
    )
    return make_shift(post=post, template=template, day=start.date())


def following_shift(shift: Shift) -> Shift:
    """The shift at the same post that starts when `shift` ends."""
    from django.utils.timezone import localtime

    start = localtime(shift.ends_at)
    template = ShiftTemplateFactory(
        name="下一班", start_time=start.time(), end_time=(start + timedelta(hours=12)).time()
    )
    return make_shift(post=shift.post, template=template, day=start.date())
