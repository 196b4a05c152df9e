"""Two storekeepers issue at the same moment from the same stock: the row lock lets one
through and the other is refused; the stock never goes below zero."""

import threading

import pytest
from django.db import connection

from office.errors import DomainError
from supplies import services
from supplies.models import Movement
from supplies.services import Line

from .conftest import level


@pytest.mark.django_db(transaction=True)
def test_two_issues_at_once_cannot_overdraw(stocked, paper, staff, head, storekeeper):
    records = []
    for _n in range(2):
        record = services.requisition_request(
            store=stocked, purpose="同时领用", lines=[Line(paper, 15)], by=staff
        )
        services.requisition_decide(requisition_id=record.pk, by=head, approve=True)
        records.append(record)
    start, outcomes = threading.Barrier(2), []

    def issue(record):
        try:
            start.wait()
            services.requisition_issue(requisition_id=record.pk, by=storekeeper)
            outcomes.append("issued")
        except DomainError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=issue, args=(r,)) for r in records]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["issued", "refused"]
    assert level(stocked, paper) == 5
    assert Movement.objects.filter(kind="issue").count() == 1
