"""Handover: one per shift, filed by someone on it, accepted or disputed by the next shift."""

from datetime import timedelta

import pytest
from django.utils.timezone import now

from duty.models import Handover
from duty.services import handover as services
from duty.services import log
from office.errors import DomainError, NotAllowed, TransitionNotAllowed
from office.models import Reminder
from tests.duty.factories import PostFactory, assign, make_shift

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("handover_time")]

ITEMS = [("key", "值班室钥匙 2 把"), ("equipment", "对讲机 3 台")]


def _file(shift, by, summary="本班正常"):
    return services.handover_file(shift=shift, summary=summary, items=ITEMS, by=by)


def test_filing_carries_open_matters_and_cancels_late_reminders(shift, next_shift, officer):
    open_incident = log.incident_report(
        shift=shift, occurred_at=now(), title="道闸故障", severity="major", by=officer
    )
    done = log.incident_report(
        shift=shift, occurred_at=now(), title="小事", severity="general", by=officer
    )
    log.incident_resolve(incident=done, resolution="好了", by=officer)
    pending = log.log_entry_add(
        shift=shift,
        occurred_at=now(),
        kind="instruction",
        summary="主任指示",
        follow_up="明早报送材料",
        by=officer,
    )
    from duty.services.reminders import schedule_late_handover

    schedule_late_handover(shift)
    assert Reminder.objects.filter(kind__startswith="duty.handover", status="pending").count() == 2
    handover = _file(shift, officer)
    assert list(handover.carried_incidents.all()) == [open_incident]
    assert list(handover.carried_entries.all()) == [pending]
    assert handover.incoming_shift == next_shift
    assert [i.description for i in handover.items.all()] == ["值班室钥匙 2 把", "对讲机 3 台"]
    assert not Reminder.objects.filter(kind__startswith="duty.handover", status="pending").exists()


def test_second_handover_for_same_shift_is_refused(shift, officer, leader):
    _file(shift, officer)
    with pytest.raises(DomainError, match="已经提交"):
        _file(shift, leader)
    assert Handover.objects.count() == 1


def test_only_someone_on_the_shift_may_file(shift, next_officer):
    with pytest.raises(DomainError):
        _file(shift, next_officer)
    assert not Handover.objects.exists()


def test_cannot_file_before_the_shift_starts(officer):
    later = make_shift(post=PostFactory(name="总值班室"), day=(now() + timedelta(days=2)).date())
    assign(later, officer)
    with pytest.raises(DomainError):
        _file(later, officer)


def test_accept_is_final_and_timestamped(shift, next_shift, officer, next_officer):
    handover = _file(shift, officer)
    accepted = services.handover_accept(handover=handover, by=next_officer)
    assert accepted.accepted_by == next_officer and accepted.accepted_at is not None
    with pytest.raises(DomainError):
        services.handover_update(handover=handover, summary="改过的", by=officer)
    handover.refresh_from_db()
    assert handover.summary == "本班正常"


def test_dispute_keeps_both_texts(shift, next_shift, officer, next_officer):
    handover = _file(shift, officer, summary="钥匙 2 把已交接")
    services.handover_dispute(handover=handover, note="只收到 1 把钥匙", by=next_officer)
    handover.refresh_from_db()
    assert handover.summary == "钥匙 2 把已交接"
    assert handover.dispute_note == "只收到 1 把钥匙" and handover.disputed_at
    with pytest.raises(DomainError):
        services.handover_update(handover=handover, summary="改", by=officer)
    services.handover_accept(handover=handover, note="已核实", by=next_officer)
    handover.refresh_from_db()
    assert handover.status == "accepted" and handover.dispute_note == "只收到 1 把钥匙"


def test_dispute_needs_a_note(shift, next_shift, officer, next_officer):
    handover = _file(shift, officer)
    with pytest.raises(DomainError):
        services.handover_dispute(handover=handover, note="  ", by=next_officer)


def test_outgoing_officer_cannot_accept_own_handover(shift, next_shift, officer):
    handover = _file(shift, officer)
    with pytest.raises(DomainError):
        services.handover_accept(handover=handover, by=officer)


def test_filer_may_correct_before_answer(shift, officer, leader):
    handover = _file(shift, officer)
    services.handover_update(handover=handover, summary="补充：空调已报修", by=officer)
    with pytest.raises(DomainError):
        services.handover_update(handover=handover, summary="x", by=leader)
    handover.refresh_from_db()
    assert handover.summary == "补充：空调已报修"


@pytest.mark.parametrize(
    ("status", "action", "allowed"),
    [
        ("filed", "accept", True),
        ("filed", "dispute", True),
        ("disputed", "accept", True),
        ("disputed", "dispute", False),
        ("accepted", "accept", False),
        ("accepted", "dispute", False),
    ],
)
def test_transition_table(shift, next_shift, officer, next_officer, status, action, allowed):
    handover = _file(shift, officer)
    Handover.objects.filter(pk=handover.pk).update(status=status)
    service = getattr(services, f"handover_{action}")
    if allowed:
        assert service(handover=handover, note="说明", by=next_officer).status != status
    else:
        with pytest.raises(TransitionNotAllowed):
            service(handover=handover, note="说明", by=next_officer)


@pytest.mark.parametrize("status", ["filed", "disputed", "accepted"])
@pytest.mark.parametrize("action", ["accept", "dispute"])
def test_transition_table_refuses_the_wrong_actor(shift, next_shift, officer, leader, staff,
                                                  status, action):  # fmt: skip
    """Only the incoming shift answers: the filer, the outgoing leader and an outsider are
    refused (NotAllowed wherever the step itself was possible) and nothing changes."""
    handover = _file(shift, officer)
    Handover.objects.filter(pk=handover.pk).update(status=status)
    service = getattr(services, f"handover_{action}")
    possible = (status, action) in {
        ("filed", "accept"),
        ("filed", "dispute"),
        ("disputed", "accept"),
    }
    for actor in (officer, leader, staff):
        with pytest.raises(NotAllowed if possible else DomainError):
            service(handover=handover, note="说明", by=actor)
    handover.refresh_from_db()
    assert (handover.status, handover.accepted_by, handover.disputed_by) == (status, None, None)


def test_only_the_filer_corrects_and_only_the_shift_files(shift, next_shift, officer, leader):
    with pytest.raises(NotAllowed):
        _file(next_shift, officer)
    handover = _file(shift, officer)
    with pytest.raises(NotAllowed):
        services.handover_update(handover=handover, summary="改写", by=leader)
    handover.refresh_from_db()
    assert handover.summary == "本班正常"
