"""The incoming workflow: transition table, each step's effects, circulation, chase."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils.timezone import localdate

from documents.models import Circulation, IncomingDocument
from documents.services import (
    UnreadReaders,
    circulation_chase,
    circulation_mark_read,
    circulation_send,
    document_archive,
    incoming_complete,
    incoming_instruct,
    incoming_propose,
    incoming_report_result,
    incoming_return,
)
from office.errors import DomainError, NotAllowed, TransitionNotAllowed
from office.models import AuditEvent, Notification, Reminder
from tests.factories import UserFactory

from .factories import IncomingFactory

S = IncomingDocument.Status
ALL = [s for s, _label in S.choices]
ALLOWED = {
    (S.REGISTERED, S.PROPOSED),
    (S.REGISTERED, S.RETURNED),
    (S.PROPOSED, S.INSTRUCTED),
    (S.PROPOSED, S.RETURNED),
    (S.INSTRUCTED, S.HANDLING),
    (S.INSTRUCTED, S.COMPLETED),
    (S.INSTRUCTED, S.RETURNED),
    (S.HANDLING, S.COMPLETED),
    (S.HANDLING, S.RETURNED),
    (S.COMPLETED, S.ARCHIVED),
}


def step(document, target, clerk, director, reader):
    """Drive the service that leads to `target`."""
    pk = document.pk
    if target == S.PROPOSED:
        incoming_propose(document_id=pk, by=clerk, proposal="拟请主任阅示。")
    elif target == S.INSTRUCTED:
        incoming_instruct(document_id=pk, by=director, instruction="请办公室研办。")
    elif target == S.HANDLING:
        circulation_send(document_id=pk, by=clerk, readers=[(reader, "阅知")])
    elif target == S.COMPLETED:
        incoming_complete(document_id=pk, by=clerk, confirm_unread=True)
    elif target == S.RETURNED:
        incoming_return(document_id=pk, by=clerk, reason="不属于本单位职责")
    elif target == S.ARCHIVED:
        document_archive(
            document=IncomingDocument.objects.get(pk=pk), by=clerk, retention="D10", category="BGS"
        )
    else:
        raise AssertionError(target)


@pytest.mark.parametrize(
    ("source", "target"),
    [(s, t) for s in ALL for t in ALL if t != S.REGISTERED and s != t],
)
def test_transition_table(source, target, clerk, director, staff):
    document = IncomingFactory(status=source, registered_by=clerk)
    if (source, target) in ALLOWED:
        step(document, target, clerk, director, staff)
        document.refresh_from_db()
        assert document.status == target
        assert AuditEvent.objects.filter(target_id=str(document.pk)).exists()
    else:
        with pytest.raises(DomainError):
            step(document, target, clerk, director, staff)
        document.refresh_from_db()
        assert document.status == source


@pytest.mark.parametrize(
    ("source", "target"),
    [(s, t) for s in ALL for t in ALL if t != S.REGISTERED and s != t],
)
def test_transition_table_refuses_the_wrong_actor(source, target, clerk, staff, other_staff):
    """A plain member of staff takes no step, whatever the state; nor does the clerk take the
    director's (the instruction). Nothing changes and nothing is audited."""
    document = IncomingFactory(status=source, registered_by=clerk)
    for actor in (staff, *([clerk] if target == S.INSTRUCTED else [])):
        with pytest.raises(NotAllowed):
            step(document, target, actor, actor, other_staff)
    document.refresh_from_db()
    assert document.status == source
    assert not AuditEvent.objects.filter(target_id=str(document.pk)).exists()


def test_proposal_asks_the_director(clerk, director, incoming):
    incoming_propose(document_id=incoming.pk, by=clerk, proposal="拟请王主任阅示")
    incoming.refresh_from_db()
    assert incoming.proposed_by == clerk and incoming.proposal == "拟请王主任阅示"
    assert Notification.objects.filter(recipient=director, kind="documents.awaiting_instruction")


