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


def test_demo_handover_can_be_filed_and_accepted_with_demo_logins():
    """At any hour: the last shift that ended waits for its officer's (late) handover, the
    current shift's people can accept it, and everyone on the current and next shift logs in
    with the demo password; the carry-over holds a few matters, not two weeks of copies."""
    from django.utils.timezone import now

    from duty.permissions import can_accept_handover, can_file_handover
    from duty.selectors import duty_board, shifts_for
    from duty.services import handover as services
    from office.demo import DEMO_PASSWORD
    from office.demo import user as demo_user

    office_demo.seed(lambda *_: None)
    demo.seed(lambda *_: None)
    row = next(r for r in duty_board() if r.post.name == "总值班室")
    on_now = {a.person.username for a in row.current.assignments.all()}
    assert on_now == {"leader", "officer"}  # the two first demo logins are on duty now
    for shift in (row.current, row.following):
        people = list(shift.assignments.all())
        assert {a.role for a in people} == {"leader", "officer"}
        assert all(a.person.check_password(DEMO_PASSWORD) for a in people)
    director = demo_user("director")
    last = shifts_for(director).filter(post=row.post, ends_at__lte=now()).order_by("-ends_at")[0]
    filer = next(a.person for a in last.assignments.all() if a.role == "officer")
    assert can_file_handover(filer, last, now())
    handover = services.handover_file(shift=last, summary="本班正常", items=[], by=filer)
    assert handover.late and handover.carried_entries.count() <= 4
    receiver = next(a.person for a in row.current.assignments.all() if a.person != filer)
    assert can_accept_handover(receiver, handover)
    services.handover_accept(handover=handover, by=receiver)
