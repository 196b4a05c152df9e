"""One seed_scale contract in every app: seed_scale(N) makes sure there are N (idempotent),
a larger N tops up, and the management command passes N as it is."""

import pytest
from django.core.management import call_command

from office import demo as office_demo

pytestmark = pytest.mark.django_db


def _documents():
    from documents.models import IncomingDocument

    return IncomingDocument.objects.count()


def _supervision():
    from supervision.models import Task

    return Task.objects.count()


def _meetings():
    from meetings.models import Meeting

    return Meeting.objects.filter(room__building="测试楼").count()


def _reception():
    from reception.demo import SCALE_MARK
    from reception.models import Visit

    return Visit.objects.filter(purpose__endswith=SCALE_MARK).count()


def _duty():
    from duty.models import LogEntry

    return LogEntry.objects.count()


def _vehicles():
    from vehicles.demo import SCALE_MARK
    from vehicles.models import Trip

    return Trip.objects.filter(purpose__endswith=SCALE_MARK).count()


APPS = {
    "documents": _documents,
    "supervision": _supervision,
    "meetings": _meetings,
    "reception": _reception,
    "duty": _duty,
    "vehicles": _vehicles,
}


@pytest.mark.parametrize("app", sorted(APPS))
def test_seed_scale_makes_sure_there_are_n(app):
    from importlib import import_module

    module, present = import_module(f"{app}.demo"), APPS[app]
    office_demo.seed(lambda message: None)
    assert module.seed_scale(30, lambda message: None) == 30
    assert module.seed_scale(30, lambda message: None) == 0  # a second run adds nothing
    assert present() == 30
    assert module.seed_scale(45, lambda message: None) == 15  # a larger N tops up
    assert present() == 45
    assert module.seed_scale(20, lambda message: None) == 0  # a smaller N removes nothing
    assert present() == 45


def test_the_command_passes_n_to_every_app(capsys):
    args = [f"--{app}=25" for app in APPS]
    call_command("seed_scale", *args)
    call_command("seed_scale", *args)
    assert {app: present() for app, present in APPS.items()} == dict.fromkeys(APPS, 25)
