"""Scheduled work: the end-of-day sweep, the ID purge; the to-do inbox and the beat entries."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils.timezone import now

from office import todo
from office.models import AuditEvent, Notification
from office.services.approvals import approval_start
from reception import services, tasks
from reception.models import Arrangement, Visit, Visitor
from tests.reception.factories import VALID_IDS, ArrangementFactory, visit_with

pytestmark = pytest.mark.django_db


def test_sweep_marks_no_shows_and_flags_the_unchecked_out(receptionist, staff):
    past = visit_with(host=staff, expected_arrival=now() - timedelta(hours=5))
    later_tonight = visit_with(host=staff, expected_arrival=now() + timedelta(hours=1))
    stayed = visit_with(host=staff, expected_arrival=now() - timedelta(hours=4))
    person = stayed.visitors.get()
    services.visitor_check_in(visitor_id=person.pk, badge_number="9", by=receptionist)

    result = tasks.end_of_day_sweep()  # eager in tests: the fanned-out tasks run at once

    assert result == {"no_show": 1, "not_checked_out": 1}
    assert Visit.objects.get(pk=past.pk).status == Visit.Status.NO_SHOW
    assert Visit.objects.get(pk=later_tonight.pk).status == Visit.Status.EXPECTED
    assert Visitor.objects.get(pk=person.pk).flagged_at is not None
    told = Notification.objects.filter(kind="reception.not_checked_out")
    assert list(told.values_list("recipient", flat=True)) == [receptionist.pk]
    assert AuditEvent.objects.get(verb="reception.visit_no_show").data == {"by_sweep": True}


def test_sweep_twice_changes_nothing_more(receptionist):
    visit_with(expected_arrival=now() - timedelta(hours=5))
    stayed = visit_with(expected_arrival=now() - timedelta(hours=4))
    services.visitor_check_in(
        visitor_id=stayed.visitors.get().pk, badge_number="9", by=receptionist
    )
    tasks.end_of_day_sweep()
    events = AuditEvent.objects.count()
    notes = Notification.objects.count()
    assert tasks.end_of_day_sweep() == {"no_show": 0, "not_checked_out": 0}
    tasks.flag_not_checked_out(stayed.visitors.get().pk)  # a duplicate message
    assert (AuditEvent.objects.count(), Notification.objects.count()) == (events, notes)


def test_a_visit_that_arrived_meanwhile_is_left_alone(receptionist):
    visit = visit_with(expected_arrival=now() - timedelta(hours=1))
    services.visitor_check_in(visitor_id=visit.visitors.get().pk, badge_number="2", by=receptionist)
    tasks.mark_no_show(visit.pk)
    assert Visit.objects.get(pk=visit.pk).status == Visit.Status.ARRIVED


def test_purge_blanks_old_id_numbers_and_audits_counts_only(settings):
    settings.RECEPTION_ID_RETENTION_DAYS = 30
    old = visit_with(visitors=2, expected_arrival=now() - timedelta(days=31))
    recent = visit_with(expected_arrival=now() - timedelta(days=29))
    assert tasks.purge_id_numbers() == 2
    assert set(old.visitors.values_list("id_number", flat=True)) == {""}
    assert old.visitors.count() == 2 and Visit.objects.filter(pk=old.pk).exists()
    assert recent.visitors.get().id_number == VALID_IDS[1]
    event = AuditEvent.objects.get(verb="reception.id_numbers_purged")
    assert event.data == {"count": 2, "retention_days": 30}
    assert tasks.purge_id_numbers() == 0


def test_default_retention_is_180_days():
    visit_with(expected_arrival=now() - timedelta(days=179))
    assert services.id_numbers_purge() == 0


def test_beat_entries_are_registered():
    schedule = settings.CELERY_BEAT_SCHEDULE
    sweep = schedule["reception-end-of-day-sweep"]
    assert sweep["task"] == "reception.tasks.end_of_day_sweep"
    assert sweep["schedule"].hour == {21} and sweep["schedule"].minute == {0}
    assert schedule["reception-purge-id-numbers"]["task"] == "reception.tasks.purge_id_numbers"


def _titles(user, key):
    inbox = todo.inbox_for(user)
    return [item.title for item in inbox["todo"]["items"] if item.source.key == key]


def test_todo_my_visitors_arriving_today(staff, other_staff):
    visit = visit_with(host=staff, organisation="市科协")
    visit_with(host=staff, expected_arrival=now() + timedelta(days=2))
    assert _titles(staff, "reception.arriving_today") == [str(visit)]
    assert _titles(other_staff, "reception.arriving_today") == []


def test_todo_arrangements_mine_and_to_approve(staff, director):
    mine = ArrangementFactory(responsible=staff)
    ArrangementFactory(responsible=staff, status=Arrangement.Status.DONE)
    waiting = ArrangementFactory(status=Arrangement.Status.AWAITING_APPROVAL, cost_estimate=5000)
    approval_start(rule="reception.arrangement", target=waiting, by=waiting.created_by)
    assert _titles(staff, "reception.my_arrangements") == [str(mine)]
    assert _titles(director, "reception.arrangements_to_approve") == [str(waiting)]
    assert _titles(staff, "reception.arrangements_to_approve") == []


def test_todo_not_checked_out_for_reception(receptionist, staff):
    stayed = visit_with(expected_arrival=now() - timedelta(hours=4))
    person = stayed.visitors.get()
    services.visitor_check_in(visitor_id=person.pk, badge_number="9", by=receptionist)
    tasks.end_of_day_sweep()
    assert _titles(receptionist, "reception.not_checked_out") == [person.name]
    assert _titles(staff, "reception.not_checked_out") == []


def test_todo_queries_do_not_grow(staff, django_assert_num_queries):
    for _ in range(2):
        ArrangementFactory(responsible=staff)
        visit_with(host=staff)
    todo.inbox_for(staff)
    small = _count_inbox_queries(staff)
    for _ in range(5):
        ArrangementFactory(responsible=staff)
        visit_with(host=staff)
    assert _count_inbox_queries(staff) == small


def _count_inbox_queries(user) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        todo.inbox_for(user)
    return len(captured)


def test_host_calendar_feed_lists_the_visit(staff, client_for):
    visit = visit_with(host=staff, organisation="市科协")
    visit_with(host=staff, status=Visit.Status.CANCELLED, organisation="市气象局")
    response = client_for(staff).get(f"/calendar/{staff.calendar_token}.ics")
    body = response.content.decode()
    assert f"reception-visit-{visit.pk}@office" in body and "市科协" in body
    assert "STATUS:CANCELLED" in body
