"""The guard itself: it must notice a 500 and a rejected request that saved something."""

import pytest
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, HttpResponseBadRequest
from django.test import Client
from django.urls import path

from office.models import Department

from .guard import Failure, exchange

pytestmark = [pytest.mark.fuzz, pytest.mark.django_db]


@login_not_required
def crash(request):
    raise ValueError("year -1 is out of range")


@login_not_required
def half_save(request):
    Department.objects.create(code="half", name=request.POST.get("name", ""))
    return HttpResponseBadRequest("no")


@login_not_required
def fine(request):
    Department.objects.create(code="fine", name="ok")
    return HttpResponse(status=302, headers={"Location": "/"})


urlpatterns = [path("crash/", crash), path("half/", half_save), path("fine/", fine)]


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@pytest.mark.urls(__name__)
def test_a_500_is_reported_with_its_traceback(client):
    with pytest.raises(Failure, match="(?s)500 from GET /crash/.*year -1 is out of range"):
        exchange(client, "GET", "/crash/", user="x", view="crash", pairs=[("d", "0001-01-01")])


@pytest.mark.urls(__name__)
def test_a_rejected_request_that_saved_a_row_is_reported(client):
    with pytest.raises(Failure, match="half-saved.*office_department"):
        exchange(client, "POST", "/half/", user="x", view="half", pairs=[("name", b"\xed\xa0\x80")])
    assert not Department.objects.filter(code="half").exists()  # rolled back all the same


@pytest.mark.urls(__name__)
def test_an_accepted_request_may_write_and_is_rolled_back(client):
    exchange(client, "POST", "/fine/", user="x", view="fine", pairs=[("a", "\x00")])
    assert not Department.objects.filter(code="fine").exists()
