"""Swaps: requested -> accepted by the colleague -> approved by the shift leader."""

from datetime import timedelta

import pytest
from django.utils.timezone import localdate

from duty.models import Assignment, SwapRequest
from duty.services import swaps
from office.calendar import feed_for
from office.errors import DomainError, NotAllowed, TransitionNotAllowed
from office.models import Notification
from tests.duty.factories import PostFactory, assign, make_shift, night_template
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague(office_department):
    return UserFactory(username="wumin", name="吴敏", roles=["duty_officer"])


@pytest.fixture
def future_shift(leader, officer):
    shift = make_shift(post=PostFactory(name="总值班室"), day=localdate() + timedelta(days=3))
    assign(shift, leader, "leader")
    return shift, assign(shift, officer, "officer")


def _request(future_shift, officer, colleague, **extra):
    return swaps.swap_request(
        assignment=future_shift[1], colleague=colleague, reason="家中有事", by=officer, **extra
    )


def test_full_swap_changes_the_roster_and_both_calendars(
    future_shift, officer, colleague, leader, django_capture_on_commit_callbacks
):
    shift, assignment = future_shift
    assert shift.date.strftime("%Y%m%d") in feed_for(officer).decode().replace("-", "")
    swap = _request(future_shift, officer, colleague)
    assert Notification.objects.filter(recipient=colleague, kind="duty.swap").exists()
    swaps.swap_accept(swap=swap, by=colleague)
    assert Notification.objects.filter(recipient=leader, kind="duty.swap").exists()
    with django_capture_on_commit_callbacks(execute=True):
        swaps.swap_approve(swap=swap, by=leader)
    assignment.refresh_from_db()
    assert assignment.person == colleague
    assert f"duty-shift-{shift.pk}-{colleague.pk}" in feed_for(colleague).decode()
    assert f"duty-shift-{shift.pk}-{officer.pk}" not in feed_for(officer).decode()


def test_exchange_moves_both_people(future_shift, officer, colleague, leader):
    shift, assignment = future_shift
    theirs = make_shift(
        post=shift.post, template=night_template(), day=shift.date + timedelta(days=1)
    )
    counter = assign(theirs, colleague, "officer")
    swap = _request(future_shift, officer, colleague, counter_assignment=counter)
    swaps.swap_accept(swap=swap, by=colleague)
    swaps.swap_approve(swap=swap, by=leader)
    assignment.refresh_from_db()
    counter.refresh_from_db()
    assert (assignment.person, counter.person) == (colleague, officer)


def test_approve_refused_when_colleague_became_busy(future_shift, officer, colleague, leader):
    shift, assignment = future_shift
    swap = _request(future_shift, officer, colleague)
    swaps.swap_accept(swap=swap, by=colleague)
    assign(make_shift(post=PostFactory(name="应急值守"), day=shift.date), colleague)
    with pytest.raises(DomainError, match="时间重叠"):
        swaps.swap_approve(swap=swap, by=leader)
    assignment.refresh_from_db()
    assert assignment.person == officer


def test_request_refused_when_colleague_busy(future_shift, officer, colleague):
    shift, _assignment = future_shift
    assign(make_shift(post=PostFactory(name="应急值守"), day=shift.date), colleague)
    with pytest.raises(DomainError):
        _request(future_shift, officer, colleague)
    assert not SwapRequest.objects.exists()


def test_only_the_owner_can_offer(future_shift, colleague, leader):
    with pytest.raises(DomainError):
        swaps.swap_request(assignment=future_shift[1], colleague=leader, reason="x", by=colleague)


ALLOWED = {
    "requested": {"accept", "decline", "cancel"},
    "accepted": {"approve", "reject", "cancel"},
    "approved": set(),
    "declined": set(),
    "rejected": set(),
    "cancelled": set(),
}


@pytest.mark.parametrize("status", list(ALLOWED))
@pytest.mark.parametrize("action", ["accept", "decline", "cancel", "approve", "reject"])
def test_transition_table(status, action, future_shift, officer, colleague, leader):
    swap = _request(future_shift, officer, colleague)
    SwapRequest.objects.filter(pk=swap.pk).update(status=status)
    actor = {"accept": colleague, "decline": colleague, "cancel": officer}.get(action, leader)
    service = getattr(swaps, f"swap_{action}")
    if action in ALLOWED[status]:
        assert service(swap=swap, by=actor).status != status
    else:
        with pytest.raises((TransitionNotAllowed, DomainError)):
            service(swap=swap, by=actor)
        swap.refresh_from_db()
        assert swap.status == status


def test_colleague_cannot_approve_own_swap(future_shift, officer, colleague):
    swap = _request(future_shift, officer, colleague)
    swaps.swap_accept(swap=swap, by=colleague)
    with pytest.raises(DomainError):
        swaps.swap_approve(swap=swap, by=colleague)
    assert Assignment.objects.get(pk=future_shift[1].pk).person == officer


@pytest.mark.parametrize("status", list(ALLOWED))
@pytest.mark.parametrize("action", ["accept", "decline", "cancel", "approve", "reject"])
def test_transition_table_refuses_the_wrong_actor(status, action, future_shift, officer,
                                                  colleague, leader):  # fmt: skip
    """Each step has one side: the requester withdraws, the colleague answers, the leader
    decides. Anyone else, another officer included, is refused and the swap is unchanged."""
    swap = _request(future_shift, officer, colleague)
    SwapRequest.objects.filter(pk=swap.pk).update(status=status)
    bystander = UserFactory(username="bystander", roles=["duty_officer"])
    right = {"accept": colleague, "decline": colleague, "cancel": officer}.get(action, leader)
    service = getattr(swaps, f"swap_{action}")
    for actor in {officer, colleague, leader, bystander} - {right}:
        with pytest.raises(NotAllowed if action in ALLOWED[status] else DomainError):
            service(swap=swap, by=actor)
    swap.refresh_from_db()
    assert swap.status == status
    assert Assignment.objects.get(pk=future_shift[1].pk).person == officer
