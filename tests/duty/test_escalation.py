"""Incident grades and their escalation chains: unacknowledged after the grade's minutes, the
next person is alerted (leader → director), then again, until someone acknowledges; each step
once, recorded on the incident, driven by the periodic sweep."""

from datetime import timedelta

import pytest

from duty import tasks
from duty.models import Incident, IncidentAcknowledgement
from duty.services import log
from duty.services.escalation import incident_escalate
from office.models import AuditEvent, Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def clock(time_machine, shift):
    time_machine.move_to(shift.starts_at + timedelta(hours=1), tick=False)
    return time_machine


def _report(shift, officer, grade="major"):
    return log.incident_report(
        shift=shift,
        occurred_at=shift.starts_at + timedelta(hours=1),
        title="地下车库进水",
        severity=grade,
        by=officer,
    )


def _told(incident):
    return list(
        Notification.objects.filter(url=incident.get_absolute_url(), kind="duty.incident")
        .exclude(recipient=incident.reported_by)  # who acknowledged, told to the reporter
        .order_by("pk")
        .values_list("recipient__username", flat=True)
    )


def _sweep():
    return tasks.sweep_incident_escalations()  # eager in tests: runs each step's task


def test_the_four_grades_in_chinese():
    from django.utils import translation

    with translation.override("zh-hans"):
        labels = [str(label) for _value, label in Incident.Severity.choices]
    assert labels == ["一般", "较大", "重大", "特别重大"]


def test_major_goes_to_the_director_when_the_leader_does_not_acknowledge(
    clock, shift, officer, leader, director, settings
):
    settings.DUTY_ACK_MINUTES_MAJOR = 15
    incident = _report(shift, officer)
    assert _told(incident) == ["leader"]
    clock.shift(timedelta(minutes=14))
    assert _sweep() == 0 and _told(incident) == ["leader"]  # not yet
    clock.shift(timedelta(minutes=2))
    assert _sweep() == 1
    assert _told(incident) == ["leader", "director"]
    assert _sweep() == 0  # the same step never twice
    assert incident_escalate(incident_id=incident.pk) is False
    steps = AuditEvent.objects.filter(target_id=str(incident.pk), verb__startswith="duty.incident_")
    assert list(steps.order_by("pk").values_list("verb", "data__subject")) == [
        ("duty.incident_reported", None),
        ("duty.incident_alerted", "leader"),
        ("duty.incident_escalated", "director"),
    ]
    waiting = IncidentAcknowledgement.objects.filter(incident=incident, acknowledged_at=None)
    assert set(waiting.values_list("person__username", flat=True)) == {"leader", "director"}


def test_repeated_until_acknowledged_then_silent(clock, shift, officer, leader, director, settings):
    settings.DUTY_ACK_MINUTES_MAJOR = 10
    settings.DUTY_ESCALATION_REPEATS = 5
    incident = _report(shift, officer)
    for _ in range(2):
        clock.shift(timedelta(minutes=11))
        _sweep()
    # leader; director; then both again, still silent
    assert _told(incident) == ["leader", "director", "leader", "director"]
    log.incident_acknowledge(incident=incident, by=director)
    clock.shift(timedelta(minutes=30))
    assert _sweep() == 0
    assert len(_told(incident)) == 4
    incident.refresh_from_db()
    assert incident.next_escalation_at is None and incident.acknowledged_at is not None


def test_the_ladder_ends_after_the_repeats(clock, shift, officer, leader, director, settings):
    settings.DUTY_ACK_MINUTES_MAJOR = 10
    settings.DUTY_ESCALATION_REPEATS = 1
    incident = _report(shift, officer)
    for _ in range(5):
        clock.shift(timedelta(minutes=11))
        _sweep()
    assert _told(incident) == ["leader", "director", "leader", "director"]
    incident.refresh_from_db()
    assert incident.next_escalation_at is None


def test_a_resolved_incident_escalates_no_more(clock, shift, officer, leader, director):
    incident = _report(shift, officer)
    log.incident_resolve(incident=incident, resolution="已排水", by=officer)
    clock.shift(timedelta(hours=2))
    assert _sweep() == 0
    assert _told(incident) == ["leader"]


@pytest.mark.parametrize(
    ("grade", "minutes"), [("general", 60), ("major", 15), ("serious", 10), ("critical", 5)]
)
def test_each_grade_has_its_own_minutes(clock, shift, officer, leader, director, grade, minutes):
    incident = _report(shift, officer, grade)
    incident.refresh_from_db()
    assert incident.next_escalation_at == shift.starts_at + timedelta(hours=1, minutes=minutes)


def test_a_shift_without_a_leader_alerts_the_director_at_once(time_machine, officer, director):
    from tests.duty.factories import assign, shift_running_now

    lonely = shift_running_now()
    assign(lonely, officer, "officer")
    time_machine.move_to(lonely.starts_at + timedelta(hours=1), tick=False)
    incident = _report(lonely, officer)
    assert _told(incident) == ["director"]


def test_a_general_incident_on_a_shift_without_a_leader_reaches_the_director(
    time_machine, officer, director
):
    """一般 goes to the shift's leader only; with nobody leading, the director stands in
    (it reached nobody before), told once, not again as the next level."""
    from tests.duty.factories import assign, shift_running_now

    lonely = shift_running_now()
    assign(lonely, officer, "officer")
    time_machine.move_to(lonely.starts_at + timedelta(hours=1), tick=False)
    for grade in ("general", "major"):
        incident = _report(lonely, officer, grade)
        assert _told(incident) == ["director"], grade


def test_old_grades_are_mapped():
    from importlib import import_module

    migration = import_module("duty.migrations.0003_grades_escalation_window")
    assert migration.GRADES == {"low": "general", "medium": "major", "high": "serious"}


def test_the_sweep_is_a_periodic_job():
    from django.conf import settings

    entry = settings.CELERY_BEAT_SCHEDULE["duty-incident-escalations"]
    assert entry["task"] == "duty.tasks.sweep_incident_escalations"
