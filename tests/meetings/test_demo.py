from meetings import demo
from meetings.models import Attendance, Meeting, Minutes


def test_demo_week_has_every_state_and_is_idempotent(db):
    from office.demo import seed as seed_office
    from supervision.models import Task

    seed_office(lambda *_: None)
    demo.seed(lambda *_: None)
    demo.seed(lambda *_: None)
    assert set(Meeting.objects.values_list("status", flat=True)) == set(Meeting.Status.values)
    assert set(Minutes.objects.values_list("status", flat=True)) == set(Minutes.Status.values)
    assert Meeting.objects.count() == len(demo.WEEK) + 2  # 补录, and the hall awaiting approval
    assert Task.objects.filter(source_kind="resolution").count() == 3
    afterwards = Meeting.objects.get(recorded_afterwards=True)
    assert afterwards.status == "minuted"
    assert Meeting.objects.get(status="awaiting_room").room.needs_approval
    kinds = set(Attendance.objects.values_list("presence", flat=True))
    assert {"signed_in", "present", "excused", "absent", "observer"} <= kinds


def test_seed_scale_books_without_overlaps(db):
    from office.demo import seed as seed_office

    seed_office(lambda *_: None)
    demo.seed_scale(400, lambda *_: None)  # the exclusion constraint would refuse overlaps
    assert Meeting.objects.count() == 400
    assert Meeting.objects.filter(status="scheduled").exists()
    assert Meeting.objects.filter(status="minuted").exists()
