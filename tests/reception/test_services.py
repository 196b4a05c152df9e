"""Visit services: transition tables, check-in/out rules, notifications, personal data in audit.
(Arrangements: test_arrangement_services.py.)"""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils.timezone import now

from office.errors import DomainError, NotAllowed, TransitionNotAllowed
from office.models import AuditEvent, Notification
from reception import services
from reception.models import Arrangement, Visit, Visitor
from tests.reception.factories import (
    VALID_IDS,
    ArrangementFactory,
    WatchListEntryFactory,
    visit_with,
)

S = Visit.Status
A = Arrangement.Status


# --- the visit workflow -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        (S.EXPECTED, True),
        (S.ARRIVED, False),
        (S.LEFT, False),
        (S.NO_SHOW, False),
        (S.CANCELLED, False),
    ],
)
def test_cancel_only_from_expected(receptionist, status, allowed):
    visit = visit_with(status=status)
    if allowed:
        services.visit_cancel(visit_id=visit.pk, by=receptionist)
        assert Visit.objects.get(pk=visit.pk).status == S.CANCELLED
    else:
        with pytest.raises(TransitionNotAllowed):
            services.visit_cancel(visit_id=visit.pk, by=receptionist)
        assert Visit.objects.get(pk=visit.pk).status == status


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        (S.EXPECTED, True),
        (S.ARRIVED, False),
        (S.LEFT, False),
        (S.NO_SHOW, False),
        (S.CANCELLED, False),
    ],
)
def test_no_show_only_from_expected(receptionist, status, allowed):
    visit = visit_with(status=status)
    if allowed:
        services.visit_mark_no_show(visit_id=visit.pk, by=receptionist)
        assert Visit.objects.get(pk=visit.pk).status == S.NO_SHOW
    else:
        with pytest.raises(TransitionNotAllowed):
            services.visit_mark_no_show(visit_id=visit.pk, by=receptionist)
        assert Visit.objects.get(pk=visit.pk).status == status


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        (S.EXPECTED, True),
        (S.ARRIVED, True),
        (S.LEFT, True),
        (S.NO_SHOW, False),
        (S.CANCELLED, False),
    ],
)
def test_check_in_by_visit_status(receptionist, status, allowed):
    visit = visit_with(visitors=2, status=status)
    person = visit.visitors.first()
    if allowed:
        services.visitor_check_in(visitor_id=person.pk, badge_number="007", by=receptionist)
        assert Visit.objects.get(pk=visit.pk).status == S.ARRIVED
    else:
        with pytest.raises(DomainError):
            services.visitor_check_in(visitor_id=person.pk, badge_number="007", by=receptionist)
        assert Visitor.objects.get(pk=person.pk).checked_in_at is None


@pytest.mark.parametrize(
    ("status", "allowed"),
    [
        (S.EXPECTED, True),
        (S.ARRIVED, False),
        (S.LEFT, False),
        (S.NO_SHOW, False),
        (S.CANCELLED, False),
    ],
)
def test_update_only_while_expected(receptionist, status, allowed):
    visit = visit_with(status=status)
    later = now() + timedelta(days=1)

    def change():
        services.visit_update(
            visit_id=visit.pk,
            by=receptionist,
            organisation="新单位",
            purpose="改期",
            expected_arrival=later,
            expected_departure=later + timedelta(hours=1),
        )

    if allowed:
        change()
        assert Visit.objects.get(pk=visit.pk).expected_arrival == later
        assert Notification.objects.filter(kind="reception.visit_changed").exists()
    else:
        with pytest.raises(DomainError):
            change()
        assert Visit.objects.get(pk=visit.pk).purpose == visit.purpose


def _later():
    later = now() + timedelta(days=1)
    return {"expected_arrival": later, "expected_departure": later + timedelta(hours=1)}


# Each visit step as an actor of the test's choosing, and who else must be refused.
VISIT_STEPS = {
    "cancel": lambda visit, by: services.visit_cancel(visit_id=visit.pk, by=by),
    "no_show": lambda visit, by: services.visit_mark_no_show(visit_id=visit.pk, by=by),
    "update": lambda visit, by: services.visit_update(
        visit_id=visit.pk, by=by, organisation="新单位", purpose="改期", **_later()
    ),
    "check_in": lambda visit, by: services.visitor_check_in(
        visitor_id=visit.visitors.first().pk, badge_number="007", by=by
    ),
    "check_out": lambda visit, by: services.visitor_check_out(
        visitor_id=visit.visitors.first().pk, by=by
    ),
}
DESK_ONLY = {"no_show", "check_in", "check_out"}  # the host and a director are refused too


