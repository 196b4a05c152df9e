"""Check-out's `next`: only a path of this portal; anything else falls back to the desk."""

import pytest
from django.urls import reverse

from reception.models import Visitor

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "next_value",
    [
        "foo",
        "reception:index",
        "https://evil.example/",
        "//evil.example/x",
        "/no/such/page/",
        "\x00",
    ],
)
def test_check_out_with_a_bad_next_goes_back_to_the_desk(
    visitor, receptionist, client_for, next_value
):
    client = client_for(receptionist)
    client.post(reverse("reception:check_in", args=[visitor.pk]), {"badge_number": "021"})
    response = client.post(reverse("reception:check_out", args=[visitor.pk]), {"next": next_value})
    assert response.status_code == 302
    assert response["Location"] == reverse("reception:index")
    assert Visitor.objects.get(pk=visitor.pk).checked_out_at is not None


def test_check_out_keeps_a_next_inside_the_portal(visitor, receptionist, client_for):
    client = client_for(receptionist)
    client.post(reverse("reception:check_in", args=[visitor.pk]), {"badge_number": "021"})
    target = reverse("reception:log") + "?status=left"
    response = client.post(reverse("reception:check_out", args=[visitor.pk]), {"next": target})
    assert response["Location"] == target
