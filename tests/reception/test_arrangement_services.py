"""Arrangement services: the transition table, the director's cost threshold (a setting), a
rejection's reason, and no arrangements for a visit that is over."""

from decimal import Decimal

import pytest

from office.errors import DomainError, TransitionNotAllowed
from office.models import Notification
from reception import services
from reception.models import Arrangement, Visit
from tests.reception.factories import ArrangementFactory, VisitFactory, visit_with

S = Visit.Status
A = Arrangement.Status


@pytest.mark.parametrize(
    ("action", "status", "allowed", "result"),
    [
        ("approve", A.AWAITING_APPROVAL, True, A.PLANNED),
        ("approve", A.PLANNED, False, None),
        ("approve", A.REJECTED, False, None),
        ("reject", A.AWAITING_APPROVAL, True, A.REJECTED),
        ("reject", A.DONE, False, None),
        ("complete", A.PLANNED, True, A.DONE),
        ("complete", A.AWAITING_APPROVAL, False, None),
        ("complete", A.DONE, False, None),
        ("cancel", A.AWAITING_APPROVAL, True, A.CANCELLED),
        ("cancel", A.PLANNED, True, A.CANCELLED),
        ("cancel", A.DONE, False, None),
        ("cancel", A.CANCELLED, False, None),
    ],
)
def test_arrangement_transitions(director, action, status, allowed, result):
    arrangement = ArrangementFactory(status=status)
    call = {
        "approve": lambda: services.arrangement_approve(arrangement_id=arrangement.pk, by=director),
        "reject": lambda: services.arrangement_reject(
            arrangement_id=arrangement.pk, by=director, note="超标准"
        ),
        "complete": lambda: services.arrangement_complete(
            arrangement_id=arrangement.pk, by=director
        ),
        "cancel": lambda: services.arrangement_cancel(arrangement_id=arrangement.pk, by=director),
    }[action]
    if allowed:
        call()
        assert Arrangement.objects.get(pk=arrangement.pk).status == result
    else:
        with pytest.raises(TransitionNotAllowed):
            call()
        assert Arrangement.objects.get(pk=arrangement.pk).status == status


@pytest.mark.parametrize(
    ("cost", "expected"),
    [
        (Decimal("1000.00"), A.PLANNED),
        (Decimal("1000.01"), A.AWAITING_APPROVAL),
    ],
)
def test_threshold_decides_whether_the_director_approves(
    receptionist, director, staff, cost, expected
):
    visit = visit_with()
    arrangement = services.arrangement_create(
        visit_id=visit.pk,
        by=receptionist,
        kind=Arrangement.Kind.LODGING,
        on=visit.expected_arrival.date(),
        responsible=staff,
        cost_estimate=cost,
    )
    assert arrangement.status == expected
    told = Notification.objects.filter(kind__startswith="reception.arrangement")
    if expected == A.AWAITING_APPROVAL:
        assert list(told.values_list("recipient", flat=True)) == [director.pk]
    else:
        assert list(told.values_list("recipient", flat=True)) == [staff.pk]


def test_threshold_is_a_setting(settings, receptionist, staff):
    settings.RECEPTION_APPROVAL_THRESHOLD = Decimal("100")
    visit = visit_with()
    arrangement = services.arrangement_create(
        visit_id=visit.pk,
        by=receptionist,
        kind=Arrangement.Kind.CAR,
        on=visit.expected_arrival.date(),
        responsible=staff,
        cost_estimate=Decimal("150"),
    )
    assert arrangement.status == A.AWAITING_APPROVAL


def test_reject_needs_a_reason(director):
    arrangement = ArrangementFactory(status=A.AWAITING_APPROVAL)
    with pytest.raises(DomainError):
        services.arrangement_reject(arrangement_id=arrangement.pk, by=director, note=" ")
    assert Arrangement.objects.get(pk=arrangement.pk).status == A.AWAITING_APPROVAL


@pytest.mark.parametrize("status", [S.NO_SHOW, S.CANCELLED, S.LEFT])
def test_no_arrangements_for_closed_visits(receptionist, status):
    visit = VisitFactory(status=status)
    with pytest.raises(DomainError):
        services.arrangement_create(
            visit_id=visit.pk,
            by=receptionist,
            kind=Arrangement.Kind.MEAL,
            on=visit.expected_arrival.date(),
            responsible=receptionist,
            cost_estimate=Decimal("10"),
        )
    assert not Arrangement.objects.exists()
