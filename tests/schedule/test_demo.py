import datetime

import pytest
import time_machine

from office import demo as office_demo
from schedule import demo, selectors
from schedule.models import Entry, Leader, WeekPlan

from .conftest import SHANGHAI

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "moment",
    [
        datetime.datetime(2026, 12, 6, 23, 50, tzinfo=SHANGHAI),  # a Sunday night
        datetime.datetime(2026, 12, 31, 23, 50, tzinfo=SHANGHAI),
    ],
)
def test_the_demo_publishes_this_week_with_a_clash_and_a_change_and_runs_twice(moment):
    with time_machine.travel(moment, tick=False):
        office_demo.seed(lambda message: None)
        demo.seed(lambda message: None)
        count = Entry.objects.count()
        demo.seed(lambda message: None)
        assert Entry.objects.count() == count
        assert Leader.objects.filter(active=True).count() == 2
        monday = selectors.week_of(datetime.date.today())
        plan = WeekPlan.objects.get(week=monday)
        start, end = selectors.week_bounds(monday)
        live = selectors.mark_clashes(selectors.gather(start, end))
        assert any(item.clashes for item in live)
        selectors.changes_since(plan, live)
        assert any(item.changed for item in live)
