"""Shared factories. Apps keep their own in tests/<app>/factories.py, built on these."""

import factory
from django.contrib.auth.models import Group

from office.models import Department, User


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ["code"]

    name = factory.Sequence(lambda n: f"部门{n}")
    code = factory.Sequence(lambda n: f"dept-{n}")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    name = factory.Sequence(lambda n: f"员工{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    department = factory.SubFactory(DepartmentFactory)
    password = factory.django.Password("demo12345")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set(Group.objects.filter(name__in=extracted))
