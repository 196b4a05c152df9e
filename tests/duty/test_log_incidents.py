"""The duty log and incidents; a high-severity incident alerts the leader and the director."""

import json

import pytest
from django.core import mail
from django.utils.timezone import now

from duty.models import Incident, IncidentAcknowledgement, LogEntry
from duty.services import log
from office.errors import DomainError, NotAllowed, TransitionNotAllowed
from office.models import Notification

pytestmark = pytest.mark.django_db


def test_log_entry_by_someone_on_the_shift(shift, officer):
    entry = log.log_entry_add(
        shift=shift, occurred_at=now(), kind="phone", summary="市政府来电", by=officer
    )
    assert entry.shift == shift and entry.author == officer


def test_log_refused_to_someone_not_on_the_shift(shift, next_officer):
    with pytest.raises(DomainError):
        log.log_entry_add(
            shift=shift, occurred_at=now(), kind="phone", summary="x", by=next_officer
        )
    assert not LogEntry.objects.exists()


def test_particularly_serious_incident_alerts_leader_and_director_at_once(
    shift, officer, leader, director, settings, django_capture_on_commit_callbacks, monkeypatch
):
    settings.NOTIFY_WEBHOOK_URL = "https://qyapi.example.invalid/hook"
    sent = []

    class Posted:  # the group robot answers 200
        def raise_for_status(self):
            pass

    def post(url, json, timeout):
        sent.append(json["text"]["content"])
        return Posted()

    monkeypatch.setattr("office.tasks.requests.post", post)
    with django_capture_on_commit_callbacks(execute=True):
        incident = log.incident_report(
            shift=shift, occurred_at=now(), title="机房断电", severity="critical", by=officer
        )
    told = set(
        Notification.objects.filter(kind="duty.incident").values_list(
            "recipient__username", flat=True
        )
    )
    assert told == {"leader", "director"}
    assert {m.to[0] for m in mail.outbox} == {"leader@example.com", "director@example.com"}
    assert sent and "机房断电" in sent[0]
    waiting = IncidentAcknowledgement.objects.filter(incident=incident, acknowledged_at=None)
    assert set(waiting.values_list("person__username", flat=True)) == {"leader", "director"}
    assert LogEntry.objects.filter(kind="incident", summary="机房断电").exists()
    json.dumps(sent)  # the webhook text is plain


def test_general_incident_tells_only_the_leader_in_the_portal(shift, officer, leader, director):
    log.incident_report(
        shift=shift, occurred_at=now(), title="灯坏了", severity="general", by=officer
    )
    told = Notification.objects.filter(kind="duty.incident")
    assert list(told.values_list("recipient__username", flat=True)) == ["leader"]
    assert mail.outbox == []
    assert list(IncidentAcknowledgement.objects.values_list("person__username", flat=True)) == [
        "leader"
    ]


def test_acknowledgement_records_who_and_when(shift, officer, leader, director):
    incident = log.incident_report(
        shift=shift, occurred_at=now(), title="火警", severity="serious", by=officer
    )
    ack = log.incident_acknowledge(incident=incident, by=leader)
    assert ack.acknowledged_at is not None
    assert Notification.objects.filter(recipient=officer, kind="duty.incident").exists()
    with pytest.raises(DomainError):
        log.incident_acknowledge(incident=incident, by=leader)
    with pytest.raises(DomainError):
        log.incident_acknowledge(incident=incident, by=officer)
    incident.refresh_from_db()
    assert incident.acknowledged_at == ack.acknowledged_at
    assert incident.next_escalation_at is None  # acknowledged: the director is not alerted
    assert not IncidentAcknowledgement.objects.filter(person=director).exists()


@pytest.mark.parametrize(("status", "allowed"), [("open", True), ("resolved", False)])
def test_incident_transition_table(shift, officer, status, allowed):
    incident = log.incident_report(
        shift=shift, occurred_at=now(), title="漏水", severity="major", by=officer
    )
    Incident.objects.filter(pk=incident.pk).update(status=status)
    if allowed:
        assert (
            log.incident_resolve(incident=incident, resolution="已修复", by=officer).status
            == "resolved"
        )
    else:
        with pytest.raises(TransitionNotAllowed):
            log.incident_resolve(incident=incident, resolution="x", by=officer)


def test_incident_resolve_and_follow_up_refuse_someone_off_the_shift(shift, officer, next_officer):
    incident = log.incident_report(
        shift=shift, occurred_at=now(), title="漏水", severity="major", by=officer
    )
    entry = log.log_entry_add(
        shift=shift,
        occurred_at=now(),
        kind="instruction",
        summary="指示",
        follow_up="报送",
        by=officer,
    )
    with pytest.raises(NotAllowed):
        log.incident_resolve(incident=incident, resolution="已修复", by=next_officer)
    with pytest.raises(NotAllowed):
        log.log_follow_up_done(entry=entry, by=next_officer)
    incident.refresh_from_db()
    entry.refresh_from_db()
    assert incident.status == "open" and entry.follow_up_pending


def test_follow_up_done_once(shift, officer):
    entry = log.log_entry_add(
        shift=shift,
        occurred_at=now(),
        kind="instruction",
        summary="主任指示",
        follow_up="报送材料",
        by=officer,
    )
    assert entry.follow_up_pending
    log.log_follow_up_done(entry=entry, by=officer)
    entry.refresh_from_db()
    assert not entry.follow_up_pending
    with pytest.raises(DomainError):
        log.log_follow_up_done(entry=entry, by=officer)


def test_future_times_are_refused(shift, officer):
    from datetime import timedelta

    with pytest.raises(DomainError):
        log.log_entry_add(
            shift=shift,
            occurred_at=now() + timedelta(hours=3),
            kind="phone",
            summary="x",
            by=officer,
        )
    assert not LogEntry.objects.exists()


def test_log_refused_before_the_shift_starts(officer):
    from datetime import timedelta

    from tests.duty.factories import PostFactory, assign, make_shift

    later = make_shift(post=PostFactory(name="总值班室"), day=(now() + timedelta(days=2)).date())
    assign(later, officer)
    with pytest.raises(DomainError):
        log.log_entry_add(shift=later, occurred_at=now(), kind="phone", summary="x", by=officer)