def test_instruction_names_handlers_and_creates_a_supervision_item(
    clerk, director, staff, other_staff, django_capture_on_commit_callbacks
):
    from supervision.selectors import tasks_for_source

    document = IncomingFactory(status=S.PROPOSED, registered_by=clerk, security_level="secret")
    due = localdate() + timedelta(days=10)
    with django_capture_on_commit_callbacks(execute=True):
        incoming_instruct(
            document_id=document.pk,
            by=director,
            instruction="请财务处牵头落实，人事处配合。",
            lead_handler=staff,
            co_handlers=[other_staff],
            due=due,
            create_task=True,
        )
    document.refresh_from_db()
    assert document.lead_handler == staff and document.handling_due == due
    assert list(document.co_handlers.all()) == [other_staff]
    # The handlers of a secret document are put on its access list.
    assert set(document.access_list.all()) >= {staff, other_staff}
    tasks = list(tasks_for_source(document))
    assert len(tasks) == 1 and tasks[0].owner == staff and tasks[0].deadline == due
    assert Notification.objects.filter(recipient=staff, kind="documents.handling").exists()
    assert any("请财务处牵头落实" in m.body for m in mail.outbox if staff.email in m.to)


def test_a_supervision_item_needs_a_lead_handler(clerk, director):
    document = IncomingFactory(status=S.PROPOSED, registered_by=clerk)
    with pytest.raises(DomainError):
        incoming_instruct(
            document_id=document.pk, by=director, instruction="督办", create_task=True
        )
    document.refresh_from_db()
    assert document.status == S.PROPOSED


def test_circulation_read_with_comment_and_chase(clerk, director, staff, other_staff):
    document = IncomingFactory(status=S.INSTRUCTED, registered_by=clerk)
    slips = circulation_send(
        document_id=document.pk, by=clerk, readers=[(staff, "请阅知"), (other_staff, "请研提意见")]
    )
    assert [s.reason for s in slips] == ["请阅知", "请研提意见"]
    document.refresh_from_db()
    assert document.status == S.HANDLING
    assert (
        Reminder.objects.filter(kind="documents.circulation_unread", status="pending").count() == 2
    )
    circulation_mark_read(document_id=document.pk, reader=staff, comment="已阅，同意。")
    slip = Circulation.objects.get(document=document, reader=staff)
    assert slip.read_at is not None and slip.comment == "已阅，同意。"
    assert Reminder.objects.get(target_id=str(slip.pk)).status == "cancelled"
    with pytest.raises(DomainError):
        circulation_mark_read(document_id=document.pk, reader=staff)
    assert circulation_chase(document_id=document.pk, by=clerk) == 1
    chased = Circulation.objects.get(document=document, reader=other_staff)
    assert chased.chase_count == 1
    assert Notification.objects.filter(recipient=other_staff, kind="documents.chase").exists()
    assert not Notification.objects.filter(recipient=staff, kind="documents.chase").exists()


def test_someone_not_on_the_circulation_cannot_mark_it_read(clerk, staff, other_staff):
    document = IncomingFactory(status=S.INSTRUCTED, registered_by=clerk)
    circulation_send(document_id=document.pk, by=clerk, readers=[(staff, "")])
    with pytest.raises(DomainError):
        circulation_mark_read(document_id=document.pk, reader=other_staff)


def test_the_chase_reminder_is_vetoed_once_read(clerk, staff):
    from documents.services.circulation import circulation_still_due

    document = IncomingFactory(status=S.INSTRUCTED, registered_by=clerk)
    circulation_send(document_id=document.pk, by=clerk, readers=[(staff, "")])
    reminder = Reminder.objects.get(kind="documents.circulation_unread")
    assert circulation_still_due(reminder)
    Circulation.objects.filter(document=document).update(read_at=document.received_at)
    assert not circulation_still_due(reminder)


