"""Every view: anonymous -> login, outsider -> 404 for someone else's visit, wrong role -> 403."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.reception.factories import ArrangementFactory, visit_with

pytestmark = pytest.mark.django_db


def _urls(visit, visitor, arrangement):
    return {
        "index": ("get", reverse("reception:index")),
        "register": ("get", reverse("reception:visit_register")),
        "walk_in": ("get", reverse("reception:walk_in")),
        "detail": ("get", visit.get_absolute_url()),
        "edit": ("get", reverse("reception:visit_edit", args=[visit.pk])),
        "cancel": ("post", reverse("reception:visit_cancel", args=[visit.pk])),
        "no_show": ("post", reverse("reception:visit_no_show", args=[visit.pk])),
        "badge_pdf": ("get", reverse("reception:badge_pdf", args=[visit.pk])),
        "check_in": ("get", reverse("reception:check_in", args=[visitor.pk])),
        "check_out": ("post", reverse("reception:check_out", args=[visitor.pk])),
        "arrangement_create": ("get", reverse("reception:arrangement_create", args=[visit.pk])),
        "arrangement_detail": ("get", arrangement.get_absolute_url()),
        "arrangement_approve": (
            "post",
            reverse("reception:arrangement_approve", args=[arrangement.pk]),
        ),
        "arrangement_complete": (
            "post",
            reverse("reception:arrangement_complete", args=[arrangement.pk]),
        ),
        "arrangement_cancel": (
            "post",
            reverse("reception:arrangement_cancel", args=[arrangement.pk]),
        ),
        "log": ("get", reverse("reception:log")),
        "export": ("get", reverse("reception:log_export")),
        "summary": ("get", reverse("reception:summary")),
        "watch_list": ("get", reverse("reception:watch_list")),
    }


@pytest.fixture
def world(staff, receptionist):
    visit = visit_with(host=staff)
    arrangement = ArrangementFactory(visit=visit, responsible=receptionist)
    return _urls(visit, visit.visitors.get(), arrangement)


def _call(client, method, url):
    return getattr(client, method)(url)


@pytest.mark.parametrize(
    "name",
    [
        "index", "register", "walk_in", "detail", "edit", "cancel", "no_show", "badge_pdf",
        "check_in", "check_out", "arrangement_create", "arrangement_detail", "arrangement_approve",
        "arrangement_complete", "arrangement_cancel", "log", "export", "summary", "watch_list",
    ],
)  # fmt: skip
def test_anonymous_is_sent_to_login(world, name):
    method, url = world[name]
    response = _call(Client(), method, url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize(
    "name",
    [
        "detail", "edit", "cancel", "no_show", "badge_pdf", "check_in", "check_out",
        "arrangement_create", "arrangement_detail", "arrangement_approve",
        "arrangement_complete", "arrangement_cancel",
    ],
)  # fmt: skip
def test_someone_elses_visit_is_404(world, other_staff, client_for, name):
    method, url = world[name]
    assert _call(client_for(other_staff), method, url).status_code == 404


@pytest.mark.parametrize(
    "name",
    [
        "walk_in", "no_show", "badge_pdf", "check_in", "check_out", "arrangement_create",
        "arrangement_approve", "arrangement_cancel", "arrangement_complete", "summary",
        "watch_list",
    ],
)  # fmt: skip
def test_host_without_the_role_is_403(world, staff, client_for, name):
    method, url = world[name]
    assert _call(client_for(staff), method, url).status_code == 403


@pytest.mark.parametrize("name", ["check_in", "check_out", "walk_in", "no_show", "badge_pdf"])
def test_director_sees_but_does_not_work_the_desk(world, director, client_for, name):
    method, url = world[name]
    assert _call(client_for(director), method, url).status_code == 403


def test_outsider_log_and_export_show_nothing_of_others(world, other_staff, client_for):
    client = client_for(other_staff)
    assert "张明" not in client.get(world["log"][1]).content.decode()
    assert client.get(world["index"][1]).status_code == 200


def test_responsible_sees_the_arrangement_but_not_the_visit(staff, other_staff, client_for):
    visit = visit_with(host=staff)
    arrangement = ArrangementFactory(visit=visit, responsible=other_staff)
    client = client_for(other_staff)
    assert client.get(arrangement.get_absolute_url()).status_code == 200
    assert client.get(visit.get_absolute_url()).status_code == 404
