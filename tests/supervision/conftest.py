import pytest

from tests.supervision.factories import TaskFactory


@pytest.fixture
def task(clerk, staff):
    """An item the clerk assigned to staff, not yet accepted."""
    return TaskFactory(assigned_by=clerk, owner=staff)
