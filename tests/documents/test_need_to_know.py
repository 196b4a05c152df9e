"""内部 incoming documents: each way of being named in the workflow opens it, nothing else does;
the rule is documents.selectors.incoming_for, which every view, search and to-do uses."""

import pytest

from documents import selectors, services
from documents.models import Circulation, Instruction
from tests.factories import DepartmentFactory, UserFactory

from .factories import IncomingFactory


def named(document, person, how):
    if how == "registrar":
        document.registered_by = person
    elif how == "proposer":
        document.proposed_by = person
    elif how == "instructed (before 呈批 rows)":
        document.instructed_by = person
    elif how == "lead handler":
        document.lead_handler = person
    elif how == "head of the lead handler's department":
        document.lead_handler = UserFactory(department=DepartmentFactory(head=person))
    elif how == "head of a co-handler's department":
        document.co_handlers.add(UserFactory(department=DepartmentFactory(head=person)))
    elif how == "co-handler":
        document.co_handlers.add(person)
    elif how == "reader":
        Circulation.objects.create(document=document, reader=person, sent_by=document.registered_by)
    elif how == "leader asked":
        Instruction.objects.create(document=document, leader=person)
    document.save()


WAYS = [
    "registrar",
    "proposer",
    "instructed (before 呈批 rows)",
    "lead handler",
    "head of the lead handler's department",
    "head of a co-handler's department",
    "co-handler",
    "reader",
    "leader asked",
]


@pytest.mark.parametrize("how", WAYS)
def test_each_way_of_being_named_opens_an_internal_document(how, clerk):
    person = UserFactory()
    document = IncomingFactory(registered_by=clerk, security_level="internal")
    assert not selectors.incoming_for(person).filter(pk=document.pk).exists()
    named(document, person, how)
    assert selectors.incoming_for(person).filter(pk=document.pk).exists()


@pytest.mark.parametrize("how", WAYS)
def test_being_named_does_not_open_a_secret_document(how, director):
    person = UserFactory()
    document = IncomingFactory(registered_by=director, security_level="secret")
    named(document, person, how)
    assert not selectors.incoming_for(person).filter(pk=document.pk).exists()


def test_heading_an_unrelated_department_opens_nothing(clerk, staff):
    DepartmentFactory(head=staff)
    document = IncomingFactory(registered_by=clerk, lead_handler=UserFactory())
    assert not selectors.incoming_for(staff).filter(pk=document.pk).exists()


def test_every_clerk_and_the_director_see_internal_but_not_secret(clerk, director):
    other_clerk = UserFactory(roles=["clerk"])
    internal = IncomingFactory(registered_by=clerk, security_level="internal")
    secret = IncomingFactory(registered_by=director, security_level="secret")
    assert set(selectors.incoming_for(other_clerk)) == {internal}
    assert set(selectors.incoming_for(director)) == {internal, secret}


def test_the_workflow_through_the_services_opens_it_to_whom_it_names(
    clerk, director, staff, other_staff
):
    outsider = UserFactory()
    document = IncomingFactory(registered_by=clerk, status="proposed")
    services.incoming_instruct(
        document_id=document.pk, by=director, instruction="请办理。", lead_handler=staff
    )
    services.circulation_send(document_id=document.pk, by=clerk, readers=[(other_staff, "阅")])
    for person, sees in ((staff, True), (other_staff, True), (outsider, False)):
        assert selectors.incoming_for(person).filter(pk=document.pk).exists() is sees
