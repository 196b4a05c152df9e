"""The meeting and minutes workflows: every allowed and forbidden step, through the services."""

import datetime

import pytest
from django.utils.timezone import now

from meetings import services
from meetings.models import Meeting, Minutes
from office.errors import DomainError, NotAllowed, TransitionNotAllowed
from office.models import AuditEvent

from .factories import MeetingFactory, MinutesFactory, ResolutionFactory, at

pytestmark = pytest.mark.django_db

S = Meeting.Status


def _past_meeting(status, **kw):
    return MeetingFactory(status=status, start=at(-1, 9), end=at(-1, 10), **kw)


def _schedule(meeting, user):
    return services.meeting_schedule(meeting_id=meeting.pk, by=user)


def _cancel(meeting, user):
    return services.meeting_cancel(meeting_id=meeting.pk, by=user, reason="领导出差")


def _held(meeting, user):
    return services.meeting_mark_held(meeting_id=meeting.pk, by=user)


MEETING_STEPS = [
    # (service, from, allowed, audit verb, resulting status)
    (_schedule, S.DRAFT, True, "meeting.scheduled", S.SCHEDULED),
    (_schedule, S.SCHEDULED, False, None, None),
    (_schedule, S.HELD, False, None, None),
    (_schedule, S.MINUTED, False, None, None),
    (_schedule, S.CANCELLED, False, None, None),
    (_cancel, S.DRAFT, True, "meeting.cancelled", S.CANCELLED),
    (_cancel, S.SCHEDULED, True, "meeting.cancelled", S.CANCELLED),
    (_cancel, S.HELD, False, None, None),
    (_cancel, S.MINUTED, False, None, None),
    (_cancel, S.CANCELLED, False, None, None),
    (_held, S.DRAFT, False, None, None),
    (_held, S.SCHEDULED, True, "meeting.held", S.HELD),
    (_held, S.HELD, False, None, None),
    (_held, S.MINUTED, False, None, None),
    (_held, S.CANCELLED, False, None, None),
]


@pytest.mark.parametrize(("step", "status", "allowed", "verb", "result"), MEETING_STEPS)
def test_meeting_transitions(step, status, allowed, verb, result, clerk):
    # Past times so that "held" is possible; the services do not refuse the past (forms do).
    meeting = _past_meeting(status, organiser=clerk)
    if allowed:
        step(meeting, clerk)
        meeting.refresh_from_db()
        assert meeting.status == result
        assert AuditEvent.objects.filter(verb=verb, target_id=str(meeting.pk)).exists()
    else:
        with pytest.raises(TransitionNotAllowed):
            step(meeting, clerk)
        meeting.refresh_from_db()
        assert meeting.status == status


@pytest.mark.parametrize(("step", "status"), sorted({(s[0], s[1]) for s in MEETING_STEPS}, key=str))
def test_meeting_steps_refuse_someone_who_does_not_run_it(step, status, clerk, staff):
    """Whatever the state, a plain member of staff (not organiser, recorder or director) is
    refused and the meeting is as it was; so is the recorder, except to mark it held."""
    meeting = _past_meeting(status, organiser=clerk)
    wrong = [staff] if step is _held else [staff, meeting.recorder]
    for actor in wrong:
        with pytest.raises(NotAllowed):
            step(meeting, actor)
    meeting.refresh_from_db()
    assert meeting.status == status
    assert not AuditEvent.objects.filter(target_id=str(meeting.pk)).exists()


def test_the_recorder_and_the_end_sweep_mark_a_meeting_held(clerk):
    first, second = (_past_meeting(S.SCHEDULED, organiser=clerk) for _ in range(2))
    _held(first, first.recorder)
    services.meeting_mark_held(meeting_id=second.pk, by=None)  # the system
    assert {m.status for m in Meeting.objects.filter(pk__in=[first.pk, second.pk])} == {S.HELD}


def test_a_meeting_cannot_be_held_before_it_starts(clerk):
    meeting = MeetingFactory(status=S.SCHEDULED, organiser=clerk)
    with pytest.raises(DomainError, match="尚未开始|not started"):
        _held(meeting, clerk)


def test_cancelling_needs_a_reason(clerk):
    meeting = MeetingFactory(organiser=clerk)
    with pytest.raises(DomainError):
        services.meeting_cancel(meeting_id=meeting.pk, by=clerk, reason="  ")
    meeting.refresh_from_db()
    assert meeting.status == S.SCHEDULED


M = Minutes.Status


def _submit(minutes, meeting):
    return services.minutes_submit(meeting_id=meeting.pk, by=meeting.recorder)


def _approve(minutes, meeting):
    return services.minutes_approve(minutes_id=minutes.pk, by=meeting.chair)


def _return(minutes, meeting):
    return services.minutes_return(minutes_id=minutes.pk, by=meeting.chair, reason="补充讨论")


MINUTES_STEPS = [
    (_submit, M.DRAFT, True, "minutes.submitted", M.SUBMITTED),
    (_submit, M.SUBMITTED, False, None, None),
    (_submit, M.APPROVED, False, None, None),
    (_approve, M.DRAFT, False, None, None),
    (_approve, M.SUBMITTED, True, "minutes.approved", M.APPROVED),
    (_approve, M.APPROVED, False, None, None),
    (_return, M.DRAFT, False, None, None),
    (_return, M.SUBMITTED, True, "minutes.returned", M.DRAFT),
    (_return, M.APPROVED, False, None, None),
]


