"""A shift running now (leader + officer) and the next one (another officer)."""

import pytest

from tests.duty.factories import assign, following_shift, shift_running_now
from tests.factories import UserFactory


@pytest.fixture
def next_officer(office_department):
    return UserFactory(
        username="zhoujie", name="周杰", roles=["duty_officer"], department=office_department
    )


@pytest.fixture
def shift(leader, officer):
    current = shift_running_now()
    assign(current, leader, "leader")
    assign(current, officer, "officer")
    return current


@pytest.fixture
def next_shift(shift, next_officer):
    upcoming = following_shift(shift)
    assign(upcoming, next_officer, "officer")
    return upcoming


@pytest.fixture
def handover_time(shift, time_machine):
    """The clock 30 minutes before `shift` ends: its handover window is open."""
    from datetime import timedelta

    time_machine.move_to(shift.ends_at - timedelta(minutes=30), tick=False)


@pytest.fixture
def department_head(office_department):
    """The head of the duty people's department: the first step of a purchase's chain."""
    head = UserFactory(username="sunli", name="孙丽", roles=[], department=office_department)
    office_department.head = head
    office_department.save(update_fields=["head"])
    return head
