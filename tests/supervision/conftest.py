import pytest

from tests.factories import DepartmentFactory, UserFactory
from tests.supervision.factories import TaskFactory


@pytest.fixture
def task(clerk, staff):
    """An item the clerk assigned to staff, not yet accepted."""
    return TaskFactory(assigned_by=clerk, owner=staff)


@pytest.fixture
def outsider(db):
    """Someone with no part in any item and no overseeing role."""
    return UserFactory(username="outsider", department=DepartmentFactory(code="it"))


@pytest.fixture
def htmx_headers():
    return {"HTTP_HX_REQUEST": "true"}
