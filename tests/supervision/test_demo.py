import pytest

from office.demo import seed as seed_office
from supervision.demo import seed, seed_scale
from supervision.models import Extension, Task

pytestmark = pytest.mark.django_db


def test_demo_has_every_state_and_is_idempotent():
    seed_office(lambda message: None)
    seed(lambda message: None)
    count = Task.objects.count()
    assert set(Task.objects.values_list("status", flat=True)) == set(Task.Status.values)
    lights = {task.light for task in Task.objects.all()}
    assert {"green", "yellow", "red", ""} <= lights
    assert Extension.objects.filter(status="pending").exists()
    assert Extension.objects.filter(status="approved").exists()
    assert Task.objects.filter(status="completed", on_time=False).exists()
    assert Task.objects.filter(owner__username="staff").exists()  # the demo staff has work
    seed(lambda message: None)
    assert Task.objects.count() == count


def test_demo_history_lies_in_the_past_and_tells_chases_and_a_split():
    import datetime

    from django.utils import timezone

    from office.models import AuditEvent
    from supervision.models import Note

    seed_office(lambda message: None)
    loaded = timezone.now()
    seed(lambda message: None)
    events = AuditEvent.objects.filter(verb__startswith="supervision.")
    days = {timezone.localdate(e.created_at) for e in events}
    assert len(days) > 20  # not every event at the moment of loading
    assert all(e.created_at <= loaded for e in events)
    red = Task.objects.get(title="整改档案室温湿度不达标问题")
    assert red.light == "red"
    chases = red.notes.filter(kind=Note.Kind.CHASE)
    assert chases.count() == 2 and red.notes.filter(kind=Note.Kind.REPLY).exists()
    assert all(n.created_at.date() > red.deadline for n in chases)
    assert red.accepted_at < red.notes.first().created_at
    parent = Task.objects.get(title="创建节约型机关示范单位")
    assert {c.status for c in parent.children.all()} == {"completed", "in_progress"}
    assert all(c.created_at >= parent.created_at for c in parent.children.all())
    assert loaded - parent.created_at > datetime.timedelta(days=1)


def test_seed_scale_adds_rows_fast():
    seed_office(lambda message: None)
    seed_scale(300, lambda message: None)
    assert Task.objects.count() == 300
    assert Task.objects.filter(status="completed").exists()
