import io

import pytest
from pypdf import PdfReader

from .factories import IncomingFactory, OutgoingFactory


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Every role fixture hashes "demo12345"; PBKDF2 on a shared 2-core machine costs seconds.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


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
