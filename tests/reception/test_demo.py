"""seed() fills a realistic week and is idempotent; seed_scale() adds what is missing."""

import pytest

from office import demo as office_demo
from reception import demo
from reception.models import Arrangement, Visit, Visitor

pytestmark = pytest.mark.django_db


def test_seed_is_idempotent_and_covers_the_week():
    office_demo.seed(lambda message: None)
    demo.seed(lambda message: None)
    counts = (Visit.objects.count(), Visitor.objects.count(), Arrangement.objects.count())
    demo.seed(lambda message: None)
    assert (Visit.objects.count(), Visitor.objects.count(), Arrangement.objects.count()) == counts
    statuses = set(Visit.objects.values_list("status", flat=True))
    assert {"left", "arrived", "expected", "no_show"} <= statuses
    assert Arrangement.objects.filter(status=Arrangement.Status.AWAITING_APPROVAL).exists()


def test_seed_scale_adds_only_the_missing():
    office_demo.seed(lambda message: None)
    demo.seed_scale(30, lambda message: None)
    demo.seed_scale(30, lambda message: None)
    assert Visit.objects.filter(purpose__endswith=demo.SCALE_MARK).count() == 30
    assert Visitor.objects.count() >= 30
