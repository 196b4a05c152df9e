"""Far-off dates: the form refuses them; one already stored never breaks a page."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from documents.models import IncomingDocument

from .factories import IncomingFactory
from .test_views import register_post

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("received_at", "0001-01-01T00:00"),
        ("received_at", "1999-12-31T08:00"),
        ("deadline", "9999-12-31"),
        ("deadline", "0001-01-01"),
    ],
)
def test_registration_refuses_far_dates_with_a_message(clerk, client_for, field, value):
    response = client_for(clerk).post(
        reverse("documents:incoming_register"), register_post(**{field: value})
    )
    assert response.status_code == 200
    assert "之间的日期" in response.content.decode()
    assert not IncomingDocument.objects.exists()


@pytest.mark.parametrize(
    ("received_at", "deadline"),
    [
        (datetime.datetime(1, 1, 1, 0, 0, tzinfo=SHANGHAI), datetime.date(1, 1, 1)),
        (datetime.datetime(9999, 12, 31, 23, 59, tzinfo=SHANGHAI), datetime.date(9999, 12, 31)),
    ],
)
def test_a_stored_far_date_breaks_no_page(director, client_for, received_at, deadline):
    document = IncomingFactory(
        title="远古来文", received_at=received_at, deadline=deadline, security_level="internal"
    )
    client = client_for(director)
    pages = [
        document.get_absolute_url(),
        reverse("documents:incoming_list"),
        reverse("documents:incoming_list") + "?page=last",
        reverse("documents:search") + "?q=远古",
    ]
    for page in pages:
        response = client.get(page)
        assert response.status_code == 200, page
        assert "远古来文" in response.content.decode(), page
    pdf = client.get(reverse("documents:incoming_pdf", args=[document.pk]))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
