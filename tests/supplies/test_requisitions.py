"""Requisitions: the department head decides; the storekeeper issues every line or none."""

import pytest

from office.errors import DomainError, NotAllowed, TransitionNotAllowed
from office.models import Notification
from supplies import services
from supplies.models import Movement, Requisition
from supplies.services import Line

from .conftest import level

pytestmark = pytest.mark.django_db


def _request(store, staff, *lines):
    return services.requisition_request(
        store=store, purpose="日常办公", lines=[Line(item, n) for item, n in lines], by=staff
    )


def test_request_approve_issue_lowers_stock(stocked, paper, pens, staff, head, storekeeper):
    requisition = _request(stocked, staff, (paper, 3), (pens, 4))
    assert requisition.status == Requisition.Status.AWAITING_APPROVAL
    services.requisition_decide(requisition_id=requisition.pk, by=head, approve=True)
    requisition.refresh_from_db()
    assert requisition.status == Requisition.Status.APPROVED
    assert Notification.objects.filter(recipient=storekeeper, kind="supplies.requisition_to_issue")
    services.requisition_issue(requisition_id=requisition.pk, by=storekeeper)
    requisition.refresh_from_db()
    assert requisition.status == Requisition.Status.ISSUED
    assert (level(stocked, paper), level(stocked, pens)) == (17, 26)
    issues = Movement.objects.filter(requisition=requisition)
    assert sorted(m.quantity for m in issues) == [-4, -3]
    assert {m.department_id for m in issues} == {staff.department_id}
    assert Notification.objects.filter(recipient=staff, kind="supplies.requisition_issued")


def test_short_stock_refuses_and_issues_nothing(stocked, paper, pens, staff, head, storekeeper):
    requisition = _request(stocked, staff, (pens, 2), (paper, 25))
    services.requisition_decide(requisition_id=requisition.pk, by=head, approve=True)
    with pytest.raises(DomainError) as refused:
        services.requisition_issue(requisition_id=requisition.pk, by=storekeeper)
    assert "复印纸" in str(refused.value) and "25" in str(refused.value)
    assert (level(stocked, paper), level(stocked, pens)) == (20, 30)
    requisition.refresh_from_db()
    assert requisition.status == Requisition.Status.APPROVED
    assert not Movement.objects.filter(kind="issue").exists()


def test_only_the_head_decides(stocked, paper, staff, other_staff, head):
    requisition = _request(stocked, staff, (paper, 1))
    with pytest.raises(NotAllowed):
        services.requisition_decide(requisition_id=requisition.pk, by=other_staff, approve=True)
    with pytest.raises(NotAllowed):
        services.requisition_decide(requisition_id=requisition.pk, by=staff, approve=True)


def test_returned_with_reason(stocked, paper, staff, head):
    requisition = _request(stocked, staff, (paper, 1))
    services.requisition_decide(
        requisition_id=requisition.pk, by=head, approve=False, reason="本月已领"
    )
    requisition.refresh_from_db()
    assert (requisition.status, requisition.return_reason) == ("returned", "本月已领")
    assert Notification.objects.filter(recipient=staff, kind="supplies.requisition_returned")


def test_only_the_storekeeper_issues(stocked, paper, staff, head):
    requisition = _request(stocked, staff, (paper, 1))
    services.requisition_decide(requisition_id=requisition.pk, by=head, approve=True)
    with pytest.raises(NotAllowed):
        services.requisition_issue(requisition_id=requisition.pk, by=head)


@pytest.mark.parametrize(
    "status,allowed",
    [("awaiting_approval", False), ("approved", True), ("issued", False), ("cancelled", False)],
)
def test_issue_only_from_approved(stocked, paper, staff, storekeeper, status, allowed):
    requisition = _request(stocked, staff, (paper, 1))
    Requisition.objects.filter(pk=requisition.pk).update(status=status)
    if allowed:
        services.requisition_issue(requisition_id=requisition.pk, by=storekeeper)
    else:
        with pytest.raises(TransitionNotAllowed):
            services.requisition_issue(requisition_id=requisition.pk, by=storekeeper)


def test_bad_lines_are_refused(stocked, paper, staff):
    with pytest.raises(DomainError):
        services.requisition_request(store=stocked, purpose="x", lines=[], by=staff)
    with pytest.raises(DomainError):
        _request(stocked, staff, (paper, 0))
    with pytest.raises(DomainError):
        _request(stocked, staff, (paper, 1), (paper, 2))
    assert not Requisition.objects.exists()


def test_requester_cancels(stocked, paper, staff, head, other_staff):
    requisition = _request(stocked, staff, (paper, 1))
    with pytest.raises(NotAllowed):
        services.requisition_cancel(requisition_id=requisition.pk, by=other_staff)
    services.requisition_cancel(requisition_id=requisition.pk, by=staff)
    requisition.refresh_from_db()
    assert requisition.status == "cancelled"
