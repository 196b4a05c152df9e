"""Shifts across midnight, assignments without overlaps, generation by rotation."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import IntegrityError, transaction

from duty.models import Assignment, Shift
from duty.services.roster import assignment_add, assignment_remove, roster_generate
from office.errors import DomainError, NotAllowed
from office.models import AuditEvent
from tests.duty.factories import PostFactory, assign, day_template, make_shift, night_template
from tests.factories import UserFactory

SHANGHAI = ZoneInfo("Asia/Shanghai")
pytestmark = pytest.mark.django_db


def test_night_shift_crosses_midnight_in_shanghai_time():
    start, end = night_template().bounds_on(date(2026, 12, 31))
    assert start == datetime(2026, 12, 31, 20, tzinfo=SHANGHAI)
    assert end == datetime(2027, 1, 1, 8, tzinfo=SHANGHAI)
    assert end - start == timedelta(hours=12)
    assert start.utcoffset() == timedelta(hours=8)


def test_day_shift_stays_on_its_day():
    start, end = day_template().bounds_on(date(2026, 3, 8))
    assert (start.hour, end.hour, end.date()) == (8, 20, date(2026, 3, 8))


def test_person_cannot_be_on_two_overlapping_shifts(director, officer):
    day = date(2026, 12, 1)
    first = make_shift(post=PostFactory(name="总值班室"), day=day)
    other_post = make_shift(post=PostFactory(name="应急值守"), day=day)
    assignment_add(shift=first, person=officer, role="officer", by=director)
    with pytest.raises(DomainError, match="时间重叠"):
        assignment_add(shift=other_post, person=officer, role="officer", by=director)
    assert Assignment.objects.filter(person=officer).count() == 1


def test_back_to_back_shifts_do_not_overlap(director, officer):
    day = date(2026, 12, 1)
    assignment_add(shift=make_shift(day=day), person=officer, role="officer", by=director)
    night = make_shift(template=night_template(), day=day)
    assignment_add(shift=night, person=officer, role="officer", by=director)
    assert Assignment.objects.filter(person=officer).count() == 2


def test_database_refuses_overlap_even_past_the_service(officer):
    day = date(2026, 12, 1)
    assign(make_shift(post=PostFactory(name="甲"), day=day), officer)
    with pytest.raises(IntegrityError), transaction.atomic():
        assign(make_shift(post=PostFactory(name="乙"), day=day), officer)


def test_one_leader_per_shift(director, leader):
    second = UserFactory(username="zhengqiang", roles=["shift_leader"])
    shift = make_shift(day=date(2026, 12, 2))
    assignment_add(shift=shift, person=leader, role="leader", by=director)
    with pytest.raises(DomainError):
        assignment_add(shift=shift, person=second, role="leader", by=director)


def test_only_duty_staff_can_be_rostered(director, staff, officer):
    shift = make_shift(day=date(2026, 12, 2))
    with pytest.raises(DomainError):
        assignment_add(shift=shift, person=staff, role="officer", by=director)
    with pytest.raises(DomainError):
        assignment_add(shift=shift, person=officer, role="leader", by=director)


def test_generate_rotates_people_and_audits(director, leader, officer):
    zhoujie = UserFactory(username="zhoujie", roles=["duty_officer"])
    made = roster_generate(
        post=PostFactory(name="总值班室"),
        templates=[day_template(), night_template()],
        first_day=date(2026, 12, 1),
        last_day=date(2026, 12, 3),
        leaders=[leader],
        officers=[officer, zhoujie],
        officers_per_shift=1,
        by=director,
    )
    assert made.shifts == 6 and made.assignments == 12
    officers = list(
        Assignment.objects.filter(role="officer")
        .order_by("starts_at")
        .values_list("person__username", flat=True)
    )
    assert officers == ["officer", "zhoujie"] * 3
    assert Shift.objects.get(date=date(2026, 12, 1), template__name="夜班").ends_at == datetime(
        2026, 12, 2, 8, tzinfo=SHANGHAI
    )
    assert AuditEvent.objects.filter(verb="duty.roster_generated").count() == 1


def test_generate_clash_saves_nothing(director, leader, officer):
    busy = make_shift(post=PostFactory(name="应急值守"), day=date(2026, 12, 2))
    assign(busy, officer)
    before = Assignment.objects.count()
    with pytest.raises(DomainError, match="时间重叠"):
        with transaction.atomic():
            roster_generate(
                post=PostFactory(name="总值班室"),
                templates=[day_template()],
                first_day=date(2026, 12, 1),
                last_day=date(2026, 12, 3),
                leaders=[leader],
                officers=[officer],
                officers_per_shift=1,
                by=director,
            )
    assert Assignment.objects.count() == before
    assert not Shift.objects.filter(post__name="总值班室").exists()


@pytest.mark.parametrize(
    ("first", "last", "per_shift", "message"),
    [
        (date(2026, 12, 5), date(2026, 12, 1), 1, "结束日期"),
        (date(2026, 1, 1), date(2026, 12, 31), 1, "最多"),
        (date(2026, 12, 1), date(2026, 12, 2), 3, "人数少于"),
    ],
)
def test_generate_refuses_bad_ranges(director, leader, officer, first, last, per_shift, message):
    with pytest.raises(DomainError, match=message):
        roster_generate(
            post=PostFactory(name="总值班室"),
            templates=[day_template()],
            first_day=first,
            last_day=last,
            leaders=[leader],
            officers=[officer],
            officers_per_shift=per_shift,
            by=director,
        )


def test_template_end_equal_start_is_a_24_hour_shift():
    from tests.duty.factories import ShiftTemplateFactory

    template = ShiftTemplateFactory(name="全天", start_time=time(9), end_time=time(9))
    start, end = template.bounds_on(date(2026, 12, 1))
    assert end - start == timedelta(hours=24)


def test_only_leaders_and_directors_set_up_and_roster(officer, staff, leader):
    """A duty officer or a plain member of staff cannot change posts, templates or the roster."""
    from duty.services.setup import post_create, template_create

    shift = make_shift(day=date(2026, 12, 2))
    assignment = assign(shift, officer)
    for actor in (officer, staff):
        with pytest.raises(NotAllowed):
            post_create(name="新值守点", by=actor)
        with pytest.raises(NotAllowed):
            template_create(name="早班", start_time=time(6), end_time=time(14), by=actor)
        with pytest.raises(NotAllowed):
            assignment_add(shift=shift, person=leader, role="leader", by=actor)
        with pytest.raises(NotAllowed):
            assignment_remove(assignment=assignment, by=actor)
        with pytest.raises(NotAllowed):
            roster_generate(
                post=shift.post,
                templates=[shift.template],
                first_day=date(2026, 12, 3),
                last_day=date(2026, 12, 3),
                leaders=[leader],
                officers=[officer],
                officers_per_shift=1,
                by=actor,
            )
    assert list(shift.assignments.values_list("person", flat=True)) == [officer.pk]
    assert Shift.objects.count() == 1
    assignment_add(shift=shift, person=leader, role="leader", by=leader)  # a shift leader may
