"""seed() fills a realistic week and is idempotent; seed_scale() adds what is missing."""

import pytest

from office import demo as office_demo
from reception import demo
from reception.models import Arrangement, RollCall, Visit, Visitor
from reception.permissions import arrangement_editable

pytestmark = pytest.mark.django_db


def test_seed_is_idempotent_and_covers_the_week():
    office_demo.seed(lambda message: None)
    demo.seed(lambda message: None)
    counts = (Visit.objects.count(), Visitor.objects.count(), Arrangement.objects.count())
    demo.seed(lambda message: None)
    assert (Visit.objects.count(), Visitor.objects.count(), Arrangement.objects.count()) == counts
    demo.seed_last(lambda message: None)
    demo.seed_last(lambda message: None)
    statuses = set(Visit.objects.values_list("status", flat=True))
    assert {"left", "arrived", "expected", "no_show"} <= statuses
    assert Arrangement.objects.filter(status=Arrangement.Status.AWAITING_APPROVAL).exists()
    # Issue 16: a visitor added to a visit, an arrangement changed and still editable, a drill.
    archive = Visit.objects.get(organisation="市档案馆")
    assert list(archive.visitors.values_list("name", flat=True)) == ["罗琳", "孔晨"]
    lunch = Arrangement.objects.get(visit__organisation="兄弟单位办公室", kind="meal")
    assert lunch.people == 8 and arrangement_editable(lunch)
    drill = RollCall.objects.get()
    assert drill.status == RollCall.Status.CLOSED and drill.drill
    assert drill.safe_count == drill.headcount > 0


def test_seed_scale_adds_only_the_missing():
    office_demo.seed(lambda message: None)
    demo.seed_scale(30, lambda message: None)
    demo.seed_scale(30, lambda message: None)
    assert Visit.objects.filter(purpose__endswith=demo.SCALE_MARK).count() == 30
    assert Visitor.objects.count() >= 30
