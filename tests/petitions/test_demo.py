import pytest

from office import demo as office_demo
from petitions import demo
from petitions.models import Extension, Petition

pytestmark = pytest.mark.django_db


def test_the_demo_has_petitions_in_every_state_and_every_light_and_runs_twice():
    office_demo.seed(lambda message: None)
    demo.seed(lambda message: None)
    count = Petition.objects.count()
    demo.seed(lambda message: None)
    assert Petition.objects.count() == count
    assert set(Petition.objects.values_list("status", flat=True)) == set(Petition.Status.values)
    lights = {p.light for p in Petition.objects.filter(status=Petition.Status.ASSIGNED)}
    assert lights == {"green", "yellow", "red"}
    assert Extension.objects.filter(status=Extension.Status.PENDING).exists()
