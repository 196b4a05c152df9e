"""Petitions fixtures: petition staff, a handling department with its head and a clerk of it,
and petitions in the state a test needs (made through the services)."""

import datetime

import pytest
from django.utils import timezone

from office.models import Department
from petitions import services
from petitions.services import PetitionData
from tests.factories import DepartmentFactory, UserFactory

ID_NUMBER = "11010519491231002X"


@pytest.fixture
def petition_officer(office_department):
    return UserFactory(
        username="petitions",
        name="信访员",
        roles=["petition_officer"],
        department=office_department,
    )


@pytest.fixture
def land_department(db):
    return DepartmentFactory(code="land", name="自然资源局")


@pytest.fixture
def land_head(land_department):
    head = UserFactory(username="landhead", name="刘局长", department=land_department)
    Department.objects.filter(pk=land_department.pk).update(head=head)
    land_department.refresh_from_db()
    return head


@pytest.fixture
def land_clerk(land_department):
    return UserFactory(username="landclerk", name="陈科员", department=land_department)


def data(**overrides) -> PetitionData:
    values = {
        "channel": "letter",
        "petitioner_name": "张晓明",
        "petitioner_id_number": ID_NUMBER,
        "petitioner_phone": "13812345678",
        "petitioner_address": "北京市西城区某某街道12号",
        "title": "宅基地纠纷",
        "matter": "邻居占用宅基地，请求处理。",
        "category": "land",
        "received_on": timezone.localdate(),
    }
    values.update(overrides)
    return PetitionData(**values)


@pytest.fixture
def registered(petition_officer, director):
    return services.petition_register(data=data(), by=petition_officer)


@pytest.fixture
def accepted(registered, petition_officer):
    return services.petition_accept(petition_id=registered.pk, by=petition_officer)


@pytest.fixture
def assigned(accepted, petition_officer, land_department, land_head, land_clerk):
    return services.petition_assign(
        petition_id=accepted.pk,
        by=petition_officer,
        department=land_department,
        assignee=land_clerk,
    )


@pytest.fixture
def replied(assigned, land_head):
    return services.petition_reply(
        petition_id=assigned.pk, by=land_head, reply="已调解，恢复原状。"
    )


def days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)
