"""The rules: who enters and publishes, the clash warning, publishing and 变更, visibility."""

import datetime

import pytest
import time_machine

from meetings.models import Attendance, Meeting
from office.errors import DomainError, NotAllowed
from office.models import AuditEvent, Notification
from schedule import selectors, services
from schedule.models import Entry, PlanRow, Visibility, WeekPlan
from tests.meetings.factories import AttendanceFactory, MeetingFactory
from tests.reception.factories import VisitFactory
from vehicles.models import Trip

from .conftest import SHANGHAI, local

pytestmark = pytest.mark.django_db
MONDAY = datetime.date(2026, 11, 30)


def data(leader, start, hours=2, **more):
    return services.EntryData(
        leader=leader,
        kind=more.pop("kind", Entry.Kind.RESEARCH),
        title=more.pop("title", "乡村振兴调研"),
        start=start,
        end=start + datetime.timedelta(hours=hours),
        **more,
    )


def test_only_the_office_enters_activities(frozen, county_head, staff, clerk, director):
    with pytest.raises(NotAllowed):
        services.entry_create(data=data(county_head, local(MONDAY, 9)), by=staff)
    assert not Entry.objects.exists()
    services.entry_create(data=data(county_head, local(MONDAY, 9)), by=clerk)
    services.entry_create(data=data(county_head, local(MONDAY, 14)), by=director)
    assert Entry.objects.count() == 2
    assert AuditEvent.objects.filter(verb="schedule.entry_added").count() == 2


def test_an_activity_ending_before_it_starts_is_refused(frozen, county_head, clerk):
    with pytest.raises(DomainError):
        services.entry_create(data=data(county_head, local(MONDAY, 9), hours=-1), by=clerk)
    assert not Entry.objects.exists()


def test_a_clash_with_a_chaired_meeting_is_named_and_saved_only_when_confirmed(
    frozen, county_head, director
):
    MeetingFactory(chair=county_head.user, title="防汛工作专题会", start=local(MONDAY, 9))
    with pytest.raises(services.Clash) as refused:
        services.entry_create(data=data(county_head, local(MONDAY, 9, 30)), by=director)
    assert "防汛工作专题会" in str(refused.value) and "09:00" in str(refused.value)
    assert not Entry.objects.exists()
    entry = services.entry_create(
        data=data(county_head, local(MONDAY, 9, 30)), by=director, confirm_clash=True
    )
    event = AuditEvent.objects.get(verb="schedule.entry_added")
    assert "防汛工作专题会" in event.data["clashes"][0]
    assert entry.pk


def test_a_clash_names_a_meeting_the_clerk_may_not_open_by_its_kind_only(
    frozen, county_head, clerk
):
    MeetingFactory(chair=county_head.user, title="人事任免会", start=local(MONDAY, 9))
    with pytest.raises(services.Clash) as refused:
        services.entry_create(data=data(county_head, local(MONDAY, 9, 30)), by=clerk)
    assert "人事任免会" not in str(refused.value) and "会议" in str(refused.value)


@pytest.mark.parametrize("source", ["entry", "attended", "trip", "visit"])
def test_clashes_with_own_entries_attended_meetings_trips_and_visits(
    frozen, county_head, director, make_entry, source
):
    start = local(MONDAY, 9)
    user = county_head.user
    if source == "entry":
        make_entry(county_head, start, title="会见客商")
    elif source == "attended":
        AttendanceFactory(user=user, meeting=MeetingFactory(start=start, title="常务会"))
    elif source == "trip":
        Trip.objects.create(
            requested_by=user,
            origin="县政府",
            destination="市里",
            start=start,
            end=start + datetime.timedelta(hours=3),
            purpose="赴市汇报",
            status=Trip.Status.APPROVED,
        )
    else:
        VisitFactory(host=user, purpose="接待省调研组", expected_arrival=start)
    with pytest.raises(services.Clash):
        services.entry_create(data=data(county_head, local(MONDAY, 9, 30)), by=director)


def test_no_clash_with_a_declined_or_cancelled_meeting_or_another_leader(
    frozen, county_head, deputy, clerk, make_entry
):
    start = local(MONDAY, 9)
    AttendanceFactory(
        user=county_head.user,
        meeting=MeetingFactory(start=start),
        response=Attendance.Response.DECLINED,
    )
    MeetingFactory(chair=county_head.user, start=start, status=Meeting.Status.CANCELLED)
    make_entry(deputy, start)
    make_entry(county_head, local(MONDAY, 11))  # back to back is no clash
    services.entry_create(data=data(county_head, start), by=clerk)
    assert Entry.objects.filter(leader=county_head).count() == 2


def test_changing_an_entry_does_not_clash_with_itself(frozen, county_head, clerk, make_entry):
    entry = make_entry(county_head, local(MONDAY, 9))
    services.entry_update(
        entry_id=entry.pk, data=data(county_head, local(MONDAY, 10), title="改期调研"), by=clerk
    )
    entry.refresh_from_db()
    assert entry.title == "改期调研" and entry.start == local(MONDAY, 10)


