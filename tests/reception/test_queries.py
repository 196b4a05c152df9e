"""The day board and the visitor log answer in the same number of queries at any size."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.timezone import now

from reception import services
from tests.reception.factories import ArrangementFactory, visit_with

pytestmark = pytest.mark.django_db


def _fill(count: int, receptionist, hosts):
    for index in range(count):
        visit = visit_with(
            visitors=1 + index % 3,
            host=hosts[index % len(hosts)],
            organisation=f"单位{index % 4}",
            expected_arrival=now() - timedelta(minutes=index),
        )
        ArrangementFactory(visit=visit)
        if index % 2:
            person = visit.visitors.first()
            services.visitor_check_in(
                visitor_id=person.pk, badge_number=f"B{visit.pk}", by=receptionist
            )
            if index % 4 == 1:
                services.visitor_check_out(visitor_id=person.pk, by=receptionist)
        # yesterday's visits, and one still inside from yesterday (overdue)
        visit_with(host=hosts[0], expected_arrival=now() - timedelta(days=1, minutes=index))


def _queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(captured)


PAGES = [
    ("reception:index", None),
    ("reception:index", {"q": "单位1"}),
    ("reception:log", None),
    ("reception:log", {"organisation": "单位", "status": "arrived"}),
    ("reception:summary", None),
]


@pytest.mark.parametrize(("name", "params"), PAGES)
def test_query_count_is_the_same_at_two_sizes(
    receptionist, staff, other_staff, client_for, name, params, django_assert_num_queries
):
    client = client_for(receptionist)
    url = reverse(name)
    _fill(4, receptionist, [staff, other_staff])  # every section and filter non-empty
    small = _queries(client, url, params)
    assert small >= 4  # session, user, roles, the page's own: the capture really counts
    _fill(12, receptionist, [staff, other_staff])
    with django_assert_num_queries(small):
        client.get(url, params or {})


def test_host_log_query_count_is_pinned(staff, receptionist, client_for, django_assert_num_queries):
    client = client_for(staff)
    _fill(2, receptionist, [staff])
    small = _queries(client, reverse("reception:log"))
    _fill(10, receptionist, [staff])
    with django_assert_num_queries(small):
        client.get(reverse("reception:log"))
