"""The shared approval chain: ordered steps, approve or return with a reason, the wrong actor
refused, the next approver notified and reminded once, every step audited, shown on the page."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from duty.services import spending
from office.errors import DomainError, NotAllowed
from office.models import ApprovalChain, AuditEvent, Notification, Reminder
from office.services.approvals import chain_for
from office.services.reminders import reminder_send

pytestmark = pytest.mark.django_db


@pytest.fixture
def big_spend(shift, officer, department_head, finance, director):
    """Above the leader's limit: department head, finance, head of the organisation."""
    return spending.spend_request(shift=shift, amount=Decimal("5000"), purpose="设备", by=officer)


def _steps(spend):
    chain = chain_for(spend)
    return [(s.label, s.status) for s in chain.step_list]


def test_steps_in_order_each_decided_once(big_spend, department_head, finance, director):
    assert [status for _label, status in _steps(big_spend)] == ["pending", "waiting", "waiting"]
    spending.spend_approve(spend=big_spend, by=department_head)
    assert [status for _label, status in _steps(big_spend)] == ["approved", "pending", "waiting"]
    spending.spend_approve(spend=big_spend, by=finance)
    spending.spend_approve(spend=big_spend, by=director)
    assert chain_for(big_spend).status == ApprovalChain.Status.APPROVED
    assert [status for _label, status in _steps(big_spend)] == ["approved"] * 3


def test_wrong_actor_is_refused_and_nothing_changes(big_spend, officer, finance, staff):
    for intruder in (finance, staff, officer):  # not their step; the requester never
        with pytest.raises(NotAllowed):
            spending.spend_approve(spend=big_spend, by=intruder)
    assert [status for _label, status in _steps(big_spend)] == ["pending", "waiting", "waiting"]


def test_return_needs_a_reason_and_ends_the_chain(big_spend, department_head, finance):
    with pytest.raises(DomainError):
        spending.spend_reject(spend=big_spend, by=department_head, note="")
    spending.spend_reject(spend=big_spend, by=department_head, note="请补充报价单")
    assert [status for _label, status in _steps(big_spend)] == [
        "returned",
        "cancelled",
        "cancelled",
    ]
    assert chain_for(big_spend).step_list[0].reason == "请补充报价单"
    assert not Notification.objects.filter(recipient=finance).exists()


def test_each_step_audited_on_the_record(big_spend, department_head, finance):
    spending.spend_approve(spend=big_spend, by=department_head, note="同意")
    spending.spend_reject(spend=big_spend, by=finance, note="超预算")
    verbs = list(
        AuditEvent.objects.filter(target_id=str(big_spend.pk), verb__startswith="approval.")
        .order_by("pk")
        .values_list("verb", "actor__username", "data__reason")
    )
    assert verbs == [
        ("approval.started", "officer", None),
        ("approval.approved", "sunli", "同意"),
        ("approval.returned", "finance", "超预算"),
    ]


def test_next_approver_notified_and_reminded_exactly_once(
    big_spend, department_head, finance, time_machine
):
    time_machine.move_to("2026-12-01 10:00 +08:00")
    spending.spend_approve(spend=big_spend, by=department_head)
    assert Notification.objects.filter(recipient=finance, kind="duty.spend").count() == 1
    reminder = Reminder.objects.get(recipient=finance, kind="approval.step", status="pending")
    time_machine.move_to(reminder.due_at + timedelta(minutes=1))
    assert reminder_send(reminder_id=reminder.pk) is True
    assert reminder_send(reminder_id=reminder.pk) is False  # once
    leader_reminder = Reminder.objects.get(recipient=department_head, kind="approval.step")
    assert leader_reminder.status == "cancelled"  # the leader decided: no reminder


def test_to_do_lists_the_step_for_its_approver_only(
    big_spend, department_head, finance, client_for
):
    from office.todo import inbox_for

    def titles(user):
        return [i.title for i in inbox_for(user)["todo"]["items"]]

    assert str(big_spend) in titles(department_head)
    assert str(big_spend) not in titles(finance)
    spending.spend_approve(spend=big_spend, by=department_head)
    assert str(big_spend) in titles(finance) and str(big_spend) not in titles(department_head)


def test_the_page_shows_the_steps(big_spend, department_head, finance, client_for):
    spending.spend_approve(spend=big_spend, by=department_head, note="同意")
    page = client_for(finance).get(reverse("duty:spend_detail", args=[big_spend.pk]))
    body = page.content.decode()
    assert 'id="approval-chain"' in body
    for text in ("部门负责人", "财务", "单位负责人", "同意", "待审批"):
        assert text in body


def test_the_pdf_partial_shows_the_steps(big_spend, department_head):
    from django.template import Context, Template

    spending.spend_approve(spend=big_spend, by=department_head, note="同意")
    html = Template("{% load office_tags %}{% approval_chain spend pdf=True %}").render(
        Context({"spend": big_spend})
    )
    assert "部门负责人" in html or "Head of department" in html
    assert "同意" in html


def _detail_queries(client, spend) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("duty:spend_detail", args=[spend.pk])).status_code == 200
    return len(captured)


def test_detail_page_queries_do_not_grow_with_chains_or_steps(
    shift, officer, department_head, finance, director, client_for
):
    client = client_for(director)
    first = spending.spend_request(shift=shift, amount=Decimal("5000"), purpose="x", by=officer)
    spending.spend_approve(spend=first, by=department_head)
    client.get(reverse("duty:spend_detail", args=[first.pk]))  # warm the session
    small = _detail_queries(client, first)
    for _ in range(5):
        other = spending.spend_request(shift=shift, amount=Decimal("5000"), purpose="y", by=officer)
        spending.spend_approve(spend=other, by=department_head)
    spending.spend_approve(spend=other, by=finance)
    assert _detail_queries(client, other) == small
