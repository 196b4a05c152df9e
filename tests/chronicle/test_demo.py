import datetime

import pytest
import time_machine

from chronicle import demo
from chronicle.models import Entry
from documents import demo as documents_demo
from office import demo as office_demo

pytestmark = pytest.mark.django_db

SHANGHAI = datetime.timezone(datetime.timedelta(hours=8))


@pytest.mark.parametrize(
    "moment",
    [
        datetime.datetime(2026, 12, 31, 23, 50, tzinfo=SHANGHAI),
        datetime.datetime(2028, 2, 29, 8, 5, tzinfo=SHANGHAI),
    ],
)
def test_the_demo_fills_several_months_leaves_suggestions_and_runs_twice(moment):
    with time_machine.travel(moment, tick=False):
        office_demo.seed(lambda message: None)
        documents_demo.seed(lambda message: None)
        demo.seed(lambda message: None)
        count = Entry.objects.count()
        demo.seed(lambda message: None)
        assert Entry.objects.count() == count
        accepted = Entry.objects.filter(status="accepted")
        assert len({(e.date.year, e.date.month) for e in accepted}) >= 4
        assert all(e.date <= moment.date() for e in accepted)
        assert Entry.objects.filter(status="suggested", source_kind="document").exists()
