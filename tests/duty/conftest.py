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