def test_publishing_snapshots_the_week_and_again_flags_changes_and_tells_the_leader(
    frozen, county_head, deputy, clerk, make_entry
):
    first = make_entry(county_head, local(MONDAY, 9))
    make_entry(deputy, local(MONDAY + datetime.timedelta(days=2), 15))
    make_entry(deputy, local(MONDAY + datetime.timedelta(days=7), 9))  # next week
    plan = services.week_publish(monday=MONDAY, by=clerk)
    assert plan.version == 1 and PlanRow.objects.filter(plan=plan).count() == 2
    assert not PlanRow.objects.filter(changed=True).exists()
    with pytest.raises(DomainError):  # nothing to publish again
        services.week_publish(monday=MONDAY, by=clerk)
    Entry.objects.filter(pk=first.pk).update(place="城关镇")
    plan = services.week_publish(monday=MONDAY, by=clerk)
    assert plan.version == 2
    changed = PlanRow.objects.get(plan=plan, changed=True)
    assert changed.key == f"entry:{first.pk}" and changed.place == "城关镇"
    assert Notification.objects.filter(recipient=county_head.user, kind="schedule.week_changed")
    assert not Notification.objects.filter(recipient=deputy.user).exists()
    assert AuditEvent.objects.filter(verb="schedule.week_republished").exists()


def test_staff_may_not_publish(frozen, staff):
    with pytest.raises(NotAllowed):
        services.week_publish(monday=MONDAY, by=staff)
    assert not WeekPlan.objects.exists()


def test_visibility_public_internal_office(
    frozen, county_head, deputy, clerk, staff, head_of_finance, make_entry
):
    make_entry(county_head, local(MONDAY, 8), title="公开活动", visibility=Visibility.PUBLIC)
    make_entry(county_head, local(MONDAY, 11), title="内部活动", visibility=Visibility.INTERNAL)
    make_entry(county_head, local(MONDAY, 15), title="办公室掌握", visibility=Visibility.OFFICE)
    start, end = selectors.week_bounds(MONDAY)
    items = selectors.gather(start, end)

    def titles(user):
        return [i.title.split("：")[1] for i in selectors.mask_for(user, items)]

    assert titles(staff) == ["公开活动"]
    assert titles(head_of_finance) == ["公开活动", "内部活动"]
    assert titles(deputy.user) == ["公开活动", "内部活动"]
    assert titles(county_head.user) == ["公开活动", "内部活动", "办公室掌握"]
    assert titles(clerk) == ["公开活动", "内部活动", "办公室掌握"]


def test_a_gathered_meeting_shows_its_title_only_to_who_may_open_it(
    frozen, county_head, clerk, director, head_of_finance
):
    MeetingFactory(chair=county_head.user, title="干部任免会", start=local(MONDAY, 9))
    start, end = selectors.week_bounds(MONDAY)
    items = selectors.gather(start, end)
    assert [i.title for i in selectors.mask_for(director, items)] == ["干部任免会"]
    assert [i.title for i in selectors.mask_for(county_head.user, items)] == ["干部任免会"]
    assert [i.title for i in selectors.mask_for(head_of_finance, items)] == ["会议"]


def test_week_boundary_on_sunday_at_23_50(county_head, make_entry):
    sunday_late = datetime.datetime(2026, 12, 6, 23, 50, tzinfo=SHANGHAI)
    make_entry(county_head, sunday_late - datetime.timedelta(hours=1), hours=1)  # Sun 22:50
    make_entry(county_head, datetime.datetime(2026, 12, 7, 0, 10, tzinfo=SHANGHAI), hours=1)
    with time_machine.travel(sunday_late, tick=False):
        monday = selectors.week_of(datetime.date.today())
        assert monday == MONDAY
        start, end = selectors.week_bounds(monday)
        assert [i.day for i in selectors.gather(start, end)] == [datetime.date(2026, 12, 6)]


def test_the_week_across_the_year_end(county_head, make_entry):
    make_entry(county_head, datetime.datetime(2027, 1, 2, 9, tzinfo=SHANGHAI))
    make_entry(county_head, datetime.datetime(2026, 12, 28, 9, tzinfo=SHANGHAI))
    with time_machine.travel(datetime.datetime(2026, 12, 31, 23, 50, tzinfo=SHANGHAI)):
        monday = selectors.week_of(datetime.date.today())
        assert monday == datetime.date(2026, 12, 28)
        start, end = selectors.week_bounds(monday)
        days = [i.day for i in selectors.gather(start, end)]
        assert days == [datetime.date(2026, 12, 28), datetime.date(2027, 1, 2)]


def test_a_removed_leader_is_no_longer_gathered(frozen, county_head, clerk, make_entry):
    make_entry(county_head, local(MONDAY, 9))
    services.leader_remove(leader_id=county_head.pk, by=clerk)
    start, end = selectors.week_bounds(MONDAY)
    assert selectors.gather(start, end) == []
    with pytest.raises(DomainError):
        services.entry_create(data=data(county_head, local(MONDAY, 14)), by=clerk)


def test_a_gathered_trip_or_visit_shows_its_purpose_only_to_who_may_open_it(
    frozen, county_head, head_of_finance
):
    start = local(MONDAY, 9)
    Trip.objects.create(
        requested_by=county_head.user,
        origin="县政府",
        destination="市里",
        start=start,
        end=start + datetime.timedelta(hours=3),
        purpose="赴市汇报",
        status=Trip.Status.DISPATCHED,
    )
    VisitFactory(host=county_head.user, purpose="接待省调研组", expected_arrival=local(MONDAY, 14))
    start, end = selectors.week_bounds(MONDAY)
    items = selectors.gather(start, end)
    assert [i.title for i in selectors.mask_for(county_head.user, items)] == [
        "赴市汇报",
        "接待省调研组",
    ]
    masked = selectors.mask_for(head_of_finance, items)
    assert [i.title for i in masked] == ["行程", "接待来访"]
    assert all(not i.place and not i.url for i in masked)
