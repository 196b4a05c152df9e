"""Reminders before a shift and for a late handover; the to-do inbox of duty people."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils.timezone import now

from duty.services import handover as handover_services
from duty.services import log, spending, swaps
from duty.services.reminders import schedule_late_handover
from duty.services.roster import assignment_add
from office.models import Notification, Reminder
from office.services.reminders import reminder_send
from office.todo import inbox_for
from tests.duty.factories import PostFactory, assign, make_shift
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _labels(user):
    return {str(label) for label, _n in inbox_for(user)["todo"]["sources"]}


def test_assignment_schedules_day_before_and_hour_before(director, officer, settings):
    settings.DUTY_REMIND_BEFORE_MINUTES = 90
    shift = make_shift(post=PostFactory(name="总值班室"), day=(now() + timedelta(days=3)).date())
    assignment_add(shift=shift, person=officer, role="officer", by=director)
    reminders = {r.kind: r for r in Reminder.objects.filter(recipient=officer)}
    assert reminders["duty.shift_soon"].due_at == shift.starts_at - timedelta(minutes=90)
    day_before = reminders["duty.shift_day_before"].due_at
    assert timedelta(hours=0) < shift.starts_at - day_before <= timedelta(hours=48)


def test_swapped_off_person_is_not_reminded(director, officer, leader):
    colleague = UserFactory(username="wumin", roles=["duty_officer"])
    shift = make_shift(post=PostFactory(name="总值班室"), day=(now() + timedelta(days=3)).date())
    assignment_add(shift=shift, person=leader, role="leader", by=director)
    assignment = assignment_add(shift=shift, person=officer, role="officer", by=director)
    swap = swaps.swap_request(assignment=assignment, colleague=colleague, reason="事假", by=officer)
    swaps.swap_accept(swap=swap, by=colleague)
    swaps.swap_approve(swap=swap, by=leader)
    assert Reminder.objects.filter(recipient=colleague, kind="duty.shift_soon").exists()
    old = Reminder.objects.get(recipient=officer, kind="duty.shift_soon")
    Reminder.objects.filter(pk=old.pk).update(due_at=now() - timedelta(minutes=1))
    assert reminder_send(reminder_id=old.pk) is False
    old.refresh_from_db()
    assert old.status == "cancelled"


def test_late_handover_reminds_officer_then_leader(shift, officer, leader, settings):
    schedule_late_handover(shift)
    late = {
        r.recipient.username: r for r in Reminder.objects.filter(kind__startswith="duty.handover")
    }
    assert late["officer"].due_at == shift.ends_at + timedelta(minutes=30)
    assert late["leader"].due_at == shift.ends_at + timedelta(minutes=60)
    Reminder.objects.update(due_at=now() - timedelta(minutes=1))
    assert reminder_send(reminder_id=late["officer"].pk) is True
    assert Notification.objects.filter(
        recipient=officer, kind="reminder.duty.handover_late"
    ).exists()


def test_late_reminder_vetoed_once_filed(shift, officer):
    schedule_late_handover(shift)
    reminder = Reminder.objects.get(recipient=officer)
    Reminder.objects.filter(pk=reminder.pk).update(due_at=now() - timedelta(minutes=1))
    Handover = __import__("duty.models", fromlist=["Handover"]).Handover
    Handover.objects.create(shift=shift, summary="x", filed_by=officer, filed_at=now())
    assert reminder_send(reminder_id=reminder.pk) is False


def test_todo_sources(shift, next_shift, officer, next_officer, leader, director):
    # the shift is over: its people must file the handover
    type(shift).objects.filter(pk=shift.pk).update(ends_at=now() - timedelta(minutes=5))
    assert "待交班" in _labels(officer)
    spending.spend_request(shift=shift, amount=Decimal("800"), purpose="维修", by=officer)
    spending.spend_request(shift=shift, amount=Decimal("5000"), purpose="设备", by=officer)
    log.incident_report(
        shift=shift, occurred_at=now(), title="火警", severity="critical", by=officer
    )
    assert {"值班开支待审批", "事件待确认"} <= _labels(leader)
    assert {"值班开支待审批", "事件待确认"} <= _labels(director)
    handover_services.handover_file(shift=shift, summary="正常", items=[], by=officer)
    assert "待交班" not in _labels(officer)
    assert "待接班" in _labels(next_officer)
    assert "待接班" not in _labels(officer)


def test_swap_todo(leader, officer):
    colleague = UserFactory(username="wumin", roles=["duty_officer"])
    shift = make_shift(post=PostFactory(name="总值班室"), day=(now() + timedelta(days=2)).date())
    assign(shift, leader, "leader")
    swap = swaps.swap_request(
        assignment=assign(shift, officer), colleague=colleague, reason="事假", by=officer
    )
    assert "同事请我换班" in _labels(colleague)
    swaps.swap_accept(swap=swap, by=colleague)
    assert "换班待审批" in _labels(leader)
    assert "换班待审批" not in _labels(officer)
