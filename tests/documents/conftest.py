import io

import pytest
from pypdf import PdfReader

from .factories import IncomingFactory, OutgoingFactory


@pytest.fixture
def incoming(clerk):
    return IncomingFactory(registered_by=clerk, access=[clerk])


@pytest.fixture
def outgoing(clerk):
    return OutgoingFactory(drafted_by=clerk, access=[clerk])


def pdf_text(content: bytes) -> str:
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


@pytest.fixture
def htmx():
    return {"HTTP_HX_REQUEST": "true"}
