import pytest

from office.people import people
from tests.factories import DepartmentFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_people_are_active_staff_without_superusers_by_department_then_name():
    first = DepartmentFactory(code="a", name="办公室", order=1)
    second = DepartmentFactory(code="b", name="财务处", order=2)
    wang = UserFactory(username="wang", name="王芳", department=second)
    li = UserFactory(username="li", name="李明", department=first)
    zhang = UserFactory(username="zhang", name="张伟", department=first)
    UserFactory(username="gone", name="离职", department=first, is_active=False)
    UserFactory(username="admin", name="系统管理员", department=first, is_superuser=True)
    assert list(people()) == [li, zhang, wang]
