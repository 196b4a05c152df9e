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


def test_seed_scale_adds_rows_fast():
    seed_office(lambda message: None)
    seed_scale(300, lambda message: None)
    assert Task.objects.count() == 300
    assert Task.objects.filter(status="completed").exists()
