"""Supplies fixtures: a storekeeper, a department with its head, finance, two stores and a
catalogue with stock (received through the services)."""

import pytest

from office.models import Department
from supplies import services
from supplies.models import Item, Store
from supplies.services import Line
from tests.factories import UserFactory


@pytest.fixture
def storekeeper(office_department):
    return UserFactory(
        username="storekeeper", name="孙保管", roles=["storekeeper"], department=office_department
    )


@pytest.fixture
def head(staff):
    head = UserFactory(username="hugang", name="胡刚", department=staff.department)
    Department.objects.filter(pk=staff.department_id).update(head=head)
    staff.refresh_from_db()
    return head


@pytest.fixture
def store(db):
    return Store.objects.create(name="一号库房", order=1)


@pytest.fixture
def second_store(db):
    return Store.objects.create(name="二号库房", order=2)


@pytest.fixture
def paper(db):
    return Item.objects.create(name="复印纸", spec="A4 70g", unit="包", threshold=5)


@pytest.fixture
def pens(db):
    return Item.objects.create(name="签字笔", spec="0.5mm 黑", unit="支", threshold=10)


@pytest.fixture
def stocked(store, paper, pens, storekeeper):
    """20 packs of paper and 30 pens in store one."""
    services.stock_receive(
        store=store, lines=[Line(paper, 20), Line(pens, 30)], by=storekeeper, note="期初"
    )
    return store


def level(store, item) -> int:
    return store.levels.get(item=item).quantity
