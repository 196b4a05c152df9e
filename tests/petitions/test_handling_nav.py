"""The handling department finds its petitions from the menu: its head and the person assigned
see 信访 in the navigation, and the list opens on what awaits the department's reply."""

import pytest
from django.urls import reverse

from petitions import services
from tests.petitions.conftest import data

pytestmark = pytest.mark.django_db


def _menu(client) -> str:
    page = client.get(reverse("home")).content.decode()
    return page[: page.index("</nav>")]


def test_the_department_head_and_the_assignee_have_the_menu_entry(
    assigned, land_head, land_clerk, staff, client_for
):
    url = reverse("petitions:index")
    for user in (land_head, land_clerk):
        assert f'href="{url}"' in _menu(client_for(user))
    assert f'href="{url}"' not in _menu(client_for(staff))  # nothing to handle: no entry


def test_the_head_sees_what_awaits_the_department_first(
    replied, assigned, petition_officer, land_department, land_clerk, land_head, client_for
):
    waiting = services.petition_register(data=data(title="道路占用"), by=petition_officer)
    services.petition_accept(petition_id=waiting.pk, by=petition_officer)
    services.petition_assign(
        petition_id=waiting.pk, by=petition_officer, department=land_department, assignee=None
    )
    client = client_for(land_head)

    page = client.get(reverse("petitions:index")).content.decode()
    assert "道路占用" in page and waiting.get_absolute_url() in page
    assert replied.get_absolute_url() not in page  # replied: no longer awaiting the department

    everything = client.get(reverse("petitions:index"), {"status": ""}).content.decode()
    assert replied.get_absolute_url() in everything and waiting.get_absolute_url() in everything


def test_petition_staff_still_see_every_state_by_default(replied, petition_officer, client_for):
    page = client_for(petition_officer).get(reverse("petitions:index")).content.decode()
    assert replied.get_absolute_url() in page
