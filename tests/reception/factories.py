"""Reception factories: a visit with its visitors, an arrangement, a watch-list entry."""

from datetime import timedelta
from decimal import Decimal

import factory
from django.utils.timezone import localtime, now

from reception.models import Arrangement, Visit, Visitor, WatchListEntry
from tests.factories import UserFactory

# Valid GB 11643 resident ID numbers (checksums verified in test_identity).
VALID_IDS = ["11010519491231002X", "110101199003074477", "320102198512150010"]


def soon():
    """Half an hour from now, but still today (Asia/Shanghai): the day board shows today."""
    moment = now() + timedelta(minutes=30)
    if localtime(moment).date() != localtime(now()).date():
        return now()
    return moment


def form_time(hours: float) -> str:
    """A datetime-local form value `hours` from now."""
    return localtime(now() + timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M")


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visit

    host = factory.SubFactory(UserFactory)
    registered_by = factory.SelfAttribute("host")
    organisation = "华北电力设计院"
    purpose = "商谈合作事宜"
    expected_arrival = factory.LazyFunction(lambda: soon())
    expected_departure = factory.LazyAttribute(lambda v: v.expected_arrival + timedelta(hours=2))
    party = "张明"
    headcount = 1


class VisitorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visitor

    visit = factory.SubFactory(VisitFactory)
    name = "张明"
    phone = "13812345678"
    id_type = Visitor.IdType.RESIDENT_ID
    id_number = VALID_IDS[1]


def visit_with(*, visitors=1, **kwargs) -> Visit:
    """A visit and its `visitors` people (张明, 李华, ...)."""
    names = ["张明", "李华", "王芳", "赵强", "孙悦"]
    visit = VisitFactory(headcount=visitors, party="、".join(names[:visitors]), **kwargs)
    for index in range(visitors):
        VisitorFactory(visit=visit, name=names[index % len(names)], order=index)
    return visit


class ArrangementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Arrangement

    visit = factory.SubFactory(VisitFactory)
    kind = Arrangement.Kind.MEAL
    date = factory.LazyAttribute(lambda a: localtime(a.visit.expected_arrival).date())
    people = 4
    standard = "工作餐 每人60元"
    responsible = factory.SubFactory(UserFactory)
    cost_estimate = Decimal("240.00")
    status = Arrangement.Status.PLANNED
    created_by = factory.SelfAttribute("responsible")


class WatchListEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WatchListEntry

    name = "钱某"
    reason = "曾多次无理纠缠工作人员"
    added_by = factory.SubFactory(UserFactory)