@pytest.mark.parametrize("status", list(S))
@pytest.mark.parametrize("step", list(VISIT_STEPS))
def test_visit_steps_refuse_the_wrong_actor(step, status, staff, other_staff, director):
    """Whatever the state: someone else's visit is not a plain member of staff's to change,
    and the desk's steps are the receptionists' alone. Nothing changes, nothing is audited."""
    visit = visit_with(status=status, host=staff)
    wrong = [other_staff, *([staff, director] if step in DESK_ONLY else [])]
    for actor in wrong:
        with pytest.raises(NotAllowed):
            VISIT_STEPS[step](visit, actor)
    fresh = Visit.objects.get(pk=visit.pk)
    assert (fresh.status, fresh.purpose) == (status, visit.purpose)
    assert not fresh.visitors.filter(checked_in_at__isnull=False).exists()
    assert not AuditEvent.objects.filter(target_id=str(visit.pk)).exists()


def test_the_host_changes_and_cancels_their_own_visit(staff):
    visit = visit_with(host=staff)
    VISIT_STEPS["update"](visit, staff)
    VISIT_STEPS["cancel"](visit, staff)
    assert Visit.objects.get(pk=visit.pk).status == S.CANCELLED


def test_the_end_of_day_sweep_marks_a_no_show_as_the_system(staff):
    visit = visit_with(host=staff)
    services.visit_mark_no_show(visit_id=visit.pk, by=None, quiet=True)
    assert Visit.objects.get(pk=visit.pk).status == S.NO_SHOW


def test_staff_register_only_their_own_visitors_and_never_walk_ins(staff, other_staff):
    data = {"organisation": "市财政局", "purpose": "调研", **_later()}
    people = [services.VisitorData(name="张明")]
    with pytest.raises(NotAllowed):
        services.visit_register(host=other_staff, by=staff, visitors=people, **data)
    with pytest.raises(NotAllowed):
        services.walk_in_register(
            host=staff,
            by=staff,
            organisation="市财政局",
            purpose="调研",
            expected_departure=data["expected_departure"],
            visitor=people[0],
            badge_number="A1",
        )
    assert not Visit.objects.exists()
    services.visit_register(host=staff, by=staff, visitors=people, **data)
    assert Visit.objects.get().host == staff


def test_only_reception_and_directors_keep_the_watch_list(staff, receptionist):
    with pytest.raises(NotAllowed):
        services.watch_entry_add(by=staff, name="张三", reason="冒充")
    entry = services.watch_entry_add(by=receptionist, name="张三", reason="冒充")
    with pytest.raises(NotAllowed):
        services.watch_entry_remove(entry_id=entry.pk, by=staff)
    entry.refresh_from_db()
    assert entry.active


