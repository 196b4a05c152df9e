"""The handover window, the log open until the shift ends, late handovers, and one
carried-over entry per open matter."""

from datetime import timedelta

import pytest
from django.urls import reverse

from duty.models import LogEntry
from duty.services import handover as services
from duty.services import log
from office.errors import DomainError

pytestmark = pytest.mark.django_db


def _file(shift, by):
    return services.handover_file(shift=shift, summary="本班正常", items=[], by=by)


def test_filing_before_the_window_is_refused_with_the_time(shift, officer, time_machine):
    time_machine.move_to(shift.ends_at - timedelta(minutes=61), tick=False)
    with pytest.raises(DomainError, match="60分钟") as refused:
        _file(shift, officer)
    assert "开放" in str(refused.value)
    time_machine.move_to(shift.ends_at - timedelta(minutes=59), tick=False)
    assert _file(shift, officer).late is False


def test_the_window_is_a_setting(shift, officer, time_machine, settings):
    settings.DUTY_HANDOVER_WINDOW_MINUTES = 120
    time_machine.move_to(shift.ends_at - timedelta(minutes=100), tick=False)
    assert _file(shift, officer)


def test_early_form_says_when_it_opens_and_saves_nothing(shift, officer, client_for, time_machine):
    time_machine.move_to(shift.ends_at - timedelta(hours=3), tick=False)
    client = client_for(officer)
    url = reverse("duty:handover_file", args=[shift.pk])
    response = client.post(url, {"summary": "提前交班"}, follow=True)
    assert "交接班在班次结束前60分钟" in response.content.decode()
    assert not hasattr(type(shift).objects.get(pk=shift.pk), "handover")
    page = client.get(shift.get_absolute_url()).content.decode()
    assert 'id="handover-opens"' in page


def test_log_and_incidents_stay_open_after_acceptance_until_the_end(
    shift, next_shift, officer, next_officer, time_machine
):
    time_machine.move_to(shift.ends_at - timedelta(minutes=30), tick=False)
    handover = _file(shift, officer)
    services.handover_accept(handover=handover, by=next_officer)
    when = shift.ends_at - timedelta(minutes=20)
    time_machine.move_to(when, tick=False)
    log.log_entry_add(shift=shift, occurred_at=when, kind="phone", summary="来电", by=officer)
    log.incident_report(shift=shift, occurred_at=when, title="停电", severity="general", by=officer)
    time_machine.move_to(shift.ends_at + timedelta(minutes=1), tick=False)
    with pytest.raises(DomainError):
        log.log_entry_add(shift=shift, occurred_at=when, kind="phone", summary="晚了", by=officer)


def test_a_handover_after_the_end_is_marked_late(shift, officer, client_for, time_machine):
    time_machine.move_to(shift.ends_at + timedelta(minutes=45), tick=False)
    handover = _file(shift, officer)
    assert handover.late is True
    assert (
        'id="handover-late"'
        in client_for(officer).get(handover.get_absolute_url()).content.decode()
    )


def _follow_up(shift, officer, text, at):
    return log.log_entry_add(
        shift=shift,
        occurred_at=at,
        kind="instruction",
        summary="主任指示",
        follow_up=text,
        by=officer,
    )


def test_one_entry_per_matter_and_closing_closes_all_its_copies(
    shift, next_shift, officer, leader, time_machine, client_for
):
    time_machine.move_to(shift.ends_at - timedelta(minutes=30), tick=False)
    for minutes in range(18):
        _follow_up(
            shift,
            officer,
            "将值守安排表报送市应急管理局",
            shift.starts_at + timedelta(minutes=minutes),
        )
    other = _follow_up(shift, officer, "机房巡查", shift.starts_at)
    handover = _file(shift, officer)
    carried = list(handover.carried_entries.values_list("follow_up", flat=True))
    assert sorted(carried) == ["将值守安排表报送市应急管理局", "机房巡查"]
    pdf = client_for(leader).get(reverse("duty:handover_pdf", args=[handover.pk]))
    from tests.pdf import pdf_text

    assert pdf_text(pdf.content).count("将值守安排表") == 1
    log.log_follow_up_done(entry=other, by=leader, outcome=LogEntry.Outcome.HANDED_BACK)
    entry = handover.carried_entries.get(follow_up="将值守安排表报送市应急管理局")
    log.log_follow_up_done(entry=entry, by=leader)
    assert not LogEntry.objects.filter(follow_up_done_at=None).exclude(follow_up="").exists()
    other.refresh_from_db()
    assert other.follow_up_outcome == "handed_back"


def test_the_incoming_shift_closes_a_carried_matter(
    shift, next_shift, officer, next_officer, time_machine, client_for
):
    time_machine.move_to(shift.ends_at - timedelta(minutes=30), tick=False)
    entry = _follow_up(shift, officer, "明早报送材料", shift.starts_at)
    _file(shift, officer)
    time_machine.move_to(next_shift.starts_at + timedelta(hours=1), tick=False)
    client = client_for(next_officer)
    page = client.get(reverse("duty:my_shift")).content.decode()
    assert 'id="open-matters"' in page and "明早报送材料" in page
    client.post(reverse("duty:follow_up_done", args=[entry.pk]), {"outcome": "done"})
    entry.refresh_from_db()
    assert entry.follow_up_done_by == next_officer
    assert "明早报送材料" not in client.get(reverse("duty:my_shift")).content.decode()