def test_completing_with_unread_readers_needs_confirmation(clerk, staff):
    document = IncomingFactory(status=S.INSTRUCTED, registered_by=clerk)
    circulation_send(document_id=document.pk, by=clerk, readers=[(staff, "")])
    with pytest.raises(UnreadReaders) as raised:
        incoming_complete(document_id=document.pk, by=clerk)
    assert raised.value.count == 1
    document.refresh_from_db()
    assert document.status == S.HANDLING
    incoming_complete(document_id=document.pk, by=clerk, confirm_unread=True)
    document.refresh_from_db()
    assert document.status == S.COMPLETED and document.completed_by == clerk


def test_only_the_lead_handler_reports_the_result(clerk, staff, other_staff):
    document = IncomingFactory(status=S.INSTRUCTED, registered_by=clerk, lead_handler=staff)
    with pytest.raises(DomainError):
        incoming_report_result(document_id=document.pk, by=other_staff, result="x")
    incoming_report_result(document_id=document.pk, by=staff, result="已按要求完成整改。")
    document.refresh_from_db()
    assert document.result == "已按要求完成整改。"
    assert Notification.objects.filter(recipient=clerk, kind="documents.result").exists()


def test_return_needs_a_reason(clerk, incoming):
    with pytest.raises(DomainError):
        incoming_return(document_id=incoming.pk, by=clerk, reason="  ")
    incoming_return(document_id=incoming.pk, by=clerk, reason="非本单位来文")
    incoming.refresh_from_db()
    assert incoming.status == S.RETURNED and incoming.return_reason == "非本单位来文"
    event = AuditEvent.objects.get(verb="documents.incoming_returned")
    assert event.data["reason"] == "非本单位来文"


def test_archived_documents_are_read_only(clerk, director):
    document = IncomingFactory(status=S.COMPLETED, registered_by=clerk)
    record = document_archive(document=document, by=clerk, retention="Y", category="bgs")
    assert record.archive_code.endswith("-Y-BGS-0001")
    with pytest.raises(TransitionNotAllowed):
        incoming_return(document_id=document.pk, by=clerk, reason="x")
    with pytest.raises(TransitionNotAllowed):
        document_archive(document=document, by=clerk, retention="Y", category="BGS")
    user = UserFactory()
    with pytest.raises(DomainError):
        circulation_send(document_id=document.pk, by=clerk, readers=[(user, "")])


def test_the_unread_reminder_is_sent_once_when_due_and_not_after_reading(clerk, staff, other_staff):
    from django.utils.timezone import now

    from office.services.reminders import reminder_send

    document = IncomingFactory(status=S.INSTRUCTED, registered_by=clerk)
    circulation_send(document_id=document.pk, by=clerk, readers=[(staff, ""), (other_staff, "")])
    Reminder.objects.update(due_at=now() - timedelta(minutes=1))
    circulation_mark_read(document_id=document.pk, reader=other_staff)
    sent = [reminder_send(reminder_id=r.pk) for r in Reminder.objects.order_by("pk")]
    assert sent.count(True) == 1
    assert (
        Notification.objects.filter(
            recipient=staff,
            kind="reminder.documents.circulation_unread",
            title__contains=document.title,
        ).count()
        == 1
    )
    assert not Notification.objects.filter(
        recipient=other_staff, kind__startswith="reminder."
    ).exists()
    assert [reminder_send(reminder_id=r.pk) for r in Reminder.objects.all()] == [False, False]


def test_only_the_lead_handler_reports_and_only_readers_mark_read(clerk, director, staff,
                                                                   other_staff):  # fmt: skip
    document = IncomingFactory(status=S.INSTRUCTED, registered_by=clerk, lead_handler=staff)
    for actor in (other_staff, clerk, director):
        with pytest.raises(NotAllowed):
            incoming_report_result(document_id=document.pk, by=actor, result="已办")
    circulation_send(document_id=document.pk, by=clerk, readers=[(staff, "阅知")])
    with pytest.raises(NotAllowed):
        circulation_mark_read(document_id=document.pk, reader=other_staff)
    with pytest.raises(NotAllowed):
        circulation_chase(document_id=document.pk, by=staff)
    document.refresh_from_db()
    assert document.result == "" and document.circulations.get().read_at is None