@pytest.mark.parametrize(("step", "status", "allowed", "verb", "result"), MINUTES_STEPS)
def test_minutes_transitions(step, status, allowed, verb, result):
    meeting = _past_meeting(S.MINUTED if status == M.APPROVED else S.HELD)
    minutes = MinutesFactory(meeting=meeting, status=status)
    if allowed:
        step(minutes, meeting)
        minutes.refresh_from_db()
        assert minutes.status == result
        assert AuditEvent.objects.filter(verb=verb, target_id=str(meeting.pk)).exists()
    else:
        with pytest.raises(TransitionNotAllowed):
            step(minutes, meeting)
        minutes.refresh_from_db()
        assert minutes.status == status


AS = {  # each minutes step as an actor of the test's choosing
    _submit: lambda minutes, by: services.minutes_submit(meeting_id=minutes.meeting_id, by=by),
    _approve: lambda minutes, by: services.minutes_approve(minutes_id=minutes.pk, by=by),
    _return: lambda minutes, by: services.minutes_return(
        minutes_id=minutes.pk, by=by, reason="补充讨论"
    ),
}


@pytest.mark.parametrize(("step", "status"), sorted({(s[0], s[1]) for s in MINUTES_STEPS}, key=str))
def test_minutes_steps_refuse_the_wrong_actor(step, status, staff):
    """Only the recorder submits, only the chair approves or returns: the other one, the
    organiser and a plain member of staff are refused and the minutes stay as they were."""
    meeting = _past_meeting(S.MINUTED if status == M.APPROVED else S.HELD)
    minutes = MinutesFactory(meeting=meeting, status=status)
    right = meeting.recorder if step is _submit else meeting.chair
    for actor in {meeting.recorder, meeting.chair, meeting.organiser, staff} - {right}:
        with pytest.raises(NotAllowed):
            AS[step](minutes, actor)
    minutes.refresh_from_db()
    assert minutes.status == status
    assert not AuditEvent.objects.filter(target_id=str(meeting.pk)).exists()


def test_only_the_recorder_saves_minutes_and_only_who_may_record_marks_attendance(staff):
    meeting = _past_meeting(S.HELD)
    for actor in (staff, meeting.chair):
        with pytest.raises(NotAllowed):
            services.minutes_save(
                meeting_id=meeting.pk, by=actor, summary="x", items={}, resolutions=[]
            )
    with pytest.raises(NotAllowed):
        services.attendance_record(meeting_id=meeting.pk, by=staff, presence={})
    assert not Minutes.objects.exists()


def test_only_invitees_reply(staff):
    meeting = MeetingFactory(status=S.SCHEDULED)
    with pytest.raises(NotAllowed):
        services.invitation_reply(meeting_id=meeting.pk, user=staff, response="accepted")


def test_approving_files_one_supervision_item_per_resolution_linked_both_ways():
    from supervision.models import Task
    from supervision.selectors import tasks_for_sources

    meeting = _past_meeting(S.HELD)
    minutes = MinutesFactory(meeting=meeting, status=M.SUBMITTED)
    first = ResolutionFactory(minutes=minutes, content="完成办公楼消防改造")
    second = ResolutionFactory(minutes=minutes, content="制定值班考核办法")
    services.minutes_approve(minutes_id=minutes.pk, by=meeting.chair)
    tasks = tasks_for_sources([first, second])
    assert [t.title for t in tasks[first.pk]] == ["完成办公楼消防改造"]
    assert tasks[second.pk][0].owner == second.owner
    assert tasks[second.pk][0].deadline == second.deadline
    assert tasks[second.pk][0].source == second  # and back from the item to the resolution
    assert Task.objects.filter(source_kind="resolution").count() == 2
    meeting.refresh_from_db()
    assert meeting.status == S.MINUTED


def test_returning_needs_a_reason_and_keeps_minutes_submitted():
    meeting = _past_meeting(S.HELD)
    minutes = MinutesFactory(meeting=meeting, status=M.SUBMITTED)
    with pytest.raises(DomainError):
        services.minutes_return(minutes_id=minutes.pk, by=meeting.chair, reason="")
    minutes.refresh_from_db()
    assert minutes.status == M.SUBMITTED


def test_minutes_can_only_be_written_for_a_held_meeting():
    meeting = MeetingFactory(status=S.SCHEDULED)
    with pytest.raises(DomainError):
        services.minutes_save(
            meeting_id=meeting.pk, by=meeting.recorder, summary="x", items={}, resolutions=[]
        )
    assert not Minutes.objects.exists()


def test_minutes_save_replaces_resolutions_and_fills_agenda_items(staff):
    meeting = _past_meeting(S.HELD)
    item = meeting.agenda_items.create(title="年度预算")
    data = services.ResolutionData(
        content="压减差旅费10%", owner=staff, deadline=(now() + datetime.timedelta(days=30)).date()
    )
    for _ in range(2):  # saving twice keeps one copy
        services.minutes_save(
            meeting_id=meeting.pk,
            by=meeting.recorder,
            summary="概述",
            items={item.pk: ("讨论了预算", "原则通过")},
            resolutions=[data],
        )
    item.refresh_from_db()
    assert (item.discussion, item.decisions) == ("讨论了预算", "原则通过")
    assert [r.content for r in meeting.minutes.resolutions.all()] == ["压减差旅费10%"]
