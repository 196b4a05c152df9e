"""The demo data: a month's roster with log, incidents, spending and handovers; idempotent."""

import pytest

from duty import demo
from duty.models import Assignment, Handover, Incident, LogEntry, Shift, SpendRequest
from office import demo as office_demo

pytestmark = pytest.mark.django_db


def test_seed_is_realistic_and_idempotent():
    office_demo.seed(lambda *_: None)
    demo.seed(lambda *_: None)
    counts = [
        m.objects.count() for m in (Shift, Assignment, LogEntry, Incident, SpendRequest, Handover)
    ]
    assert counts[0] >= 60 and all(counts), counts
    people = set(Assignment.objects.values_list("person__username", flat=True))
    assert people == {"leader", "zhengqiang", "officer", "zhoujie", "wumin"}
    statuses = set(Handover.objects.values_list("status", flat=True))
    assert {"accepted", "filed", "disputed"} <= statuses
    assert Incident.objects.filter(severity="serious").exists()
    demo.seed(lambda *_: None)
    again = [
        m.objects.count() for m in (Shift, Assignment, LogEntry, Incident, SpendRequest, Handover)
    ]
    assert again == counts


def test_seed_scale_is_fast_and_overlap_free():
    office_demo.seed(lambda *_: None)
    demo.seed_scale(2000, lambda *_: None)
    assert LogEntry.objects.count() == 2000
    assert Assignment.objects.values("person").distinct().count() == 50