def test_check_in_tells_the_host_in_app_and_by_mail(
    receptionist, visit, visitor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.visitor_check_in(visitor_id=visitor.pk, badge_number="012", by=receptionist)
    note = Notification.objects.get(recipient=visit.host, kind="reception.arrived")
    assert "张明" in note.title and "012" in note.body
    assert note.url == visit.get_absolute_url()
    assert [m.to for m in mail.outbox] == [[visit.host.email]]
    visitor.refresh_from_db()
    assert visitor.badge_number == "012" and visitor.checked_in_by == receptionist


def test_id_number_never_reaches_audit_or_notifications(receptionist, visit, visitor):
    services.visitor_check_in(visitor_id=visitor.pk, badge_number="1", by=receptionist)
    services.visitor_check_out(visitor_id=visitor.pk, by=receptionist)
    digits = visitor.id_number
    for event in AuditEvent.objects.all():
        assert digits not in str(event.data) and digits not in event.target_repr
    for note in Notification.objects.all():
        assert digits not in note.title + note.body


def test_double_check_in_is_refused_and_changes_nothing(receptionist, visitor):
    services.visitor_check_in(visitor_id=visitor.pk, badge_number="5", by=receptionist)
    first = Visitor.objects.get(pk=visitor.pk).checked_in_at
    with pytest.raises(DomainError, match="已签到"):
        services.visitor_check_in(visitor_id=visitor.pk, badge_number="6", by=receptionist)
    again = Visitor.objects.get(pk=visitor.pk)
    assert (again.checked_in_at, again.badge_number) == (first, "5")


def test_checking_out_someone_never_checked_in_is_refused(receptionist, visit, visitor):
    with pytest.raises(DomainError, match="从未签到"):
        services.visitor_check_out(visitor_id=visitor.pk, by=receptionist)
    assert Visitor.objects.get(pk=visitor.pk).checked_out_at is None
    assert Visit.objects.get(pk=visit.pk).status == S.EXPECTED


def test_double_check_out_is_refused(receptionist, visitor):
    services.visitor_check_in(visitor_id=visitor.pk, badge_number="5", by=receptionist)
    services.visitor_check_out(visitor_id=visitor.pk, by=receptionist)
    with pytest.raises(DomainError, match="已经签离"):
        services.visitor_check_out(visitor_id=visitor.pk, by=receptionist)


def test_a_badge_worn_inside_cannot_be_handed_out_again(receptionist):
    first, second = visit_with().visitors.get(), visit_with().visitors.get()
    services.visitor_check_in(visitor_id=first.pk, badge_number="A1", by=receptionist)
    with pytest.raises(DomainError, match="A1"):
        services.visitor_check_in(visitor_id=second.pk, badge_number="A1", by=receptionist)
    services.visitor_check_out(visitor_id=first.pk, by=receptionist)
    services.visitor_check_in(visitor_id=second.pk, badge_number="A1", by=receptionist)


def test_group_leaves_when_the_last_one_is_out_and_a_latecomer_reopens(receptionist):
    visit = visit_with(visitors=3)
    first, second, late = visit.visitors.all()
    for person, badge in ((first, "1"), (second, "2")):
        services.visitor_check_in(visitor_id=person.pk, badge_number=badge, by=receptionist)
    services.visitor_check_out(visitor_id=first.pk, by=receptionist)
    assert Visit.objects.get(pk=visit.pk).status == S.ARRIVED
    services.visitor_check_out(visitor_id=second.pk, by=receptionist)
    assert Visit.objects.get(pk=visit.pk).status == S.LEFT
    services.visitor_check_in(visitor_id=late.pk, badge_number="3", by=receptionist)
    assert Visit.objects.get(pk=visit.pk).status == S.ARRIVED


def test_watch_list_hit_needs_confirmation(receptionist, visitor):
    WatchListEntryFactory(name="某人", phone=visitor.phone, added_by=receptionist)
    with pytest.raises(services.WatchListWarning) as exc:
        services.visitor_check_in(visitor_id=visitor.pk, badge_number="9", by=receptionist)
    assert exc.value.entries and Visitor.objects.get(pk=visitor.pk).checked_in_at is None
    services.visitor_check_in(
        visitor_id=visitor.pk, badge_number="9", by=receptionist, watch_list_confirmed=True
    )
    checked = Visitor.objects.get(pk=visitor.pk)
    assert checked.checked_in_at and checked.watch_list_confirmed
    assert AuditEvent.objects.get(verb="reception.visitor_checked_in").data["watch_list"] is True


def test_an_inactive_watch_entry_is_ignored(receptionist, visitor):
    WatchListEntryFactory(name=visitor.name, active=False, added_by=receptionist)
    services.visitor_check_in(visitor_id=visitor.pk, badge_number="9", by=receptionist)


# --- registration ---------------------------------------------------------------------------


def test_group_registration_by_reception_tells_the_host(receptionist, staff):
    people = [
        services.VisitorData(name=name, phone="13900000000") for name in ["甲", "乙", "丙", "丁"]
    ]
    people[0] = services.VisitorData(name="甲", id_type="resident_id", id_number=VALID_IDS[0])
    visit = services.visit_register(
        host=staff,
        by=receptionist,
        organisation="市发改委",
        purpose="调研",
        expected_arrival=now() + timedelta(hours=1),
        expected_departure=now() + timedelta(hours=3),
        visitors=people,
    )
    assert visit.headcount == 4 and visit.visitors.count() == 4
    assert visit.party == "甲、乙、丙等4人"
    assert Notification.objects.filter(recipient=staff, kind="reception.visit_registered").exists()
    event = AuditEvent.objects.get(verb="reception.visit_registered")
    assert VALID_IDS[0] not in str(event.data)


def test_departure_before_arrival_saves_nothing(staff):
    with pytest.raises(DomainError):
        services.visit_register(
            host=staff,
            by=staff,
            organisation="",
            purpose="x",
            expected_arrival=now() + timedelta(hours=3),
            expected_departure=now() + timedelta(hours=1),
            visitors=[services.VisitorData(name="甲")],
        )
    assert not Visit.objects.exists() and not Visitor.objects.exists()


def test_cancel_closes_open_arrangements_and_tells_the_responsible(staff, receptionist):
    visit = visit_with(host=staff)
    open_one = ArrangementFactory(visit=visit)
    done = ArrangementFactory(visit=visit, status=A.DONE)
    services.visit_cancel(visit_id=visit.pk, by=staff, reason="会议改期")
    assert Arrangement.objects.get(pk=open_one.pk).status == A.CANCELLED
    assert Arrangement.objects.get(pk=done.pk).status == A.DONE
    assert Notification.objects.filter(
        recipient=open_one.responsible, kind="reception.visit_cancelled"
    ).exists()
