"""呈批 to several leaders: in sequence or together, each 批示 with its time, all of them on the
收文处理单, and the latest 批示's deadline as the document's 办理期限."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils.timezone import localdate

from documents import selectors, services
from documents.models import Instruction
from office.errors import NotAllowed, TransitionNotAllowed
from office.models import Notification
from tests.factories import DepartmentFactory, UserFactory
from tests.pdf import pdf_text

from .factories import IncomingFactory

NOON = "2026-06-10 12:00:00+08:00"


@pytest.fixture
def deputy(db):
    """The leader in charge of the matter (分管领导): heads a department, not a director."""
    user = UserFactory(username="deputy", name="李分管")
    DepartmentFactory(code="works", name="工务处", head=user)
    return user


def propose(document, clerk, leaders, together=False):
    return services.incoming_propose(
        document_id=document.pk,
        by=clerk,
        proposal="拟请李分管、王主任阅示。",
        leaders=leaders,
        together=together,
    )


def instruct(document, leader, text, due=None, **kwargs):
    return services.incoming_instruct(
        document_id=document.pk, by=leader, instruction=text, due=due, **kwargs
    )


def status_of(document):
    return {row.leader.username: row.status for row in document.instructions.all()}


@time_machine.travel(NOON, tick=False)
def test_in_sequence_each_leader_in_turn(clerk, director, deputy, staff):
    document = IncomingFactory(registered_by=clerk)
    propose(document, clerk, [deputy, director])
    assert status_of(document) == {"deputy": "pending", "director": "waiting"}
    assert list(selectors.awaiting_instruction(deputy)) == [document]
    assert not selectors.awaiting_instruction(director).exists()
    assert Notification.objects.filter(
        recipient=deputy, kind="documents.awaiting_instruction"
    ).exists()
    assert not Notification.objects.filter(recipient=director).exists()
    with pytest.raises(TransitionNotAllowed):
        instruct(document, director, "同意。")

    instruct(document, deputy, "拟同意，请王主任审定。", due=localdate() + timedelta(days=5))
    document.refresh_from_db()
    assert document.status == "proposed"  # the main leader has still to instruct
    assert status_of(document) == {"deputy": "given", "director": "pending"}
    assert list(selectors.awaiting_instruction(director)) == [document]
    assert Notification.objects.filter(
        recipient=director, kind="documents.awaiting_instruction"
    ).exists()

    with time_machine.travel("2026-06-10 15:30:00+08:00", tick=False):
        instruct(document, director, "同意，请财务处办理。", lead_handler=staff)
    document.refresh_from_db()
    assert document.status == "instructed" and document.lead_handler == staff
    given = {row.leader.username: row.given_at for row in document.instructions.all()}
    assert given["deputy"] < given["director"]
    with pytest.raises(TransitionNotAllowed):
        instruct(document, deputy, "再次批示")


def test_together_both_at_once_in_any_order(clerk, director, deputy):
    document = IncomingFactory(registered_by=clerk)
    propose(document, clerk, [director, deputy], together=True)
    assert status_of(document) == {"deputy": "pending", "director": "pending"}
    instruct(document, director, "同意。")
    document.refresh_from_db()
    assert document.status == "proposed"
    instruct(document, deputy, "阅。")
    document.refresh_from_db()
    assert document.status == "instructed"


def test_the_latest_instruction_deadline_becomes_the_handling_deadline(clerk, director, deputy):
    document = IncomingFactory(registered_by=clerk, deadline=None)
    propose(document, clerk, [deputy, director])
    first, later = localdate() + timedelta(days=9), localdate() + timedelta(days=4)
    instruct(document, deputy, "请抓紧。", due=first)
    document.refresh_from_db()
    assert document.deadline == first
    instruct(document, director, "同意，提前办结。", due=later)
    document.refresh_from_db()
    assert document.deadline == later and document.handling_due == later


def test_a_leader_without_a_date_keeps_the_earlier_deadline(clerk, director, deputy):
    document = IncomingFactory(registered_by=clerk)
    propose(document, clerk, [deputy, director])
    due = localdate() + timedelta(days=6)
    instruct(document, deputy, "请于一周内办结。", due=due)
    instruct(document, director, "同意。")
    document.refresh_from_db()
    assert document.deadline == due


def test_only_the_leaders_it_went_to_instruct(clerk, director, deputy):
    document = IncomingFactory(registered_by=clerk)
    propose(document, clerk, [deputy])
    with pytest.raises(NotAllowed):
        instruct(document, director, "我来批。")
    assert not selectors.awaiting_instruction(director).exists()


def test_a_document_proposed_before_routing_is_still_the_directors(clerk, director):
    document = IncomingFactory(registered_by=clerk, status="proposed", proposal="拟请阅示")
    assert list(selectors.awaiting_instruction(director)) == [document]
    instruct(document, director, "同意。")
    document.refresh_from_db()
    assert document.status == "instructed" and status_of(document) == {"director": "given"}


def test_no_leader_named_goes_to_the_directors(clerk, director):
    document = IncomingFactory(registered_by=clerk)
    services.incoming_propose(document_id=document.pk, by=clerk, proposal="拟请阅示")
    assert status_of(document) == {"director": "pending"}


def test_returning_withdraws_what_is_not_yet_given(clerk, director, deputy):
    document = IncomingFactory(registered_by=clerk)
    propose(document, clerk, [deputy, director])
    services.incoming_return(document_id=document.pk, by=clerk, reason="误投")
    assert status_of(document) == {"deputy": "cancelled", "director": "cancelled"}
    assert not selectors.awaiting_instruction(deputy).exists()


def test_a_secret_document_opens_for_the_leaders_it_went_to(clerk, director, deputy, client_for):
    document = IncomingFactory(registered_by=director, security_level="secret", access=[clerk])
    assert client_for(deputy).get(document.get_absolute_url()).status_code == 404
    propose(document, clerk, [deputy, director])
    assert client_for(deputy).get(document.get_absolute_url()).status_code == 200


def test_the_sheet_and_page_show_every_instruction_and_the_deadline(
    clerk, director, deputy, client_for
):
    document = IncomingFactory(registered_by=clerk, deadline=None)
    propose(document, clerk, [deputy, director])
    due = localdate() + timedelta(days=7)
    instruct(document, deputy, "拟同意，请王主任审定。")
    instruct(document, director, "同意，请抓紧办理。", due=due)
    page = client_for(clerk).get(document.get_absolute_url()).content.decode()
    assert "拟同意，请王主任审定。" in page and "同意，请抓紧办理。" in page
    assert due.isoformat() in page
    sheet = client_for(clerk).get(reverse("documents:incoming_pdf", args=[document.pk]))
    text = pdf_text(sheet.content)
    for expected in ("拟同意，请王主任审定。", "同意，请抓紧办理。", "李分管", "director"):
        assert expected in text
    assert f"办理期限 {due.isoformat()}" in text.replace("\n", " ")


def test_the_proposal_form_routes_to_the_leaders_chosen(clerk, director, deputy, client_for):
    document = IncomingFactory(registered_by=clerk)
    url = reverse("documents:incoming_propose", args=[document.pk])
    page = client_for(clerk).get(url).content.decode()
    assert "李分管" in page and "依次呈批" in page
    same = client_for(clerk).post(
        url, {"proposal": "拟请阅示", "leader_1": director.pk, "leader_2": director.pk}
    )
    assert same.status_code == 200 and not Instruction.objects.exists()
    client_for(clerk).post(
        url,
        {
            "proposal": "拟请阅示",
            "leader_1": deputy.pk,
            "leader_2": director.pk,
            "routing": "together",
        },
    )
    assert status_of(document) == {"deputy": "pending", "director": "pending"}


def test_leaders_offered_are_directors_and_heads_of_departments(director, deputy, staff):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("root", "root@example.com", "x")
    assert set(selectors.leader_choices()) == {director, deputy}


def test_instructing_again_says_it_is_done(clerk, director, client_for):
    document = IncomingFactory(registered_by=clerk)
    propose(document, clerk, [director])
    instruct(document, director, "同意。")
    url = reverse("documents:incoming_instruct", args=[document.pk])
    response = client_for(director).get(url, follow=True)
    assert response.redirect_chain[-1][0] == document.get_absolute_url()
    assert "该步骤已完成" in response.content.decode()
    again = client_for(clerk).get(reverse("documents:incoming_propose", args=[document.pk]))
    assert again.status_code == 302


def test_only_a_leader_is_asked_for_an_instruction(clerk, director, staff):
    from office.errors import DomainError

    document = IncomingFactory(registered_by=clerk)
    with pytest.raises(DomainError):
        propose(document, clerk, [director, staff])
    document.refresh_from_db()
    assert document.status == "registered" and not document.instructions.exists()
