"""Events in the other apps, built directly (their services are tested on their own)."""

import pytest
from django.utils.timezone import now

from duty.models import Incident
from meetings.models import Minutes
from reception.models import Visit
from tests.documents.factories import OutgoingFactory
from tests.duty.factories import make_shift
from tests.meetings.factories import MinutesFactory


@pytest.fixture
def issued(clerk):
    def make(level="internal", title="关于做好冬季安全生产工作的通知", at=None):
        return OutgoingFactory(
            drafted_by=clerk,
            title=title,
            security_level=level,
            status="issued",
            number="示办发〔2026〕7号",
            issued_at=at or now(),
            issued_by=clerk,
        )

    return make


@pytest.fixture
def minuted(director):
    def make(title="县政府常务会议"):
        return MinutesFactory(
            meeting__title=title,
            status=Minutes.Status.APPROVED,
            approved_by=director,
            approved_at=now(),
        )

    return make


@pytest.fixture
def incident(leader):
    def make(severity="serious", title="机房UPS告警"):
        return Incident.objects.create(
            shift=make_shift(),
            occurred_at=now(),
            title=title,
            severity=severity,
            reported_by=leader,
        )

    return make


@pytest.fixture
def visit(receptionist, staff):
    def make(important=True, status="left"):
        return Visit.objects.create(
            host=staff,
            registered_by=receptionist,
            organisation="省政府督查组",
            purpose="督查重点项目",
            expected_arrival=now(),
            expected_departure=now(),
            party="王明",
            important=important,
            status=status,
            arrived_at=now() if status != "expected" else None,
        )

    return make
