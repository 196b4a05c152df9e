import pytest

from .factories import IncomingFactory, OutgoingFactory


@pytest.fixture
def incoming(clerk):
    return IncomingFactory(registered_by=clerk, access=[clerk])


@pytest.fixture
def outgoing(clerk):
    return OutgoingFactory(drafted_by=clerk, access=[clerk])


@pytest.fixture
def htmx():
    return {"HTTP_HX_REQUEST": "true"}
