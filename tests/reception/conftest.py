import pytest

from tests.reception.factories import visit_with


@pytest.fixture
def visit(staff):
    """An expected visit of one visitor (张明) to `staff`, arriving in half an hour."""
    return visit_with(host=staff)


@pytest.fixture
def visitor(visit):
    return visit.visitors.get()
